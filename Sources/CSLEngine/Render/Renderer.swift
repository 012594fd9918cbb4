import BibModel
import CSLStyle

/// What rendering one element produced, with the facts group suppression needs.
struct Rendered {
  var node: Node {
    didSet { knownEmpty = nil }
  }
  /// Some variable was called (directly or through a macro).
  var calledVariable = false
  /// Some called variable produced output.
  var renderedVariable = false
  /// Whether `node` is empty, when the producer knows it (a list built only from non-empty
  /// nodes) or it was asked before; nil when not known yet. Setting `node` forgets it.
  var knownEmpty: Bool?

  init(node: Node, calledVariable: Bool = false, renderedVariable: Bool = false) {
    self.node = node
    self.calledVariable = calledVariable
    self.renderedVariable = renderedVariable
  }

  /// Whether `node` is empty, looked at once: a group's output is asked after its
  /// decoration and again by the list that holds it, and each look walks the tree.
  mutating func isEmpty() -> Bool {
    if let knownEmpty { return knownEmpty }
    let empty = node.isEmpty
    knownEmpty = empty
    return empty
  }

  /// Replaces the node with a tree around it that is empty exactly when it is (a tag, a
  /// closing marker), keeping what is known of its emptiness.
  mutating func wrap(_ wrapping: (Node) -> Node) {
    let known = knownEmpty
    node = wrapping(node)
    knownEmpty = known
  }

  static var nothing: Rendered { Rendered(node: .empty) }

  /// What a variable printed: `node` is not empty (its producer checked).
  static func printed(_ node: Node) -> Rendered {
    var rendered = Rendered(node: node, calledVariable: true, renderedVariable: true)
    rendered.knownEmpty = false
    return rendered
  }
}

/// Where an element is being rendered.
enum RenderMode: Sendable { case citation, bibliography, sort }

/// Renders one item in one context into an output tree. Mutable only for the bookkeeping
/// CSL needs while walking a layout (substituted variables are suppressed afterwards).
final class Renderer {
  let compiled: CompiledStyle
  let lookup: VariableLookup
  let mode: RenderMode
  let disambiguation: DisambiguationState
  /// Whether `cs:names` inherit the citation's name options (else the bibliography's): a
  /// citation's renderer, and a citation sort key's.
  var citesNameOptions: Bool
  var nameOptions: CSL.NameOptions {
    citesNameOptions ? compiled.citationNameOptions : compiled.bibliographyNameOptions
  }
  var namesDelimiter: String?
  var suppressed = VariableSet()
  var macroDepth = 0
  /// Set inside `cs:substitute`: the `cs:names` being substituted for.
  var substituteParent: CSL.Names?
  /// Sort keys: render names in sort order; names-min etc. overrides.
  var sortNameOverrides: (min: Int?, useFirst: Int?, useLast: Bool?)?
  /// `suppress-author` and collapsing: the first `cs:names` output is dropped.
  var suppressFirstNames = false
  /// `disambiguate="true"` tests that held so far in this rendering.
  var disambiguateTestsHeld = 0
  /// `author-only`: only the first `cs:names` output is kept (handled by the caller).
  var renderedNames = false
  /// The `cs:names` being rendered is the first one to render for the item.
  var inFirstNames = true
  /// `expandsWithinItem`: the item's names seen so far (the citation's, then each `cs:names`
  /// rendered), and those of the `cs:names` being rendered.
  var seenNames: [Name]?
  var namesetNames: [Name] = []
  /// The names variable being rendered.
  var namesVariable: CSLVariable = ""
  /// Cited's multilingual extension: the name form of the `cs:names` being rendered.
  var nameForms: CSL.MultilingualOptions?
  /// Rendering only to compare cites for ambiguity: like citeproc-js, the `accessed` date does
  /// not tell cites apart (two undated pages by one author still need year suffixes).
  var comparing = false
  /// Whether a `<text variable>` other than the locator was reached (printed or not): the
  /// mark by which citeproc-js ends a collapsing run for a cite without names.
  var reachedTextVariable = false
  /// How many rendering elements enclose the one being rendered, itself included.
  var renderDepth = 0
  /// Memoized work shared by all renderers of one processing run.
  var cache: RenderCache?
  /// Number variables parsed so far (a condition, a label and the variable parse a value once).
  /// A short list (a rendering reads a few number variables), searched in order.
  var parsedNumbers: [(variable: CSLVariable, value: String, parsed: NumberValue)] = []
  /// When set, every name list the rendering prints, cut as printed (et-al, use-last): the
  /// names a citation puts in the given-name registry (citeproc-js).
  var printedNames: [[Name]]?
  /// Only the first name of each list is wanted (the primary-name rules register no other).
  var printedNamesFirstOnly = false
  /// When set, the name indices whose given-name level (`DisambiguationState.givenLevels`)
  /// the rendering read: a level at any other index cannot change what it prints.
  var givenLevelReads: NameIndexSet?
  /// Some name was formatted in a form its given-name level can change (a short form or
  /// initials): only then can the level settings change what the rendering prints.
  var nameLevelsMatter = false
  /// The fewest added names (`DisambiguationState.addNames`) at which every name list cut by
  /// et-al so far shows all its names (`SettingsReads.addNamesNeeded`).
  var addNamesNeeded = 0
  /// `disambiguate="true"` tests evaluated so far, holding or not.
  var disambiguateTests = 0
  /// Where this cite's macro renderings are kept for later cites of the item, and the item's
  /// index among the processor's references (`renderMacroBody`); nil when they are not.
  var macroMemo: (memo: MacroMemo, item: Int)?

