import BibModel
import CSLStyle

/// The position of a cite relative to earlier cites of the same item.
public enum Position: Int, Sendable, Hashable, Comparable {
  case first = 0, subsequent, ibid, ibidWithLocator

  public static func < (lhs: Position, rhs: Position) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What rendering needs to know about one cite beyond the reference.
struct CiteContext: Sendable, Hashable {
  var position: Position = .first
  var nearNote = false
  var locator: String?
  var label: String?
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
  /// Level applied to names not in `givenLevels` (all-names rules).
  var yearSuffix: Int?
  /// The `disambiguate="true"` condition holds.
  var condition = false
}

/// The one place where the engine reads an item's variables. The multilingual extension
/// hooks in here (choosing romanized or translated forms); today plain variables render the
/// original script.
struct VariableLookup: Sendable {
  let reference: Reference
  let cite: CiteContext
  let yearSuffixText: String?

  /// A standard or number variable as text; form `short` prefers the `-short` variant.
  func text(_ name: String, form: CSL.Form = .long) -> String? {
    switch name {
    case "locator": return nonEmpty(cite.locator)
    case "citation-number": return cite.citationNumber.map(String.init)
    case "first-reference-note-number": return cite.firstNoteNumber.map(String.init)
    case "year-suffix": return yearSuffixText
    case "title" where form == .short:
      return nonEmpty(reference.variables["title-short"]) ?? nonEmpty(reference.variables["shortTitle"])
        ?? nonEmpty(reference.variables["title"])
    case "container-title" where form == .short:
      return nonEmpty(reference.variables["container-title-short"])
        ?? nonEmpty(reference.variables["journalAbbreviation"]) ?? nonEmpty(reference.variables["container-title"])
    default:
      if form == .short, let short = nonEmpty(reference.variables[name + "-short"]) { return short }
      return nonEmpty(reference.variables[name])
    }
  }

  func names(_ name: String) -> [Name] {
    reference.names[name] ?? []
  }

  func date(_ name: String) -> DateValue? {
    reference.dates[name]
  }

  /// True when the variable has a value (for `variable` conditions).
  func has(_ name: String) -> Bool {
    switch name {
    case "locator": return nonEmpty(cite.locator) != nil
    case "citation-number": return cite.citationNumber != nil
    case "first-reference-note-number": return cite.firstNoteNumber != nil
    case "year-suffix": return yearSuffixText != nil
    default:
      if let list = reference.names[name] { return !list.isEmpty }
      if let date = reference.dates[name] { return !date.parts.isEmpty || date.literal != nil }
      return nonEmpty(reference.variables[name]) != nil
    }
  }

  private func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}

