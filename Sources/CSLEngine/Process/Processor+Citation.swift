import BibModel
import CSLStyle

extension Processor {
  /// One rendered cite with what grouping and collapsing look at.
  struct CitePiece {
    var cite: ResolvedCite
    var node: Node
    /// The names the cite prints (empty for none, or when the citation groups no cites).
    var namesKey: String
    var number: Int?
    var hasAffixes: Bool
    /// Whether rendering reached a `<text variable>` (see `Renderer.reachedTextVariable`).
    var reachedTextVariable = false

    /// Whether `next` continues a run of citation numbers that ends with this cite, as
    /// citeproc-js collapses: consecutive numbers, no suffix inside the run and no prefix after
    /// its start, no printed locator (an unprinted one does not count).
    func isContinued(by next: CitePiece) -> Bool {
      guard let number, let following = next.number, following == number + 1 else { return false }
      return (cite.cite.suffix ?? "").isEmpty && (next.cite.cite.prefix ?? "").isEmpty
        && (next.cite.cite.suffix ?? "").isEmpty && !printsLocator && !next.printsLocator
    }

    private var printsLocator: Bool { cite.cite.locator != nil && node.first(tagged: .locator) != nil }
  }

  /// A citation's text: its cites sorted, rendered, grouped by their names, collapsed and
  /// joined, as the style's citation element sets out.
  func renderCitation(
    _ cites: [ResolvedCite], numbers: ItemTable<Int>, states: ItemTable<DisambiguationState>, format: any OutputFormat,
    cache: RenderCache? = nil, kept: ItemTable<KeptCites> = [:]
  ) -> String {
    guard let citation = compiled.style.citation, !cites.isEmpty else { return "" }
    let (ordered, firstKeys) = sortedCites(cites, citation: citation, numbers: numbers, cache: cache)
    let groupingEnabled =
      citation.citeGroupDelimiter != nil || citation.collapse == .year
      || citation.collapse == .yearSuffix || citation.collapse == .yearSuffixRanged
    // Only grouping and collapsing read the names a cite prints, and only between two cites or
    // more (one cite is neither grouped nor collapsed, and no delimiter goes before it).
    var pieces = renderedPieces(
      ordered, states: states, cache: cache, namingCites: groupingEnabled && ordered.count > 1, kept: kept)
    // A style that prints no names groups all cites together (implicit year-suffix collapsing).
    let anonymous = pieces.allSatisfy { $0.namesKey.isEmpty }
    if groupingEnabled && !citation.sort.isEmpty {
      pieces = groupedByNames(
        pieces, anonymous: anonymous, firstKey: citation.sort[0], firstKeys: firstKeys, numbers: numbers, cache: cache)
    }
    let output: [Node]
    if citation.collapse == .citationNumber {
      output = collapsingNumbers(pieces, citation: citation, format: format)
    } else if groupingEnabled {
      output = collapsingGroups(pieces, anonymous: anonymous, citation: citation, states: states, format: format)
    } else {
      output = joined(pieces, citation: citation, format: format)
    }
    return finished(output, pieces: pieces, citation: citation, format: format)
  }

  /// Sort: the cites in the order of the citation's sort keys (the order given without
  /// keys), and each reference's first sort key, which cite grouping orders groups by.
  private func sortedCites(
    _ cites: [ResolvedCite], citation: CSL.Citation, numbers: ItemTable<Int>, cache: RenderCache?
  ) -> (cites: [ResolvedCite], firstKeys: [Int: SortValue]) {
    var firstKeys: [Int: SortValue] = [:]
    // One cite (most citations) sorts as it is, with no key computed (the sort does not look
    // at a single item): the copies and arrays of the mapping back are spared.
    guard !citation.sort.isEmpty, cites.count > 1 else { return (cites, firstKeys) }
    let items = cites.map(\.referenceIndex)
    let (sortedIndices, table) = sortKeepingKeys(
      items, keys: citation.sort, numbers: numbers, mode: .citation, cache: cache)
    for (position, item) in items.enumerated() {
      if let value = table?.values[position][0] { firstKeys[item] = value }
    }
    // Stable mapping back to cites (a reference may be cited twice).
    var remaining = cites
    var result: [ResolvedCite] = []
    for index in sortedIndices {
      if let position = remaining.firstIndex(where: { $0.referenceIndex == index }) {
        result.append(remaining.remove(at: position))
      }
    }
    return (result + remaining, firstKeys)
  }

