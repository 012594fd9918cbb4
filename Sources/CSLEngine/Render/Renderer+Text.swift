import BibModel
import CSLStyle

extension Renderer {
  func renderText(_ text: CSL.Text) -> Rendered {
    switch text.source {
    case .variable(let name, let form):
      if name != .locator { reachedTextVariable = true }
      guard suppressed.isEmpty || !suppressed.contains(name) else {
        return Rendered(node: .empty, calledVariable: true)
      }
      let found = text.multilingual.map { multilingualVariableNode(name, form: form, options: $0) }
      // Only a DOI reads the prefix (the look-up copied the decoration and its prefix).
      let doi = name == .doi ? doiForURL(name, prefix: text.decoration.prefix) : nil
      guard let node = found ?? variableNode(name, form: form, value: doi) else {
        // citeproc-js: a year-suffix counts as printed for group suppression even while empty
        // (disambiguation may fill it later).
        return Rendered(node: .empty, calledVariable: true, renderedVariable: name == .yearSuffix)
      }
      var decoration = Self.leafDecoration(text.decoration, node)
      var value = node
      if decoration.stripPeriods {
        // citeproc-js never strips the periods of a DOI or URL, and keeps those before a
        // lowercase letter in other values.
        if name != .doi && name != .url { value = node.mapText(Self.strippingPeriods) }
        decoration.stripPeriods = false
      }
      var rendered = Rendered(node: value, calledVariable: true, renderedVariable: true)
      decorate(&rendered, decoration)
      // citeproc-js prints a cite's locator once: a second `<text variable="locator">` in the
      // same cite prints nothing.
      if name == .locator { suppressed.insert(.locator) }
      if name == .citationNumber { rendered.wrap(Self.endingNumber) }
      return rendered
    case .macro(let name):
      guard let macro = compiled.macroEntry(text, name: name), macroDepth < 40 else { return .nothing }
      if let closed = closedRendering(macro) { return closed }
      macroDepth += 1
      var rendered = renderMacroBody(name, macro.elements, memoizable: macro.citeMemoizable)
      macroDepth -= 1
      // citeproc-js: a macro call behaves like a group for suppression.
      if rendered.calledVariable && !rendered.renderedVariable { return Rendered(node: .empty, calledVariable: true) }
      decorate(&rendered, text.decoration)
      // citeproc-js: a macro with output counts as a rendered variable for group suppression.
      if !rendered.isEmpty() {
        rendered.calledVariable = true
        rendered.renderedVariable = true
      }
      return rendered
    case .term(let name, let form, let plural):
      // Resolved when the style was compiled (`CompiledStyle.termNodes`).
      let node: Node
      if let index = text.termIndex, compiled.termNodes.indices.contains(index) {
        node = compiled.termNodes[index]
      } else {
        node = Self.termNode(terms.term(name, form: form, plural: plural))
      }
      return Rendered(node: decorate(node, Self.leafDecoration(text.decoration, node), anyLanguage: true))
    case .value(let value):
      let node = Node.tagged(.fixedValue, [RichText.parse(value)])
      return Rendered(node: decorate(node, Self.leafDecoration(text.decoration, node), anyLanguage: true))
    }
  }

  /// A term's output before its formatting: the locale's word (none: nothing) with the markup
  /// data may carry.
  static func termNode(_ value: String?) -> Node { .tagged(.term, [RichText.parse(value ?? "")]) }

  /// The rendering of a macro call one of whose gates (`MacroGate`) is closed for the item,
  /// without rendering the macro; nil when none is. In a cite, the macro's mark for collapsing
  /// (`reachedTextVariable`) is set as its rendering would; a gate that cannot tell is passed.
  private func closedRendering(_ macro: MacroTable.Entry) -> Rendered? {
    guard !macro.compactGates.isEmpty, let presence = lookup.presence else { return nil }
    let type = reference.type
    for gate in macro.compactGates where macroDepth + gate.nesting < 40 && gate.isClosed(for: presence, type: type) {
      if mode == .citation && !reachedTextVariable {
        guard let reaches = gate.reachesTextVariable else { continue }
        reachedTextVariable = reaches
      }
      return gate.closedRendering
    }
    return nil
  }

  /// citeproc-js sets no italics on a piece of text without a letter or digit of a Latin,
  /// Greek, Cyrillic, Hebrew, Arabic or Thai script: "理论与改革" prints upright.
  static func leafDecoration(_ decoration: CSL.Decoration, _ node: Node) -> CSL.Decoration {
    guard decoration.formatting.fontStyle != nil, !node.plainText.unicodeScalars.contains(where: takesItalics)
    else { return decoration }
    var upright = decoration
    upright.formatting.fontStyle = nil
    return upright
  }

