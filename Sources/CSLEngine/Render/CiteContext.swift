import BibModel
import CSLStyle

/// The position of a cite relative to earlier cites of the same item.
public enum Position: Int, Sendable, Hashable, Comparable {
  case first = 0, subsequent, ibid, ibidWithLocator

  public static func < (lhs: Position, rhs: Position) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The engine's position for a forced one; nil for near-note and unknown names.
  init?(_ position: CitePosition) {
    switch position {
    case .first: self = .first
    case .subsequent: self = .subsequent
    case .ibid: self = .ibid
    case .ibidWithLocator: self = .ibidWithLocator
    default: return nil
    }
  }
}

/// What rendering needs to know about one cite beyond the reference.
struct CiteContext: Sendable, Hashable {
  var position: Position = .first
  var nearNote = false
  var locator: String?
  var label: LocatorType?
  var citationNumber: Int?
  var firstNoteNumber: Int?
  var inCitation = true
}

/// Per-item disambiguation settings found by the disambiguation passes.
struct DisambiguationState: Sendable, Hashable {
  /// Names added beyond et-al-use-first.
  var addNames = 0
  /// How far given names are expanded: 0 as styled, 1 initials, 2 full; keyed by name index.
  var givenLevels: [Int: Int] = [:]
  /// The levels apply to the first `cs:names` rendered only (the bibliography's names that
  /// correspond to the citation's).
  var givenLevelsFirstNamesOnly = false
  /// Bibliography of a style with disambiguate-add-givenname under the by-cite rule: names
  /// longer here than in the citation are expanded against the item's other names.
  var expandsWithinItem = false
  /// Bibliography under the all-names and primary-name rules: names whose family (1) or
  /// initials (2) other names share, by variable and index (`Processor.sharedNames`).
  var sharedNames: [CSLVariable: [Int: UInt8]] = [:]
  /// Level applied to names not in `givenLevels` (all-names rules).
  var yearSuffix: Int?
  /// The `disambiguate="true"` condition holds.
  var condition: Bool {
    get { conditionLevel > 0 }
    set { conditionLevel = newValue ? Int.max : 0 }
  }
  /// How many `disambiguate="true"` tests hold, in rendering order (citeproc-js adds them
  /// one at a time until the cites are told apart).
  var conditionLevel = 0
}

/// The one place where the engine reads an item's variables. The multilingual extension
/// hooks in here (choosing romanized or translated forms); today plain variables render the
/// original script.
struct VariableLookup: Sendable {
  /// The item, held in a box the processor made once (`ReferenceBox`).
  let box: ReferenceBox
  let cite: CiteContext
  let yearSuffixText: String?
  /// `has`'s answers for the reference's own variables, worked out once per reference
  /// (`presence(of:)`); nil looks them up.
  var presence: VariablePresence?

  /// The item, read in place.
  var reference: Reference { box.reference }

  /// The item's language (`ReferenceBox.language`).
  var language: String? { box.language }

  /// The lookup of the item in `box`.
  init(box: ReferenceBox, cite: CiteContext, yearSuffixText: String?, presence: VariablePresence?) {
    self.box = box
    self.cite = cite
    self.yearSuffixText = yearSuffixText
    self.presence = presence
  }

  /// The lookup of one reference.
  init(reference: Reference, cite: CiteContext, yearSuffixText: String?, presence: VariablePresence?) {
    self.init(box: ReferenceBox(reference), cite: cite, yearSuffixText: yearSuffixText, presence: presence)
  }

  /// A standard or number variable as text; form `short` prefers the `-short` variant.
  func text(_ name: CSLVariable, form: CSL.Form = .long) -> String? {
    // Every special name starts with one of these letters: other names skip the string
    // comparisons of the switch (strings equal to these ASCII names start with the same byte).
    switch name.rawValue.utf8.first {
    case UInt8(ascii: "l"), UInt8(ascii: "c"), UInt8(ascii: "f"), UInt8(ascii: "y"), UInt8(ascii: "p"),
      UInt8(ascii: "t"):
      break
    default:
      return plainText(name, form: form)
    }
    switch name {
    case .locator: return nonEmpty(cite.locator)
    case .citationNumber: return cite.citationNumber.map(String.init)
    case .firstReferenceNoteNumber:
      return cite.position == .first ? nil : cite.firstNoteNumber.map(String.init)
    case .yearSuffix: return yearSuffixText
    case .pageFirst:
      if let explicit = nonEmpty(reference.variables[.pageFirst]) { return explicit }
      guard let page = nonEmpty(reference.variables[.page]) else { return nil }
      let first = page.prefix { $0 != "-" && $0 != "\u{2013}" && $0 != "," && $0 != "&" }
      return nonEmpty(String(first).trimmingSpaces())
    case .citationLabel: return nonEmpty(reference.variables[.citationLabel]) ?? generatedLabel
    case .title where form == .short:
      return nonEmpty(reference.variables[.titleShort]) ?? nonEmpty(reference.variables[Self.shortTitle])
        ?? nonEmpty(reference.variables[.title])
    case .containerTitleShort:
      return nonEmpty(reference.variables[.containerTitleShort])
        ?? nonEmpty(reference.variables[Self.journalAbbreviation])
    case .containerTitle where form == .short:
      return nonEmpty(reference.variables[.containerTitleShort])
        ?? nonEmpty(reference.variables[Self.journalAbbreviation]) ?? nonEmpty(reference.variables[.containerTitle])
    default:
      return plainText(name, form: form)
    }
  }

