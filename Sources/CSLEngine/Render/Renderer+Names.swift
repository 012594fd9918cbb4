import BibModel
import CSLStyle

extension Renderer {
  /// The pseudo-variable an editor and translator printed once stand under: its label is the
  /// `editortranslator` term (and, as before, it names no variable of the item).
  static let editorTranslator: CSLVariable = "editortranslator"

  func renderNames(_ names: CSL.Names) -> Rendered {
    let plan = namesPlan(names)
    let effective = plan.effective
    // Most often every variable of the element has names: its own list serves (a filtered
    // copy made a list for each names rendering).
    let printable = { (variable: CSLVariable) in
      !self.suppressed.contains(variable) && !self.lookup.names(variable).isEmpty
    }
    let variables =
      effective.variables.allSatisfy(printable) ? effective.variables : effective.variables.filter(printable)
    if variables.isEmpty {
      guard let substitute = names.substitute else { return Rendered(node: .empty, calledVariable: true) }
      let savedParent = substituteParent
      substituteParent = effective
      let hideThis = suppressFirstNames && !renderedNames
      suppressFirstNames = false
      defer {
        substituteParent = savedParent
        if hideThis { suppressFirstNames = true }
        renderedNames = true
      }
      // The candidates are taken in order and the first that prints ends the search; the
      // branches of a `cs:choose` among them are decided as it is reached, unless one tests
      // `disambiguate`: that test counts, so all are decided first, in the substitute's order.
      let candidates = names.substituteTestsDisambiguate ? substituteCandidates(substitute) : substitute
      let decorated = !names.decoration.isPlain
      if let result = firstSubstitution(candidates, for: names, decorated: decorated, hideThis: hideThis) {
        return result
      }
      return Rendered(node: .empty, calledVariable: true)
    }
    if substituteParent != nil { suppressed.formUnion(variables) }
    if suppressFirstNames && !renderedNames {
      renderedNames = true
      return Rendered(node: .empty, calledVariable: true, renderedVariable: true)
    }
    inFirstNames = !renderedNames
    renderedNames = true
    var options = plan.options
    if let overrides = sortNameOverrides {
      if let min = overrides.min { options.etAlMin = min }
      if let useFirst = overrides.useFirst { options.etAlUseFirst = useFirst }
      if let useLast = overrides.useLast { options.etAlUseLast = useLast }
    }
    // Count form: the number of names that would print.
    if options.form == .count {
      var total = 0
      for variable in variables {
        total += visibleCount(lookup.names(variable), options: options)
      }
      guard total > 0 else { return Rendered(node: .empty, calledVariable: true) }
      return Rendered(
        node: decorate(.text(String(total)), effective.decoration), calledVariable: true, renderedVariable: true)
    }
    let savedNameForms = nameForms
    nameForms = plan.multilingual
    defer { nameForms = savedNameForms }
    // editor + translator with the same names print once, labelled "editortranslator": the
    // first editor list takes the label, the first translator list is left out. (Read from
    // the variables as they come: a list of the lists made one for each names rendering.)
    var mergeEditorTranslator =
      variables.contains(.editor) && variables.contains(.translator)
      && lookup.names(.editor) == lookup.names(.translator)
      && (effective.label == nil
        || !(terms.term("editortranslator", form: effective.label?.form ?? .long) ?? "").isEmpty)
    var skipTranslator = mergeEditorTranslator
    // Joined as they come; one list (the usual case) is held without an array.
    var nodes = NodeList()
    let delimiter = effective.delimiter ?? namesDelimiter
    for listed in variables {
      var variable = listed
      if listed == .translator && skipTranslator {
        skipTranslator = false
        continue
      }
      if listed == .editor && mergeEditorTranslator {
        mergeEditorTranslator = false
        variable = Self.editorTranslator
      }
      let names = lookup.names(listed)
      namesVariable = listed
      var list = nameList(
        names, options: options, name: effective.name,
        etAl: plan.etAl,
        openEnded: lookup.box.openEndedNameVariables.contains(variable))
      guard !list.isEmpty else { continue }
      if let label = effective.label, mode != .sort {
        var labelSpec = label
        labelSpec.variable = variable
        let plural: Bool
        switch label.plural {
        case .always: plural = true
        case .never: plural = false
        case .contextual: plural = names.count > 1
        }
        if let term = terms.term(variable.rawValue, form: label.form, plural: plural), !term.isEmpty {
          let labelNode = Node.tagged(.nameLabel, [decorate(.text(term), label.decoration, anyLanguage: true)])
          list = effective.labelFirst ? .sequence([labelNode, list]) : .sequence([list, labelNode])
        }
      }
      if !nodes.isEmpty, let delimiter, !delimiter.isEmpty { nodes.append(.text(delimiter)) }
      nodes.append(list)
    }
    guard !nodes.isEmpty else { return Rendered(node: .empty, calledVariable: true) }
    let joined = nodes.takeNode()
    // Every list joined prints something.
    var content = Rendered.printed(.tagged(.nameContent, [joined]))
    decorate(&content, effective.decoration)
    // The tag names the variables printed (most often one: its name, with no list joined).
    let tag = variables.count == 1 ? variables[0].rawValue : variables.map(\.rawValue).joined(separator: " ")
    content.wrap { .tagged(.names(tag), [$0]) }
    return content
  }