  /// The item, read in place (`VariableLookup.box`).
  var reference: Reference { lookup.box.reference }
  var cite: CiteContext { lookup.cite }
  var terms: Terms { compiled.terms }
  /// Turkish or Azerbaijani casing: the item's language, or the style's locale for an item
  /// without one (citeproc-js cases terms and values by the same rule). Worked out once a
  /// rendering (lower-casing the language at every decoration that cases text cost some 480
  /// instructions each time).
  lazy var isTurkic: Bool = {
    var language = (lookup.language ?? "").lowercased()
    if language.isEmpty { language = (compiled.locale.lang ?? "").lowercased() }
    return language.hasPrefix("tr") || language.hasPrefix("az")
  }()
  /// English casing rules (title case) apply: the item's language, or the style's locale.
  lazy var isEnglish: Bool = {
    guard let language = lookup.language, !language.isEmpty else {
      return (compiled.locale.lang ?? "en").lowercased().hasPrefix("en")
    }
    return language.lowercased().hasPrefix("en")
  }()

  /// The lookup and the settings are taken, not copied: each rendering makes its own, and
  /// copying it into the renderer retained every string and table it holds once more.
  init(
    compiled: CompiledStyle, lookup: consuming VariableLookup, mode: RenderMode,
    disambiguation: consuming DisambiguationState
  ) {
    self.compiled = compiled
    self.lookup = consume lookup
    self.mode = mode
    self.disambiguation = consume disambiguation
    switch mode {
    case .citation:
      citesNameOptions = true
      namesDelimiter = compiled.style.citation?.namesDelimiter ?? compiled.style.namesDelimiter
    case .bibliography, .sort:
      citesNameOptions = false
      namesDelimiter = compiled.style.bibliography?.namesDelimiter ?? compiled.style.namesDelimiter
    }
  }

  // MARK: - Sequences

  func render(_ elements: [CSL.Element], delimiter: String?) -> Rendered {
    var result = Rendered.nothing
    var nodes = NodeList()
    var apart: [Int] = []
    var previousStyledSuffix = false
    // A delimiter goes in as the list is built: joining afterwards copied every node.
    let separator = delimiter.flatMap { $0.isEmpty ? nil : Node.text($0) }
    renderInto(
      elements, separator: separator, nodes: &nodes, result: &result, apart: &apart,
      previousStyledSuffix: &previousStyledSuffix)
    // citeproc-js merges nothing where an element with formatting of its own ends in a suffix
    // and the next sibling opens with a prefix ("<i>Daily</i>," + ", p. 12" prints ",,").
    if separator == nil {
      for index in apart { nodes.update(at: index) { .sequence([.tagged(.styledSuffixEnd, []), $0]) } }
    }
    // Only non-empty nodes joined the list.
    let empty = nodes.isEmpty
    result.node = nodes.takeNode()
    result.knownEmpty = empty
    return result
  }

