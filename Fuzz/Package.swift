// swift-tools-version:6.0
// libFuzzer targets for Cited's readers, outside the main package's build: `Fuzz/run.sh` builds
// them with `-sanitize=fuzzer,address` into `.build-fuzz` and runs each one (Docs/fuzzing.md).
import PackageDescription

let targets = [
  "BibTeX", "RIS", "CSLJSON", "CSLYAML", "Style", "KnowledgeYAML", "Markdown", "CitationSyntax", "ExtremeItems",
  "MacroGraph",
]

let package = Package(
  name: "CitedFuzz",
  dependencies: [.package(name: "Cited", path: "..")],
  targets: [
    .target(name: "FuzzSupport", dependencies: [.product(name: "CitedKit", package: "Cited")])
  ]
    + targets.map { name in
      .executableTarget(
        name: "Fuzz" + name,
        dependencies: ["FuzzSupport", .product(name: "CitedKit", package: "Cited")])
    },
  swiftLanguageModes: [.v6]
)