  /// The plan of `names` where it is rendered (inside the substitute of `substituteParent`,
  /// under this renderer's inherited options), kept by the run's cache when there is one.
  func namesPlan(_ names: CSL.Names) -> NamesPlan {
    let key = NamesPlan.Key(
      element: names.storageIdentity, parent: substituteParent?.storageIdentity, citationOptions: citesNameOptions)
    guard let cache else { return NamesPlan(names, parent: substituteParent, inherited: nameOptions, key: key) }
    return cache.namesPlan(key) { NamesPlan(names, parent: substituteParent, inherited: nameOptions, key: key) }
  }

  /// Variables a substitute element renders for this item (so they are suppressed
  /// afterwards): `cs:choose` contributes only the branch whose condition holds.
  ///
  /// Gathered as bits (`VariableSet`): a `Set` made for every element and merged upwards cost
  /// two hash tables a substitution.
  func substitutedVariables(in element: CSL.Element) -> VariableSet {
    var found = VariableSet()
    addSubstitutedVariables(in: element, to: &found, depth: 0)
    return found
  }

  private func addSubstitutedVariables(in element: CSL.Element, to found: inout VariableSet, depth: Int) {
    guard depth < 20 else { return }
    func collect(_ elements: [CSL.Element]) {
      for child in elements { addSubstitutedVariables(in: child, to: &found, depth: depth + 1) }
    }
    switch element {
    case .text(let text):
      switch text.source {
      case .variable(let name, _): found.insert(name)
      case .macro(let name): collect(compiled.macro(name) ?? [])
      default: break
      }
    case .number(let number): found.insert(number.variable)
    case .date(let date): found.insert(date.variable)
    case .names(let names): found.formUnion(names.variables)
    case .label: break
    case .group(let group): collect(group.children)
    case .choose(let choose): collect(chosenChildren(choose))
    }
  }

  /// How et-al applies: (names shown, use-last).
  func truncation(_ count: Int, options: CSL.NameOptions) -> (shown: Int, etAl: Bool, useLast: Bool) {
    var min = options.etAlMin
    var useFirst = options.etAlUseFirst
    // citeproc-js reads et-al-use-first="0" as unset in a citation: the et-al-subsequent
    // settings apply instead, in every position.
    if mode == .citation && (cite.position != .first || useFirst == 0) {
      min = options.etAlSubsequentMin ?? min
      useFirst = options.etAlSubsequentUseFirst ?? useFirst
    }
    guard let min, let useFirst, count >= min, min > 0 else { return (count, false, false) }
    // With et-al-use-last, citeproc-js keeps et-al-use-first at least two below et-al-min, as
    // the specification asks of the style ("et-al-min=19, et-al-use-first=18" prints 17 names).
    let first = (options.etAlUseLast ?? false) && min >= 3 ? Swift.min(useFirst, min - 2) : useFirst
    // (Capped at the count, so a huge et-al-use-first cannot overflow the sum.)
    let cappedFirst = Swift.min(first, count)
    addNamesNeeded = Swift.max(addNamesNeeded, count - cappedFirst)
    if useFirst == 0 && disambiguation.addNames == 0 { return (0, false, false) }
    let shown = Swift.min(count, cappedFirst + disambiguation.addNames)
    if shown >= count { return (count, false, false) }
    let useLast = (options.etAlUseLast ?? false) && count >= shown + 2
    return (shown, true, useLast)
  }

