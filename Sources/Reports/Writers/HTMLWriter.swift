import BibModel

/// Writes a `Doc` as one self-contained polyglot XHTML5 page: no script, print CSS, anchors.
public enum HTMLWriter {
  /// The whole page.
  public static func page(_ doc: Doc) -> String {
    var body: [HTMLNode] = []
    if let title = doc.title { body.append(.el("h1", [("class", "title")], [.text(title)])) }
    for line in doc.subtitle { body.append(.el("p", [("class", "byline")], [.text(line)])) }
    // Blocks serialise independently, so they are written on all cores and joined in order.
    body.append(.trusted(ParallelMap.map(doc.blocks) { block($0).markup }.joined()))
    let head = HTMLNode.el(
      "head", [],
      [
        .el("meta", [("charset", "utf-8")]),
        .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
        .el("meta", [("name", "generator"), ("content", "Cited")]),
        .el("title", [], [.text(doc.title ?? "Document")]),
        .el("style", [], [.trusted(stylesheet)]),
      ])
    let html = HTMLNode.el(
      "html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", doc.language), ("xml:lang", doc.language)],
      [head, .el("body", [], [.el("main", [], body)])])
    return "<!DOCTYPE html>\n" + html.markup + "\n"
  }

  /// One block as a node.
  public static func block(_ block: DocBlock) -> HTMLNode {
    switch block {
    case .heading(let level, let id, let content):
      let name = "h\(min(max(level, 1), 6))"
      return .el(name, id.map { [("id", $0)] } ?? [], inlines(content))
    case .paragraph(let content):
      return .el("p", [], inlines(content))
    case .list(let ordered, let items):
      return .el(ordered ? "ol" : "ul", [], items.map { .el("li", [], $0.map(self.block)) })
    case .blockQuote(let content):
      return .el("blockquote", [], content.map(self.block))
    case .code(let info, let text):
      let language = info.split(separator: " ").first.map { [("class", "language-" + $0)] } ?? []
      return .el("pre", [], [.el("code", language, [.text(text)])])
    case .rule:
      return .el("hr")
    case .table(let table):
      let head = HTMLNode.el("thead", [], [.el("tr", [], table.header.map { .el("th", [], inlines($0)) })])
      let rows = table.rows.map { row in HTMLNode.el("tr", [], row.map { .el("td", [], inlines($0)) }) }
      return .el("table", table.id.map { [("id", $0)] } ?? [], [head, .el("tbody", [], rows)])
    case .figure(let id, let caption, let svg, let description):
      var children: [HTMLNode] = [svg]
      if !description.isEmpty {
        children.append(
          .el(
            "details", [],
            [.el("summary", [], [.text("Data")]), .el("ul", [], description.map { .el("li", [], [.text($0)]) })]))
      }
      children.append(.el("figcaption", [], [.text(caption)]))
      return .el("figure", [("id", id)], children)
    case .notes(let notes):
      return .el(
        "section", [("class", "footnotes")],
        [
          .el("hr"),
          .el(
            "ol", [],
            notes.map { note in
              .el(
                "li", [("id", "fn\(note.number)"), ("value", "\(note.number)")],
                inlines(note.content) + [
                  .text(" "), .el("a", [("href", "#fnref\(note.number)"), ("class", "back")], [.text("↩")]),
                ])
            }),
        ])
    case .bibliography(let id, let entries):
      return .el(
        "div", [("id", id), ("class", "references")],
        entries.map { .el("div", [("id", "ref-" + Anchor.slug($0.key)), ("class", "csl-entry")], inlines($0.content)) })
    case .section(let id, let className, let content):
      var attributes: [(String, String)] = []
      if let id { attributes.append(("id", id)) }
      if let className { attributes.append(("class", className)) }
      return .el("section", attributes, content.map(self.block))
    }
  }

  /// Inline content as nodes.
  public static func inlines(_ content: [DocInline]) -> [HTMLNode] { content.map(inline) }

  private static func inline(_ inline: DocInline) -> HTMLNode {
    switch inline {
    case .text(let text): return .text(text)
    case .emphasis(let content): return .el("em", [], inlines(content))
    case .strong(let content): return .el("strong", [], inlines(content))
    case .strikethrough(let content): return .el("del", [], inlines(content))
    case .code(let text): return .el("code", [], [.text(text)])
    case .link(let url, let content): return .link(url, inlines(content))
    case .anchorLink(let id, let content): return .el("a", [("href", "#" + id)], inlines(content))
    case .softBreak: return .text("\n")
    case .lineBreak: return .el("br")
    case .trusted(let markup): return .trusted(markup)
    case .noteReference(let number):
      return .el(
        "sup", [("class", "footnote-ref")],
        [.el("a", [("href", "#fn\(number)"), ("id", "fnref\(number)")], [.text("\(number)")])])
    case .span(let className, let content): return .el("span", [("class", className)], inlines(content))
    case .slot: return .text("")
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