  /// The decoration an element carries itself (nil for `cs:choose`).
  static func ownDecoration(_ element: CSL.Element) -> CSL.Decoration? {
    switch element {
    case .text(let text): text.decoration
    case .number(let number): number.decoration
    case .label(let label): label.decoration
    case .date(let date): date.decoration
    case .names(let names): names.decoration
    case .group(let group): group.decoration
    case .choose: nil
    }
  }

  /// Renders elements into a list; a chosen branch's children join the list in place, so
  /// they share the enclosing group's delimiter.
  private func renderInto(
    _ elements: [CSL.Element], separator: Node?, nodes: inout NodeList, result: inout Rendered, apart: inout [Int],
    previousStyledSuffix: inout Bool, following: Int = 0
  ) {
    // Index-based access borrows the style's elements instead of copying them.
    for index in elements.indices {
      if case .choose(let choose) = elements[index] {
        renderInto(
          chosenChildren(choose), separator: separator, nodes: &nodes, result: &result, apart: &apart,
          previousStyledSuffix: &previousStyledSuffix, following: following + elements.count - index - 1)
        continue
      }
      var rendered = render(elements[index])
      result.calledVariable = result.calledVariable || rendered.calledVariable
      result.renderedVariable = result.renderedVariable || rendered.renderedVariable
      if !rendered.isEmpty() {
        let decoration = Self.ownDecoration(elements[index])
        if previousStyledSuffix, decoration?.hasPrefix ?? false { apart.append(nodes.count) }
        previousStyledSuffix = (decoration?.hasSuffix ?? false) && !(decoration?.formatting.isEmpty ?? true)
        // Room for the rest of the list at the first output (most lists print nothing at all):
        // this element and those after it, here and after the branch it is in, and their
        // delimiters.
        if nodes.isEmpty {
          let most = elements.count - index + following
          nodes.reserveCapacity(separator == nil ? most : 2 * most - 1)
        } else if let separator {
          nodes.append(separator)
        }
        // Moved out of the rendering (a copy retained the node's storage).
        nodes.append((consume rendered).node)
      }
    }
  }

  func join(_ nodes: [Node], _ delimiter: String?) -> Node {
    guard let delimiter, !delimiter.isEmpty, nodes.count > 1 else {
      return nodes.count == 1 ? nodes[0] : .sequence(nodes)
    }
    var joined: [Node] = []
    joined.reserveCapacity(nodes.count * 2 - 1)
    for (index, node) in nodes.enumerated() {
      if index > 0 { joined.append(.text(delimiter)) }
      joined.append(node)
    }
    return .sequence(joined)
  }

  func render(_ element: CSL.Element) -> Rendered {
    // `display` applies only to the layout's own elements (citeproc-js ignores it deeper).
    if case .choose = element {} else { renderDepth += 1 }
    defer { if case .choose = element {} else { renderDepth -= 1 } }
    switch element {
    case .text(let text): return renderText(text)
    case .number(let number): return renderNumber(number)
    case .label(let label): return Rendered(node: renderLabel(label))
    case .date(let date): return renderDate(date)
    case .names(let names): return renderNames(names)
    case .group(let group):
      var rendered = render(group.children, delimiter: group.delimiter)
      if rendered.calledVariable && !rendered.renderedVariable { return Rendered(node: .empty, calledVariable: true) }
      decorate(&rendered, group.decoration)
      // citeproc-js: a nested group with output counts as content for the enclosing group.
      if !rendered.isEmpty() { rendered.renderedVariable = true }
      return rendered
    case .choose(let choose):
      return render(chosenChildren(choose), delimiter: nil)
    }
  }

  // MARK: - Decoration