  func visibleCount(_ names: [Name], options: CSL.NameOptions) -> Int {
    let truncated = truncation(names.count, options: options)
    return truncated.shown + (truncated.useLast ? 1 : 0)
  }

  /// A names list; `openEnded` (BibTeX's `and others`) ends it in et al. even when no name is cut.
  func nameList(
    _ names: [Name], options: CSL.NameOptions, name: CSL.Name?, etAl: CSL.EtAl?, openEnded: Bool = false
  ) -> Node {
    var truncated = truncation(names.count, options: options)
    if truncated.shown == 0 { return .empty }
    if openEnded && !truncated.useLast { truncated.etAl = true }
    if printedNames != nil {
      var printed = Array(names.prefix(printedNamesFirstOnly ? 1 : truncated.shown))
      if truncated.useLast && !printedNamesFirstOnly, let last = names.last { printed.append(last) }
      printedNames?.append(printed)
    }
    if disambiguation.expandsWithinItem {
      if seenNames == nil {
        seenNames = Array(
          Processor.citedNames(lookup.box.reference.names, options: compiled.citationNameOptions, etAl: false))
      }
      namesetNames = names
    }
    defer {
      if disambiguation.expandsWithinItem {
        seenNames?.append(contentsOf: names)
        namesetNames = []
      }
    }
    // One name and no et-al (the most common list): the name is the list, without the lists
    // that join names (two allocations a list).
    if truncated.shown == 1 && !truncated.etAl && !truncated.useLast, let person = names.first {
      let node = nameNode(
        person, index: 0, options: options, name: name, sortOrder: isSortOrder(0, options: options),
        nonRomanic: NameParts.isNonRomanic(person))
      return node.isEmpty ? .empty : node
    }
    // Each name with what joining reads of it, in one list (one allocation a list; the names
    // and their facts in two lists made two).
    var rendered: [(node: Node, inverted: Bool, institution: Bool, familyAlone: Bool)] = []
    rendered.reserveCapacity(truncated.shown)
    var lastInSortOrder = false
    for (index, person) in names.prefix(truncated.shown).enumerated() {
      let sortOrder = isSortOrder(index, options: options)
      let nonRomanic = NameParts.isNonRomanic(person)
      let node = nameNode(
        person, index: index, options: options, name: name, sortOrder: sortOrder, nonRomanic: nonRomanic)
      rendered.append(
        (
          node: node, inverted: sortOrder && !nonRomanic && person.literal == nil,
          institution: person.literal != nil, familyAlone: person.literal == nil && (person.given ?? "").isEmpty
        ))
      // Before et-al, citeproc-js counts a literal or non-Latin name in sort-order position as
      // inverted too.
      lastInSortOrder = sortOrder
    }
    // A name that prints nothing (a given name alone in the short form) leaves no gap; a
    // list of such names prints nothing, et-al included (citeproc-js).
    if rendered.contains(where: { $0.node.isEmpty }) {
      rendered = rendered.filter { !$0.node.isEmpty }
      if rendered.isEmpty { return .empty }
    }
    let delimiter = options.delimiter ?? ", "
    // citeproc-js keeps a name's own suffix (or its family name's) and the delimiter after
    // it apart ("Park,, K. Kim,"); a family name printed alone (no given name, no literal)
    // merges its suffix with the delimiter as usual ("O'Brien, Wei Silva,,").
    let closes: (String?) -> Bool = { ($0?.last).map { $0 != " " } ?? false }
    let nameSuffixApart = closes(name?.decoration.suffix)
    let familySuffixApart = closes(name?.familyPart?.suffix)
    func joiner(_ text: String, after index: Int) -> Node {
      let apart = nameSuffixApart || (familySuffixApart && index < rendered.count && !rendered[index].familyAlone)
      return apart ? .tagged(.fixedValue, [.text(text)]) : .text(text)
    }
    var parts: [Node] = []
    // The names, a joiner between each two, the et-al and its joiner: grown one by one, the
    // list was made anew about three times a list.
    parts.reserveCapacity(2 * rendered.count + 2)
    if truncated.useLast, let last = names.last {
      for (index, entry) in rendered.enumerated() {
        if index > 0 { parts.append(.text(delimiter)) }
        parts.append(entry.node)
      }
      parts.append(.text(delimiter + "\u{2026} "))
      parts.append(
        decorateName(
          formatPerson(
            last, index: names.count - 1, options: options, name: name,
            sortOrder: isSortOrder(names.count - 1, options: options)), name))
      return .sequence(parts)
    }
    let andWord: String?
    switch mode == .sort ? nil : options.and {
    case .text: andWord = terms.and ?? "and"
    case .symbol: andWord = "&"
    case nil: andWord = nil
    }
    for (index, entry) in rendered.enumerated() {
      if index > 0 {
        let isLast = index == rendered.count - 1 && !truncated.etAl
        if isLast, let andWord {
          let useDelimiter =
            rendered[index].institution
            ? Self.delimiterPrecedesInstitution(
              inherited: nameOptions.delimiterPrecedesLast, own: options.delimiterPrecedesLast, count: rendered.count,
              previousInverted: rendered[index - 1].inverted)
            : precedes(
              options.delimiterPrecedesLast ?? .contextual, count: rendered.count,
              previousInverted: rendered[index - 1].inverted
            )
          if options.and == .text, let first = andWord.unicodeScalars.first, first.properties.isAlphabetic,
            !Self.isRomanesque(first)
          {
            // citeproc-js: an "and" in another script (Hebrew "ו") joins without spaces.
            parts.append(.text(andWord))
          } else {
            parts.append(joiner(useDelimiter ? delimiter + andWord + " " : " " + andWord + " ", after: index - 1))
          }
        } else if isLast && andWord == nil {
          // citeproc-js joins the last name without an "and" apart from the name's prefix
          // ("Tanaka S,  McDonald J-P" under prefix=" ").
          parts.append(.sequence([joiner(delimiter, after: index - 1), .tagged(.spaceBarrier, [])]))
        } else {
          parts.append(joiner(delimiter, after: index - 1))
        }
      }
      parts.append(entry.node)
    }
    if truncated.etAl && mode != .sort {
      let found = if let named = etAl?.term { terms.term(named) } else { terms.etAl }
      let term = found ?? "et al."
      if !term.isEmpty {
        let useDelimiter = precedes(
          options.delimiterPrecedesEtAl ?? .contextual, count: rendered.count, previousInverted: lastInSortOrder,
          threshold: 2)
        // CJK terms ("等") attach without a space.
        let attached = (term.unicodeScalars.first?.value ?? 0) >= 0x2E80
        parts.append(joiner(useDelimiter ? delimiter : (attached ? "" : " "), after: rendered.count - 1))
        parts.append(decorate(.text(term), etAl?.decoration ?? CSL.Decoration()))
        // citeproc-js also sets the <name> element's affixes and formatting around a list
        // that ends in et-al ("by by Lewis, by García, et al.").
        if let name { return decorate(.sequence(parts), name.decoration) }
      }
    }
    return .sequence(parts)
  }

