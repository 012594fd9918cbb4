import BibModel

/// Writes a `Doc` as one self-contained polyglot XHTML5 page: no script, print CSS, anchors.
/// The page is written straight into UTF-8 bytes (`HTMLOutput`), its blocks on all cores.
public enum HTMLWriter {
  /// The whole page.
  public static func page(_ doc: Doc) -> String { String(decoding: pageChunks(doc).joined(), as: UTF8.self) }

  /// The whole page as UTF-8 bytes in pieces, in order: the head, each block, the end. A large
  /// report writes the pieces one after another; joining them first copied 34 MB on one core.
  public static func pageChunks(_ doc: Doc) -> [[UInt8]] {
    // Blocks serialise independently, so they are written on all cores, kept in order.
    let writer = BlockWriter(slots: doc.citations)
    let blocks = ParallelMap.map(doc.blocks) { block -> [UInt8] in
      var output = HTMLOutput()
      writer.write(block, into: &output)
      return output.bytes
    }
    var head = HTMLOutput(capacity: 4096 + stylesheet.utf8.count)
    head.raw("<!DOCTYPE html>\n")
    head.open(
      "html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", doc.language), ("xml:lang", doc.language)])
    head.open("head")
    head.void("meta", [("charset", "utf-8")])
    head.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
    head.void("meta", [("name", "generator"), ("content", "Cited")])
    head.element("title", text: doc.title ?? "Document")
    head.open("style")
    head.raw(stylesheet)
    head.close("style")
    head.close("head")
    head.open("body")
    head.open("main")
    if let title = doc.title { head.element("h1", [("class", "title")], text: title) }
    for line in doc.subtitle { head.element("p", [("class", "byline")], text: line) }
    var end = HTMLOutput()
    end.close("main")
    end.close("body")
    end.close("html")
    end.raw("\n")
    return [head.bytes] + blocks + [end.bytes]
  }

  /// Writes blocks; `slots` are the citations `.slot(n)` stands for.
  struct BlockWriter {
    let slots: [String]

    /// One block.
    func write(_ block: DocBlock, into output: inout HTMLOutput) {
      switch block {
      case .heading(let level, let id, let content):
        let name = "h\(min(max(level, 1), 6))"
        element(name, id.map { [("id", $0)] } ?? [], content, into: &output)
      case .paragraph(let content):
        element("p", [], content, into: &output)
      case .list(let ordered, let items):
        output.open(ordered ? "ol" : "ul")
        for item in items {
          output.open("li")
          for child in item { write(child, into: &output) }
          output.close("li")
        }
        output.close(ordered ? "ol" : "ul")
      case .blockQuote(let content):
        output.open("blockquote")
        for child in content { write(child, into: &output) }
        output.close("blockquote")
      case .code(let info, let text):
        let language = info.split(separator: " ").first.map { [("class", "language-" + $0)] } ?? []
        output.open("pre")
        output.element("code", language, text: text)
        output.close("pre")
      case .rule:
        output.void("hr")
      case .table(let table):
        write(table, into: &output)
      case .figure(let id, let caption, let svg, let description):
        output.open("figure", [("id", id)])
        svg.write(into: &output)
        if !description.isEmpty {
          output.open("details")
          output.element("summary", text: "Data")
          output.open("ul")
          for line in description { output.element("li", text: line) }
          output.close("ul")
          output.close("details")
        }
        output.element("figcaption", text: caption)
        output.close("figure")
      case .notes(let notes):
        write(notes, into: &output)
      case .bibliography(let id, let entries):
        output.open("div", [("id", id), ("class", "references")])
        for entry in entries {
          element(
            "div", [("id", "ref-" + Anchor.slug(entry.key)), ("class", "csl-entry")], entry.content, into: &output)
        }
        output.close("div")
      case .section(let id, let className, let content):
        var attributes: [(String, String)] = []
        if let id { attributes.append(("id", id)) }
        if let className { attributes.append(("class", className)) }
        output.open("section", attributes)
        for child in content { write(child, into: &output) }
        output.close("section")
      }
    }

    func write(_ table: DocBlock.Table, into output: inout HTMLOutput) {
      output.open("table", table.id.map { [("id", $0)] } ?? [])
      output.open("thead")
      output.open("tr")
      for cell in table.header { element("th", [], cell, into: &output) }
      output.close("tr")
      output.close("thead")
      output.open("tbody")
      for row in table.rows {
        output.open("tr")
        for cell in row { element("td", [], cell, into: &output) }
        output.close("tr")
      }
      output.close("tbody")
      output.close("table")
    }

    func write(_ notes: [DocBlock.Note], into output: inout HTMLOutput) {
      output.open("section", [("class", "footnotes")])
      output.void("hr")
      output.open("ol")
      for note in notes {
        output.open("li", [("id", "fn\(note.number)"), ("value", "\(note.number)")])
        write(note.content, into: &output)
        output.escaped(" ")
        output.element("a", [("href", "#fnref\(note.number)"), ("class", "back")], text: "↩")
        output.close("li")
      }
      output.close("ol")
      output.close("section")
    }

    /// An element holding inline content.
    func element(
      _ name: String, _ attributes: [(String, String)], _ content: [DocInline], into output: inout HTMLOutput
    ) {
      output.open(name, attributes)
      write(content, into: &output)
      output.close(name)
    }

    /// Inline content.
    func write(_ content: [DocInline], into output: inout HTMLOutput) {
      for inline in content { write(inline, into: &output) }
    }

    func write(_ inline: DocInline, into output: inout HTMLOutput) {
      switch inline {
      case .text(let text): output.escaped(text)
      case .emphasis(let content): element("em", [], content, into: &output)
      case .strong(let content): element("strong", [], content, into: &output)
      case .strikethrough(let content): element("del", [], content, into: &output)
      case .code(let text): output.element("code", text: text)
      case .link(let url, let content):
        let link = URLPolicy.linkElement(url)
        element(link.name, link.attributes, content, into: &output)
      case .anchorLink(let id, let content):
        output.open("a", attribute: "href", value: id, prefix: "#")
        write(content, into: &output)
        output.close("a")
      case .softBreak: output.raw("\n")
      case .lineBreak: output.void("br")
      case .trusted(let markup): output.raw(markup)
      case .noteReference(let number):
        output.open("sup", [("class", "footnote-ref")])
        output.element("a", [("href", "#fn\(number)"), ("id", "fnref\(number)")], text: "\(number)")
        output.close("sup")
      case .span(let className, let content):
        output.open("span", attribute: "class", value: className)
        write(content, into: &output)
        output.close("span")
      case .slot(let index): if slots.indices.contains(index) { output.raw(slots[index]) }
      }
    }
  }

  /// Cited's stylesheet: screen and print.
  static let stylesheet = """
    body{font-family:Georgia,'Noto Serif','Noto Serif CJK SC',serif;line-height:1.5;margin:0;color:#222}
    main{max-width:52rem;margin:0 auto;padding:1rem 1.5rem}
    h1,h2,h3,h4{font-family:'Helvetica Neue',Arial,'Noto Sans CJK SC',sans-serif;line-height:1.25}
    table{border-collapse:collapse;margin:0.5rem 0;width:100%}
    th,td{border:1px solid #bbb;padding:0.25rem 0.4rem;text-align:left;vertical-align:top}
    th{background:#f1f1f1}
    code,pre{font-family:Menlo,Consolas,monospace;font-size:0.9em}
    pre{background:#f6f6f6;padding:0.5rem;overflow-x:auto}
    figure{margin:1rem 0;text-align:center}figure svg{max-width:100%;height:auto}
    figcaption{font-style:italic;margin-top:0.3rem}
    .csl-entry{padding-left:2em;text-indent:-2em;margin-bottom:0.3rem}
    .mark{font-size:0.8em;border:1px solid #999;border-radius:3px;padding:0 0.2em;margin-left:0.2em;white-space:nowrap}
    .mark-unsourced{background:#fdd}.mark-single{background:#ffe8b0}.mark-secondary{background:#e6e0ff}
    .mark-via{background:#dff0ff}.mark-deprecated{background:#eee;text-decoration:line-through}
    .unknown-citation{color:#a00;font-weight:bold}.unlinked{text-decoration:underline dotted}
    .conflict{border-left:4px solid #c60;padding-left:0.6rem}
    .footnotes{font-size:0.9em}.back{text-decoration:none}
    .zh{font-family:'Noto Sans CJK SC','Noto Serif CJK SC',sans-serif}
    @media print{main{max-width:none;padding:0}a{color:inherit;text-decoration:none}
    section.entity,figure,table{page-break-inside:avoid}details>ul{display:block}
    h2{page-break-after:avoid}}
    """
}
