import BibModel
import CSLEngine
import CSLStyle
import Testing

/// End-to-end checks of the processor on small inline styles (no shared data needed).
struct ProcessorTests {
  static let locale = """
    <locale xmlns="http://purl.org/net/xbiblio/csl" xml:lang="en-US">
      <style-options punctuation-in-quote="true"/>
      <terms>
        <term name="and">and</term>
        <term name="et-al">et al.</term>
        <term name="page" form="short"><single>p.</single><multiple>pp.</multiple></term>
        <term name="open-quote">“</term><term name="close-quote">”</term>
        <term name="open-inner-quote">‘</term><term name="close-inner-quote">’</term>
        <term name="ordinal">th</term><term name="ordinal-01">st</term><term name="ordinal-02">nd</term>
        <term name="ordinal-03">rd</term><term name="ordinal-11">th</term><term name="ordinal-12">th</term>
        <term name="ordinal-13">th</term>
      </terms>
    </locale>
    """

  func processor(
    _ layout: String, citationAttributes: String = "", bibliographySort: String = "", references: [Reference]
  ) throws -> Processor {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <citation \(citationAttributes)><layout delimiter="; ">\(layout)</layout></citation>
        <bibliography>\(bibliographySort)<layout>\(layout)</layout></bibliography>
      </style>
      """
    return try processor(style: text, references: references)
  }

  /// A processor for a whole style's text, with the test locale.
  func processor(style text: String, references: [Reference]) throws -> Processor {
    let style = try #require(StyleParser.parse(text).style)
    let (locale, _) = LocaleStore(files: ["en-US": Self.locale]).resolve(style: style, language: nil)
    return Processor(style: style, locale: locale, references: references)
  }

  static let doe = Reference(
    id: "doe", type: "book", variables: ["title": "A <i>Fine</i> Book", "page": "321-28", "edition": "2"],
    names: ["author": [Name(family: "Doe", given: "Jean-Paul"), Name(family: "Roe", given: "Anna")]],
    dates: ["issued": DateValue(year: 2001)])

  @Test func rendersNamesWithInitialsAndAnd() throws {
    let processor = try processor(
      "<names variable=\"author\"><name and=\"text\" initialize-with=\". \"/></names>", references: [Self.doe])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "doe")])], format: PlainTextFormat())
    #expect(output.citations == ["J.-P. Doe and A. Roe"])
  }

  @Test func initialsKeepMarkupAndStrayAngleBracketsDoNotLoop() throws {
    let marked = Reference(
      id: "m", type: "book", names: ["author": [Name(family: "Doe", given: "<b>John</b>-Quiggly")]])
    let stray = Reference(id: "s", type: "book", names: ["author": [Name(family: "Roe", given: "Ann > Bea <")]])
    let processor = try processor(
      "<names variable=\"author\"><name initialize-with=\". \"/></names>", references: [marked, stray])
    let output = processor.process(
      citations: [Citation(cites: [Cite(id: "m")]), Citation(cites: [Cite(id: "s")])], format: HTMLFormat())
    #expect(output.citations.first == "<b>J.</b>-Q. Doe")
    #expect(output.citations.count == 2)
  }

  @Test func etAlTruncates() throws {
    let processor = try processor(
      "<names variable=\"author\"><name form=\"short\" et-al-min=\"2\" et-al-use-first=\"1\"/></names>",
      references: [Self.doe])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "doe")])], format: PlainTextFormat())
    #expect(output.citations == ["Doe et al."])
  }

  @Test func pageRangesAndOrdinals() throws {
    let processor = try processor(
      "<group delimiter=\", \"><text variable=\"page\"/><number variable=\"edition\" form=\"ordinal\"/></group>",
      references: [Self.doe])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "doe")])], format: PlainTextFormat())
    #expect(output.citations == ["321–28, 2nd"])
  }

  @Test func htmlEscapesAndKeepsMarkup() throws {
    var reference = Self.doe
    reference.variables["title"] = "Cats & <i>Dogs</i> \"quoted\""
    let processor = try processor("<text variable=\"title\"/>", references: [reference])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "doe")])], format: HTMLFormat())
    #expect(output.citations == ["Cats &#38; <i>Dogs</i> “quoted”"])
  }

  @Test func markdownFormat() throws {
    let processor = try processor("<text variable=\"title\" font-weight=\"bold\"/>", references: [Self.doe])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "doe")])], format: MarkdownFormat())
    #expect(output.citations == ["**A *Fine* Book**"])
  }

  @Test func groupWithOnlyEmptyVariablesIsSuppressed() throws {
    let processor = try processor(
      "<group delimiter=\" \"><text value=\"Vol.\"/><text variable=\"volume\"/></group><text variable=\"title\"/>",
      references: [Self.doe])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "doe")])], format: PlainTextFormat())
    #expect(output.citations == ["A Fine Book"])
  }

  @Test func yearSuffixDisambiguates() throws {
    var second = Self.doe
    second.id = "doe2"
    second.variables["title"] = "Another"
    let processor = try processor(
      "<group delimiter=\" \"><names variable=\"author\"><name form=\"short\" et-al-min=\"2\" et-al-use-first=\"1\"/></names>"
        + "<date variable=\"issued\"><date-part name=\"year\"/></date></group>",
      citationAttributes: "disambiguate-add-year-suffix=\"true\"", references: [Self.doe, second])
    let output = processor.process(
      citations: [Citation(cites: [Cite(id: "doe"), Cite(id: "doe2")])], format: PlainTextFormat())
    #expect(output.citations == ["Doe et al. 2001a; Doe et al. 2001b"])
  }

  /// Past "z" the suffixes go on as "aa", "ab" … "az", "ba" (citeproc-js): 28 works of one
  /// author and year, cited in order, end with "aa" and "ab".
  @Test func yearSuffixesPastZGoOnWithTwoLetters() throws {
    let references = (0..<28).map { index in
      var reference = Self.doe
      reference.id = "doe\(index)"
      reference.variables["title"] = "Title \(index)"
      return reference
    }
    let processor = try processor(
      "<group delimiter=\" \"><names variable=\"author\"><name form=\"short\" et-al-min=\"2\" et-al-use-first=\"1\"/></names>"
        + "<date variable=\"issued\"><date-part name=\"year\"/></date></group>",
      citationAttributes: "disambiguate-add-year-suffix=\"true\"", references: references)
    let output = processor.process(
      citations: references.map { Citation(cites: [Cite(id: $0.id)]) }, format: PlainTextFormat())
    let suffixes = output.citations.map { String($0.dropFirst("Doe et al. 2001".count)) }
    let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
    #expect(suffixes == letters + ["aa", "ab"])
  }

  @Test func unknownCiteIsAWarningNotACrash() throws {
    let processor = try processor("<text variable=\"title\"/>", references: [Self.doe])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "missing")])], format: PlainTextFormat())
    #expect(output.diagnostics.contains { $0.code == "csl-unknown-item" })
  }

  /// Many citations are resolved on all cores: every cite keeps its citation and its place,
  /// its locator and the label the locator names ("pp. 5": a single page prints "p."), unknown
  /// ids are reported in citation order, and the bibliography holds the cited items only.
  @Test func manyCitationsResolveInOrder() throws {
    let references = (0..<300).map { index in
      Reference(id: "r\(index)", type: "book", variables: ["title": "T\(index)"])
    }
    let processor = try processor(
      #"<group delimiter=" "><text variable="title"/><label variable="locator" form="short"/><text variable="locator"/></group>"#,
      references: references)
    let citations = (0..<700).map { index in
      Citation(cites: [
        Cite(id: index % 7 == 3 ? "gone\(index)" : "r\(index % 250)", locator: index % 5 == 0 ? "pp. \(index)" : nil),
        Cite(id: "r\((index * 13) % 250)"),
      ])
    }
    let cited = citations.flatMap { $0.cites.map(\.id) }
    let output = processor.process(citations: citations, bibliographyIDs: cited, format: PlainTextFormat())
    let expected = (0..<700).map { index in
      let first = index % 7 == 3 ? nil : "T\(index % 250)" + (index % 5 == 0 ? " p. \(index)" : "")
      return ([first].compactMap { $0 } + ["T\((index * 13) % 250)"]).joined(separator: "; ")
    }
    #expect(output.citations == expected)
    #expect(
      output.diagnostics.map(\.message)
        == (0..<700).filter { $0 % 7 == 3 }.map { "no reference with id 'gone\($0)'" })
    #expect(Set(output.bibliographyIDs) == Set((0..<250).map { "r\($0)" }))
  }

  /// A cite is near its item's last cite, not its first: notes 1, 8 and 10 are far, far and
  /// near (two notes from the cite in note 8; the default distance is five).
  @Test func nearNoteCountsFromTheLastCite() throws {
    let processor = try processor(
      #"<choose><if position="near-note"><text value="near"/></if><else><text value="far"/></else></choose>"#,
      references: [Self.doe])
    let citations = [1, 8, 10].map { Citation(noteIndex: $0, cites: [Cite(id: "doe")]) }
    let output = processor.process(citations: citations, format: PlainTextFormat())
    #expect(output.citations == ["far", "far", "near"])
  }

  /// Plain text lays display blocks out as citeproc-js does: a left-margin label is followed
  /// by a space (never "[1]Doe"), an indented block starts a new line after four spaces.
  @Test func plainTextSeparatesLeftMarginLabelsAndIndentsBlocks() throws {
    let layout = """
      <text variable="edition" display="left-margin" prefix="[" suffix="]"/>
      <group display="right-inline"><names variable="author"><name/></names></group>
      <text variable="page" display="indent"/>
      """
    let processor = try processor(layout, references: [Self.doe])
    let output = processor.process(citations: [], bibliographyIDs: ["doe"], format: PlainTextFormat())
    #expect(output.bibliography == ["[2] Jean-Paul Doe, Anna Roe\n    321–28"])
  }

  /// Copies of one work under other ids are rendered once per setting (`ItemTwin`): they
  /// still get their own year suffixes, and the work beside them is still told apart by
  /// adding names, exactly as when every copy is rendered.
  @Test func copiesOfOneWorkAreDisambiguatedLikeAnyItem() throws {
    var copy = Self.doe
    copy.id = "doe-copy"
    var other = Self.doe
    other.id = "other"
    other.names["author"] = [Name(family: "Doe", given: "Jean-Paul"), Name(family: "Poe", given: "Edgar")]
    var otherCopy = other
    otherCopy.id = "other-copy"
    let references = [Self.doe, copy, other, otherCopy]
    let processor = try processor(
      "<group delimiter=\" \"><names variable=\"author\"><name form=\"short\" et-al-min=\"2\" et-al-use-first=\"1\"/>"
        + "</names><date variable=\"issued\"><date-part name=\"year\"/></date></group>",
      citationAttributes: "disambiguate-add-names=\"true\" disambiguate-add-year-suffix=\"true\"",
      references: references)
    let output = processor.process(
      citations: references.map { Citation(cites: [Cite(id: $0.id)]) }, format: PlainTextFormat())
    #expect(
      output.citations == ["Doe, Roe 2001a", "Doe, Roe 2001b", "Doe, Poe 2001a", "Doe, Poe 2001b"])
  }

  /// Copies sort by their own citation numbers even when the style prints none: enough of them
  /// (300, above the size where sort keys are computed ahead on all cores) that twins share
  /// what they can share, which must not include the number.
  @Test func copiesSortByTheirOwnCitationNumbers() throws {
    let copies = (1...300).map { index in
      var copy = Self.doe
      copy.id = "doe-\(index)"
      return copy
    }
    let processor = try processor(
      "<text variable=\"title\"/>",
      bibliographySort: "<sort><key variable=\"citation-number\" sort=\"descending\"/></sort>",
      references: copies)
    let output = processor.process(
      citations: copies.map { Citation(cites: [Cite(id: $0.id)]) }, format: PlainTextFormat())
    #expect(output.bibliographyIDs == copies.reversed().map(\.id))
  }

  /// A large bibliography (above the size where the sort runs on all cores, in runs merged
  /// afterwards) sorts exactly as its keys order it, ties on the first key settled by the
  /// second and ties on both kept in input order, descending keys included.
  @Test func largeSortsMergeRunsInKeyOrder() throws {
    let references = (0..<1_000).map { index in
      Reference(
        id: "r\(index)", type: "book", variables: ["title": "Title \((index * 7) % 13)"],
        names: ["author": [Name(family: "Family \((index * 31) % 17)", given: "Given")]])
    }
    let processor = try processor(
      "<text variable=\"title\"/>",
      bibliographySort: """
        <sort><key variable="author"/><key variable="title" sort="descending"/></sort>
        """,
      references: references)
    let output = processor.process(citations: [], format: PlainTextFormat())
    let expected = references.indices.sorted { left, right in
      func key(_ index: Int) -> (String, String) {
        (references[index].names["author"]?.first?.family ?? "", references[index].variables["title"] ?? "")
      }
      let (leftKey, rightKey) = (key(left), key(right))
      if leftKey.0 != rightKey.0 { return leftKey.0 < rightKey.0 }
      if leftKey.1 != rightKey.1 { return leftKey.1 > rightKey.1 }
      return left < right
    }
    #expect(output.bibliographyIDs == expected.map { references[$0].id })
  }

  /// Output that strip-periods empties counts as empty where the list holding it is joined:
  /// the delimiter is not written around it (emptiness is remembered from rendering, and
  /// stripping periods is where decoration can change it).
  @Test func outputEmptiedByStripPeriodsTakesNoDelimiter() throws {
    let dot = Reference(id: "dot", type: "book", variables: ["title": "."])
    let style = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <macro name="title"><text variable="title"/></macro>
        <citation><layout>
          <group delimiter=", ">
            <text value="A"/><text macro="title" strip-periods="true"/><text value="B"/>
            <group><text variable="title" strip-periods="true"/></group><text value="C"/>
          </group>
        </layout></citation>
      </style>
      """
    let processor = try self.processor(style: style, references: [dot])
    let output = processor.process(citations: [Citation(cites: [Cite(id: "dot")])], format: PlainTextFormat())
    #expect(output.citations == ["A, B, C"])
  }

