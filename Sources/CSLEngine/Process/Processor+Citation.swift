import BibModel
import CSLStyle

extension Processor {
  /// One rendered cite with what grouping and collapsing look at.
  struct CitePiece {
    var cite: ResolvedCite
    var node: Node
    var namesKey: String
    var yearKey: String
    var number: Int?
    var hasAffixes: Bool
  }

  func renderCitation(
    _ cites: [ResolvedCite], numbers: [Int: Int], states: inout [Int: DisambiguationState], format: any OutputFormat
  ) -> String {
    guard let citation = compiled.style.citation, !cites.isEmpty else { return "" }
    var ordered = cites
    if !citation.sort.isEmpty {
      let sortedIndices = sort(Array(ordered.indices).map { ordered[$0].referenceIndex }, keys: citation.sort, numbers: numbers, mode: .citation)
      // Stable mapping back to cites (a reference may be cited twice).
      var remaining = ordered
      var result: [ResolvedCite] = []
      for index in sortedIndices {
        if let position = remaining.firstIndex(where: { $0.referenceIndex == index }) {
          result.append(remaining.remove(at: position))
        }
      }
      ordered = result + remaining
    }
    var pieces: [CitePiece] = ordered.map { cite in
      let state = states[cite.referenceIndex] ?? DisambiguationState()
      let node = renderItem(
        cite.referenceIndex, context: cite.context, state: state, mode: .citation,
        suppressAuthor: cite.cite.suppressAuthor)
      let names = node.first(tagged: .names("")).map(\.plainText) ?? firstNames(node)?.plainText ?? ""
      let year = firstDate(node)?.plainText ?? ""
      return CitePiece(
        cite: cite, node: node, namesKey: names, yearKey: year, number: cite.context.citationNumber,
        hasAffixes: (cite.cite.prefix ?? "").isEmpty == false || (cite.cite.suffix ?? "").isEmpty == false)
    }
    // author-only: keep just the names.
    for index in pieces.indices where pieces[index].cite.cite.authorOnly {
      pieces[index].node = firstNames(pieces[index].node) ?? .empty
    }
    let delimiter = citation.layout.delimiter ?? ""
    let groupingEnabled = citation.citeGroupDelimiter != nil || citation.collapse == .year
      || citation.collapse == .yearSuffix || citation.collapse == .yearSuffixRanged
    if groupingEnabled {
      // Cite grouping: cites with the same names move next to the first of them.
      var grouped: [CitePiece] = []
      var used = Array(repeating: false, count: pieces.count)
      for index in pieces.indices where !used[index] {
        used[index] = true
        grouped.append(pieces[index])
        guard !pieces[index].namesKey.isEmpty else { continue }
        for other in (index + 1)..<pieces.count where !used[other] && pieces[other].namesKey == pieces[index].namesKey {
          used[other] = true
          grouped.append(pieces[other])
        }
      }
      pieces = grouped
    }
    var output: [Node] = []
    func wrap(_ piece: CitePiece, _ node: Node) -> Node {
      var parts: [Node] = []
      if let prefix = piece.cite.cite.prefix, !prefix.isEmpty { parts.append(RichText.parse(prefix)) }
      parts.append(node)
      if let suffix = piece.cite.cite.suffix, !suffix.isEmpty { parts.append(RichText.parse(suffix)) }
      return .sequence(parts)
    }
    if citation.collapse == .citationNumber {
      var index = 0
      while index < pieces.count {
        var end = index
        while end + 1 < pieces.count, let a = pieces[end].number, let b = pieces[end + 1].number, b == a + 1,
          !pieces[end].hasAffixes, !pieces[end + 1].hasAffixes, pieces[end].cite.cite.locator == nil,
          pieces[end + 1].cite.cite.locator == nil
        {
          end += 1
        }
        if !output.isEmpty { output.append(.text(delimiter)) }
        if end - index >= 2 {
          output.append(wrap(pieces[index], pieces[index].node))
          output.append(.text("\u{2013}"))
          output.append(wrap(pieces[end], pieces[end].node))
          if end + 1 < pieces.count, let after = citation.afterCollapseDelimiter {
            output.append(.text(after))
            output.append(wrap(pieces[end + 1], pieces[end + 1].node))
            index = end + 2
            continue
          }
        } else {
          for offset in index...end {
            if offset > index { output.append(.text(delimiter)) }
            output.append(wrap(pieces[offset], pieces[offset].node))
          }
        }
        index = end + 1
      }
    } else if groupingEnabled {
      let groupDelimiter = citation.citeGroupDelimiter ?? ", "
      let afterCollapse = citation.afterCollapseDelimiter ?? delimiter
      var index = 0
      var previousWasGroup = false
      while index < pieces.count {
        var end = index
        while end + 1 < pieces.count, !pieces[index].namesKey.isEmpty, pieces[end + 1].namesKey == pieces[index].namesKey {
          end += 1
        }
        if !output.isEmpty { output.append(.text(previousWasGroup ? afterCollapse : delimiter)) }
        if end > index && citation.collapse != nil {
          output.append(contentsOf: collapseGroup(Array(pieces[index...end]), citation: citation, states: &states, wrap: wrap))
          previousWasGroup = true
        } else if end > index {
          for offset in index...end {
            if offset > index { output.append(.text(groupDelimiter)) }
            output.append(wrap(pieces[offset], pieces[offset].node))
          }
          previousWasGroup = true
        } else {
          output.append(wrap(pieces[index], pieces[index].node))
          previousWasGroup = false
        }
        index = end + 1
      }
    } else {
      for (index, piece) in pieces.enumerated() {
        if index > 0 { output.append(.text(delimiter)) }
        output.append(wrap(piece, piece.node))
      }
    }
    var layoutDecoration = citation.layout.decoration
    layoutDecoration.display = nil
    let renderer = Renderer(
      compiled: compiled,
      lookup: VariableLookup(reference: Reference(id: ""), cite: CiteContext(), yearSuffixText: nil),
      mode: .citation, disambiguation: DisambiguationState())
    let node = renderer.decorate(.sequence(output), layoutDecoration)
    return serialize(node, format: format)
  }

