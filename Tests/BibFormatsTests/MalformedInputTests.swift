import BibModel
import Foundation
import Testing

@testable import BibFormats

/// Bad input costs the entry it is in, is reported with file:line:column, and never crashes.
@Suite struct MalformedInputTests {
  func read(_ text: String, _ format: BibFormat = .biblatex) -> BibReadResult {
    readText(text, format, file: "bad.bib")
  }

  @Test func unbalancedBraceCostsOnlyItsField() throws {
    let text = """
      @article{good1, title = {One}}
      @article{broken, title = {Two {x, year = 2000,
      }
      @article{good2, title = {Three}}
      """
    let result = read(text)
    #expect(result.references.map(\.id) == ["good1", "broken", "good2"])
    #expect(result.references[1].dates["issued"]?.year == 2000)
    #expect(result.references[1]["title"] == nil)
    let error = try #require(result.diagnostics.first { $0.code == "bibtex-syntax" })
    #expect(error.location == SourceLocation(file: "bad.bib", line: 2, column: 26))
    #expect(error.message.contains("unbalanced"))
  }

  @Test func missingCommaIsReportedWhereItHappens() throws {
    let result = read("@book{a, title = {A} year = 2000}\n@book{b, title = {B}}\n")
    #expect(result.references.map(\.id) == ["a", "b"])
    #expect(result.references.first?["title"] == "A")
    #expect(result.references.first?.dates["issued"]?.year == 2000)
    let error = try #require(result.diagnostics.first)
    #expect(error.location?.line == 1)
    #expect(error.location?.column == 22)
  }

