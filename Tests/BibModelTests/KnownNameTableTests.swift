import Testing

@testable import BibModel

/// Known names found by their bytes are the vocabulary's own values; anything else is not found.
@Suite struct KnownNameTableTests {
  static func lookUp<T>(_ text: String, _ find: (UnsafeRawBufferPointer) -> T?) -> T? {
    Array(text.utf8).withUnsafeBytes { find($0) }
  }

  @Test func everyKnownNameIsFoundAsItself() {
    let variables =
      (CSLVariables.names.union(CSLVariables.dates).union(CSLVariables.numbers)
      .union(CSLVariables.standard)).map(\.rawValue) + ["locator-extra", "shortTitle", "journalAbbreviation"]
    for name in variables {
      let found = Self.lookUp(name, CSLVariable.known)
      #expect(found?.rawValue == name)
      #expect(found?.ordinal == CSLVariable(rawValue: name).ordinal)
      // The kind read by ordinal is the one the specification's sets give.
      let sets: [(Set<CSLVariable>, CSLVariable.Kind)] = [
        (CSLVariables.standard, .standard), (CSLVariables.numbers, .number), (CSLVariables.dates, .date),
        (CSLVariables.names, .name),
      ]
      #expect(found?.kind == sets.first { $0.0.contains(CSLVariable(rawValue: name)) }?.1, "\(name)")
    }
    for name in ItemType.knownNames {
      let found = Self.lookUp(name, ItemType.known)
      #expect(found?.rawValue == name && found?.ordinal == ItemType(rawValue: name).ordinal)
    }
  }

  @Test(arguments: ["", "titl", "title ", "Title", "titles", "containertitle", "authorr", "book-", "é", "id"])
  func otherNamesAreNotFound(_ name: String) {
    #expect(Self.lookUp(name, CSLVariable.known) == nil)
    #expect(Self.lookUp(name, ItemType.known) == nil)
  }
}
