import BibModel
import Foundation
import Testing

@testable import BibFormats

/// Edits touch only what they change: each command runs on a hand-written fixture (accents as
/// LaTeX, quotes, a macro, odd spacing, entries out of order) and the exact line diff is checked.
@Suite struct MinimalDiffTests {
  static let fixture = """
    % My library
    @string{jas = "Journal of Asian Studies"}

    @Article{zhang2010,
      Author = {Zhang, Wei and M{\\"u}ller, J{\\"o}rg},
      Title = "The {Leading} Small Groups",
      Journal = jas,
      Year = 2010,
      Pages = {1--20}
    }

    @book{smith99,
      author    = {Smith, John},
      title     = {A Book},
      publisher = {Press},
      year      = {1999},
    }

    @book{Smith1999b,
      author    = {Smith, John},
      title     = {A Book},
      publisher = {Press},
      year      = {1999},
      isbn = {978-3-16-148410-0},
    }

    """

  /// Lines removed from `old` and lines added in `new` (a longest-common-subsequence diff).
  static func diff(_ old: String, _ new: String) -> (removed: [String], added: [String]) {
    let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in stride(from: a.count - 1, through: 0, by: -1) {
      for j in stride(from: b.count - 1, through: 0, by: -1) {
        table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
      }
    }
    var removed: [String] = []
    var added: [String] = []
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
      if i < a.count, j < b.count, a[i] == b[j] {
        i += 1
        j += 1
      } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
        added.append(b[j])
        j += 1
      } else {
        removed.append(a[i])
        i += 1
      }
    }
    return (removed, added)
  }

  func withFile(_ text: String, name: String = "refs.bib", _ body: (URL) throws -> Void) throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent(name)
    try Data(text.utf8).write(to: file)
    try body(file)
  }

  func contents(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func keysApplyChangesOnlyTheKeyLines() throws {
    try withFile(Self.fixture) { file in
      let status = try CitedBinary.run(["bib", "keys", file.path, "--apply"])
      #expect(status == 0)
      let (removed, added) = Self.diff(Self.fixture, try contents(file))
      #expect(removed == ["@Article{zhang2010,", "@book{smith99,", "@book{Smith1999b,"])
      #expect(added.count == 3)
      #expect(added.allSatisfy { $0.hasPrefix("@Article{zhang2010") || $0.hasPrefix("@book{smith1999") })
    }
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func dedupeMergeDropsTheDuplicateAndAddsOnlyWhatItLacked() throws {
    try withFile(Self.fixture) { file in
      let status = try CitedBinary.run(["bib", "dedupe", file.path, "--merge"])
      #expect(status == 0)
      let after = try contents(file)
      let (removed, added) = Self.diff(Self.fixture, after)
      #expect(
        removed == [
          "}", "", "@book{Smith1999b,", "  author    = {Smith, John},", "  title     = {A Book},",
          "  publisher = {Press},", "  year      = {1999},",
        ])
      #expect(added == ["  ids = {Smith1999b},"])
      #expect(!after.contains("note"))
    }
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func addReplacesInPlaceAndAppends() throws {
    try withFile(Self.fixture) { file in
      let incoming = file.deletingLastPathComponent().appendingPathComponent("new.bib")
      try Data(
        """
        @book{smith99, author = {Smith, John}, title = {A Book}, publisher = {Press}, year = {1999}, edition = {2}}
        @article{doe2020, author = {Doe, Jane}, title = {New}, year = {2020}, journal = {J}}

        """.utf8
      ).write(to: incoming)
      let status = try CitedBinary.run(["bib", "add", file.path, incoming.path])
      #expect(status == 0)
      let after = try contents(file)
      let (removed, added) = Self.diff(Self.fixture, after)
      #expect(removed.isEmpty)
      #expect(added.first == "  edition = {2},")
      #expect(after.hasPrefix(Self.fixture.prefix(while: { $0 != "}" })))  // accents and quotes untouched
      #expect(after.contains("@article{doe2020,"))
      #expect(added.count > 1 && added.dropFirst().allSatisfy { !$0.contains("smith") })
    }
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func formatLeavesACanonicalFileAlone() throws {
    let canonical = Canonical.text(
      BibFormats.read(Array(Self.fixture.utf8), format: .biblatex, file: "f").document, format: .biblatex)
    try withFile(canonical) { file in
      let status = try CitedBinary.run(["bib", "format", file.path])
      #expect(status == 0)
      let after = try contents(file)
      #expect(after == canonical)
    }
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func aCleanOneFieldMergeIsAOneLineDiff() throws {
    try withFile(Self.fixture) { base in
      let directory = base.deletingLastPathComponent()
      let ours = directory.appendingPathComponent("ours.bib")
      let theirs = directory.appendingPathComponent("theirs.bib")
      let output = directory.appendingPathComponent("out.bib")
      try Data(
        Self.fixture.replacingOccurrences(
          of: "  year      = {1999},\n}", with: "  year      = {1999},\n  note = {ours},\n}"
        ).utf8
      ).write(to: ours)
      try Data(Self.fixture.replacingOccurrences(of: "Pages = {1--20}", with: "Pages = {1--21}").utf8).write(to: theirs)
      let status = try CitedBinary.run(["bib", "merge", base.path, ours.path, theirs.path, "-o", output.path])
      #expect(status == 0)
      let (removed, added) = Self.diff(try contents(ours), try contents(output))
      #expect(removed == ["  Pages = {1--20}"])
      #expect(added == ["  Pages = {1--21}"])
    }
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func aConflictedMergeMarksOnlyTheConflictedEntry() throws {
    try withFile(Self.fixture) { base in
      let directory = base.deletingLastPathComponent()
      let ours = directory.appendingPathComponent("ours.bib")
      let theirs = directory.appendingPathComponent("theirs.bib")
      let output = directory.appendingPathComponent("out.bib")
      try Data(Self.fixture.replacingOccurrences(of: "Pages = {1--20}", with: "Pages = {1--22}").utf8).write(to: ours)
      try Data(Self.fixture.replacingOccurrences(of: "Pages = {1--20}", with: "Pages = {1--21}").utf8).write(
        to: theirs)
      let status = try CitedBinary.run(["bib", "merge", base.path, ours.path, theirs.path, "-o", output.path])
      #expect(status == 1)
      let merged = try contents(output)
      // The other entries keep their text and order; the markers surround the one entry.
      #expect(merged.hasPrefix("% My library\n@string{jas = \"Journal of Asian Studies\"}\n\n<<<<<<< ours\n"))
      let rest = try #require(Self.fixture.range(of: "\n\n@book{smith99,"))
      #expect(merged.hasSuffix(Self.fixture[rest.lowerBound...]))
      #expect(merged.contains("  pages = {1--22},\n  year = 2010,\n}\n=======\n"))
      #expect(merged.contains("  pages = {1--21},\n  year = 2010,\n}\n>>>>>>> theirs\n"))
    }
  }

  @Test func aRemovedEntryTakesItsBlankLineWithIt() {
    let read = BibFormats.read(Array(Self.fixture.utf8), format: .biblatex, file: "f").document
    var edited = read
    edited.references.removeAll { $0.id == "smith99" }
    let text = PreservingWriter.text(edited, over: read, original: Self.fixture, format: .biblatex)
    let (removed, added) = Self.diff(Self.fixture, text)
    #expect(added.isEmpty)
    #expect(removed.count == 7)
    #expect(!text.contains("smith99") && text.hasSuffix("}\n") && !text.contains("\n\n\n"))
  }

  @Test func risCarriesNoBlobForANoteWithADash() {
    let bib = "@article{a, author = {Doe, J.}, title = {T -- U}, date = {2001}, volume = {3}, note = {pp. 3--4}}"
    let document = BibFormats.read(Array(bib.utf8), format: .biblatex, file: "f").document
    let ris = BibFormats.write(document, format: .ris)
    #expect(!ris.contains("cited-csl"))
    #expect(ris.contains("N1  - pp. 3–4\n"))
  }

  @Test func risHoldsAnEnDashPageRangeNatively() {
    let bib = "@article{a, author = {Doe, J.}, title = {T}, date = {2001}, pages = {1--20}}"
    let document = BibFormats.read(Array(bib.utf8), format: .biblatex, file: "f").document
    let ris = BibFormats.write(document, format: .ris)
    #expect(!ris.contains("cited-csl"))
    #expect(ris.contains("SP  - 1–20\n"))
    let back = BibFormats.read(Array(ris.utf8), format: .ris, file: "r")
    #expect(back.references.first?["page"] == "1–20")
  }

}