  /// The `cs:et-al` as citeproc-js prints it: without affixes (the schema allows only
  /// formatting there), and without "normal" values when the `cs:names` element has
  /// formatting or affixes of its own and its `cs:name` no formatting (`<names
  /// font-variant="small-caps">` keeps "et al." in small capitals even under `<et-al
  /// font-variant="normal">`).
  static func etAlAsPrinted(_ etAl: CSL.EtAl?, inside names: CSL.Decoration, name: CSL.Name?) -> CSL.EtAl? {
    guard var etAl else { return nil }
    etAl.decoration.prefix = nil
    etAl.decoration.suffix = nil
    let namesDecorated = !names.formatting.isEmpty || names.prefix != nil || names.suffix != nil
    if namesDecorated && (name?.decoration.formatting.isEmpty ?? true) {
      if etAl.decoration.formatting.fontStyle == .normal { etAl.decoration.formatting.fontStyle = nil }
      if etAl.decoration.formatting.fontVariant == .normal { etAl.decoration.formatting.fontVariant = nil }
      if etAl.decoration.formatting.fontWeight == .normal { etAl.decoration.formatting.fontWeight = nil }
    }
    return etAl
  }

  /// Latin, Greek, Cyrillic and Arabic letters (citeproc-js's "romanesque" scripts).
  static func isRomanesque(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x370...0x52F, 0x600...0x6FF, 0x1E00...0x1FFF: return true
    default: return false
    }
  }

  /// The variables tag of a substitute that printed only terms or fixed values.
  static let termSubstitute = "substitute-term"

  /// The rendering of the first candidate in `elements` that prints (a `cs:choose` stands for
  /// the candidates of the branch the item takes), as the substitute of `names`; nil when
  /// none prints.
  /// `decorated`: whether the candidates take the decoration of `names` (it has one).
  private func firstSubstitution(
    _ elements: [CSL.Element], for names: CSL.Names, decorated: Bool, hideThis: Bool
  ) -> Rendered? {
    for index in elements.indices {
      if case .choose(let choose) = elements[index] {
        let chosen = chosenChildren(choose)
        if let result = firstSubstitution(chosen, for: names, decorated: decorated, hideThis: hideThis) {
          return result
        }
        continue
      }
      if let result = substitution(elements[index], for: names, decorated: decorated, hideThis: hideThis) {
        return result
      }
    }
    return nil
  }

  /// One substitute candidate's rendering when it ends the substitution; nil when it prints
  /// nothing and the next is tried.
  private func substitution(
    _ candidate: CSL.Element, for names: CSL.Names, decorated: Bool, hideThis: Bool
  ) -> Rendered? {
    // Only the branches this item takes count: a variable named in a branch not taken
    // stays available to the rest of the entry. Finding them decides the candidate's
    // conditions, and a `disambiguate` test that holds counts (`disambiguateTestsHeld`): when
    // one can hold for the item they are found first, as they always were; when none can (no
    // condition level), finding them changes nothing the rendering reads, and waits until the
    // candidate prints (most print nothing).
    let usedFirst = disambiguation.conditionLevel > 0 ? substitutedVariables(in: candidate) : nil
    // citeproc-js: a substituted <names> prints with the affixes and formatting of the
    // <names> it stands in for; its own count only when that one sets none and it has
    // child elements of its own (a bare <names> takes everything from the one it replaces).
    var element = candidate
    if case .names(var child) = element, decorated || child.isBare, decorated || !child.decoration.isPlain {
      if let cache {
        element = cache.substitute(child, decoratedAs: names)
      } else {
        child.decoration = names.decoration
        element = .names(child)
      }
    }
    var rendered = render(element)
    let printed = !rendered.isEmpty()
    // citeproc-js: a term the locale defines as empty still ends the substitution.
    if !printed, case .text(let text) = element,
      case .term(let name, let form, let plural) = text.source, terms.term(name, form: form, plural: plural) != nil
    {
      return Rendered(node: .empty)
    }
    guard printed else { return nil }
    let used = usedFirst ?? substitutedVariables(in: candidate)
    if hideThis {
      // Hidden (suppress-author, collapsing), not absent: the enclosing group keeps
      // the rest of its content ("n.d." after a collapsed author).
      suppressed.formUnion(used)
      return Rendered(node: .empty, calledVariable: true, renderedVariable: true)
    }
    // Substituted variables are not printed again in this item.
    suppressed.formUnion(used)
    var result = rendered
    result.calledVariable = true
    // citeproc-js: a substitute that prints only terms leaves the names variable empty,
    // so an enclosing group or macro without other output is suppressed.
    result.renderedVariable = rendered.renderedVariable
    // citeproc-js: a substituted <names> takes the affixes and formatting of the <names> it
    // stands in for; anything else (a title, a macro, a choose) prints as it is.
    // A substituted title or macro prints with its own formatting only.
    // A substitute that prints no variable (a term, a fixed value) is no name to
    // subsequent-author-substitute (citeproc-js registers variables only).
    if case .names = element {
      result.node = .tagged(.names("substitute"), [rendered.node])
    } else if !used.isEmpty {
      result.node = .tagged(.names("substitute"), [Self.markingContent(rendered.node)])
    } else {
      result.node = .tagged(.names(Self.termSubstitute), [rendered.node])
    }
    return result
  }

  /// The substitute's candidates in order: a `cs:choose` stands for the children of the branch
  /// the item takes, each a candidate of its own, so only the first that prints is used
  /// (citeproc-js: "editor" and "translator" listed in one branch never print together).
  func substituteCandidates(_ elements: [CSL.Element]) -> [CSL.Element] {
    // Most substitutes hold no `cs:choose`: the list is the candidates, shared, not copied.
    guard elements.contains(where: { if case .choose = $0 { true } else { false } }) else { return elements }
    var result: [CSL.Element] = []
    for index in elements.indices {
      guard case .choose(let choose) = elements[index] else {
        result.append(elements[index])
        continue
      }
      result += substituteCandidates(chosenChildren(choose))
    }
    return result
  }

  /// A substituted title or macro with its content marked inside its own formatting, so
  /// subsequent-author-substitute keeps the formatting ("<b>———</b>") as citeproc-js does.
  static func markingContent(_ node: Node) -> Node {
    switch node {
    case .styled(let style, let children) where children.count == 1:
      return .styled(style, [markingContent(children[0])])
    default:
      return .tagged(.nameContent, [node])
    }
  }

  /// One name of a list, tagged: citeproc-js sets the <name> element's affixes and formatting
  /// on each name.
  private func nameNode(
    _ person: Name, index: Int, options: CSL.NameOptions, name: CSL.Name?, sortOrder: Bool, nonRomanic: Bool
  ) -> Node {
    let formatted = formatPerson(
      person, index: index, options: options, name: name, sortOrder: sortOrder, nonRomanic: nonRomanic)
    return .tagged(.name, [decorateName(formatted, name, literal: person.literal != nil)])
  }

  /// The <name> element's decoration on one name; an institution (a literal name) takes its
  /// formatting but not its affixes, as citeproc-js prints it ("OECD, MacLeod S.").
  private func decorateName(_ node: Node, _ name: CSL.Name?, literal: Bool = false) -> Node {
    guard let name else { return node }
    guard literal else { return decorate(node, name.decoration) }
    var formatting = CSL.Decoration()
    formatting.formatting = name.decoration.formatting
    return decorate(node, formatting)
  }

  /// Whether the delimiter goes before the "and" that an institution closing the list follows.
  /// citeproc-js reads the inherited delimiter-precedes-last here, the `cs:name`'s own only
  /// for "after-inverted-name": "always" and "never" as written, anything else as a delimiter
  /// for three names or more ("Westfahl, IEEE, and WHO"), "after-inverted-name" also after an
  /// inverted name.
  static func delimiterPrecedesInstitution(
    inherited: CSL.NameOptions.DelimiterRule?, own: CSL.NameOptions.DelimiterRule?, count: Int,
    previousInverted: Bool
  ) -> Bool {
    if own == .afterInvertedName, previousInverted { return true }
    switch inherited {
    case .always: return true
    case .never: return false
    case .afterInvertedName: return previousInverted || count >= 3
    default: return count >= 3
    }
  }

  private func precedes(
    _ rule: CSL.NameOptions.DelimiterRule, count: Int, previousInverted: Bool, threshold: Int = 3
  ) -> Bool {
    switch rule {
    case .contextual: return count >= threshold
    case .afterInvertedName: return previousInverted
    case .always: return true
    case .never: return false
    }
  }

  func isSortOrder(_ index: Int, options: CSL.NameOptions) -> Bool {
    if sortNameOverrides != nil || mode == .sort { return true }
    switch options.nameAsSortOrder {
    case .all: return true
    case .first: return index == 0
    case nil: return false
    }
  }
}
