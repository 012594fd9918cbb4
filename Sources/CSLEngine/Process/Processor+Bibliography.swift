import BibModel
import CSLStyle

extension Processor {
  /// The text of an entry that renders empty, as citeproc-js prints it.
  static let noPrintedForm = "[CSL STYLE ERROR: reference with no printed form.]"

  func renderBibliography(
    _ order: [Int], numbers: [Int: Int], states: [Int: DisambiguationState], format: any OutputFormat,
    cache: RenderCache? = nil
  ) -> [(item: Int, text: String)] {
    guard let bibliography = compiled.style.bibliography else { return [] }
    // Entries on all cores; `(item, text)` pairs so callers know which items printed.
    var finished: [(item: Int, node: Node)] = []
    let usesNumbers = MacroGraph.usesVariable("citation-number", inBibliographyOf: compiled.style)
    var previousNames: [String]?
    // Entries are independent until subsequent-author-substitute: render them on all cores.
    let rendered = ParallelMap.map(count: order.count) { range, chunkCache in
      range.map { position -> Node in
        let item = order[position]
        var context = CiteContext()
        context.citationNumber = numbers[item]
        context.inCitation = false
        var state = DisambiguationState()
        state.yearSuffix = states[item]?.yearSuffix
        state.conditionLevel = states[item]?.conditionLevel ?? 0
        return renderItem(item, context: context, state: state, mode: .bibliography, cache: chunkCache)
      }
    }
    for (position, _) in order.enumerated() {
      var node = rendered[position]
      // subsequent-author-substitute
      if let substitute = bibliography.subsequentAuthorSubstitute, let names = firstNames(node) {
        let current = nameTexts(names)
        if let previousNames, !current.isEmpty {
          node = substituteNames(
            node, current: current, previous: previousNames, with: substitute,
            rule: bibliography.subsequentAuthorSubstituteRule)
        }
        previousNames = current
      } else if bibliography.subsequentAuthorSubstitute != nil {
        previousNames = nil
      }
      var decoration = bibliography.layout.decoration
      decoration.display = nil
      if bibliography.secondFieldAlign != nil, let aligned = alignSecondField(node, suffix: decoration.suffix) {
        node = aligned
        decoration.suffix = nil
      }
      if node.isEmpty {
        // citeproc-js: an entry with no printed form is left out, or, in a numbered
        // bibliography, keeps its number with an error note.
        if usesNumbers {
          finished.append(
            (order[position], .text("\(numbers[order[position]] ?? position + 1). \(Self.noPrintedForm)")))
        }
        continue
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
      finished.append((order[position], Self.layoutWrap(node, decoration)))
    }
    let entries = finished
    return ParallelMap.map(count: entries.count) { range, _ in
      range.map { (entries[$0].item, serialize(entries[$0].node, format: format)) }
    }
  }

  /// The rendered names of a names node, one string per name; the whole text last, so
  /// lists with different connectors or et-al never compare equal.
  private func nameTexts(_ names: Node) -> [String] {
    var texts: [String] = []
    func collect(_ node: Node) {
      switch node {
      case .text: return
      case .tagged(.name, _): texts.append(node.plainText)
      case .tagged(_, let children), .styled(_, let children), .quoted(let children), .nocase(let children),
        .display(_, let children), .sequence(let children), .link(_, let children):
        children.forEach(collect)
      }
    }
    collect(names)
    let whole = names.replacing(where: { $0 == .nameLabel }) { _ in .empty }.plainText
    // A substituted title counts as one name.
    if texts.isEmpty { texts = [whole] }
    return texts + [whole]
  }

  private func substituteNames(
    _ node: Node, current: [String], previous: [String], with text: String, rule: CSL.SubsequentAuthorRule
  ) -> Node {
    let replacement: Node = text.isEmpty ? .empty : .text(text)
    let currentNames = current.dropLast()
    let previousNames = previous.dropLast()
    // How many leading names repeat the previous entry's.
    var matching = 0
    while matching < min(currentNames.count, previousNames.count),
      currentNames[currentNames.startIndex + matching] == previousNames[previousNames.startIndex + matching]
    {
      matching += 1
    }
    let allMatch = current == previous
    var replaceCount = 0
    switch rule {
    case .completeAll:
      guard allMatch else { return node }
      var done = false
      return node.replacing(where: { if case .names = $0 { return true } else { return false } }) { names in
        if done { return names }
        done = true
        // The label stays ("--- ed."), and so do the affixes and formatting of the names
        // element around what it printed.
        var labels: [Node] = []
        _ = names.replacing(where: { $0 == .nameLabel }) { label in
          labels.append(label)
          return label
        }
        let content = labels.isEmpty ? replacement : .sequence([replacement] + labels)
        var replacedContent = false
        let kept = names.replacing(where: { $0 == .nameContent }) { _ in
          if replacedContent { return .empty }
          replacedContent = true
          return content
        }
        return replacedContent ? kept : content
      }
    case .completeEach:
      guard allMatch else { return node }
      replaceCount = currentNames.count
    case .partialEach:
      replaceCount = matching
    case .partialFirst:
      replaceCount = matching > 0 ? 1 : 0
    }
    guard replaceCount > 0 else { return node }
    var seenNames = false
    return node.replacing(where: { if case .names = $0 { return true } else { return false } }) { names in
      if seenNames { return names }
      seenNames = true
      if !names.contains(where: { $0 == .name }) { return replacement }
      var replaced = 0
      return names.replacing(where: { $0 == .name }) { name in
        replaced += 1
        return replaced <= replaceCount ? replacement : name
      }
    }
  }

  /// `second-field-align`: the first field goes in the left margin, the rest inline.
  private func alignSecondField(_ node: Node, suffix: String?) -> Node? {
    var children: [Node]
    if case .sequence(let list) = node { children = list } else { children = [node] }
    children = children.filter { !$0.isEmpty }
    // Descend through a single wrapper so the first rendered element is found.
    while children.count == 1, case .sequence(let inner) = children[0] { children = inner.filter { !$0.isEmpty } }
    guard children.count > 1 else { return nil }
    let first = children[0]
    var rest = Array(children.dropFirst())
    if let suffix, !suffix.isEmpty { rest.append(.text(suffix)) }
    // citeproc-js moves trailing space out of the right-inline block.
    let (inline, trimmed) = Node.sequence(rest).trimmingTrailingSpaces()
    var result: [Node] = [.display(.leftMargin, [first]), .display(.rightInline, [inline])]
    if trimmed { result.append(.text(" ")) }
    return .sequence(result)
  }
}