  /// The characters (citeproc-js's "romanesque" set, digits and hyphen included) that let a
  /// piece of text take italics.
  static func takesItalics(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2D, 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    case 0xE01...0xE5B, 0xC0...0x17F, 0x370...0x3FF, 0x400...0x52F, 0x590...0x5D4, 0x5D6...0x5FF: return true
    case 0x1F00...0x1FFF, 0x600...0x6FF, 0x200C...0x200E, 0x218...0x21B, 0x202A...0x202E: return true
    default: return false
    }
  }

  /// The output of a text variable, nil when empty.
  func variableNode(_ name: CSLVariable, form: CSL.Form, value override: String? = nil) -> Node? {
    guard let value = override ?? lookup.text(name, form: form) else { return nil }
    switch name {
    case .citationNumber: return .tagged(.citationNumber, [.text(value)])
    case .yearSuffix: return .tagged(.yearSuffix, [.text(value)])
    case .citationLabel: return .tagged(.citationLabel, [.text(value)])
    case .page:
      return numberNode(parsedNumber(name, value: value), form: .numeric, markupAsText: true)
    case .pageFirst:
      return .text(value)
    case .locator, .locatorExtra:
      let node = numberNode(parsedNumber(name, value: value.trimmingSpaces()), form: .numeric, markupAsText: false)
      return name == .locator ? .tagged(.locator, [node]) : node
    case .url, .doi:
      return .link(name == .doi ? "https://doi.org/" + value : value, [.text(value)])
    case .title:
      return .tagged(.title, [valueNode(value)])
    case .issue, .volume, .number, .numberOfPages, .numberOfVolumes, .edition, .chapterNumber, .collectionNumber:
      return numberNode(parsedNumber(name, value: value), form: .numeric, markupAsText: false)
    default:
      return valueNode(value)
    }
  }

  /// A DOI printed after a `https://doi.org/` prefix is part of a URL: the characters a URL
  /// cannot hold are percent-encoded, as citeproc-js does. Nil when nothing changes.
  func doiForURL(_ name: CSLVariable, prefix: String?) -> String? {
    guard name == .doi, let prefix, prefix.hasSuffix("https://doi.org/"), let value = lookup.text(name),
      !value.hasPrefix("http://"), !value.hasPrefix("https://")
    else { return nil }
    return Self.encodedForURL(value)
  }

  /// Percent-encodes controls, spaces and `"#%<>?[\]^`{|}` (as UTF-8 bytes), leaving the rest.
  static func encodedForURL(_ text: String) -> String {
    func encoded(_ scalar: Unicode.Scalar) -> Bool {
      let value = scalar.value
      return value <= 0x20 || (0x7F...0x9F).contains(value) || (value < 0x80 && urlUnsafe.contains(UInt8(value)))
    }
    guard text.unicodeScalars.contains(where: encoded) else { return text }
    let hex = Array("0123456789ABCDEF")
    var result = ""
    for scalar in text.unicodeScalars {
      guard encoded(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      for byte in String(scalar).utf8 {
        result.append("%")
        result.append(hex[Int(byte >> 4)])
        result.append(hex[Int(byte & 0x0F)])
      }
    }
    return result
  }

  /// The printable ASCII characters a URL cannot hold as they are.
  private static let urlUnsafe = Set(Array("\"#%<>?[\\]^`{|}".utf8))

  /// The locale's `page-range-delimiter` term, else an en dash.
  var rangeDelimiter: String { terms.term("page-range-delimiter") ?? "\u{2013}" }

  func renderNumber(_ number: CSL.Number) -> Rendered {
    let name = number.variable
    guard !suppressed.contains(name), let value = lookup.text(name) else {
      return Rendered(node: .empty, calledVariable: true)
    }
    var node: Node
    if mode == .sort, let integer = NumberText.leadingInteger(value) {
      let digits = String(integer)
      node = .text(String(repeating: "0", count: max(0, 8 - digits.count)) + digits)
    } else {
      node = numberNode(parsedNumber(name, value: value), form: number.form, markupAsText: true)
    }
    if name == .citationNumber { node = .tagged(.citationNumber, [node]) }
    if name == .locator { node = .tagged(.locator, [node]) }
    let decorated = decorate(node, number.decoration)
    return Rendered(
      node: name == .citationNumber ? Self.endingNumber(decorated) : decorated, calledVariable: true,
      renderedVariable: true)
  }

  /// The citation number with a barrier after it (see `NodeTag.spaceBarrier`).
  static func endingNumber(_ node: Node) -> Node {
    node.isEmpty ? node : .sequence([node, .tagged(.spaceBarrier, [])])
  }

  func renderLabel(_ label: CSL.Label) -> Node {
    let name = label.variable
    var termName: String
    let value: String
    if name == .locator {
      guard let locator = lookup.text(.locator) else { return .empty }
      termName = cite.label?.rawValue ?? "page"
      value = locator
    } else {
      guard !suppressed.contains(name), let found = lookup.text(name) else { return .empty }
      termName = name.rawValue
      value = found
    }
    let plural: Bool
    switch label.plural {
    case .always: plural = true
    case .never: plural = false
    case .contextual:
      let parsed = parsedNumber(name, value: value)
      // A label written in the value names the term ("vol. 3" in a page field).
      if name == .locator || name == .number || name == .page, let named = parsed.labelVariable {
        termName = named
      }
      plural = parsed.plural
    }
    guard let term = terms.term(termName, form: label.form, plural: plural), !term.isEmpty else { return .empty }
    return decorate(RichText.parse(term), label.decoration, anyLanguage: true)
  }

  // MARK: - Conditions

  /// The children of the branch of a `cs:choose` the item takes (`cs:else` when none): the
  /// conditions are tested in order up to the first that holds.
  func chosenChildren(_ choose: CSL.Choose) -> [CSL.Element] {
    // Most conditions test only types and the item's own variables: answered from words
    // (`CSL.Condition.Quick`), the condition itself not read (read, it was copied).
    let quick = choose.quickConditions
    let branches = choose.branches
    for index in branches.indices {
      let holds: Bool
      if index < quick.count, let condition = quick[index], let answer = quickly(condition) {
        holds = answer
      } else {
        holds = evaluate(branches[index].condition)
      }
      if holds { return branches[index].children }
    }
    return choose.otherwise
  }

  /// A condition in words, answered from the item's type and its variables' bits as
  /// `evaluate` answers it; nil when a variable's answer needs the lookup (`hasFromBits`).
  func quickly(_ condition: CSL.Condition.Quick) -> Bool? {
    guard let variables = lookup.hasFromBits(condition.variables, all: condition.match == .all) else { return nil }
    let typed = condition.hasTypeTests && reference.type.isListed(in: condition.typeBits)
    switch condition.match {
    case .all: return (typed || !condition.hasTypeTests) && variables
    case .any: return typed || variables
    case .none: return !typed && !variables
    }
  }

  @inline(__always) func evaluate(_ condition: CSL.Condition) -> Bool {
    let types = condition.types
    switch condition.match {
    case .all:
      // As citeproc-js reads styles, the values of one `type` attribute are alternatives
      // ("chapter article-journal"), whatever `match` says; `match` joins the attributes.
      if !types.isEmpty && !condition.listsType(reference.type) { return false }
      for item in condition.otherTests where !test(item) { return false }
      return true
    case .any:
      if !types.isEmpty && condition.listsType(reference.type) { return true }
      for item in condition.otherTests where test(item) { return true }
      return false
    case .none:
      if !types.isEmpty && condition.listsType(reference.type) { return false }
      for item in condition.otherTests where test(item) { return false }
      return true
    }
  }

  func test(_ test: CSL.Condition.Test) -> Bool {
    switch test {
    case .disambiguate(let wanted):
      disambiguateTests += 1
      let holds = disambiguation.conditionLevel > disambiguateTestsHeld
      if holds { disambiguateTestsHeld += 1 }
      return holds == wanted
    case .isNumeric(let name):
      guard let value = lookup.text(name) else { return false }
      if NumericTest.numberVariables.contains(name) { return parsedNumber(name, value: value).numeric }
      return NumericTest.holds(value, variable: name)
    case .isUncertainDate(let name): return lookup.date(name)?.circa ?? false
    case .locator(let kind):
      // citeproc-js: without a locator (or label) the label is "page", in the bibliography too.
      let label = cite.label ?? .page
      return label == kind || (kind == .subVerbo && label == "sub verbo")
    case .position(let position):
      guard mode == .citation else { return false }
      switch position {
      case .first: return cite.position == .first
      case .subsequent: return cite.position != .first
      case .ibid: return cite.position == .ibid || cite.position == .ibidWithLocator
      case .ibidWithLocator: return cite.position == .ibidWithLocator
      case .nearNote: return cite.nearNote && cite.position != .first
      default: return false
      }
    case .type(let type): return reference.type == type
    case .hasForm(let form, let variable): return hasForm(form, variable: variable)
    case .variable(let name):
      // As in citeproc-js, a variable a substitute already printed still tests as present
      // (APA's "In Eds. (Eds.), Title (pp. 1–2). Publisher." relies on it).
      return lookup.has(name)
    }
  }
}
