import BibModel
import Testing

@testable import BibFormats

/// Reading BibLaTeX/BibTeX: every feature of the syntax and of the LaTeX → Unicode mapping.
@Suite struct BibTeXReaderTests {
  static let sample = #"""
    % A comment line
    @preamble{"\newcommand{\noopsort}[1]{}"}
    @string{jgr = "Journal of Geophysical Research"}
    @string{ieee = {IEEE}}
    @string{both = jgr # " and " # ieee}
    @comment{a comment with {braces}}

    @article{knuth1984,
      author = {Donald E. Knuth and Ludwig van Beethoven and {\"O}zg{\"u}r, {\c{C}}a{\u{g}}lar
        and Ford, Jr., Henry and {World Health Organization} and others},
      title = {The {DNA} of {\TeX}: \emph{Literate} Programming--a Study},
      journal = both # " (" # ieee # ")",
      year = 1984,
      month = may,
      number = 2,
      pages = {97--111},
      doi = {10.1093/comjnl/27.2.97},
      note = {Stra{\ss}e~\& caf\'{e} --- more \textit{and} $x^2$ \unknown{arg}},
      owner = {jm},
    }

    @book(book1,
      author = {family=Gogh, given=Vincent, prefix=van, useprefix=true and family=Gaulle, given=Charles, prefix=de},
      title = "Collected {L}etters",
      subtitle = {Volume One},
      date = {2004-05/2006},
      location = {Amsterdam},
      publisher = {Van Gogh Museum},
      series = {Letters},
      number = {3},
      isbn = {978-0-306-40615-7},
      title-zh-Latn-pinyin = {Shuxin Ji},
      author-zh-Latn-pinyin = {Fan Gao, Wenxunte and Gaole, Xia'er},
    )

    @incollection{chap1,
      crossref = {coll1},
      author = {Smith, Ann},
      title = {A Chapter},
      pages = {1--10},
    }

    @collection{coll1,
      editor = {Smith, John},
      title = {The Big Collection},
      year = {2010},
      publisher = {Publisher},
    }

    @xdata{pubinfo, publisher = {Shared Press}, location = {Berlin}}
    @book{xbook, author = {Doe, Jane}, title = {X}, date = {2001~}, xdata = {pubinfo}}
    """#

  func read(_ text: String) -> BibReadResult { BibTeXReader.read(text, file: "test.bib") }

  func reference(_ result: BibReadResult, _ id: String) -> Reference? {
    result.references.first { $0.id == id }
  }

  @Test func readsEveryEntryWithoutErrors() {
    let result = read(Self.sample)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
    #expect(result.references.map(\.id) == ["knuth1984", "book1", "chap1", "coll1", "xbook"])
  }

  @Test func macrosConcatenationAndMonths() throws {
    let knuth = try #require(reference(read(Self.sample), "knuth1984"))
    #expect(knuth["container-title"] == "Journal of Geophysical Research and IEEE (IEEE)")
    #expect(knuth.dates["issued"] == DateValue(year: 1984, month: 5))
    #expect(knuth["issue"] == "2")
  }

  @Test func latexBecomesUnicodeAndMarkup() throws {
    let knuth = try #require(reference(read(Self.sample), "knuth1984"))
    #expect(knuth["title"] == #"The <span class="nocase">DNA</span> of TeX: <i>Literate</i> Programming–a Study"#)
    #expect(knuth["note"] == "Straße\u{00A0}& café — more <i>and</i> $x^2$ \\unknown{arg}")
    #expect(knuth["page"] == "97–111")
    #expect(knuth["DOI"] == "10.1093/comjnl/27.2.97")
    #expect(knuth["biblatex:owner"] == "jm")
  }

  @Test func namesWithParticlesSuffixesLiteralsAndExtendedFormat() throws {
    let result = read(Self.sample)
    let authors = try #require(reference(result, "knuth1984")?.names["author"])
    #expect(authors[0] == Name(family: "Knuth", given: "Donald E."))
    #expect(authors[1] == Name(family: "Beethoven", given: "Ludwig", nonDroppingParticle: "van"))
    #expect(authors[2] == Name(family: "Özgür", given: "Çağlar"))
    #expect(authors[3] == Name(family: "Ford", given: "Henry", suffix: "Jr."))
    #expect(authors[4] == Name(literal: "World Health Organization"))
    #expect(authors.count == 5)  // "and others" is et al., not a sixth person
    #expect(reference(result, "knuth1984")?.extra["cited:et-al"] == .array([.string("author")]))
    let book = try #require(reference(result, "book1"))
    let names = try #require(book.names["author"])
    #expect(names[0].nonDroppingParticle == "van" && names[0].family == "Gogh")
    #expect(names[1].droppingParticle == "de" && names[1].family == "Gaulle")
    #expect(names[0].forms["zh-Latn-pinyin"] == Name(family: "Fan Gao", given: "Wenxunte"))
    #expect(book.forms["title"] == ["zh-Latn-pinyin": "Shuxin Ji"])
  }

  @Test func titlesDatesAndNumbers() throws {
    let book = try #require(reference(read(Self.sample), "book1"))
    #expect(book["title"] == #"Collected <span class="nocase">L</span>etters: Volume One"#)
    #expect(book.dates["issued"] == DateValue(parts: [DateParts(year: 2004, month: 5), DateParts(year: 2006)]))
    #expect(book["collection-number"] == "3")
    #expect(book["publisher-place"] == "Amsterdam")
  }

  @Test func crossrefAndXDataInheritance() throws {
    let result = read(Self.sample)
    let chapter = try #require(reference(result, "chap1"))
    #expect(chapter["container-title"] == "The Big Collection")
    #expect(chapter["title"] == "A Chapter")
    #expect(chapter["publisher"] == "Publisher")
    #expect(chapter.names["editor"] == [Name(family: "Smith", given: "John")])
    #expect(chapter.dates["issued"]?.year == 2010)
    let xbook = try #require(reference(result, "xbook"))
    #expect(xbook["publisher"] == "Shared Press")
    #expect(xbook["publisher-place"] == "Berlin")
    #expect(xbook.dates["issued"]?.circa == true)
  }

  @Test func blocksAreKept() {
    let blocks = read(Self.sample).document.blocks
    #expect(blocks.contains(.text("% A comment line")))
    #expect(blocks.contains(.preamble(#""\newcommand{\noopsort}[1]{}""#)))
    #expect(blocks.contains(.string(name: "both", value: #"jgr # " and " # ieee"#)))
    #expect(blocks.contains(.comment("a comment with {braces}")))
  }

  @Test func roundTripGivesTheSameModelAndCanonicalBytes() {
    let first = read(Self.sample)
    for dialect in [BibTeXWriter.Dialect.biblatex, .bibtex] {
      for ascii in [false, true] {
        let writer = BibTeXWriter(options: .init(dialect: dialect, ascii: ascii))
        let text = writer.write(first.document)
        let second = read(text)
        #expect(
          second.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(second.diagnostics.map(\.description))")
        expectSameReferences(second.references, first.references, "\(dialect) ascii \(ascii)")
        #expect(second.document.blocks == first.document.blocks)
        let again = writer.write(second.document)
        if again != text {
          Issue.record("canonical text changed (\(dialect), ascii \(ascii)): \(firstDifference(text, again))")
        }
      }
    }
  }

  @Test func asciiOutputUsesLaTeXCommands() {
    let writer = BibTeXWriter(options: .init(ascii: true))
    let text = writer.write(Reference(id: "k", type: "book", variables: ["title": "Über Straße – naïve Łódź"]))
    let expected = #"{\"U}ber Stra{\ss}e -- na{\"{\i}}ve {\L}{\'o}d{\'z}"#
    #expect(text.contains(expected), "\(text)")
    #expect(BibTeXReader.read(text, file: "x").references.first?["title"] == "Über Straße – naïve Łódź")
  }

  @Test func caseProtectionMapsToNocaseAndBack() {
    let reference = Reference(
      id: "k", type: "article-journal", variables: ["title": #"On <span class="nocase">iPhone</span> use"#])
    let text = BibTeXWriter().write(reference)
    #expect(text.contains("title = {On {iPhone} use}"))
    #expect(!text.contains("csl = "))
  }

  @Test func unknownCSLVariablesUseXCSLFields() {
    let reference = Reference(id: "k", type: "book", variables: ["title": "T", "archive": "Some Archive"])
    let text = BibTeXWriter().write(reference)
    #expect(text.contains("x-csl-archive = {Some Archive}"))
    #expect(BibTeXReader.read(text, file: "x").references.first == reference)
  }

  @Test func staleBlobLosesToAHandEdit() throws {
    let reference = Reference(id: "k", type: "book", variables: ["title": "a  b"])
    let text = BibTeXWriter().write(reference)
    #expect(text.contains("csl = "))
    #expect(BibTeXReader.read(text, file: "x").references.first == reference)
    let edited = text.replacingOccurrences(of: "title = {a  b}", with: "title = {Edited}")
    let result = BibTeXReader.read(edited, file: "x")
    #expect(result.references.first?["title"] == "Edited")
    #expect(result.diagnostics.contains { $0.code == "csl-blob-stale" })
  }

  @Test func inheritedFieldsStayWithTheParentWhenWrittenBack() throws {
    let first = read(Self.sample)
    let text = BibTeXWriter().write(first.document)
    let chapter = text.split(separator: "@").first { $0.hasPrefix("incollection{chap1") }.map(String.init) ?? ""
    #expect(chapter.contains("crossref = {coll1}"))
    #expect(!chapter.contains("booktitle"), "inherited from coll1, not copied: \(chapter)")
    #expect(!chapter.contains("publisher"))
    // An inherited field edited in the child is written into the child.
    var document = first.document
    let index = try #require(document.references.firstIndex { $0.id == "chap1" })
    document.references[index].variables["publisher"] = "Own Publisher"
    let edited = BibTeXWriter().write(document)
    let reread = read(edited)
    #expect(reread.references.first { $0.id == "chap1" }?["publisher"] == "Own Publisher")
    #expect(reread.references.first { $0.id == "chap1" }?["container-title"] == "The Big Collection")
    // Written alone (parent absent), the child keeps everything.
    let alone = BibTeXWriter().write(BibDocument(references: [document.references[index]]))
    #expect(alone.contains("booktitle = {The Big Collection}"))
  }

  @Test func keysBibTeXCannotHoldAreSanitizedWithoutCollisions() {
    let references = [
      Reference(id: "a b", type: "book", variables: ["title": "One"]),
      Reference(id: "a_b", type: "book", variables: ["title": "Two"]),
      Reference(id: "x{y},z", type: "book", variables: ["title": "Three"]),
    ]
    let text = BibTeXWriter().write(BibDocument(references: references))
    #expect(text.contains("@book{a_b_2,") && text.contains("@book{x_y__z,"))
    let back = BibTeXReader.read(text, file: "k.bib")
    #expect(back.diagnostics.isEmpty)
    #expect(back.references == references)
  }

  @Test func valuesDefinedAsMacrosAreWrittenAsTheMacro() {
    let text = "@string{jgr = {Journal of Geophysical Research}}\n\n@article{k,\n  journal = jgr,\n  year = 2001,\n}\n"
    let result = read(text)
    let written = BibTeXWriter(options: .init(dialect: .bibtex)).write(result.document)
    #expect(written.contains("  journal = jgr,\n"))
    #expect(written == text)
  }

  @Test func paragraphsAndLineBreaksAreNative() {
    let reference = Reference(
      id: "k", type: "book", variables: ["title": "T", "abstract": "First paragraph.\n\nSecond\nline."])
    let text = BibTeXWriter().write(reference)
    #expect(text.contains("abstract = {First paragraph.\n\nSecond\\\\\nline.}"))
    #expect(!text.contains("csl = "))
    #expect(BibTeXReader.read(text, file: "x").references == [reference])
    let typed = read("@book{k, abstract = {One\n   \n  two \\\\ three\n four}}")
    #expect(typed.references.first?["abstract"] == "One\n\ntwo\nthree four")
  }
}
