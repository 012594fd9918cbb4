import CSLStyle

/// Finishes a rendered bibliography entry: second-field-align, the layout's affixes and
/// formatting, and the output format. Pure per entry, so entries finish on all cores.
struct EntryFinisher: Sendable {
  let processor: Processor
  let order: [Int]
  let numbers: ItemTable<Int>
  let bibliography: CSL.Bibliography
  let format: any OutputFormat
  /// The bibliography prints citation numbers: an entry with no printed form keeps its number.
  let usesNumbers: Bool

  /// The entry at a position of the order as its item and text; nil when it prints nothing.
  func finish(_ position: Int, _ rendered: Node) -> (item: Int, text: String)? {
    var node = rendered
    let item = order[position]
    var decoration = bibliography.layout.decoration
    // Set only where the layout has one: setting it copied the decoration's storage for
    // every entry.
    if decoration.display != nil { decoration.display = nil }
    if bibliography.secondFieldAlign != nil, let aligned = Self.alignSecondField(node, suffix: decoration.suffix) {
      node = aligned
      decoration.suffix = nil
    }
    if node.isEmpty {
      // citeproc-js: an entry with no printed form is left out, or, in a numbered
      // bibliography, keeps its number with an error note.
      guard usesNumbers else { return nil }
      let text = Node.text("\(numbers[item] ?? position + 1). \(Processor.noPrintedForm)")
      return (item, processor.serialize(text, format: format))
    }
    // With display blocks, the layout suffix closes the last block.
    if let suffix = decoration.suffix, !suffix.isEmpty, case .sequence(var children) = node,
      let lastIndex = children.lastIndex(where: { !$0.isEmpty }),
      case .display(let display, let inner) = children[lastIndex]
    {
      children[lastIndex] = .display(display, inner + [.text(suffix)])
      node = .sequence(children)
      decoration.suffix = nil
    }
    return (item, processor.serialize(Processor.layoutWrap(node, decoration), format: format))
  }

  /// `second-field-align`: the first field goes in the left margin, the rest inline.
  private static func alignSecondField(_ node: Node, suffix: String?) -> Node? {
    var children: [Node]
    if case .sequence(let list) = node { children = list } else { children = [node] }
    children = children.filter { !$0.isEmpty }
    // Descend through a single wrapper so the first rendered element is found.
    while children.count == 1, case .sequence(let inner) = children[0] { children = inner.filter { !$0.isEmpty } }
    guard children.count > 1 else { return nil }
    let first = children[0]
    var rest = Array(children.dropFirst())
    if let suffix, !suffix.isEmpty { rest.append(.text(suffix)) }
    // An entry that prints nothing after its first field (only affixes) stays whole in the
    // left margin, as citeproc-js writes it ("11.").
    if !Node.sequence(rest).printsLetterOrDigit {
      let (whole, trimmed) = Node.sequence(children).trimmingTrailingSpaces()
      let margin = Node.display(.leftMargin, [.sequence([whole, .text(suffix ?? "")])])
      return trimmed ? .sequence([margin, .text(" ")]) : margin
    }
    // citeproc-js moves trailing space out of the right-inline block.
    let (inline, trimmed) = Node.sequence(rest).trimmingTrailingSpaces()
    var result: [Node] = [.display(.leftMargin, [first]), .display(.rightInline, [inline])]
    if trimmed { result.append(.text(" ")) }
    return .sequence(result)
  }
}