  /// Later cites of an item reuse its macros' renderings (`Renderer.renderMacroBody`): they
  /// still print as if rendered afresh. A substituted title stays suppressed after the macro
  /// that substituted it, subsequent cites shorten their names, and the locator, which the
  /// macros do not read, changes from cite to cite.
  @Test func laterCitesOfAnItemPrintAsIfRenderedAfresh() throws {
    let anonymous = Reference(id: "anon", type: "book", variables: ["title": "Anon Title"])
    let three = Reference(
      id: "three", type: "book", variables: ["title": "Three Title"],
      names: ["author": [Name(family: "A", given: "X"), Name(family: "B", given: "Y"), Name(family: "C", given: "Z")]])
    let style = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <macro name="author">
          <names variable="author"><name form="short"/><substitute><text variable="title"/></substitute></names>
        </macro>
        <macro name="title"><text variable="title"/></macro>
        <citation et-al-min="4" et-al-use-first="1" et-al-subsequent-min="2" et-al-subsequent-use-first="1">
          <layout delimiter="; ">
            <group delimiter=", "><text macro="author"/><text macro="title"/><text variable="locator"/></group>
          </layout>
        </citation>
      </style>
      """
    let processor = try self.processor(style: style, references: [anonymous, three])
    let cites: [(String, String)] = [
      ("anon", "1"), ("three", "2"), ("anon", "3"), ("three", "4"), ("anon", "5"), ("three", "6"), ("anon", "7"),
    ]
    let citations = cites.enumerated().map { index, cite in
      Citation(id: "c\(index)", noteIndex: 0, cites: [Cite(id: cite.0, locator: cite.1)])
    }
    let output = processor.process(citations: citations, format: PlainTextFormat())
    #expect(
      output.citations == [
        "Anon Title, 1", "A, B, C, Three Title, 2", "Anon Title, 3", "A et al., Three Title, 4", "Anon Title, 5",
        "A et al., Three Title, 6", "Anon Title, 7",
      ])
  }

  /// What a substitute prints is suppressed for the rest of the entry (CSL 1.0.2, `cs:substitute`):
  /// an editor standing in for the missing author is not printed again by a later `cs:names`,
  /// whether the substitute names it directly, in a group or through a macro; the variables of
  /// a `cs:choose` branch not taken stay available. Two lists of one `cs:names` are joined with
  /// its delimiter.
  @Test func substitutedVariablesStaySuppressedAndListsJoin() throws {
    let edited = Reference(
      id: "edited", type: "book", variables: ["title": "Edited Title", "publisher": "Press"],
      names: ["editor": [Name(family: "Ed", given: "E")], "translator": [Name(family: "Tr", given: "T")]])
    func rendered(_ substitute: String) throws -> String {
      let style = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><id/><title/></info>
          <macro name="editor"><names variable="editor"><name form="short"/></names></macro>
          <citation><layout>
            <group delimiter=" | ">
              <names variable="author"><name form="short"/><substitute>\(substitute)</substitute></names>
              <names variable="editor translator" delimiter=" + "><name form="short"/></names>
              <text variable="publisher"/>
            </group>
          </layout></citation>
        </style>
        """
      let processor = try self.processor(style: style, references: [edited])
      let output = processor.process(citations: [Citation(cites: [Cite(id: "edited")])], format: PlainTextFormat())
      return output.citations.first ?? ""
    }
    #expect(try rendered("<names variable=\"editor\"/>") == "Ed | Tr | Press")
    #expect(try rendered("<group><names variable=\"editor\"/></group>") == "Ed | Tr | Press")
    #expect(try rendered("<text macro=\"editor\"/>") == "Ed | Tr | Press")
    #expect(
      try rendered(
        "<choose><if type=\"article\"><text variable=\"publisher\"/></if><else><names variable=\"editor\"/></else></choose>"
      ) == "Ed | Tr | Press")
    #expect(try rendered("<text variable=\"title\"/>") == "Edited Title | Ed + Tr | Press")
  }

  /// Names printed through a macro that stands in for the author count as the entry's names for
  /// subsequent-author-substitute, as names printed by the substitute directly do; a substituted
  /// title does not.
  @Test func namesSubstitutedThroughAMacroAreReplacedInTheNextEntry() throws {
    let items = ["One", "Two"].map { title in
      Reference(
        id: title, type: "book", variables: ["title": title], names: ["editor": [Name(family: "Ed", given: "E")]])
    }
    let untitledAuthorless = ["Three", "Four"].map { title in
      Reference(id: title, type: "book", variables: ["title": title])
    }
    func bibliography(_ substitute: String, _ references: [Reference]) throws -> [String] {
      let style = """
        <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
          <info><id/><title/></info>
          <macro name="editor"><names variable="editor"><name form="short"/></names></macro>
          <citation><layout><text variable="title"/></layout></citation>
          <bibliography subsequent-author-substitute="———"><layout>
            <group delimiter=". ">
              <names variable="author"><name form="short"/><substitute>\(substitute)</substitute></names>
              <text variable="title"/>
            </group>
          </layout></bibliography>
        </style>
        """
      let processor = try self.processor(style: style, references: references)
      return processor.process(citations: [], format: PlainTextFormat()).bibliography
    }
    #expect(try bibliography("<text macro=\"editor\"/>", items) == ["Ed. One", "———. Two"])
    #expect(try bibliography("<names variable=\"editor\"/>", items) == ["Ed. One", "———. Two"])
    #expect(try bibliography("<text value=\"Anon\"/>", untitledAuthorless) == ["Anon. Three", "Anon. Four"])
  }

  /// The processor's references are the ones it renders: prepared (note fields read, name
  /// particles split) and in the order given, one for each input, duplicates included.
  @Test func referencesAreThePreparedOnesInInputOrder() throws {
    let noted = Reference(
      id: "noted", type: "book", variables: ["title": "T", "note": "original-date: 1901\nKept line"],
      names: ["author": [Name(family: "van Gogh", given: "Vincent")]])
    let processor = try processor("<text variable=\"title\"/>", references: [noted, Self.doe, Self.doe])
    #expect(processor.references.map(\.id) == ["noted", "doe", "doe"])
    #expect(processor.references[1] == Self.doe)
    let prepared = processor.references[0]
    #expect(prepared.dates["original-date"]?.parts.first?.year == 1901)
    #expect(prepared.variables["note"] == "Kept line")
    #expect(prepared.names["author"]?.first?.nonDroppingParticle == "van")
    #expect(prepared.names["author"]?.first?.family == "Gogh")
  }
}
