/// A bibliographic item in the CSL data model. Text, number, name and date variables are kept
/// apart so the engine never re-parses; what Cited does not know is kept in `extra`.
public struct Reference: Sendable, Hashable, Identifiable {
  /// The citation key.
  public var id: String
  /// The CSL item type (`article-journal`, `book`, …), as written.
  public var type: ItemType
  /// Standard and number variables; numbers keep the text they were written as.
  public var variables: [CSLVariable: String]
  /// Name variables.
  public var names: [CSLVariable: [Name]]
  /// Date variables.
  public var dates: [CSLVariable: DateValue]
  /// Other forms of fields, keyed by field then language tag: CSL-M's `multi._keys`.
  /// The plain variable holds the original script; a `Latn` tag is a romanization, any other
  /// tag a translation (`["title": ["zh-Latn-pinyin": "…", "en": "…"]]`).
  public var forms: [CSLVariable: [String: String]]
  /// Variables that were JSON numbers (so they are written back as numbers).
  public var numericVariables: Set<CSLVariable>
  /// Fields Cited does not know (or whose value has an unexpected shape), kept verbatim.
  public var extra: [String: JSONValue]

  public init(
    id: String, type: ItemType = .document, variables: [CSLVariable: String] = [:],
    names: [CSLVariable: [Name]] = [:], dates: [CSLVariable: DateValue] = [:],
    forms: [CSLVariable: [String: String]] = [:], numericVariables: Set<CSLVariable> = [],
    extra: [String: JSONValue] = [:]
  ) {
    self.id = id
    self.type = type
    self.variables = variables
    self.names = names
    self.dates = dates
    self.forms = forms
    self.numericVariables = numericVariables
    self.extra = extra
  }

  /// A standard or number variable.
  public subscript(variable: CSLVariable) -> String? {
    get { variables[variable] }
    set { variables[variable] = newValue }
  }

  /// The item's language tag (`language` variable), if any.
  public var language: String? { variables[.language] }

  /// The romanized form of a field, if recorded.
  public func romanized(_ field: CSLVariable) -> String? {
    guard let forms = forms[field] else { return nil }
    return forms.keys.sorted().first(where: LanguageTag.isRomanization).flatMap { forms[$0] }
  }

  /// A translation of a field: into `language` when given, else the first recorded.
  public func translated(_ field: CSLVariable, into language: String? = nil) -> String? {
    guard let forms = forms[field] else { return nil }
    let translations = forms.keys.sorted().filter { !LanguageTag.isRomanization($0) }
    if let language {
      if let exact = forms[language] { return exact }
      let primary = LanguageTag.language(of: language)
      return translations.first { LanguageTag.language(of: $0) == primary }.flatMap { forms[$0] }
    }
    return translations.first.flatMap { forms[$0] }
  }

  /// True when the item has a value for the variable of any kind.
  public func has(_ variable: CSLVariable) -> Bool {
    if let text = variables[variable] { return !text.isEmpty }
    if let list = names[variable] { return !list.isEmpty }
    return dates[variable] != nil
  }
}

extension Reference {
  /// The item member (a CSL-JSON extension other processors ignore) that lists name variables
  /// whose list goes on beyond the names written: BibTeX's `and others`.
  public static let etAlKey = "cited:et-al"

  /// The name variables that end in et al. although no name was cut.
  public var openEndedNameVariables: Set<CSLVariable> {
    guard case .array(let values)? = extra[Self.etAlKey] else { return [] }
    return Set(values.compactMap { $0.stringValue.map(CSLVariable.init(rawValue:)) })
  }
}