  /// Each cite rendered with what grouping and collapsing look at; an opening term of a note
  /// capitalized, author-only cites cut to their names.
  private func renderedPieces(
    _ ordered: [ResolvedCite], states: ItemTable<DisambiguationState>, cache: RenderCache?, namingCites: Bool,
    kept: ItemTable<KeptCites>
  ) -> [CitePiece] {
    var pieces: [CitePiece] = ordered.map { cite in
      let rendered: (node: Node, reachedTextVariable: Bool)
      // Disambiguation rendered the item in this context under these settings already (kept
      // only where its rendering prints what this one would: `keepsCiteRenderings`).
      if !cite.cite.suppressAuthor, let made = kept[cite.referenceIndex]?.rendering(in: cite.context) {
        rendered = made
      } else {
        let made = renderItemCollecting(
          cite.referenceIndex, context: cite.context, state: states[cite.referenceIndex] ?? DisambiguationState(),
          mode: .citation, suppressAuthor: cite.cite.suppressAuthor, cache: cache, collectNames: false,
          memoizeMacros: true)
        rendered = (made.node, made.reachedTextVariable)
      }
      let node = rendered.node
      return CitePiece(
        cite: cite, node: node, namesKey: namingCites ? namesKey(node) : "", number: cite.context.citationNumber,
        hasAffixes: (cite.cite.prefix ?? "").isEmpty == false || (cite.cite.suffix ?? "").isEmpty == false,
        reachedTextVariable: rendered.reachedTextVariable)
    }
    // Note styles: a citation that opens with a term ("ibid.") starts the note in upper case.
    if compiled.style.styleClass == .note, let first = pieces.first, (first.cite.cite.prefix ?? "").isEmpty,
      first.node.startsWith(tag: .term)
    {
      var caser = TextCaser(.capitalizeFirst, english: true)
      pieces[0].node = caser.applyAll(first.node)
    }
    // author-only: keep just the names.
    for index in pieces.indices where pieces[index].cite.cite.authorOnly {
      pieces[index].node = firstNames(pieces[index].node) ?? .empty
    }
    return pieces
  }

  /// The names a rendered cite prints, as grouping compares them. A substitute that prints only
  /// a term ("Anon.") is no names to group by (citeproc-js).
  private func namesKey(_ node: Node) -> String {
    let firstNamesNode = firstNames(node)
    if case .tagged(.names(Renderer.termSubstitute), _)? = firstNamesNode { return "" }
    return node.first(tagged: .names("")).map(\.plainText) ?? firstNamesNode?.plainText ?? ""
  }

  /// A cite as printed: linked when the format links cites, inside its prefix and suffix.
  private func wrap(_ piece: CitePiece, _ node: Node, format: any OutputFormat) -> Node {
    var parts: [Node] = []
    var body = node
    if !piece.cite.cite.authorOnly, !node.isEmpty, let url = format.citeLink(piece.cite.cite.id) {
      body = .link(url, [node])
    }
    if let prefix = piece.cite.cite.prefix, !prefix.isEmpty {
      parts.append(.tagged(.citeAffix, [RichText.parse(prefix)]))
      // A prefix that ends a sentence ("See the note. ") capitalizes what follows.
      let trimmed = prefix.trimming { $0 == " " || $0 == "\u{201D}" || $0 == "\u{2019}" || $0 == "\"" }
      if let last = trimmed.last, ".!?".contains(last), trimmed.contains(" ") {
        var caser = TextCaser(.capitalizeFirst, english: true)
        body = caser.applyAll(body)
      }
    }
    parts.append(body)
    if let suffix = piece.cite.cite.suffix, !suffix.isEmpty {
      parts.append(.tagged(.citeAffix, [RichText.parse(suffix)]))
    }
    return .sequence(parts)
  }

  /// Collapse and join under `collapse="citation-number"`: runs of three or more consecutive
  /// numbers print as a range ("1–3").
  private func collapsingNumbers(_ pieces: [CitePiece], citation: CSL.Citation, format: any OutputFormat) -> [Node] {
    let delimiter = citation.layout.delimiter ?? ""
    var output: [Node] = []
    var index = 0
    while index < pieces.count {
      var end = index
      while end + 1 < pieces.count, pieces[end].isContinued(by: pieces[end + 1]) {
        end += 1
      }
      if !output.isEmpty { output.append(.text(delimiter)) }
      if end - index >= 2 {
        output.append(wrap(pieces[index], pieces[index].node, format: format))
        output.append(.text("\u{2013}"))
        output.append(wrap(pieces[end], pieces[end].node, format: format))
        if end + 1 < pieces.count, let after = citation.afterCollapseDelimiter {
          output.append(.text(after))
          output.append(wrap(pieces[end + 1], pieces[end + 1].node, format: format))
          index = end + 2
          continue
        }
      } else {
        for offset in index...end {
          if offset > index { output.append(.text(delimiter)) }
          output.append(wrap(pieces[offset], pieces[offset].node, format: format))
        }
      }
      index = end + 1
    }
    return output
  }

