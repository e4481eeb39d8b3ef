// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "elo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "elo", targets: ["elo"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        // Plain domain types; no C dependencies.
        .target(name: "EloCore"),

        // C libraries, each wrapped by exactly one Swift module.
        .target(name: "CICUShim", linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]),
        .systemLibrary(name: "CPoppler", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CVoikko", pkgConfig: "libvoikko", providers: [.apt(["libvoikko-dev"])]),
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // One atomic swap of two folders (renameat2): a new report set replaces the old whole.
        .target(name: "CFileSwap"),
        // liblinear: fits the learned layer's logistic regressions (`elo train`); prediction is plain Swift.
        .systemLibrary(name: "CLinear", providers: [.apt(["liblinear-dev"])]),
        // libxlsxwriter: the matrix and gaps workbook (coverage.xlsx); wrapped by EloSpreadsheet only.
        .systemLibrary(name: "CXLSXWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),

        .target(name: "EloExtraction", dependencies: [
            "EloCore", "CPoppler", "CICUShim", "CCrypto", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(
            name: "EloNormalisation", dependencies: ["EloCore", "CICUShim", "CVoikko", "CStemmer"],
            // Data compiled into the module (no bundle to ship next to the binary).
            resources: [
                .embedInCode("Resources/abbreviations.txt"),
                .embedInCode("Resources/language-fi.txt"),
                .embedInCode("Resources/language-sv.txt"),
                .embedInCode("Resources/language-en.txt"),
            ]),
        // The pipeline file, label-set files, region files and sidecars: schema, loading, checks, messages.
        .target(name: "EloSettings", dependencies: ["EloCore", .product(name: "Yams", package: "Yams")]),
        .target(name: "EloClassification", dependencies: ["EloCore", "EloSettings", "EloNormalisation", "CLinear"]),
        // The SQLite index: schema, migrations, one writer.
        .target(name: "EloIndex", dependencies: ["EloCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "EloPipeline", dependencies: [
            "EloCore", "EloSettings", "EloExtraction", "EloNormalisation", "EloClassification", "EloIndex", "EloReports",
            "EloSpreadsheet", .product(name: "Logging", package: "swift-log"),
        ]),
        // Coverage (levels, evidence, changes) and its report renderers (HTML, Markdown, JSON, CSV); no index, no C.
        .target(
            name: "EloReports", dependencies: ["EloCore", "CFileSwap"],
            // The reports' words, one file per language, compiled into the module.
            resources: [.embedInCode("Resources/strings-fi.txt"), .embedInCode("Resources/strings-sv.txt")]),
        // The matrix and gaps as an Excel workbook (libxlsxwriter).
        .target(name: "EloSpreadsheet", dependencies: ["EloCore", "EloReports", "CXLSXWriter"]),
        // `elo serve`: the reports and a search page over HTTP (Hummingbird); the only module that imports it.
        .target(name: "EloServer", dependencies: [
            "EloCore", "EloPipeline", "EloReports",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "EloCLI", dependencies: [
            "EloCore", "EloSettings", "EloExtraction", "EloPipeline", "EloClassification", "EloServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The binary allocates with tcmalloc (gperftools) instead of glibc malloc: poppler's text pages and the
        // normaliser make millions of small allocations from several threads; see README "Benchmarks and checks".
        .executableTarget(name: "elo", dependencies: ["EloCLI"],
                          linkerSettings: [.linkedLibrary("tcmalloc_minimal", .when(platforms: [.linux]))]),

        // Fixture builders (tiny PDF writer, temp folders) shared by the test targets.
        .target(name: "EloTestSupport", dependencies: [
            "EloCore", "EloSettings", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Tests/EloTestSupport"),

        // The worker with injected faults (hang, spin, crash, hog) for the isolation tests; never shipped.
        .executableTarget(name: "elo-fault-worker", dependencies: ["EloPipeline"], path: "Tests/EloFaultWorker"),

        .testTarget(name: "EloCoreTests", dependencies: ["EloCore"]),
        .testTarget(name: "EloExtractionTests", dependencies: ["EloExtraction", "EloClassification", "EloTestSupport"]),
        .testTarget(name: "EloNormalisationTests", dependencies: ["EloNormalisation", "EloExtraction", "EloTestSupport"]),
        .testTarget(name: "EloClassificationTests", dependencies: ["EloClassification", "EloSettings", "EloPipeline", "EloTestSupport"]),
        .testTarget(name: "EloReportsTests", dependencies: [
            "EloReports", "EloCore", "EloPipeline", "EloIndex", "EloSettings", "EloSpreadsheet", "EloTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], exclude: ["Golden"]),
        .testTarget(name: "EloIndexTests", dependencies: [
            "EloIndex", "EloTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EloIngestTests", dependencies: [
            "EloPipeline", "EloIndex", "EloReports", "EloSettings", "EloTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "EloCLITests", dependencies: ["EloCLI", "EloPipeline", "EloSettings", "EloTestSupport"]),
        .testTarget(name: "EloServerTests", dependencies: [
            "EloServer", "EloPipeline", "EloReports", "EloIndex", "EloCore", "EloTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
