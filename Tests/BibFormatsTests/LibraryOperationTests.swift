import BibModel
import Testing

@testable import BibFormats

/// Canonical form, dedupe, citation keys, three-way merge and validation.
@Suite struct LibraryOperationTests {
  func article(
    _ id: String, _ title: String, year: Int = 2000, family: String = "Smith", extra: [CSLVariable: String] = [:]
  )
    -> Reference
  {
    var reference = Reference(
      id: id, type: "article-journal", variables: ["title": title, "container-title": "J"].merging(extra) { $1 },
      names: ["author": [Name(family: family, given: "A.")]], dates: ["issued": DateValue(year: year)])
    reference.variables["title"] = title
    return reference
  }

  // MARK: Canonical form

  @Test func canonicalFormSortsAndIsIdempotent() {
    let document = BibDocument(references: [article("b", "  Two   spaces "), article("A", "One"), article("a", "Zero")])
    let canonical = Canonical.canonicalize(document)
    #expect(canonical.references.map(\.id) == ["A", "a", "b"])
    #expect(canonical.references.last?["title"] == "Two spaces")
    for format in BibFormat.allCases {
      let text = Canonical.text(document, format: format)
      let again = Canonical.text(BibFormats.read(Array(text.utf8), format: format, file: "x").document, format: format)
      #expect(text == again, "\(format)")
    }
  }

  @Test func canonicalFormKeepsTheBibTeXDialectOfAFile() {
    let result = BibTeXReader.read("@article{k, journal = {J}, year = 2001, title = {T}}", file: "x.bib")
    let text = Canonical.text(result.document, format: .biblatex)
    #expect(text.contains("journal = {J}"))
    #expect(text.contains("year = 2001"))
  }

  // MARK: Dedupe

  @Test func duplicatesByDOIISBNAndTitle() {
    let references = [
      article("a", "Deep Learning", extra: ["DOI": "10.1000/ABC"]),
      article("b", "Something else", extra: ["DOI": "https://doi.org/10.1000/abc"]),
      article("c", "Books", extra: ["ISBN": "0-306-40615-2"]),
      article("d", "Other books", extra: ["ISBN": "978-0-306-40615-7"]),
      article("e", "The <i>Great</i> Über-Study!", family: "Müller"),
      article("f", "the great uber study", family: "Muller"),
      article("g", "the great uber study", year: 2001, family: "Muller"),
    ]
    let groups = Dedupe.groups(references)
    #expect(groups.map(\.ids) == [["a", "b"], ["c", "d"], ["e", "f"]])
    #expect(groups[0].reasons == ["same DOI"])
    #expect(groups[1].reasons == ["same ISBN"])
  }

  @Test func mergingKeepsEveryFieldAndRecordsConflicts() throws {
    let first = article("a", "Deep Learning", extra: ["DOI": "10.1/x", "volume": "3"])
    var second = article("b", "Deep learning", extra: ["DOI": "10.1/x", "page": "1-9", "volume": "4"])
    second.variables["note"] = "from b"
    let (merged, conflicts) = Dedupe.merge([first, second])
    #expect(merged.id == "a")
    #expect(merged["page"] == "1-9")
    #expect(merged["volume"] == "3")
    #expect(merged["title"] == "Deep Learning")
    #expect(conflicts.count == 2)
    // The note holds what the users wrote, no machine records; conflicts are kept exactly aside.
    #expect(merged["note"] == "from b")
    let recorded = try #require(merged.extra["cited:dedupe-conflicts"]?.arrayValue)
    #expect(recorded.count == 2)
    #expect(merged.extra["cited:merged-from"] == nil)  // the ids alias says it
    // The dropped key stays citable as a BibLaTeX alias.
    #expect(merged["biblatex:ids"] == "b")
    let written = BibTeXWriter().write(merged)
    #expect(written.contains("  ids = {b},"))
    let (all, groups, _) = Dedupe.apply([first, article("z", "Unrelated"), second])
    #expect(all.map(\.id) == ["a", "z"])
    #expect(groups.count == 1)
  }

  // MARK: Citation keys

