// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Sitrep",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitrep", targets: ["sitrep"]),
        .library(name: "SitrepCore", targets: ["SitrepCore"]),
        .library(name: "SitrepUI", targets: ["SitrepUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Reading, cleaning and analysing articles; the corpus and its store. No terminal code.
        .target(name: "SitrepCore", dependencies: [.product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")], resources: [.copy("Resources/entity-tagger.model"), .copy("Resources/places.tsv"), .copy("Resources/aliases.tsv")]),
        // The dashboard as pure Swift: state, layout and widgets drawing into a Buffer.
        .target(name: "SitrepUI", dependencies: ["SitrepCore", .product(name: "TOMLKit", package: "TOMLKit")]),
        // The system ncursesw library, with the wide-character API switched on in its header.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The thin backend that turns a Buffer into ncurses calls and ncurses input into events.
        .target(name: "SitrepTerminal", dependencies: ["SitrepUI", "CNcursesw"]),
        // Trains the entity tagger on CoNLL-2003 and writes the model SitrepCore ships.
        .executableTarget(name: "sitrep-train-tagger", dependencies: ["SitrepCore"]),
        // Measures extract throughput stage by stage (release build; not a test).
        .executableTarget(name: "sitrep-extract-benchmark", dependencies: ["SitrepCore"]),
        .executableTarget(
            name: "sitrep",
            dependencies: [
                "SitrepCore", "SitrepUI", "SitrepTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SitrepCoreTests", dependencies: ["SitrepCore", .product(name: "GRDB", package: "GRDB.swift")], resources: [.copy("Fixtures")]),
        .testTarget(name: "SitrepUITests", dependencies: ["SitrepUI"]),
        .testTarget(name: "SitrepCLITests", dependencies: ["sitrep", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
