import BibFormats
import BibModel

/// A bibliography item is incomplete or invalid for its type: the validation `cited bib
/// validate` runs (required fields per type, dates that exist, ISBN and ISSN check digits),
/// shared with the knowledge-base check. DOIs and URLs have rules of their own.
struct BibliographyEntryRule: CheckRule {
  public static let info = RuleInfo(
    id: "bibliography-entry", severity: .warning,
    summary:
      "A bibliography item lacks a field its type requires, or has a date, ISBN or ISSN that cannot be right.",
    fix: "Complete or correct the item in the bibliography (the message names the field); `cited bib validate` "
      + "shows the same findings.")
  public init() {}
  public var info: RuleInfo { Self.info }

  /// Codes reported by `malformed-doi` and `malformed-url` instead.
  private static let coveredElsewhere: Set<String> = ["invalid-doi", "invalid-url"]

  public func check(_ context: CheckContext) -> [Diagnostic] {
    let bibliography = context.bibliography
    let document = BibDocument(
      references: bibliography.keys.compactMap { bibliography[$0] }, locations: bibliography.locations)
    let validator = BibliographyValidator()
    return document.references.flatMap { reference in
      let file = bibliography.locations[reference.id]?.file ?? "bibliography"
      return validator.validate(reference, document: document, file: file)
        .filter { !Self.coveredElsewhere.contains($0.code) }
        .map { info.finding($0.message + " [\($0.code)]", at: $0.location, hint: $0.hint) }
    }
  }
}