  @Test func undefinedMacroIsAWarningWithItsPlace() throws {
    let result = read("@book{a,\n  title = {A},\n  publisher = nosuchmacro,\n}\n")
    #expect(result.references.first?["publisher"] == "nosuchmacro")
    let warning = try #require(result.diagnostics.first { $0.code == "undefined-macro" })
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(file: "bad.bib", line: 3, column: 15))
  }

  @Test func truncatedFileKeepsWhatWasRead() throws {
    let result = read("@book{a, title = {A}}\n@book{b, title = {B},\n  author = {Do")
    #expect(result.references.map(\.id) == ["a", "b"])
    #expect(result.references.last?["title"] == "B")
    #expect(result.diagnostics.contains { $0.severity == .error && $0.location?.line == 3 })
  }

  @Test func crossrefCycleIsDetected() throws {
    let result = read("@misc{a, crossref = {b}, title = {A}}\n@misc{b, crossref = {c}}\n@misc{c, crossref = {a}}\n")
    #expect(result.references.count == 3)
    let cycle = try #require(result.diagnostics.first { $0.code == "inheritance-cycle" })
    #expect(cycle.message.contains("a → b → c → a"))
    #expect(cycle.location?.line == 1)
    #expect(result.references.first?["title"] == "A")
  }

  @Test func xdataCycleIsDetected() {
    let result = read(
      "@xdata{x, xdata = {y}, note = {X}}\n@xdata{y, xdata = {x}}\n@book{k, xdata = {x}, title = {K}}\n")
    #expect(result.references.map(\.id) == ["k"])
    #expect(result.diagnostics.contains { $0.code == "inheritance-cycle" })
    #expect(result.references.first?["note"] == "X")
  }

  @Test func strayInvalidBytesInAUTF8FileAreReadAsWindows1252() throws {
    var bytes = Array("@book{a, title = {Ä}}\n@book{b, title = {Caf".utf8)
    bytes += [0xE9]
    bytes += Array("}}\n@book{c, title = {C}}\n".utf8)
    let result = BibFormats.read(bytes, format: .biblatex, file: "bad.bib")
    #expect(result.references.map(\.id) == ["a", "b", "c"])
    #expect(result.references[1]["title"] == "Café")
    let warning = try #require(result.diagnostics.first { $0.code == "invalid-utf8" })
    #expect(warning.location == SourceLocation(file: "bad.bib", line: 2, column: 22))
    #expect(!result.isClean)
  }

  @Test func latin1IsDecodedWithAWarning() throws {
    let bytes: [UInt8] = Array("@book{a, title = {Caf".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x80] + Array("}}\n".utf8)
    let result = BibFormats.read(bytes, format: .biblatex, file: "latin1.bib")
    #expect(result.references.first?["title"] == "Café – €")
    #expect(result.diagnostics.contains { $0.code == "encoding" && $0.severity == .warning })
  }

  @Test func utf16WithByteOrderMarkIsDecoded() {
    let text = "@book{a, title = {中文 Ünïcödé}}\n"
    var bytes: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let result = BibFormats.read(bytes, format: .biblatex, file: "utf16.bib")
    #expect(result.references.first?["title"] == "中文 Ünïcödé")
    #expect(!result.diagnostics.hasErrors)
  }

  @Test func duplicateKeysAreKeptWithASuffix() throws {
    let result = read("@book{a, title = {One}}\n@book{a, title = {Two}}\n@book{a, title = {Three}}\n")
    #expect(result.references.map(\.id) == ["a", "a-2", "a-3"])
    #expect(result.references.map { $0["title"] } == ["One", "Two", "Three"])
    let warning = try #require(result.diagnostics.first { $0.code == "duplicate-id" })
    #expect(warning.location?.line == 2)
    #expect(warning.message.contains("bad.bib:1:1"))
    #expect(warning.severity == .warning)
  }

  @Test func everyPrefixOfAFileReadsWithoutCrashing() {
    let text = BibTeXReaderTests.sample
    let characters = Array(text)
    var total = 0
    for length in stride(from: 0, through: characters.count, by: 3) {
      let result = read(String(characters[0..<length]))
      total += result.references.count
      for diagnostic in result.diagnostics where diagnostic.severity == .error {
        #expect(diagnostic.location != nil)
      }
    }
    #expect(total > 0)
  }

  @Test func mutatedFilesNeverCrashAndWhatWasReadRoundTrips() {
    var generator = ReferenceGenerator(seed: 99)
    var generated = ReferenceGenerator(seed: 5)
    let yaml = CSLYAML.write(generated.references(6))
    let bases = [BibTeXReaderTests.sample, RISAndYAMLTests.ris, yaml].map { Array($0.utf8) }
    let specials: [UInt8] = Array("{}\"@#,=\\%()".utf8) + [0xFF, 0xC3]
    // CITED_FUZZ_ROUNDS=3000 swift test --filter mutatedFiles runs a longer fuzz.
    let rounds = Int(ProcessInfo.processInfo.environment["CITED_FUZZ_ROUNDS"] ?? "") ?? 150
    for _ in 0..<rounds {
      var bytes = generator.pick(bases)
      for _ in 0..<generator.int(1...5) {
        bytes[generator.int(0...(bytes.count - 1))] = generator.pick(specials)
      }
      for format in [BibFormat.biblatex, .ris, .cslYAML, .cslJSON] {
        let result = BibFormats.read(bytes, format: format, file: "fuzz")
        // Whatever was read can be written in every format and read back the same.
        for target in [BibFormat.biblatex, .ris] where !result.references.isEmpty {
          let text = BibFormats.write(result.document, format: target)
          let back = BibFormats.read(Array(text.utf8), format: target, file: "again")
          // Compared as CSL-JSON: odd inputs can give references whose in-memory form differs
          // (a date's raw text beside its parts) while their CSL-JSON is the same.
          let expected = result.references.map { JSONWriter.write(CSLJSON.encode($0), pretty: false) }
          let actual = back.references.map { JSONWriter.write(CSLJSON.encode($0), pretty: false) }
          if actual != expected {
            let pair = zip(result.references, back.references).first { $0 != $1 }
            Issue.record("\(format) → \(target): \(pair.map { difference($0, $1) } ?? "count")")
          }
        }
      }
    }
  }

  @Test func risProblemsAreReported() {
    let text = "AU  - Stray, Line\nTY  - JOUR\nID  - a\nTI  - One\nTY  - BOOK\nID  - b\nTI  - Two\nER  - \n"
    let result = read(text, .ris)
    // The stray line before the first TY is a record of its own (generic), not dropped.
    #expect(result.references.map(\.id) == ["straynd", "a", "b"])
    #expect(result.diagnostics.contains { $0.code == "ris-missing-ty" && $0.location?.line == 1 })
    #expect(result.diagnostics.contains { $0.code == "ris-missing-er" && $0.location?.line == 2 })
  }

  @Test func yamlSyntaxErrorHasAPosition() throws {
    let result = read("- id: a\n  title: [unclosed\n  type: book\n", .cslYAML)
    let error = try #require(result.diagnostics.first)
    #expect(error.code == "yaml-syntax")
    #expect((error.location?.line ?? 0) >= 2)
  }

  @Test func conflictMarkersAreErrorsAtTheirLines() {
    let result = read("<<<<<<< ours\n@book{a, title = {A}}\n=======\n@book{a, title = {B}}\n>>>>>>> theirs\n")
    let lines = result.diagnostics.filter { $0.code == "conflict-markers" }.compactMap { $0.location?.line }
    #expect(lines == [1, 3, 5])
  }

  /// The scan for markers samples every seventh byte: a marker is found wherever it starts.
  @Test(arguments: 0..<14)
  func conflictMarkersAreFoundAtEveryOffset(_ offset: Int) {
    let text = "% " + String(repeating: "x", count: offset) + "\n<<<<<<< ours\n@book{a, title = {A}}\n>>>>>>> theirs\n"
    let lines = read(text).diagnostics.filter { $0.code == "conflict-markers" }.compactMap { $0.location?.line }
    #expect(lines == [2, 4])
  }

  @Test func emptyFilesAreEmptyBibliographies() {
    for format in BibFormat.allCases {
      let result = BibFormats.read(Array(" \n".utf8), format: format, file: "empty")
      #expect(result.references.isEmpty && result.diagnostics.isEmpty, "\(format)")
    }
  }

  @Test func deepNestingNeverExhaustsTheStack() {
    let depth = 100_000
    let braces = String(repeating: "{", count: depth) + "x" + String(repeating: "}", count: depth)
    let accents = String(repeating: "\\\"", count: 50_000) + "x"
    let text = "@book{a, title = {\(braces)}, note = {\(accents)}, author = {\(braces)}}\n@book{b, title = {B}}\n"
    let result = read(text)
    #expect(result.references.map(\.id) == ["a", "b"])
    var chain = ""
    for index in 0..<5_000 { chain += "@misc{k\(index), crossref = {k\(index + 1)}}\n" }
    chain += "@misc{k5000, title = {End}}\n"
    let chained = read(chain)
    #expect(chained.references.count == 5_001)
    #expect(chained.diagnostics.contains { $0.code == "inheritance-depth" })
  }

  @Test func extremeDateNumbersSurviveEveryFormat() {
    let json = #"[{"id": "x", "type": "book", "issued": {"date-parts": [[-9223372036854775808, 99, 99]]}}]"#
    let references = CSLJSON.read(json, file: "x.json").references
    for format in BibFormat.allCases {
      let text = BibFormats.write(BibDocument(references: references), format: format)
      #expect(BibFormats.read(Array(text.utf8), format: format, file: "x").references == references, "\(format)")
    }
    #expect(
      BibliographyValidator().validate(BibDocument(references: references), file: "x").contains {
        $0.code == "invalid-date"
      })
  }
}
