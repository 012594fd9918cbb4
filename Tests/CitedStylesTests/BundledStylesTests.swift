import CSLStyle
import Testing

/// Every style in Styles/ validates clean, renders the whole bundled bibliography, and is
/// embedded in the binary exactly as on disk.
@Suite struct BundledStylesTests {
  @Test func theThreeStylesShip() throws {
    let names = try StyleTestSupport.bundledStyleNames()
    for name in ["lsg-blog", "chicago-author-date-multilingual", "chicago-notes-multilingual"] {
      #expect(names.contains(name), "Styles/\(name).csl is missing")
    }
  }

  @Test func everyStyleValidatesWithoutDiagnostics() throws {
    for name in try StyleTestSupport.bundledStyleNames() {
      let path = StyleTestSupport.packageRoot + "/Styles/\(name).csl"
      let result = StyleParser.parse(try StyleTestSupport.read(path), file: path)
      #expect(result.style != nil, "\(name) does not parse")
      #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.description))")
    }
  }

  @Test func everyStyleRendersTheWholeBundledBibliography() throws {
    let references = try StyleTestSupport.references(StyleTestSupport.bundledBibliography)
    #expect(references.count > 30)
    for name in try StyleTestSupport.bundledStyleNames() {
      let style = try StyleTestSupport.style(StyleTestSupport.packageRoot + "/Styles/\(name).csl")
      let output = StyleTestSupport.render(style: style, references: references, cites: references.map(\.id))
      #expect(output.diagnostics.isEmpty, "\(name): \(output.diagnostics)")
      #expect(output.bibliography.count == references.count, "\(name): \(output.bibliography.count) entries")
      #expect(output.citations.count == references.count, "\(name): \(output.citations.count) citations")
      #expect(!output.bibliography.contains { $0.trimmingCharacters(in: " .").isEmpty }, "\(name): an empty entry")
    }
  }

  @Test func embeddedStylesAreTheFilesOnDisk() throws {
    let names = try StyleTestSupport.bundledStyleNames()
    #expect(
      Set(EmbeddedStyles.files.keys) == Set(names), "the embedded styles are stale: run scripts/embed-styles.sh")
    for name in names {
      let onDisk = try StyleTestSupport.read(StyleTestSupport.packageRoot + "/Styles/\(name).csl")
      let embedded = try #require(EmbeddedStyles.files[name], "\(name) is not embedded: run scripts/embed-styles.sh")
      let diskLines = onDisk.split(separator: "\n", omittingEmptySubsequences: false)
      let embeddedLines = embedded.split(separator: "\n", omittingEmptySubsequences: false)
      var line = 1
      while line <= min(diskLines.count, embeddedLines.count), diskLines[line - 1] == embeddedLines[line - 1] {
        line += 1
      }
      #expect(
        embedded == onDisk, "\(name).csl differs from its embedded copy at line \(line): run scripts/embed-styles.sh")
    }
  }
}