  /// The item's own fields `text(name, form:)` reads, nil for a variable it reads from the cite
  /// or makes from other fields (locator, numbers, year suffix, first page, label) and for
  /// `container-title-short` (its fallback): a variable whose fields are all empty prints
  /// nothing and tests absent (`has` reads the same fields). Macro gates (`MacroGate`) rely on
  /// it; keep it beside the switch in `text` that it mirrors.
  static func fieldsRead(by name: CSLVariable, form: CSL.Form) -> [CSLVariable]? {
    switch name {
    case .locator, .locatorExtra, .citationNumber, .firstReferenceNoteNumber, .yearSuffix, .pageFirst,
      .citationLabel, .containerTitleShort:
      return nil
    case .title where form == .short: return [.titleShort, shortTitle, .title]
    case .containerTitle where form == .short: return [.containerTitleShort, journalAbbreviation, .containerTitle]
    default:
      if name.rawValue.hasPrefix("locator") { return nil }
      return form == .short ? [name.shortVariant, name] : [name]
    }
  }

  /// Zotero's names for `title-short` and `container-title-short`, which CSL-JSON from it carries.
  private static let shortTitle: CSLVariable = "shortTitle"
  private static let journalAbbreviation: CSLVariable = "journalAbbreviation"

  /// An ordinary variable's value; form `short` prefers the `-short` variant.
  private func plainText(_ name: CSLVariable, form: CSL.Form) -> String? {
    if form == .short, let short = nonEmpty(reference.variables[name.shortVariant]) { return short }
    return nonEmpty(reference.variables[name])
  }

  /// citeproc-js's trigraph label: "Doe65", "RoNo78", "DoRoSm00".
  var generatedLabel: String? {
    var names: [Name] = []
    for variable: CSLVariable in [.author, .editor, .translator, .composer, .director] {
      let list = self.names(variable)
      if !list.isEmpty {
        names = list
        break
      }
    }
    guard !names.isEmpty else { return nil }
    let year =
      reference.dates[.issued]?.year.map {
        String(String(abs($0) % 100).count == 1 ? "0\(abs($0) % 100)" : String(abs($0) % 100))
      } ?? ""
    func letters(_ name: Name, _ count: Int) -> String {
      String((name.family ?? name.literal ?? "").filter(\.isLetter).prefix(count))
    }
    var label = ""
    switch names.count {
    case 1: label = letters(names[0], 4)
    case 2, 3: label = names.prefix(3).map { letters($0, names.count == 2 ? 2 : 1) }.joined()
    default: label = names.prefix(4).map { letters($0, 1) }.joined()
    }
    return label + year
  }

  func names(_ name: CSLVariable) -> [Name] {
    reference.names[name] ?? []
  }

  func date(_ name: CSLVariable) -> DateValue? {
    reference.dates[name]
  }

  /// True when the variable has a value (for `variable` conditions). Ordinary variables
  /// are looked up first: they are what styles test most.
  func has(_ name: CSLVariable) -> Bool {
    if let presence {
      if let answer = presence[name] { return answer }
    } else {
      if let text = reference.variables[name], !text.isEmpty { return true }
      if let list = reference.names[name] { return !list.isEmpty }
      if let date = reference.dates[name] { return Self.hasValue(date) }
    }
    switch name {
    case .locator: return nonEmpty(cite.locator) != nil
    case .citationNumber: return cite.citationNumber != nil
    case .firstReferenceNoteNumber: return cite.position != .first && cite.firstNoteNumber != nil
    case .yearSuffix: return yearSuffixText != nil
    case .pageFirst, .citationLabel, .containerTitleShort, .titleShort: return text(name) != nil
    default: return false
    }
  }

  /// The CSL variables whose value is more than their own field (`fieldsRead`): the cite's
  /// variables and those made from other fields. Any other variable's `has` is its bit in the
  /// presence table.
  static let derivedVariables: VariableBits = {
    let all = CSLVariables.standard.union(CSLVariables.numbers).union(CSLVariables.dates).union(CSLVariables.names)
    var bits = VariableBits()
    for variable in all where fieldsRead(by: variable, form: .long) != [variable] { bits.insert(variable) }
    return bits
  }()

  /// Whether `has` holds for any (`all` false) or every (`all` true) variable of `bits`,
  /// read from the presence table's bits; nil when that cannot answer (no table, or a
  /// variable `has` answers otherwise), and the variables are asked one by one.
  func hasFromBits(_ bits: VariableBits, all: Bool) -> Bool? {
    guard bits.isDisjoint(with: Self.derivedVariables) else { return nil }
    return all ? presence?.hasValue(amongAll: bits) : (presence?.hasNoValue(among: bits)).map { !$0 }
  }

  static func hasValue(_ date: DateValue) -> Bool {
    !date.parts.isEmpty || date.literal != nil || date.raw != nil || date.extra["raw"] != nil
  }

  /// The answers `has` gives from the reference's own variables, in its order: a non-empty
  /// ordinary variable, else a names list, else a date. Names absent here fall through to
  /// the cite's variables.
  static func presence(of reference: Reference) -> VariablePresence {
    var table = VariablePresence()
    for (name, text) in reference.variables where !text.isEmpty { table.record(name, true) }
    for (name, list) in reference.names { table.record(name, !list.isEmpty) }
    for (name, date) in reference.dates { table.record(name, hasValue(date)) }
    return table
  }

  private func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
