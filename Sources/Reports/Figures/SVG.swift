/// Small builders for inline SVG drawings, on top of the escape-by-default `HTMLNode` tree.
enum SVG {
  static let namespace = "http://www.w3.org/2000/svg"

  static func format(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// The root element with a title (accessible name) and a viewBox.
  static func root(width: Double, height: Double, title: String, _ children: [HTMLNode]) -> HTMLNode {
    .el(
      "svg",
      [
        ("xmlns", namespace), ("viewBox", "0 0 \(format(width)) \(format(height))"), ("width", format(width)),
        ("height", format(height)), ("role", "img"), ("aria-label", title),
        ("font-family", "Helvetica, Arial, 'Noto Sans CJK SC', sans-serif"), ("font-size", "12"),
      ],
      [.el("title", [], [.text(title)])] + children)
  }

  static func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String = "#f4f7fb",
    stroke: String = "#335", dashed: Bool = false
  ) -> HTMLNode {
    var attributes = [
      ("x", format(x)), ("y", format(y)), ("width", format(width)), ("height", format(height)), ("rx", "6"),
      ("fill", fill), ("stroke", stroke),
    ]
    if dashed { attributes.append(("stroke-dasharray", "4 3")) }
    return .el("rect", attributes)
  }

  static func line(
    _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#667", width: Double = 1.2,
    dashed: Bool = false
  ) -> HTMLNode {
    var attributes = [
      ("x1", format(x1)), ("y1", format(y1)), ("x2", format(x2)), ("y2", format(y2)), ("stroke", stroke),
      ("stroke-width", format(width)),
    ]
    if dashed { attributes.append(("stroke-dasharray", "4 3")) }
    return .el("line", attributes)
  }

  static func text(
    _ value: String, x: Double, y: Double, anchor: String = "middle", size: Double = 12, weight: String? = nil,
    fill: String = "#222"
  ) -> HTMLNode {
    var attributes = [
      ("x", format(x)), ("y", format(y)), ("text-anchor", anchor), ("font-size", format(size)), ("fill", fill),
    ]
    if let weight { attributes.append(("font-weight", weight)) }
    return .el("text", attributes, [.text(value)])
  }

  /// A box with up to a few centred lines of text and a tooltip carrying the full text.
  static func box(
    x: Double, y: Double, width: Double, height: Double, lines: [String], tooltip: String,
    fill: String = "#f4f7fb", dashed: Bool = false, bold: Bool = false
  ) -> HTMLNode {
    let lineHeight = 14.0
    let top = y + height / 2 - Double(lines.count - 1) * lineHeight / 2 + 4
    var children: [HTMLNode] = [
      .el("title", [], [.text(tooltip)]), rect(x: x, y: y, width: width, height: height, fill: fill, dashed: dashed),
    ]
    for (index, line) in lines.enumerated() {
      children.append(
        text(line, x: x + width / 2, y: top + Double(index) * lineHeight, weight: bold && index == 0 ? "bold" : nil))
    }
    return .el("g", [], children)
  }

  /// Splits text into at most `maxLines` lines of about `width` characters (ellipsis when cut).
  static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    lines = lines.map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
    if lines.count > maxLines {
      lines = Array(lines.prefix(maxLines))
      let last = lines[maxLines - 1]
      lines[maxLines - 1] = String(last.prefix(max(width - 1, 1))) + "…"
    }
    return lines
  }
}
