import Foundation
import Testing

@testable import BibModel

/// The typed CSL vocabulary: the specification's names, and names it does not list kept as written.
@Suite struct VocabularyTests {
  /// The CSL schema's RELAX NG (compact) file of variables, in the shared data.
  static let schemaFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/csl/schema/rnc").standardized

  /// The quoted names of one `name = "a" | "b" …` definition of an .rnc file.
  static func schemaList(_ file: String, _ definition: String) -> Set<String>? {
    let url = schemaFolder.appendingPathComponent(file)
    guard let text = try? String(contentsOf: url, encoding: .utf8),
      let start = text.range(of: "\n  " + definition + " =")
    else { return nil }
    var names: Set<String> = []
    for line in text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).dropFirst() {
      if line.allSatisfy(\.isWhitespace) { break }
      // `| "name"`: the name is between the first two quotes (comment lines have none).
      let pieces = line.split(separator: "\"", omittingEmptySubsequences: false)
      if pieces.count >= 3 { names.insert(String(pieces[1])) }
    }
    return names
  }

  static let schemaPresent = schemaList("csl-types.rnc", "item-types") != nil

  @Test(.enabled(if: schemaPresent, "needs ../shared/csl/schema (the CSL 1.0.2 schema)"))
  func everySchemaNameIsAMember() throws {
    let variables = try #require(Self.schemaList("csl-variables.rnc", "variables.names"))
    #expect(Set(CSLVariables.names.map(\.rawValue)) == variables)
    let dates = try #require(Self.schemaList("csl-variables.rnc", "variables.dates"))
    #expect(Set(CSLVariables.dates.map(\.rawValue)) == dates)
    let numbers = try #require(Self.schemaList("csl-variables.rnc", "variables.numbers"))
    #expect(Set(CSLVariables.numbers.map(\.rawValue)) == numbers)
    let strings = try #require(Self.schemaList("csl-variables.rnc", "variables.strings"))
    let titles = try #require(Self.schemaList("csl-variables.rnc", "variables.titles"))
    #expect(Set(CSLVariables.standard.map(\.rawValue)) == strings.union(titles))
    let types = try #require(Self.schemaList("csl-types.rnc", "item-types"))
    #expect(Set(CSLVariables.itemTypes.map(\.rawValue)) == types)
  }

  @Test func kindsFollowTheSpecification() {
    #expect(CSLVariable.issued.kind == .date)
    #expect(CSLVariable.author.kind == .name)
    #expect(CSLVariable.page.kind == .number)
    #expect(CSLVariable.doi.rawValue == "DOI")
    #expect(CSLVariable.archiveLocation.rawValue == "archive_location")
    #expect(CSLVariable("x-custom").kind == nil)
    #expect(ItemType.legalCase.rawValue == "legal_case")
    #expect(LocatorType.subVerbo.rawValue == "sub-verbo")
  }

  /// Every specification variable has an ordinal of its own, so comparing and hashing by
  /// ordinal keeps names apart exactly as comparing the strings does; other names compare as
  /// strings, and a known name never equals an unknown one.
  @Test func variablesCompareAsTheirNames() {
    let all = CSLVariables.names.union(CSLVariables.dates).union(CSLVariables.numbers).union(CSLVariables.standard)
    #expect(all.allSatisfy { $0.ordinal >= 0 })
    #expect(Set(all.map(\.ordinal)).count == all.count)
    #expect(CSLVariable(rawValue: "title") == .title)
    #expect(CSLVariable(rawValue: "title") != .titleShort)
    #expect(CSLVariable(rawValue: "x-custom") == CSLVariable(rawValue: "x-custom"))
    #expect(CSLVariable(rawValue: "x-custom").ordinal == -1)
    #expect(CSLVariable(rawValue: "x-custom") != CSLVariable(rawValue: "x-other"))
    #expect(CSLVariable(rawValue: "Title") != .title)
    var table: [CSLVariable: Int] = [.title: 1, "x-custom": 2]
    table[CSLVariable(rawValue: "title"), default: 0] += 10
    #expect(table[.title] == 11 && table["x-custom"] == 2 && table.count == 2)
  }

  /// The static members carry their ordinals written out: each is the ordinal the name's
  /// look-up gives, so a member equals and hashes as the same name read from a style or a file.
  @Test func membersCarryTheOrdinalsOfTheirNames() {
    let all = CSLVariables.names.union(CSLVariables.dates).union(CSLVariables.numbers).union(CSLVariables.standard)
    #expect(all.count == 98)
    for variable in all.union([.locatorExtra]) {
      #expect(CSLVariable(rawValue: variable.rawValue).ordinal == variable.ordinal, "\(variable.rawValue)")
    }
    #expect(CSLVariable.locatorExtra.rawValue == "locator-extra")
  }

  @Test func unknownTypesAndVariablesRoundTrip() throws {
    let text = """
      [
        {
          "id": "a",
          "type": "x-podcast-episode",
          "Title": "Capitalized",
          "x-rating": 5,
          "title": "Known"
        }
      ]
      """
    let result = CSLJSON.read(text, file: "a.json")
    let item = try #require(result.references.first)
    #expect(item.type == ItemType("x-podcast-episode"))
    #expect(!CSLVariables.itemTypes.contains(item.type))
    #expect(item[CSLVariable("Title")] == "Capitalized")
    #expect(item.numericVariables.contains(CSLVariable("x-rating")))
    #expect(result.diagnostics.map(\.code) == ["unknown-type"])
    let written = CSLJSON.write(result.references)
    #expect(CSLJSON.read(written, file: "b.json").references == result.references)
    #expect(written.contains("\"type\": \"x-podcast-episode\""))
    #expect(written.contains("\"x-rating\": 5"))
  }

  @Test func citesKeepTheirLocatorTypeAndForcedPosition() throws {
    let object = try #require(
      try JSONParser.parse("{\"id\": \"a\", \"label\": \"x-timecode\", \"position\": 3}").objectValue)
    let cite = try #require(CSLJSON.decodeCite(object))
    #expect(cite.label == LocatorType("x-timecode"))
    #expect(cite.position == .ibidWithLocator)
  }

  /// Every CSL 1.0.2 type has its own ordinal below 64 (a bit of a word in a `type`
  /// condition); another name has none, and compares and hashes as written.
  @Test func knownTypesHaveOrdinalsAndOthersCompareAsWritten() {
    let ordinals = CSLVariables.itemTypes.map(\.ordinal)
    #expect(ordinals.allSatisfy { (0..<64).contains($0) })
    #expect(Set(ordinals).count == CSLVariables.itemTypes.count)
    for type in CSLVariables.itemTypes {
      let again = ItemType(rawValue: String(type.rawValue))
      #expect(again == type && again.hashValue == type.hashValue)
      #expect(ItemType("x-" + type.rawValue) != type)
    }
    #expect(ItemType("x-podcast").ordinal == -1)
    #expect(ItemType("x-podcast") == ItemType("x-podcast"))
    #expect(ItemType("x-podcast").hashValue == ItemType("x-podcast").hashValue)
    #expect(ItemType("Book") != .book && ItemType("x-podcast") != ItemType("x-podcasts"))
  }

  /// Tables hash names through `_rawHashValue(seed:)`: equal names hash alike under a seed,
  /// the known names spread over a table's buckets, and a table of known and unknown names
  /// finds every one of them.
  @Test func tableHashesAgreeWithEqualityAndSpread() {
    let known = CSLVariables.names.union(CSLVariables.dates).union(CSLVariables.numbers).union(CSLVariables.standard)
    let unknown: [CSLVariable] = ["x-custom", "shortTitle2", "é中", ""]
    for seed in [0, 1, -7, Int.max, 0x5EED_1234_5678] {
      for variable in Array(known) + unknown {
        #expect(
          variable._rawHashValue(seed: seed) == CSLVariable(rawValue: variable.rawValue)._rawHashValue(seed: seed))
      }
      // 98 known names in 128 buckets: a random spread fills about 68 of them.
      let buckets = Set(known.map { $0._rawHashValue(seed: seed) & 127 })
      #expect(buckets.count > 55, "seed \(seed): \(buckets.count) buckets")
    }
    #expect(CSLVariable.title._rawHashValue(seed: 1) != CSLVariable.title._rawHashValue(seed: 2))
    var table: [CSLVariable: String] = [:]
    for variable in Array(known) + unknown { table[variable] = variable.rawValue }
    #expect(table.count == known.count + unknown.count)
    for variable in Array(known) + unknown {
      #expect(table[CSLVariable(rawValue: variable.rawValue)] == variable.rawValue)
    }
    #expect(Set(ItemType.knownNames.map { ItemType(rawValue: $0)._rawHashValue(seed: 3) & 63 }).count > 25)
  }
}
