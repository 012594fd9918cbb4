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
      let embedded = EmbeddedLocales.files[tag]
      #expect(embedded == onDisk, "locales-\(tag).xml changed: run scripts/embed-locales.sh")
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