  /// Collapse and join with cite grouping: cites of one name print together, collapsed to
  /// their years or year suffixes when the style collapses.
  private func collapsingGroups(
    _ pieces: [CitePiece], anonymous: Bool, citation: CSL.Citation, states: ItemTable<DisambiguationState>,
    format: any OutputFormat
  ) -> [Node] {
    let delimiter = citation.layout.delimiter ?? ""
    var output: [Node] = []
    let groupDelimiter = citation.citeGroupDelimiter ?? ", "
    let betweenGroups = citation.collapse != nil ? (citation.afterCollapseDelimiter ?? delimiter) : delimiter
    var index = 0
    var previousCollapsed = false
    while index < pieces.count {
      var end = index
      // citeproc-js: a cite that prints no names continues the run before it unless it
      // reaches a text variable or the style sets after-collapse-delimiter ("Lewis et al.
      // 2005, 3, 7, 2010a").
      while end + 1 < pieces.count, !pieces[index].namesKey.isEmpty || anonymous,
        pieces[end + 1].namesKey == pieces[index].namesKey
          || (pieces[end + 1].namesKey.isEmpty && !pieces[end + 1].reachedTextVariable
            && citation.afterCollapseDelimiter == nil)
      {
        end += 1
      }
      if !output.isEmpty {
        let piece = pieces[index]
        if citation.afterCollapseDelimiter != nil && piece.namesKey.isEmpty && !piece.reachedTextVariable {
          // citeproc-js: a cite without names stays "collapsed", so the layout's delimiter
          // comes before it, after-collapse-delimiter only after a locator.
          let afterLocator = pieces[index - 1].cite.cite.locator != nil
          output.append(.text(afterLocator ? betweenGroups : delimiter))
        } else {
          output.append(.text(previousCollapsed || citation.collapse == .year ? betweenGroups : delimiter))
        }
      }
      previousCollapsed = end > index
      if end > index && citation.collapse != nil {
        output.append(
          contentsOf: collapseGroup(
            Array(pieces[index...end]), citation: citation, states: states, wrap: { wrap($0, $1, format: format) }))
      } else if end > index {
        for offset in index...end {
          if offset > index { output.append(.text(groupDelimiter)) }
          output.append(wrap(pieces[offset], pieces[offset].node, format: format))
        }
      } else {
        output.append(wrap(pieces[index], pieces[index].node, format: format))
      }
      index = end + 1
    }
    return output
  }

  /// Join: the cites one after another with the layout's delimiter.
  private func joined(_ pieces: [CitePiece], citation: CSL.Citation, format: any OutputFormat) -> [Node] {
    let delimiter = citation.layout.delimiter ?? ""
    var output: [Node] = []
    for (index, piece) in pieces.enumerated() {
      let wrapped = wrap(piece, piece.node, format: format)
      // citeproc-js: a cite that prints nothing is left out with its delimiter, but the
      // first one stands as the no-printed-form error.
      if wrapped.isEmpty && !piece.cite.cite.suppressAuthor {
        if index == 0 { output.append(.text(Self.noPrintedForm)) }
        continue
      }
      // A prefix starting with punctuation replaces the delimiter; after a suffix ending in
      // punctuation the delimiter keeps only its spacing ("is one source, Jones").
      let prefixFirst = piece.cite.cite.prefix?.first
      if !output.isEmpty && !(prefixFirst.map { ",.;:".contains($0) } ?? false) {
        let suffixLast = pieces[index - 1].cite.cite.suffix?.last
        if let last = suffixLast, ",.;:!?".contains(last), let first = delimiter.first, ",.;:".contains(first) {
          output.append(.text(String(delimiter.dropFirst())))
        } else {
          output.append(.text(delimiter))
        }
      }
      output.append(wrapped)
    }
    return output
  }