  /// Same-author cites: the author once, then the years (or year suffixes).
  private func collapseGroup(
    _ group: [CitePiece], citation: CSL.Citation, states: inout [Int: DisambiguationState],
    wrap: (CitePiece, Node) -> Node
  ) -> [Node] {
    let groupDelimiter = citation.citeGroupDelimiter ?? ", "
    var nodes: [Node] = [wrap(group[0], group[0].node)]
    var index = 1
    var previousYear = group[0].yearKey
    var previous = group[0]
    while index < group.count {
      let piece = group[index]
      let state = states[piece.cite.referenceIndex] ?? DisambiguationState()
      let withoutAuthor = renderItem(
        piece.cite.referenceIndex, context: piece.cite.context, state: state, mode: .citation, suppressAuthor: true)
      let suffixCollapse = citation.collapse == .yearSuffix || citation.collapse == .yearSuffixRanged
      let sameYear = !piece.yearKey.isEmpty && yearWithoutSuffix(piece.node) == yearWithoutSuffix(previous.node)
      if suffixCollapse, sameYear, piece.cite.cite.locator == nil, !piece.hasAffixes,
        let suffix = piece.node.first(tagged: .yearSuffix)
      {
        // Ranged: a–c for three or more consecutive suffixes.
        if citation.collapse == .yearSuffixRanged {
          var end = index
          while end + 1 < group.count, let a = states[group[end].cite.referenceIndex]?.yearSuffix,
            let b = states[group[end + 1].cite.referenceIndex]?.yearSuffix, b == a + 1,
            yearWithoutSuffix(group[end + 1].node) == yearWithoutSuffix(piece.node), group[end + 1].cite.cite.locator == nil
          {
            end += 1
          }
          if end > index, let last = group[end].node.first(tagged: .yearSuffix) {
            nodes.append(.text(citation.yearSuffixDelimiter ?? groupDelimiter))
            if end - index >= 1 {
              // previous already printed its suffix: a–c
              nodes.removeLast()
              nodes.append(.text("\u{2013}"))
              nodes.append(last)
            }
            previous = group[end]
            index = end + 1
            continue
          }
        }
        nodes.append(.text(citation.yearSuffixDelimiter ?? groupDelimiter))
        nodes.append(suffix)
      } else {
        nodes.append(.text(groupDelimiter))
        nodes.append(wrap(piece, withoutAuthor))
      }
      previousYear = piece.yearKey
      previous = piece
      index += 1
    }
    _ = previousYear
    return nodes
  }

  private func yearWithoutSuffix(_ node: Node) -> String {
    guard let date = firstDate(node) else { return "" }
    return date.replacing(where: { $0 == .yearSuffix }) { _ in .empty }.plainText
  }

  func firstNames(_ node: Node) -> Node? {
    node.firstMatching { tag in if case .names = tag { return true } else { return false } }
  }

  func firstDate(_ node: Node) -> Node? {
    node.firstMatching { $0 == .date }
  }
}

extension Node {
  func firstMatching(_ predicate: (NodeTag) -> Bool) -> Node? {
    switch self {
    case .text: return nil
    case .tagged(let tag, let children):
      if predicate(tag) { return self }
      for child in children { if let found = child.firstMatching(predicate) { return found } }
      return nil
    case .styled(_, let children), .quoted(let children), .nocase(let children), .display(_, let children),
      .sequence(let children), .link(_, let children):
      for child in children { if let found = child.firstMatching(predicate) { return found } }
      return nil
    }
  }
}
