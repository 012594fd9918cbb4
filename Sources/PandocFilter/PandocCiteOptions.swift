import BibModel
import Reports

/// The citation settings of a pandoc document, read from its metadata with pandoc's meaning.
public struct PandocCiteOptions: Sendable {
  /// `bibliography`: one or several files, relative to the working directory.
  public var bibliography: [String] = []
  /// `references`: CSL-JSON items written in the metadata.
  public var references: JSONValue?
  /// `csl`: a file, a catalog name or a dependent style; nil for pandoc's default (Chicago author-date).
  public var csl: String?
  /// `citation-abbreviations`: a JSON file of abbreviations.
  public var abbreviations: String?
  /// `lang`, else `locale`.
  public var locale: String?
  /// `nocite` keys; `*` stands for every reference.
  public var nocite: [String] = []
  public var linkCitations = false
  public var linkBibliography = true
  public var suppressBibliography = false
  /// `reference-section-title`, as inlines.
  public var referenceSectionTitle: [JSONValue]?
  public var notesAfterPunctuation = true
  /// `cited-check`: `true` reports every citation problem with the text around it, `strict`
  /// also makes the filter fail (pandoc then stops).
  public var check = Check.off

  public enum Check: Sendable, Hashable {
    case off, report, strict
  }
  /// Values that could not be read, one message each.
  public var problems: [String] = []

  public init() {}

  /// Reads the settings from `meta`; a value of the wrong kind is a problem and keeps the default.
  public init(meta: JSONObject) {
    for member in meta.members {
      let value = member.value
      switch member.key {
      case "bibliography": bibliography = read(member.key, value, PandocMetaValue.texts, "a file name or a list") ?? []
      case "references": references = PandocMetaValue.cslJSON(value)
      case "csl": csl = read(member.key, value, PandocMetaValue.text, "a file or style name")
      case "citation-abbreviations":
        abbreviations = read(member.key, value, PandocMetaValue.text, "a file name")
      case "lang": locale = read(member.key, value, PandocMetaValue.text, "a language tag") ?? locale
      case "locale": locale = locale ?? read(member.key, value, PandocMetaValue.text, "a language tag")
      case "nocite": nocite = Self.nocite(value)
      case "link-citations": linkCitations = read(member.key, value, PandocMetaValue.bool, "true or false") ?? false
      case "link-bibliography":
        linkBibliography = read(member.key, value, PandocMetaValue.bool, "true or false") ?? true
      case "suppress-bibliography":
        suppressBibliography = read(member.key, value, PandocMetaValue.bool, "true or false") ?? false
      case "notes-after-punctuation":
        notesAfterPunctuation = read(member.key, value, PandocMetaValue.bool, "true or false") ?? true
      case "cited-check":
        check = read(member.key, value, Self.check, "true, false or strict") ?? .off
      case "reference-section-title":
        referenceSectionTitle = read(member.key, value, PandocMetaValue.inlines, "a title")
      default: continue
      }
    }
  }

  private mutating func read<T>(
    _ key: String, _ value: JSONValue, _ reader: (JSONValue) -> T?, _ expected: String
  )
    -> T?
  {
    if let result = reader(value) { return result }
    problems.append("metadata '\(key)': expected \(expected), found \(PandocNode.tag(value) ?? "something else")")
    return nil
  }

  static func check(_ value: JSONValue) -> Check? {
    if PandocMetaValue.text(value)?.lowercased() == "strict" { return .strict }
    return PandocMetaValue.bool(value).map { $0 ? .report : .off }
  }

  /// The keys of `nocite`: the ids of its `Cite` nodes, else `@key`s written as text.
  static func nocite(_ value: JSONValue) -> [String] {
    var keys: [String] = []
    collectCiteIDs(value, into: &keys)
    if keys.isEmpty, let text = PandocMetaValue.texts(value)?.joined(separator: " ") {
      keys = CitationSyntax.nociteKeys(text)
    }
    return keys
  }

  private static func collectCiteIDs(_ value: JSONValue, into keys: inout [String]) {
    switch value {
    case .array(let items): for item in items { collectCiteIDs(item, into: &keys) }
    case .object(let object):
      if object["t"]?.stringValue == "Cite", let citations = object["c"]?.arrayValue?.first?.arrayValue {
        keys += citations.compactMap { $0.objectValue?["citationId"]?.stringValue }
        return
      }
      for member in object.members { collectCiteIDs(member.value, into: &keys) }
    default: break
    }
  }
}
