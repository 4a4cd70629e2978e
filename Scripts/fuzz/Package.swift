// swift-tools-version:6.1
import PackageDescription

// A libFuzzer target over the CSV reader, dialect detection and cell parsing. Build and run it through
// Scripts/fuzz-csv, which passes -sanitize=fuzzer,address; a plain `swift build` of this package does not link.
let package = Package(
    name: "fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "fuzz-csv",
            dependencies: [
                "FuzzDriver",
                .product(name: "PyramidIngest", package: "main"),
            ]
        ),
        .target(name: "FuzzDriver"),
    ],
    swiftLanguageModes: [.v6]
)
