// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Pyramid",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pyramid", targets: ["pyramid"]),
        .library(name: "PyramidCore", targets: ["PyramidCore"]),
        .library(name: "PyramidIngest", targets: ["PyramidIngest"]),
        .library(name: "PyramidStore", targets: ["PyramidStore"]),
        .library(name: "PyramidReport", targets: ["PyramidReport"]),
        .library(name: "PyramidDemo", targets: ["PyramidDemo"]),
        .library(name: "PyramidPostgres", targets: ["PyramidPostgres"]),
    ],
    traits: [
        // PostgreSQL workspaces (`--db postgres://…`) in the `pyramid` executable. Off by default: PostgresNIO and
        // what it builds on (SwiftNIO, two copies of BoringSSL) took a fresh debug build of `pyramid` from 1m21s to
        // 8m33s on a 2-core machine, and a team on one SQLite file does not need them. `swift build --traits
        // PostgreSQL` builds them in; the tests always do (they link PyramidPostgres whatever the traits).
        .trait(name: "PostgreSQL", description: "Open PostgreSQL workspaces (--db postgres://…) from the command line.")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .target(name: "PyramidCore"),
        // SHA-256 blocks through the processor's SHA instructions: the import digests every byte it reads.
        .target(name: "CPyramidSHA"),
        // sqlite3_config, which takes variable arguments that Swift cannot pass (see Store.configureSQLite).
        .target(name: "CPyramidSQLite", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Cache hints: the OS's page cache's for a large import's pages (see AppendedPages), and the processor's for
        // the key sieve's and the tally counter's lines (pyramid_prefetch; see KeySieve).
        .target(name: "CPyramidPageCache"),
        .target(
            name: "PyramidIngest",
            dependencies: [
                "PyramidCore",
                "CPyramidSHA",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PyramidStore",
            dependencies: [
                "PyramidCore",
                "PyramidIngest",
                "CPyramidSQLite",
                "CPyramidPageCache",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The organisation's workspace on PostgreSQL: the same answers as PyramidStore's SQLite workspace.
        .target(
            name: "PyramidPostgres",
            dependencies: [
                "PyramidCore",
                "PyramidIngest",
                "PyramidStore",
                "CPyramidPageCache",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "PyramidReport", dependencies: ["PyramidCore"]),
        .target(name: "PyramidDemo", dependencies: ["PyramidCore"]),
        .executableTarget(
            name: "pyramid",
            dependencies: [
                "PyramidCore", "PyramidIngest", "PyramidStore", "PyramidReport", "PyramidDemo",
                .target(name: "PyramidPostgres", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "PyramidCoreTests", dependencies: ["PyramidCore"]),
        .testTarget(name: "PyramidIngestTests", dependencies: ["PyramidIngest", "PyramidDemo"]),
        .testTarget(
            name: "PyramidStoreTests", dependencies: ["PyramidStore", "PyramidPostgres", "PyramidIngest", "PyramidDemo"]
        ),
        .testTarget(name: "PyramidReportTests", dependencies: ["PyramidReport"]),
        .testTarget(name: "PyramidDemoTests", dependencies: ["PyramidDemo"]),
        .testTarget(name: "pyramidTests", dependencies: ["pyramid", "PyramidPostgres"]),
    ],
    swiftLanguageModes: [.v6]
)
