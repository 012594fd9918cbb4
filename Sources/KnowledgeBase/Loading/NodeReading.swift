import BibModel

/// Small helpers the decoders share: read a field's shape, or record a structure finding.
struct NodeReading {
  var diagnostics: [Diagnostic] = []

  mutating func problem(_ message: String, at location: SourceLocation, hint: String? = nil) {
    diagnostics.append(LoadRules.structure.finding(message, at: location, hint: hint))
  }

  mutating func string(_ node: YAMLNode, _ what: String) -> String? {
    if let text = node.scalar { return text }
    problem("\(what) must be text, found \(node.shapeName)", at: node.location)
    return nil
  }

  mutating func strings(_ node: YAMLNode, _ what: String) -> [String]? {
    if node.isNull { return [] }
    guard let items = node.sequence else {
      problem("\(what) must be a list, found \(node.shapeName)", at: node.location)
      return nil
    }
    var result: [String] = []
    for item in items {
      if let text = string(item, "an element of \(what)") { result.append(text) }
    }
    return result
  }

  mutating func bool(_ node: YAMLNode, _ what: String) -> Bool? {
    switch node.scalar {
    case "true": return true
    case "false": return false
    default:
      problem("\(what) must be true or false", at: node.location)
      return nil
    }
  }

  mutating func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
    if let pairs = node.mapping { return pairs }
    problem("\(what) must be a map, found \(node.shapeName)", at: node.location)
    return nil
  }

  mutating func labels(_ node: YAMLNode, _ what: String) -> MultilingualText {
    guard let pairs = mapping(node, what) else { return MultilingualText() }
    var forms: [MultilingualText.Form] = []
    for pair in pairs {
      if let text = string(pair.value, "the \(pair.key) form of \(what)") {
        forms.append(.init(language: pair.key, text: text))
      }
    }
    return MultilingualText(forms)
  }

  /// `aliases:`: language tag → a name or a list of names.
  mutating func aliases(_ node: YAMLNode) -> MultilingualText {
    guard let pairs = mapping(node, "aliases") else { return MultilingualText() }
    var forms: [MultilingualText.Form] = []
    for pair in pairs {
      let names = pair.value.scalar.map { [$0] } ?? strings(pair.value, "the \(pair.key) aliases") ?? []
      forms += names.map { MultilingualText.Form(language: pair.key, text: $0) }
    }
    return MultilingualText(forms)
  }

  mutating func date(_ node: YAMLNode, _ what: String) -> FactDate? {
    guard let text = string(node, what) else { return nil }
    guard let date = FactDate.parse(text) else {
      problem("\(what) '\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", at: node.location)
      return nil
    }
    return date
  }

  mutating func unknownField(_ pair: YAMLPair, in what: String, known: [String]) {
    let suggestion = Suggestions.closest(to: pair.key, among: known)
    problem(
      "unknown field '\(pair.key)' in \(what)", at: pair.keyLocation,
      hint: suggestion.map { "did you mean '\($0)'?" })
  }
}
