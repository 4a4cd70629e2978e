// swift-tools-version:6.1
import PackageDescription

// A throwaway benchmark: Pyramid's byte-level CSVReader against CSV.swift on one large file.
// Run it through Scripts/csv-reader-bench.
let package = Package(
    name: "csvbench",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
    ],
    targets: [
        .executableTarget(
            name: "csvbench",
            dependencies: [
                .product(name: "PyramidIngest", package: "main"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
