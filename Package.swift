// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Cited",
  products: [
    .executable(name: "cited", targets: ["cited"]),
    .executable(name: "cited-pandoc", targets: ["cited-pandoc"]),
    .executable(name: "cited-server", targets: ["cited-server"]),
    .library(
      name: "CitedKit",
      targets: ["BibModel", "BibFormats", "CSLStyle", "CSLEngine", "KnowledgeBase", "Reports"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // The server's stack, built only for `cited-server` and its tests (never for `cited`).
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
  ],
  targets: [
    // The C import of the system cmark-gfm (CommonMark + GitHub extensions): module map and shim header.
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    // The C import of the system libxml2: a module map and a shim header, nothing else.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // The system mimalloc (`libmimalloc-dev`): linked into the command-line tools, it takes the
    // place of the C library's malloc for the whole process (Docs/benchmarks.md, round 23).
    .systemLibrary(
      name: "CMimalloc",
      providers: [.apt(["libmimalloc-dev"])]
    ),
    // The only target that sees libxml2; hands out immutable Sendable element trees.
    .target(name: "XMLTree", dependencies: ["CLibXML2"]),
    // The CSL data model: references, names, dates, citations, CSL-JSON, diagnostics.
    .target(name: "BibModel"),
    // CSL styles and locales as typed data, parsed from XMLTree with collected diagnostics.
    .target(name: "CSLStyle", dependencies: ["XMLTree", "BibModel"]),
    // The CSL processor: a pure function from style, locale, references and citations to output.
    .target(name: "CSLEngine", dependencies: ["CSLStyle", "BibModel"]),
    // The CSL test-suite fixture format and runner, shared by the CLI and the conformance tests.
    .target(name: "CSLTestSuite", dependencies: ["CSLStyle", "CSLEngine", "BibModel"]),
    // Bibliography formats: CSL-JSON, CSL-YAML, BibLaTeX/BibTeX, RIS.
    .target(
      name: "BibFormats",
      dependencies: ["BibModel", .product(name: "Yams", package: "Yams")]),
    // Entities, statements, sources; the YAML loader, the schema and the provenance rules.
    .target(
      name: "KnowledgeBase",
      dependencies: ["BibModel", "BibFormats", .product(name: "Yams", package: "Yams")]),
    // Annotated reports and Markdown rendering; where the knowledge base meets the engine.
    .target(
      name: "Reports",
      dependencies: [
        "KnowledgeBase", "BibFormats", "CSLEngine", "CSLStyle", "BibModel", "XMLTree", "CCmarkGFM",
        .product(name: "Yams", package: "Yams"),
      ]),
    // pandoc's JSON AST: reading, writing and citation processing for the pandoc filter.
    .target(name: "PandocFilter", dependencies: ["Reports", "CSLEngine", "CSLStyle", "BibModel"]),
    // The pandoc filter (`pandoc --filter cited-pandoc`): standard input to standard output.
    .executableTarget(name: "cited-pandoc", dependencies: ["PandocFilter", "CMimalloc"]),
    // The command-line tool: argument parsing and printing, no domain logic.
    .executableTarget(
      name: "cited",
      dependencies: [
        "XMLTree", "BibModel", "CSLStyle", "CSLEngine", "CSLTestSuite", "BibFormats", "KnowledgeBase", "Reports",
        "PandocFilter", "CMimalloc", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // The shared bibliography as a service: storage (SQLite, PostgreSQL), tokens and the HTTP API.
    .target(
      name: "BibServer",
      dependencies: [
        "BibModel", "BibFormats", "CSLStyle", "CSLEngine", "Reports",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // `cited serve` runs this executable when it sits next to `cited`: argument parsing only.
    .executableTarget(
      name: "cited-server",
      dependencies: ["BibServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .testTarget(name: "XMLTreeTests", dependencies: ["XMLTree"]),
    .testTarget(name: "BibModelTests", dependencies: ["BibModel"]),
    .testTarget(name: "CSLStyleTests", dependencies: ["CSLStyle", "XMLTree", "BibModel"]),
    .testTarget(name: "CSLEngineTests", dependencies: ["CSLEngine", "CSLStyle", "BibModel"]),
    .testTarget(name: "CSLTestSuiteTests", dependencies: ["CSLTestSuite", "CSLStyle"]),
    // Cited's own styles, the multilingual extension and the style catalog.
    .testTarget(
      name: "CitedStylesTests", dependencies: ["CSLStyle", "CSLEngine", "BibModel"], exclude: ["Resources"]),
    .testTarget(
      name: "CSLConformanceTests", dependencies: ["CSLTestSuite", "CSLStyle", "CSLEngine", "BibModel"],
      exclude: ["Resources", "Fixtures"]),
    .testTarget(
      name: "ReportsTests", dependencies: ["Reports", "BibModel", "XMLTree", "KnowledgeBase"], exclude: ["Fixtures"]),
    .testTarget(name: "KnowledgeBaseTests", dependencies: ["KnowledgeBase", "BibModel"], exclude: ["Fixtures"]),
    // Runs the built `cited` and `cited-server` binaries (the dependencies make sure they are built first),
    // and the web page's browser test script in `Browser/`.
    .testTarget(name: "CitedCLITests", dependencies: ["cited", "cited-server", "XMLTree"], exclude: ["Browser"]),
    .testTarget(name: "BibFormatsTests", dependencies: ["BibFormats", "BibModel"]),
    .testTarget(
      name: "BibServerTests",
      dependencies: [
        "BibServer", "BibModel", "BibFormats", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    // The filter as a library, and through the real pandoc when it is installed.
    .testTarget(
      name: "PandocFilterTests", dependencies: ["PandocFilter", "cited-pandoc", "Reports", "CSLStyle", "BibModel"]),
  ],
  swiftLanguageModes: [.v6]
)
