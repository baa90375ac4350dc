// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Ballast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ballast", targets: ["Ballast"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        // Property-based tests (random small districts against a plain recount): tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .executableTarget(
            name: "Ballast",
            dependencies: ["BallastApp", "BallastBench", "BallastDemo", "BallastStore", .product(name: "Vapor", package: "vapor")]
        ),
        .target(
            name: "BallastApp",
            dependencies: [
                "BallastCore", "BallastStore", "BallastOffice", "BallastCharts",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
            ]
        ),
        // The demo district (Erqi's 2023 portfolio) and `ballast demo`: linked into the
        // executable and the tests, never imported by the app library.
        .target(
            name: "BallastDemo",
            dependencies: ["BallastApp", "BallastCore", "BallastStore",
                           .product(name: "Vapor", package: "vapor"), .product(name: "Fluent", package: "fluent")]
        ),
        // `ballast bench …`: speed and memory of the real code paths, linked into the executable
        // only (docs/PERFORMANCE.md); the app library never imports it.
        .target(
            name: "BallastBench",
            dependencies: ["BallastApp", "BallastCore", "BallastOffice", "BallastStore",
                           .product(name: "Vapor", package: "vapor"), .product(name: "Fluent", package: "fluent"),
                           .product(name: "SQLKit", package: "sql-kit")]
        ),
        .target(
            name: "BallastStore",
            dependencies: [
                "BallastCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        .target(
            name: "BallastOffice",
            dependencies: [
                "BallastCore", "BallastCharts",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "BallastCore"),
        // Charts as SVG from values: pure functions, no dependencies, the same bytes for the same input.
        .target(name: "BallastCharts"),
        // Gives each test a database of its own: in-memory SQLite, or a fresh PostgreSQL schema.
        .target(
            name: "BallastTestSupport",
            dependencies: ["BallastApp", "BallastDemo", "BallastCore", "BallastStore", .product(name: "Vapor", package: "vapor"),
                           .product(name: "VaporTesting", package: "vapor"), .product(name: "Fluent", package: "fluent")],
            path: "Tests/BallastTestSupport"
        ),
        .testTarget(name: "BallastCoreTests", dependencies: ["BallastCore"]),
        .testTarget(name: "BallastChartsTests", dependencies: ["BallastCharts"]),
        .testTarget(
            name: "BallastOfficeTests",
            dependencies: ["BallastOffice", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "BallastStoreTests",
            dependencies: ["BallastStore", "BallastDemo", "BallastTestSupport", .product(name: "Fluent", package: "fluent"),
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "BallastAppTests",
            dependencies: ["BallastApp", "BallastDemo", "BallastTestSupport", .product(name: "VaporTesting", package: "vapor")]
        ),
    ]
)
