import Testing

@testable import XMLTree

@Suite struct XMLTreeParserTests {
  @Test func parsesElementsAttributesTextAndPositions() throws {
    let source = """
      <?xml version="1.0" encoding="utf-8"?>
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <!-- <macro name="ignored"/> -->
        <macro name="author"><names variable="author"/></macro>
        <citation><layout><text macro="author" prefix="(" suffix=")"/></layout></citation>
      </style>
      """
    let root = try XMLTreeParser.parse(source, sourceName: "style.csl")
    #expect(root.name == "style")
    #expect(root.namespaceURI == "http://purl.org/net/xbiblio/csl")
    #expect(root[attribute: "class"] == "in-text")
    #expect((root.line, root.column) == (2, 1))
    let macro = try #require(root.firstElement(named: "macro"))
    #expect(macro[attribute: "name"] == "author")
    #expect((macro.line, macro.column) == (4, 3))
    let names = try #require(macro.firstElement(named: "names"))
    #expect((names.line, names.column) == (4, 24))
    let text = try #require(
      root.firstElement(named: "citation")?.firstElement(named: "layout")?.firstElement(named: "text"))
    #expect(text[attribute: "prefix"] == "(")
    #expect(text.column == 21)
  }

  @Test func keepsPredefinedEntitiesAndCharacterReferences() throws {
    let root = try XMLTreeParser.parse(#"<term name="and" a="&lt;&#x4E2D;">A &amp; B &#169;</term>"#)
    #expect(root.textContent == "A & B ©")
    #expect(root[attribute: "a"] == "<中")
  }

  @Test func columnsCountCharactersNotBytes() throws {
    let root = try XMLTreeParser.parse("<a>中文<b/></a>")
    #expect(root.elements.first?.column == 6)
  }

  @Test func malformedXMLReportsLineAndColumn() {
    do {
      _ = try XMLTreeParser.parse("<style>\n  <citation>\n</style>")
      Issue.record("malformed XML was accepted")
    } catch {
      #expect(error.kind == .malformed)
      #expect(error.line == 3)
      #expect(error.column > 0)
      #expect(error.message.contains("mismatch"))
    }
  }

  /// Hostile documents by name (the names keep test output short).
  static let hostileDocuments: [String: String] = [
    "external entity": """
    <?xml version="1.0"?>
    <!DOCTYPE style [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
    <style>&xxe;</style>
    """,
    "billion laughs": """
    <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
    <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
    <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
    <lolz>&lol3;</lolz>
    """,
    "quadratic blowup": "<!DOCTYPE q [<!ENTITY a \"" + String(repeating: "x", count: 50_000) + "\">]><q>"
      + String(repeating: "&a;", count: 2_000) + "</q>",
    "external DTD": #"<!DOCTYPE style SYSTEM "http://example.invalid/evil.dtd"><style/>"#,
    "parameter entity": #"<!DOCTYPE s [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]><s/>"#,
  ]

  @Test(arguments: ["external entity", "billion laughs", "quadratic blowup", "external DTD", "parameter entity"])
  func rejectsEveryDoctype(_ name: String) throws {
    let source = try #require(Self.hostileDocuments[name])
    do {
      _ = try XMLTreeParser.parse(source)
      Issue.record("a DOCTYPE was accepted")
    } catch {
      #expect(error.kind == .doctypeRejected)
      #expect(error.line >= 1)
    }
  }

  @Test func xincludeIsNotProcessed() throws {
    let root = try XMLTreeParser.parse(
      #"<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/hostname" parse="text"/></r>"#)
    let include = try #require(root.elements.first)
    #expect(include.name == "include")
    #expect(include.children.isEmpty)
    #expect(root.textContent.isEmpty)
  }

  @Test func undefinedEntityIsAnErrorNotAFileRead() {
    #expect(throws: XMLParseError.self) { try XMLTreeParser.parse("<r>&undefined;</r>") }
  }

  @Test func deepNestingFailsCleanly() {
    let depth = 10_000
    let source = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
    do {
      let root = try XMLTreeParser.parse(source)
      // A parser that accepts the depth must still hand back the whole tree.
      var node = root
      var count = 1
      while let child = node.elements.first {
        node = child
        count += 1
      }
      #expect(count == depth)
    } catch {
      #expect(error.kind == .malformed)
    }
  }

  @Test func sizeCapRefusesLargeInputUnread() {
    do {
      _ = try XMLTreeParser.parse("<a>" + String(repeating: "x", count: 2_000) + "</a>", maximumBytes: 1_000)
      Issue.record("the size cap was ignored")
    } catch {
      #expect(error.kind == .tooLarge)
    }
  }

  @Test func emptyInputIsAnError() {
    #expect(throws: XMLParseError.self) { try XMLTreeParser.parse("") }
  }

  @Test func treesCrossConcurrencyDomains() async throws {
    let results = try await withThrowingTaskGroup(of: Int.self) { group in
      for index in 0..<32 {
        group.addTask { try XMLTreeParser.parse("<r n=\"\(index)\"><c/><c/></r>").elements.count }
      }
      var total = 0
      for try await count in group { total += count }
      return total
    }
    #expect(results == 64)
  }
}

@Suite struct HTMLCheckerTests {
  @Test func cleanHTMLHasNoProblems() {
    let page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"/><title>t</title></head>
      <body><p>a &amp; b</p><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg></body></html>
      """
    #expect(HTMLChecker.problems(in: page).isEmpty)
  }

  @Test func mismatchedTagsAreReportedWithTheirLine() {
    let problems = HTMLChecker.problems(in: "<html><body>\n<p><b>x</i></p></body></html>")
    #expect(!problems.isEmpty)
    #expect(problems.first?.line == 2)
  }
}