  /// The joined cites inside the layout's affixes, or citeproc-js's placeholders when nothing prints.
  private func finished(
    _ output: [Node], pieces: [CitePiece], citation: CSL.Citation, format: any OutputFormat
  ) -> String {
    let body = Node.sequence(output)
    // A citation left empty by suppressed authors prints citeproc-js's bare placeholder.
    if body.isEmpty && !pieces.isEmpty && pieces.allSatisfy({ $0.cite.cite.suppressAuthor }) {
      return Self.noPrintedCitation
    }
    // citeproc-js puts the layout's affixes around the error note too ("(…)", "….").
    let printed = body.isEmpty ? Node.text(Self.noPrintedForm) : body
    return serialize(Self.layoutWrap(printed, citation.layout.decoration), format: format)
  }

  /// Cite grouping in a sorted citation, as citeproc-js sorts: cites with the same names
  /// together, each group where its first cite's first key puts it; groups whose keys tie
  /// follow the order of their names ("Adams 2001; Zed 2001"), not the order given.
  private func groupedByNames(
    _ pieces: [CitePiece], anonymous: Bool, firstKey: CSL.SortKey, firstKeys: [Int: SortValue],
    numbers: ItemTable<Int>, cache: RenderCache?
  ) -> [CitePiece] {
    guard pieces.count > 1 else { return pieces }
    let keys = pieces.map { piece -> SortValue in
      let item = piece.cite.referenceIndex
      return firstKeys[item] ?? sortValue(item, key: firstKey, number: numbers[item], mode: .citation, cache: cache)
    }
    // Where first keys tie between different names, the names as the cite prints them before
    // disambiguation expands them decide (citeproc-js sorts a cluster before disambiguating
    // it); elsewhere the names as printed serve. Pieces are already in key order, so a stable
    // sort by names keeps key order inside each name.
    let names = pieces.indices.map { index -> String in
      let piece = pieces[index]
      guard !piece.namesKey.isEmpty else { return "" }
      let tiesWithOtherNames = pieces.indices.contains { other in
        other != index && pieces[other].namesKey != piece.namesKey && SortValue.compare(keys[other], keys[index]) == 0
      }
      guard tiesWithOtherNames else { return piece.namesKey }
      let node = renderItem(
        piece.cite.referenceIndex, context: piece.cite.context, state: DisambiguationState(), mode: .citation,
        cache: cache)
      return firstNames(node)?.plainText ?? piece.namesKey
    }
    let nameKeys = names.map { sortText($0) }
    let byNames = pieces.indices.sorted { left, right in
      let result = SortValue.compare(nameKeys[left], nameKeys[right])
      return result != 0 ? result < 0 : left < right
    }
    struct Group { var members: [Int]; var key: SortValue; var rank: Int }
    var groups: [Group] = []
    var groupOfName: [String: Int] = [:]
    for (rank, index) in byNames.enumerated() {
      let name = names[index]
      if !name.isEmpty || anonymous, let existing = groupOfName[name] {
        groups[existing].members.append(index)
        continue
      }
      if !name.isEmpty || anonymous { groupOfName[name] = groups.count }
      groups.append(Group(members: [index], key: keys[index], rank: rank))
    }
    let ordered = groups.sorted { left, right in
      let result = SortValue.compare(left.key, right.key, direction: firstKey.direction)
      return result != 0 ? result < 0 : left.rank < right.rank
    }
    return ordered.flatMap { group in group.members.sorted().map { pieces[$0] } }
  }