  @Test func keysAreAuthorYearTitleWord() {
    #expect(
      CitationKeys.base(for: article("x", "The Art of Computer Programming", year: 1968, family: "Knuth"))
        == "knuth1968art")
    #expect(CitationKeys.base(for: article("x", "Über Alles", year: 1990, family: "Müller")) == "muller1990uber")
    var chinese = Reference(
      id: "x", type: "book", variables: ["title": "中国政治"], dates: ["issued": DateValue(year: 2010)])
    var name = Name(family: "周", given: "望")
    name.forms["zh-Latn-pinyin"] = Name(family: "Zhou", given: "Wang")
    chinese.names["author"] = [name]
    chinese.forms["title"] = ["zh-Latn-pinyin": "Zhongguo zhengzhi"]
    #expect(CitationKeys.base(for: chinese) == "zhou2010zhongguo")
    #expect(CitationKeys.base(for: Reference(id: "y", type: "book")) == "anonnd")
  }

  @Test func clashesGetSuffixesAndExistingKeysAreStable() {
    let first = article("one", "Beta paper", year: 2000, family: "Lee")
    let second = article("two", "Alpha paper", year: 2000, family: "Lee")
    let keys = CitationKeys.assign([first, second, article("three", "Solo", family: "Kim")])
    #expect(keys["two"] == "lee2000alpha")
    #expect(keys["one"] == "lee2000beta")
    #expect(keys["three"] == "kim2000solo")
    // Same base word: suffixes; a third arrival does not rename the first two.
    let a = article("lee2000papera", "Paper on X", family: "Lee")
    let b = article("lee2000paperb", "Paper on Y", family: "Lee")
    let c = article("new", "Paper on A", family: "Lee")
    let stable = CitationKeys.assign([a, b, c])
    #expect(stable["lee2000papera"] == "lee2000papera")
    #expect(stable["lee2000paperb"] == "lee2000paperb")
    #expect(stable["new"] == "lee2000paperc")
    #expect(CitationKeys.assign([c, b, a]) == stable, "order of the file does not matter")
  }

  @Test func renamingFollowsCrossrefs() {
    let result = BibTeXReader.read(
      "@incollection{c, crossref = {p}, title = {C}}\n@collection{p, title = {P}, editor = {Ed, A}, date = {1999}}\n",
      file: "x.bib")
    let renamed = CitationKeys.rename(result.references, ["p": "ed1999p"])
    #expect(renamed.map(\.id) == ["c", "ed1999p"])
    #expect(renamed.first?["biblatex:crossref"] == "ed1999p")
    let text = BibTeXWriter().write(BibDocument(references: renamed))
    #expect(BibTeXReader.read(text, file: "y.bib").diagnostics.isEmpty)
  }

  @Test func sourceKeysInKnowledgeBaseYAMLAreRewritten() {
    let yaml = """
      statements:
        - value: x
          sources:
            - source: old1   # comment kept
              locator: "3"
            - source: "old2"
            - source: untouched
      notsource: old1
      """
    let (text, count) = CitationKeys.rewriteSources(yaml, ["old1": "new1", "old2": "new2"])
    #expect(count == 2)
    #expect(text.contains("- source: new1   # comment kept"))
    #expect(text.contains("- source: \"new2\""))
    #expect(text.contains("- source: untouched"))
    #expect(text.contains("notsource: old1"))
  }

  // MARK: Three-way merge

  func document(_ references: [Reference]) -> BibDocument { BibDocument(references: references) }

  @Test func editsToDifferentFieldsBothApply() {
    let base = article("a", "Title")
    var ours = base
    ours.variables["volume"] = "1"
    var theirs = base
    theirs.variables["page"] = "5-6"
    let result = ThreeWayMerge.merge(base: document([base]), ours: document([ours]), theirs: document([theirs]))
    #expect(result.isClean)
    guard case .clean(let merged)? = result.entries.first else {
      Issue.record("expected a clean entry")
      return
    }
    #expect(merged["volume"] == "1" && merged["page"] == "5-6")
  }

  @Test func sameFieldEditedDifferentlyIsAMarkedConflict() {
    let base = article("a", "Title")
    var ours = base
    ours.variables["title"] = "Our title"
    ours.variables["volume"] = "1"
    var theirs = base
    theirs.variables["title"] = "Their title"
    theirs.variables["page"] = "9"
    let result = ThreeWayMerge.merge(base: document([base]), ours: document([ours]), theirs: document([theirs]))
    #expect(result.conflicts.map(\.field) == ["title"])
    let text = ThreeWayMerge.text(result, format: .biblatex)
    #expect(text.contains("<<<<<<< ours\n@article{a,"))
    #expect(text.contains("title = {Our title}"))
    #expect(text.contains("=======\n@article{a,"))
    #expect(text.contains("title = {Their title}"))
    #expect(text.contains(">>>>>>> theirs"))
    // The non-conflicting edits of both sides are in both variants.
    #expect(text.components("volume = {1}") == 2)
    #expect(text.components("pages = {9}") == 2)
  }

  @Test func additionsOnBothSidesAndDeletionsMerge() {
    let keep = article("keep", "K")
    let gone = article("gone", "G")
    let edited = article("edited", "E")
    var editedTheirs = edited
    editedTheirs.variables["volume"] = "2"
    let result = ThreeWayMerge.merge(
      base: document([keep, gone, edited]),
      ours: document([keep, edited, article("ours-new", "O")]),
      theirs: document([keep, gone, editedTheirs, article("theirs-new", "T")]))
    #expect(result.isClean)
    #expect(result.entries.map(\.id) == ["edited", "keep", "ours-new", "theirs-new"])
  }

  @Test func deleteAgainstEditIsAConflictThatKeepsTheEdit() {
    let base = article("a", "A")
    var theirs = base
    theirs.variables["volume"] = "7"
    let result = ThreeWayMerge.merge(base: document([base]), ours: document([]), theirs: document([theirs]))
    #expect(result.conflicts.count == 1)
    let text = ThreeWayMerge.text(result, format: .cslJSON)
    #expect(text.contains("<<<<<<< ours\n=======\n"))
    #expect(text.contains("\"volume\": \"7\""))
  }

  @Test func sameAdditionOnBothSidesIsClean() {
    let new = article("n", "New")
    let result = ThreeWayMerge.merge(base: document([]), ours: document([new]), theirs: document([new]))
    #expect(result.isClean && result.entries.count == 1)
  }

  // MARK: Validation

  @Test func validatorFindsBadIdentifiersDatesAndMissingFields() {
    let text = """
      @article{bad,
        title = {T},
        journaltitle = {J},
        date = {2001-02-30},
        doi = {doi.org/10.1/x},
        isbn = {978-0-306-40615-8},
        issn = {1234-5678},
        url = {www.example.org},
      }
      @book{good, author = {A, B}, title = {T}, date = {2001}, isbn = {0-306-40615-2}, doi = {10.1000/xyz123},
        url = {https://example.org/x}}
      """
    let result = BibTeXReader.read(text, file: "v.bib")
    let diagnostics = BibliographyValidator().validate(result.document, file: "v.bib")
    let codes = Set(diagnostics.map(\.code))
    #expect(codes == ["missing-field", "invalid-date", "invalid-doi", "invalid-isbn", "invalid-issn", "invalid-url"])
    #expect(diagnostics.allSatisfy { $0.message.hasPrefix("'bad'") })
    #expect(
      diagnostics.first { $0.code == "invalid-doi" }?.location == SourceLocation(file: "v.bib", line: 5, column: 3))
    #expect(
      diagnostics.first { $0.code == "invalid-date" }?.location == SourceLocation(file: "v.bib", line: 4, column: 3))
  }

  @Test func isbnChecksums() {
    #expect(ISBN.isValid10("0306406152"))
    #expect(ISBN.isValid10("080442957X"))
    #expect(!ISBN.isValid10("0306406153"))
    #expect(ISBN.isValid13("9780306406157"))
    #expect(!ISBN.isValid13("9780306406158"))
    #expect(ISBN.to13("0306406152") == "9780306406157")
  }
}

extension String {
  func components(_ needle: String) -> Int {
    split(separator: needle, omittingEmptySubsequences: false).count - 1
  }
}
