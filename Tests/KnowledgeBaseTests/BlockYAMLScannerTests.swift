import BibModel
import Foundation
import Testing

@testable import KnowledgeBase

/// The direct reader of block YAML against libyaml: wherever the direct reader reads a text,
/// it builds the same nodes at the same lines and columns; where it gives up, libyaml reads.
@Suite struct BlockYAMLScannerTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The direct reading equals libyaml's when there is one; returns whether there was.
  @discardableResult
  static func agrees(_ text: String, file: String = "t.yaml") -> Bool {
    let direct = YAMLReader.readDirectly(text, file: file)
    let reference = YAMLReader.readWithLibYAML(text, file: file)
    if let direct {
      #expect(reference.diagnostics.isEmpty, "libyaml finds problems in a text read directly: \(text)")
      #expect(direct == reference.root, "the readings differ for: \(text)")
    }
    // Whatever path it takes, the public reader gives libyaml's result.
    let read = YAMLReader.read(text, file: file)
    #expect(read.root == reference.root)
    #expect(read.diagnostics.map(\.description) == reference.diagnostics.map(\.description))
    return direct != nil
  }

  @Test func readsEveryBundledFileAsLibYAMLDoes() throws {
    let files = try KnowledgeDirectory.files(in: Self.root + "/Knowledge")
    #expect(files.count > 60)
    let direct = files.filter { Self.agrees($0.text, file: $0.path) }
    // The bundled files are written in the block style: nearly all are read directly.
    #expect(direct.count * 10 >= files.count * 9, "read directly: \(direct.count) of \(files.count)")
  }

  @Test func readsTheSyntheticKnowledgeBaseDirectly() {
    let files = SyntheticKnowledgeBase.generate(statements: 400).filter { $0.path.hasSuffix(".yaml") }
    #expect(!files.isEmpty)
    for file in files {
      // The schema is written with flow collections (`[org]`), which libyaml reads.
      let direct = Self.agrees(file.text, file: file.path)
      #expect(direct || file.path.hasSuffix("schema.yaml"), "not read directly: \(file.path)")
    }
  }

  @Test func readsTheBlockShapesDirectly() {
    let texts = [
      "a: 1\nb: two words  \nc: x # note\n",
      "# head\nid: p1\nlabels:\n  en: Person\n  zh-Hans: 人物 一\n",
      "list:\n  - a\n  - b\n",
      "list:\n- a\n- b\nnext: c\n",
      "- a\n- b: 1\n  c: 2\n- - \n",
      "items:\n  - value: x\n    references:\n      - source: s1\n        locator: \"12\"\n",
      "q: \"a \\\"quoted\\\" \\\\ text\\n\\u00e9\"\ns: 'it''s'\n",
      "  indented: root\n  second: key\n",
      "a:\n  # a comment at another indentation\n    b: deep\n",
      "k: 中文: not a key\n",
      "url: http://example.org/a#b\n",
      "键: 值\n后: \"引\"\n",
      "a: -1\n",
      "a: [1, 2]\n", "a: {b: 1}\n", "a: |\n  text\n", "a: >\n  text\n",
      "a: &x 1\nb: *x\n", "a: !!str 1\n", "---\na: 1\n", "a: 1\n---\nb: 2\n", "%YAML 1.1\n---\na: 1\n",
      "a:\n", "a:\nb: 1\n", "- \n", "a: b\n  continued\n", "a: \"open\n  close\"\n",
      "a: 1\nb: 2\na: 3\n", "? a\n: b\n", "\"q\": 1\n", "a: b: c\n", "a: x\n- y\n",
      "- a\nb: c\n", "a:\n  b: 1\n c: 2\n", "a: \"bad \\q escape\"\n", "a: 'x' y\n", "a: \"x\"y\n",
      "a: 1\r\nb: 2\r\n", "a: \u{85}x\n", "a: x\u{2028}y\n", "plain scalar\n", "", "# only a comment\n",
      "a: x #c\nb: 'y' #c\nc: \"z\"  # c\n", "a: x#y\n", "a:  spaced value\n", "a:\n  - b:\n      c: 1\n",
      "a: \"\\ud800\"\n", "a: \"\\u20AC\"\n", "...\n", "a: ...\n", "a: --- x\n",
      // Quoted scalars: without escapes (read as the bytes between the quotes), with an
      // escape or a doubled quote after plain text, empty, unterminated.
      "a: ''\n", "a: \"\"\n", "a: 'x'''\n", "a: '''x'\n", "a: 'x''y' # c\n", "a: 'open\n",
      "a: \"pre \\\" post\"\n", "a: \"x\\\\\"\n", "a: \"open\n", "a: \"x\\\n", "a: '中文' \n", "a: \"中文\\t\"\n",
    ]
    for text in texts { Self.agrees(text) }
    // Nesting deeper than the reader accepts: the direct reader stops, libyaml reports it.
    let depth = YAMLReader.maximumDepth + 2
    let deep =
      (0..<depth).map { String(repeating: "  ", count: $0) + "k:\n" }.joined()
      + String(repeating: "  ", count: depth) + "k: v\n"
    #expect(!Self.agrees(deep))
    #expect(YAMLReader.read(deep, file: "t.yaml").root == nil)
    // The shapes knowledge-base files use are read directly.
    #expect(Self.agrees("a: 1\nb: two words  \nc: x # note\n"))
    #expect(Self.agrees("list:\n- a\n- b\nnext: c\n"))
    #expect(Self.agrees("items:\n  - value: x\n    references:\n      - source: s1\n        locator: \"12\"\n"))
    #expect(Self.agrees("键: 值\n后: \"引\"\n"))
    #expect(!Self.agrees("a: b\n  continued\n"))
    #expect(!Self.agrees("a: 1\nb: 2\na: 3\n"))
  }

  /// Random texts built from the pieces block YAML is made of (and some it is not): wherever
  /// the direct reader reads one, libyaml reads the same nodes. A fixed seed keeps it repeatable.
  @Test func agreesWithLibYAMLOnRandomTexts() {
    let heads = ["", "- ", "-", "key: ", "key:", "- key: ", "- - ", "k2: ", "# note", "\"q\": ", "? ", "--- ", "键: "]
    let values = [
      "", "v", "two words", "\"dq \\\" x\"", "'sq ''x'''", "a: b", "x #c", "中文", "[1, 2]", "{a: 1}", "&a x", "*a",
      "!t x", "-5", "|", ">", "  spaced  ", "a#b", "\"\\u00e9\"", "'open", "\"open", "x: ", "~", "null", "http://a/b#c",
    ]
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: (state >> 33) % UInt64(bound))
    }
    // Half the texts draw from the well-formed pieces only, so many are read directly.
    let plainHeads = ["- ", "key: ", "- key: ", "k2: ", "键: "]
    let plainValues = ["v", "two words", "\"dq \\\" x\"", "'sq ''x'''", "x #c", "中文", "a#b", "~"]
    var direct = 0
    for round in 0..<4000 {
      let (headPool, valuePool) = round % 2 == 0 ? (heads, values) : (plainHeads, plainValues)
      var text = ""
      for _ in 0..<(1 + next(6)) {
        text +=
          String(repeating: " ", count: next(3) * 2) + headPool[next(headPool.count)]
          + valuePool[next(valuePool.count)] + "\n"
      }
      if Self.agrees(text) { direct += 1 }
    }
    // Enough of them are in the block style for the comparison to mean something.
    #expect(direct > 400, "read directly: \(direct) of 4000")
  }

  /// Characters libyaml treats specially (tabs, carriage returns, DEL, C1 controls, the byte
  /// order mark, line separators) at every place of lines longer than the eight bytes the
  /// reader skips at once: the direct reader never reads past one; libyaml decides.
  @Test func findsSpecialCharactersAnywhereInLongLines() {
    let specials = ["\t", "\r", "\u{7F}", "\u{1}", "\u{85}", "\u{9F}", "\u{FEFF}", "\u{2028}", "\u{FFFE}"]
    let line = "key: a plain value of some length"
    for special in specials {
      for offset in 5..<line.count {
        var characters = Array(line)
        characters.insert(contentsOf: special, at: offset)
        let text = "first: 1\n" + String(characters) + "\nlast: two words here\n"
        #expect(!Self.agrees(text), "read directly: \(text.debugDescription)")
      }
    }
    // The same lines without them, and lines of every length around a word, are read directly.
    #expect(Self.agrees("first: 1\n" + line + "\nlast: two words here\n"))
    for length in 1..<20 { #expect(Self.agrees("k: " + String(repeating: "x", count: length) + "\n")) }
  }

  /// Problems are only ever reported by libyaml's reading, at libyaml's places.
  @Test func leavesProblemsToLibYAML() {
    let read = YAMLReader.read("id: a\nid: b\n", file: "d.yaml")
    #expect(read.root == nil)
    #expect(read.diagnostics.map(\.place) == ["d.yaml:2:1"])
  }
}