  /// Same-author cites: the author once, then the years (or year suffixes).
  private func collapseGroup(
    _ group: [CitePiece], citation: CSL.Citation, states: ItemTable<DisambiguationState>,
    wrap: (CitePiece, Node) -> Node
  ) -> [Node] {
    let delimiter = citation.layout.delimiter ?? ""
    // citeproc-js: where after-collapse-delimiter is set, the years of one author join with
    // the layout's delimiter ("Kim 2005; 2006 / Lee 2001"), whatever cite-group-delimiter says.
    let groupDelimiter = citation.afterCollapseDelimiter == nil ? citation.citeGroupDelimiter ?? ", " : delimiter
    let afterCollapse = citation.afterCollapseDelimiter ?? delimiter
    let suffixDelimiter = citation.yearSuffixDelimiter ?? citation.citeGroupDelimiter ?? delimiter
    let suffixCollapse = citation.collapse == .yearSuffix || citation.collapse == .yearSuffixRanged
    // Clusters of cites with the same year (suffix collapsing) or single cites.
    var clusters: [[CitePiece]] = []
    for piece in group {
      if suffixCollapse, let last = clusters.last?.last, piece.cite.cite.locator == nil, last.cite.cite.locator == nil,
        !piece.hasAffixes, piece.node.first(tagged: .yearSuffix) != nil,
        !yearWithoutSuffix(piece.node).isEmpty, yearWithoutSuffix(piece.node) == yearWithoutSuffix(last.node)
      {
        clusters[clusters.count - 1].append(piece)
      } else {
        clusters.append([piece])
      }
    }
    var nodes: [Node] = []
    var previousCollapsed = false
    var previousHadLocator = false
    for (clusterIndex, cluster) in clusters.enumerated() {
      let head = cluster[0]
      if clusterIndex > 0 {
        let state = states[head.cite.referenceIndex] ?? DisambiguationState()
        // A cite without names of its own prints whole (a term standing for its author stays).
        let withoutAuthor =
          head.namesKey.isEmpty
          ? head.node
          : renderItem(
            head.cite.referenceIndex, context: head.cite.context, state: state, mode: .citation, suppressAuthor: true)
        if withoutAuthor.isEmpty && !head.hasAffixes { continue }
        // citeproc-js: with add-names disambiguation and et-al-subsequent settings, cites of
        // one year told apart by suffixes join with the layout delimiter ("2000a; 2000b").
        let previous = clusters[clusterIndex - 1].last ?? head
        let suffixJoin =
          citation.collapse == .year && citation.disambiguateAddNames
          && (compiled.citationNameOptions.etAlSubsequentMin != nil
            || compiled.citationNameOptions.etAlSubsequentUseFirst != nil)
          && head.node.first(tagged: .yearSuffix) != nil && !yearWithoutSuffix(head.node).isEmpty
          && yearWithoutSuffix(head.node) == yearWithoutSuffix(previous.node)
        if suffixJoin {
          nodes.append(.text(citation.yearSuffixDelimiter ?? delimiter))
        } else {
          // A locator ends the collapsing only where after-collapse-delimiter is set: else the
          // next year follows with the group's delimiter ("2018, 2.3, 2010a"; citeproc-js).
          let afterLocator = previousHadLocator && citation.afterCollapseDelimiter != nil
          nodes.append(.text(previousCollapsed || afterLocator ? afterCollapse : groupDelimiter))
        }
        // citeproc-js joins the cites of a group without merging the delimiter into what the
        // cite prints ("Baker et al., 1999,  1999": the year's own prefix space stays).
        nodes.append(.tagged(.fixedValue, [wrap(head, withoutAuthor)]))
      } else {
        nodes.append(wrap(head, head.node))
      }
      let suffixes = cluster.compactMap { $0.node.first(tagged: .yearSuffix) }
      let numbers = cluster.map { states[$0.cite.referenceIndex]?.yearSuffix ?? 0 }
      if cluster.count > 1 {
        if citation.collapse == .yearSuffixRanged {
          var start = 0
          while start < cluster.count {
            var end = start
            while end + 1 < cluster.count && numbers[end + 1] == numbers[end] + 1 { end += 1 }
            if start > 0 { nodes.append(.text(suffixDelimiter)); nodes.append(suffixes[start]) }
            if end - start >= 2 {
              nodes.append(.text("\u{2013}"))
              nodes.append(suffixes[end])
            } else if end > start {
              nodes.append(.text(suffixDelimiter))
              nodes.append(suffixes[end])
            }
            start = end + 1
          }
        } else {
          for offset in 1..<suffixes.count {
            nodes.append(.text(suffixDelimiter))
            nodes.append(suffixes[offset])
          }
        }
      }
      previousCollapsed = cluster.count > 1
      previousHadLocator = cluster.last?.cite.cite.locator != nil
    }
    return nodes
  }

  private func yearWithoutSuffix(_ node: Node) -> String {
    guard let date = firstDate(node) else { return "" }
    return date.plainText(skipping: .yearSuffix)
  }

  func firstNames(_ node: Node) -> Node? {
    node.firstMatching { tag in if case .names = tag { return true } else { return false } }
  }

  func firstDate(_ node: Node) -> Node? {
    node.firstMatching { $0 == .date }
  }
}

extension Processor {
  /// A layout's affixes sit inside its formatting (citeproc-js).
  static func layoutWrap(_ body: Node, _ decoration: CSL.Decoration) -> Node {
    var parts: [Node] = []
    if let prefix = decoration.prefix, !prefix.isEmpty { parts.append(RichText.parse(prefix)) }
    parts.append(body)
    if let suffix = decoration.suffix, !suffix.isEmpty { parts.append(RichText.parse(suffix)) }
    return Renderer.format(.sequence(parts), decoration.formatting)
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
