import CSLStyle
import Testing
import XMLTree

/// The generated Sources/CSLStyle/Generated/EmbeddedLocales.swift must match Styles/locales.
@Suite struct EmbeddedLocalesTests {
  @Test func embeddedSetMatchesTheFilesOnDisk() throws {
    let onDisk = try LocaleFileSupport.filesOnDisk()
    #expect(!onDisk.isEmpty, "no locale files found in \(LocaleFileSupport.localesDirectory)")
    #expect(
      Set(EmbeddedLocales.files.keys) == Set(onDisk.keys),
      "the embedded locales are stale: run scripts/embed-locales.sh")
  }

  @Test func embeddedTextIsByteForByteTheFileOnDisk() throws {
    for (tag, path) in try LocaleFileSupport.filesOnDisk().sorted(by: { $0.key < $1.key }) {
      let onDisk = try LocaleFileSupport.read(path)
      let embedded = try #require(EmbeddedLocales.files[tag], "\(tag) is not embedded: run scripts/embed-locales.sh")
      // Compare without letting a failure print two whole files: name the first differing line.
      let diskLines = onDisk.split(separator: "\n", omittingEmptySubsequences: false)
      let embeddedLines = embedded.split(separator: "\n", omittingEmptySubsequences: false)
      var line = 1
      while line <= min(diskLines.count, embeddedLines.count), diskLines[line - 1] == embeddedLines[line - 1] {
        line += 1
      }
      let identical = embedded == onDisk
      #expect(
        identical,
        "locales-\(tag).xml differs from its embedded copy at line \(line): run scripts/embed-locales.sh")
    }
  }

  @Test func everyEmbeddedLocaleParsesAndDeclaresItsOwnTag() throws {
    #expect(EmbeddedLocales.files.count >= 5)
    for (tag, text) in EmbeddedLocales.files.sorted(by: { $0.key < $1.key }) {
      let root = try XMLTreeParser.parse(text, sourceName: "locales-\(tag).xml")
      #expect(root.name == "locale", "\(tag): root is <\(root.name)>")
      #expect(root.namespaceURI == LocaleFileSupport.cslNamespace, "\(tag): wrong namespace")
      #expect(root[attribute: "xml:lang"] == tag, "\(tag): xml:lang is \(root[attribute: "xml:lang"] ?? "missing")")
      #expect(root[attribute: "version"] == "1.0", "\(tag): version must be 1.0")
    }
  }

  @Test func theFiveShippedLocalesAreEmbedded() {
    for tag in ["en-US", "en-GB", "de-DE", "zh-CN", "zh-TW"] {
      #expect(EmbeddedLocales.files[tag]?.contains("xml:lang=\"\(tag)\"") == true, "\(tag) is not embedded")
    }
  }
}
