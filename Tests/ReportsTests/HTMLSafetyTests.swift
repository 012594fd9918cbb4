import BibModel
import KnowledgeBase
import Testing
import XMLTree

@testable import Reports

/// Hostile titles, names, URLs, labels and quotes through every field: the HTML output must hold
/// no script element, no javascript:/data: link, and each hostile string only escaped.
@Suite struct HTMLSafetyTests {
  static let script = "<script>alert('x')</script>"
  static let quotes = "Tom \"Quote\" O'Hara & <b>Co</b>"

  static let hostileKB: Knowledge = {
    let hostile = SourceFile(
      path: "kb/evil.yaml",
      text: """
        id: evil
        kind: lsg
        labels:
          en: "\(script)"
          zh-Hans: "\\"><img src=x onerror=alert(1)>"
          zh-Latn-pinyin: "\(quotes.replacingEach("\"", with: "\\\""))"
        description: "<iframe src='javascript:alert(1)'></iframe>"
        statements:
          type:
            - value: permanent
              note: "<svg onload=alert(1)>"
              references:
                - source: evilsource
                  locator: "<b>33</b>"
                  label: "page"
                  quote: "</td><script>alert(2)</script>"
                  via: "javascript:alert(3)"
          motto:
            - value: "\(script)"
          established:
            - value: "1990"
              references:
                - source: "missing<script>"
        """)
    return ReportFixtures.knowledge(extra: [hostile])
  }()

  static let hostileReferences: [Reference] =
    ReportFixtures.references + [
      Reference(
        id: "evilsource", type: "webpage",
        variables: ["title": script, "container-title": quotes, "URL": "javascript:alert(1)"],
        names: ["author": [Name(family: "<i>Evil</i>", given: "\"Eve\"")]], dates: ["issued": DateValue(year: 2020)]),
      Reference(
        id: "datasource", type: "webpage",
        variables: ["title": "Data", "URL": "data:text/html,<script>alert(4)</script>"]),
    ]

  private func check(_ html: String) throws {
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("<iframe"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<svg onload"))
    // CSL fields may carry the rich-text tags <i>, <b>, <sup>, <sub> and <span class="nocase">,
    // which the engine renders as formatting (as citeproc-js does); never with other attributes.
    #expect(!html.contains("<b "))
    let body = String(html.dropFirst("<!DOCTYPE html>\n".count))
    let root = try XMLTreeParser.parse(body, sourceName: "hostile.html")
    var elements: [XMLElement] = [root]
    while let element = elements.popLast() {
      #expect(element.name != "script" && element.name != "iframe" && element.name != "img")
      for attribute in element.attributes {
        let value = attribute.value.lowercased().trimmingWhitespace()
        #expect(
          !value.hasPrefix("javascript:") && !value.hasPrefix("data:"), "unsafe \(attribute.name)=\(attribute.value)")
        #expect(!attribute.name.lowercased().hasPrefix("on"), "event handler \(attribute.name)")
      }
      elements += element.elements
    }
  }

  @Test func hostileKnowledgeBaseAndBibliographyAreEscapedInTheReport() throws {
    for notes in [false, true] {
      let result = Report.build(
        knowledge: Self.hostileKB, references: Self.hostileReferences,
        renderer: try ReportFixtures.engine(notes: notes, references: Self.hostileReferences),
        format: .html)
      let html = HTMLWriter.page(result.doc)
      try check(html)
      #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
      #expect(html.contains("Tom &quot;Quote&quot; O&#39;Hara &amp; &lt;b&gt;Co&lt;/b&gt;"))
      #expect(html.contains("&lt;iframe src=&#39;javascript:alert(1)&#39;&gt;"))
      #expect(html.contains("(@missing&lt;script&gt;?)"))
    }
  }