  /// Decorates rendered output, keeping what is known of its emptiness: decoration leaves an
  /// empty node as it is and a non-empty one non-empty, unless it strips periods (a lone "."
  /// goes).
  func decorate(_ rendered: inout Rendered, _ decoration: CSL.Decoration, anyLanguage: Bool = false) {
    let wasEmpty = rendered.isEmpty()
    // A decoration that changes nothing leaves the node in place: handed through `decorate`
    // and stored back, it was retained and released (some 650,000 times in a 10k render).
    if passesThrough(decoration) { return }
    rendered.node = decorate(rendered.node, decoration, anyLanguage: anyLanguage, knownEmpty: wasEmpty)
    if wasEmpty || !decoration.stripPeriods { rendered.knownEmpty = wasEmpty }
  }

  /// Applies a decoration. Title case is skipped for non-English items, but, as in citeproc-js,
  /// only on their data: terms, labels and fixed values are the style's own words
  /// (`anyLanguage`) and are cased whatever the item's language.
  func decorate(
    _ node: consuming Node, _ decoration: CSL.Decoration, anyLanguage: Bool = false, knownEmpty: Bool? = nil
  )
    -> Node
  {
    // Most elements carry no decoration: the node comes back as it is, empty or not.
    if passesThrough(decoration) { return node }
    guard !(knownEmpty ?? node.isEmpty) else { return node }
    var result = node
    // citeproc-js leaves title case out for legal items with a jurisdiction.
    if let textCase = decoration.textCase, textCase != .title || lookup.text(.jurisdiction) == nil,
      !(mode == .sort && !isTurkic && result.hasOnlyASCIIText)
    {
      // (A sort key folds ASCII letters to one case, so casing text of ASCII alone changes
      // nothing in it; Turkish and Azerbaijani casing makes "I" a letter of its own.)
      var caser = TextCaser(textCase, english: anyLanguage || isEnglish)
      caser.turkic = isTurkic
      result = caser.applyAll(result)
    }
    if decoration.stripPeriods { result = result.mapText { $0.replacingAll(".", with: "") } }
    if decoration.quotes { result = .quoted([result]) }
    result = Self.format(result, decoration.formatting)
    if decoration.prefix != nil || decoration.suffix != nil {
      var parts: [Node] = []
      // At most the prefix with its two marks, the node, the suffix and its mark: made once
      // (grown one by one, the list was made two or three times).
      parts.reserveCapacity(6)
      if let prefix = decoration.prefix, !prefix.isEmpty {
        if prefix.utf8.first == 0x20 { parts.append(.tagged(.prefixStart, [])) }
        parts.append(affixNode(prefix))
        if let last = prefix.utf8.last, last != 0x20, Serializer.isMergeable(last) {
          parts.append(.tagged(.prefixEnd, []))
        }
      }
      parts.append(result)
      if let suffix = decoration.suffix, !suffix.isEmpty {
        parts.append(suffixNode(suffix, after: result))
        // citeproc-js keeps a formatted element's closing space apart from the next prefix's
        // ("<i>Title</i>,  Master's thesis").
        if suffix.utf8.last == 0x20, decoration.quotes || !decoration.formatting.isEmpty {
          parts.append(.tagged(.formattedSuffixEnd, []))
        }
      }
      result = .sequence(parts)
    }
    if let display = decoration.display, mode == .bibliography, renderDepth <= 1 {
      result = .display(display, [result])
    }
    return result
  }

  /// Whether the decoration leaves every node as it is: no affixes, formatting, quotes, case
  /// or periods to strip, and no `display` where it applies.
  private func passesThrough(_ decoration: CSL.Decoration) -> Bool {
    decoration.isPlainApartFromDisplay && (mode != .bibliography || renderDepth > 1 || decoration.display == nil)
  }

  /// A suffix. Its punctuation meeting an inner suffix's punctuation after a closing quote is
  /// marked: moved inside the quotes it goes in front of the inner one, as citeproc-js orders
  /// them (`“Title,”` + "." prints “Title.,”).
  func suffixNode(_ suffix: String, after node: Node) -> Node {
    // A suffix opening with another byte opens with no such punctuation.
    guard compiled.punctuationInQuote, let first = suffix.utf8.first,
      first == 0x2E || first == 0x2C || first == 0x21 || first == 0x3F
    else { return affixNode(suffix) }
    let punctuation = suffix.prefix { ".,!?".contains($0) }
    guard !punctuation.isEmpty, node.endsInQuotedPunctuation else { return affixNode(suffix) }
    let rest = suffix.dropFirst(punctuation.count)
    let marked = Node.tagged(.enclosingPunctuation, [.text(String(punctuation))])
    return rest.isEmpty ? marked : .sequence([marked, affixNode(String(rest))])
  }