  @Test func hostileMarkdownDocumentIsEscaped() throws {
    let document = """
      ---
      title: "\(Self.script)"
      author: "\(Self.quotes.replacingEach("\"", with: "\\\""))"
      ---
      Raw <script>alert(5)</script> inline and a [bad link](javascript:alert(6)) and
      ![img](data:text/html,x) and [ok](https://example.org/?a=1&b=\"2\") [@evilsource, p. 3].

      <div onclick="alert(7)">block html</div>

      [@datasource] and @{weird\"&key}.
      """
    let renderer = try ReportFixtures.engine(references: Self.hostileReferences)
    let result = DocumentRenderer(renderer: renderer, knownKeys: Set(Self.hostileReferences.map(\.id)))
      .render(document, file: "evil.md", format: .html)
    let html = HTMLWriter.page(result.doc)
    try check(html)
    #expect(
      html.contains("href=\"https://example.org/?a=1&amp;b=%222%22\"")
        || html.contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""))
    #expect(html.contains("&lt;div onclick=&quot;alert(7)&quot;&gt;"))
    #expect(html.contains("(@weird&quot;&amp;key?)"))
  }

  /// The byte sink, which skips eight ordinary bytes at a time, escapes as reading the text
  /// scalar by scalar does, with each character it replaces at every place of a long text.
  @Test func byteSinkEscapesLongTextsAsScalarsDo() {
    func reference(_ text: String) -> String {
      var result = ""
      for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0x26: result += "&amp;"
        case 0x3C: result += "&lt;"
        case 0x3E: result += "&gt;"
        case 0x22: result += "&quot;"
        case 0x27: result += "&#39;"
        case 0x09, 0x0A, 0x0D: result.unicodeScalars.append(scalar)
        case 0x00..<0x20, 0xFFFE, 0xFFFF: result += "\u{FFFD}"
        default: result.unicodeScalars.append(scalar)
        }
      }
      return result
    }
    let base = "a plain run of text, long enough for several words"
    for special in [
      "&", "<", ">", "\"", "'", "\u{0}", "\u{1B}", "\t", "\n", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "领",
    ] {
      for offset in 0...base.count {
        var characters = Array(base)
        characters.insert(contentsOf: special, at: offset)
        let sample = String(characters)
        var output = HTMLOutput()
        output.escaped(sample)
        #expect(output.text == reference(sample), "\(sample.debugDescription)")
      }
    }
  }

  /// The writers' byte sink escapes exactly as `HTMLEscape.text`: the five characters, XML's
  /// forbidden controls and U+FFFE/U+FFFF replaced, everything else (CJK, emoji, tabs) kept.
  @Test func byteSinkEscapesLikeTheStringEscape() {
    let samples = [
      Self.script, Self.quotes, "plain text", "", "a\u{0}b\u{1B}c\td\ne\rf", "x\u{FFFE}y\u{FFFF}z\u{FFFD}",
      "领导小组 & 「引用」 <em>", "emoji 🧭 & ' \"", "\u{EF}\u{BF}", "end&",
    ]
    for sample in samples {
      var output = HTMLOutput()
      output.escaped(sample)
      #expect(output.text == HTMLEscape.text(sample), "\(sample.debugDescription)")
    }
    #expect(HTMLEscape.text("a\u{0}b\u{1B}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
    #expect(HTMLEscape.text("x\u{FFFE}y\u{FFFF}z\u{FFFD}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
    #expect(HTMLEscape.text("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;")
    #expect(HTMLEscape.text("领导小组 🧭") == "领导小组 🧭")
    var element = HTMLOutput()
    element.open("a", [("href", "https://x.org/?a=1&b=\"2\"")])
    element.escaped("<b>")
    element.close("a")
    element.void("br", [("class", "x'y")])
    #expect(element.text == "<a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\">&lt;b&gt;</a><br class=\"x&#39;y\" />")
    // The one-attribute tag writes its prefix as given and escapes the value, as the tag with a
    // list of attributes does.
    for value in samples {
      var single = HTMLOutput()
      single.open("span", attribute: "class", value: value, prefix: "#")
      var listed = HTMLOutput()
      listed.open("span", [("class", "#" + value)])
      #expect(single.text == listed.text, "\(value.debugDescription)")
    }
  }

  /// Anchor ids hold only `[a-z0-9-_.]`, ASCII ids by the byte path and others by scalars,
  /// with the same rules.
  @Test func anchorSlugsKeepOnlySafeCharacters() {
    #expect(Anchor.slug("Smith2010") == "smith2010")
    #expect(Anchor.slug("zhou_2010.a-b") == "zhou_2010.a-b")
    #expect(Anchor.slug("a b\"c<d>&'e") == "a-b-c-d---e")
    #expect(Anchor.slug("") == "x")
    #expect(Anchor.slug("Zhōu 周") == "zh-u--")
    #expect(Anchor.slug("ÀB") == "-b")
  }

  @Test func urlPolicyAllowsOnlyWebAndMail() throws {
    #expect(URLPolicy.isAllowed("https://example.org"))
    #expect(URLPolicy.isAllowed("HTTP://example.org"))
    #expect(URLPolicy.isAllowed("mailto:a@example.org"))
    #expect(!URLPolicy.isAllowed("javascript:alert(1)"))
    #expect(!URLPolicy.isAllowed(" JavaScript:alert(1)"))
    #expect(!URLPolicy.isAllowed("data:text/html,x"))
    #expect(!URLPolicy.isAllowed("java\nscript:alert(1)"))
    #expect(!URLPolicy.isAllowed("vbscript:x"))
    #expect(!URLPolicy.isAllowed("/relative"))
  }
}

extension String {
  func replacingEach(_ target: Character, with replacement: String) -> String {
    var output = ""
    for char in self { if char == target { output += replacement } else { output.append(char) } }
    return output
  }
}