  /// A term's text (an ordinal suffix, a month name) as a node: markup written in it applies
  /// ("2<sup>e</sup>", plain "2e" in text), as citeproc-js reads it. Escaped tags
  /// (`&amp;lt;sup&amp;gt;`) were decoded when the style or locale was parsed.
  static func termText(_ text: String) -> Node {
    text.containsByte(0x3C) ? RichText.parse(text) : .text(text)
  }

  /// A style's affix: markup applies, but straight quotation marks and apostrophes print
  /// as written (citeproc-js does not turn them into the locale's marks).
  /// strip-periods as citeproc-js applies it to a variable's value: a full stop before a
  /// lowercase ASCII letter stays ("c.d", "e.g"), every other one goes. (Terms and labels
  /// lose every full stop: "s.v." → "sv".)
  static func strippingPeriods(_ text: String) -> String {
    guard text.containsByte(0x2E) else { return text }
    var result = ""
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if character == ".", index + 1 >= characters.count || !("a"..."z").contains(characters[index + 1]) { continue }
      result.append(character)
    }
    return result
  }

  /// `affix`, kept by the run's cache when there is one. Most affixes are a few plain ASCII
  /// bytes (", ", ". ", "("), whose node is their text: told from the bytes, without the
  /// cache's hashing of the string (some 470 instructions a look-up, 0.6 % of APA's run).
  func affixNode(_ text: String) -> Node {
    if Self.isPlainAffix(text) { return .text(text) }
    return cache?.affix(text) ?? Self.affix(text)
  }

  /// Whether `affix` makes the text itself: ASCII without markup (`<`), entity (`&`) or quote
  /// (`"`, `'`) bytes. (Curly quotes and guillemets, which the parse reads, are not ASCII.)
  static func isPlainAffix(_ text: String) -> Bool {
    !text.containsByte(where: { $0 >= 0x80 || $0 == 0x3C || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 })
  }

  static func affix(_ text: String) -> Node {
    guard text.containsByte(where: { $0 == 0x22 || $0 == 0x27 }), text.contains("\"") || text.contains("'") else {
      return RichText.parse(text)
    }
    var nodes: [Node] = []
    var part = ""
    for character in text {
      if character == "\"" || character == "'" {
        if !part.isEmpty { nodes.append(RichText.parse(part)) }
        part = ""
        nodes.append(.tagged(.verbatim, [.text(String(character))]))
      } else {
        part.append(character)
      }
    }
    if !part.isEmpty { nodes.append(RichText.parse(part)) }
    return .sequence(nodes)
  }

  static func format(_ node: Node, _ formatting: CSL.Formatting) -> Node {
    guard !formatting.isEmpty else { return node }
    var result = node
    switch formatting.fontStyle {
    case .italic: result = .styled(.italic, [result])
    case .oblique: result = .styled(.oblique, [result])
    case .normal: result = .styled(.normalStyle, [result])
    case nil: break
    }
    switch formatting.fontVariant {
    case .smallCaps: result = .styled(.smallCaps, [result])
    case .normal: result = .styled(.normalVariant, [result])
    case nil: break
    }
    switch formatting.fontWeight {
    case .bold: result = .styled(.bold, [result])
    case .light: result = .styled(.light, [result])
    case .normal: result = .styled(.normalWeight, [result])
    case nil: break
    }
    switch formatting.textDecoration {
    case .underline: result = .styled(.underline, [result])
    case CSL.TextDecoration.none?: result = .styled(.noDecoration, [result])
    case nil: break
    }
    switch formatting.verticalAlign {
    case .sup: result = .styled(.superscript, [result])
    case .sub: result = .styled(.subscript, [result])
    case .baseline: result = .styled(.baseline, [result])
    case nil: break
    }
    return result
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    // An ASCII character whose byte the text lacks is not in it (a character that holds the
    // byte with a mark after it is another character).
    if let byte = target.asciiValue, target.utf8.count == 1, !containsByte(byte) { return self }
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
