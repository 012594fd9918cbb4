import BibModel

/// One cited item as written in a Markdown document (`[see @key, p. 33]`, `@key`, `[-@key]`).
public struct CitationItem: Sendable, Hashable {
  /// The citation key, without `@` and braces.
  public var key: String
  /// Text before the key inside the brackets (`see`), trimmed; empty when none.
  public var prefix: String
  /// Text after the locator (`and elsewhere`, `, with a note`), trimmed; empty when none.
  public var suffix: String
  /// The pinpoint (`33`, `33-35`), when one was recognised.
  public var locator: String?
  /// The CSL locator type (`page`, `chapter`, …) of `locator`.
  public var label: LocatorType?
  /// `[-@key]`: the author is left out.
  public var suppressAuthor: Bool
  /// Bare `@key` in running text: the author is part of the sentence.
  public var authorInText: Bool

  public init(
    key: String, prefix: String = "", suffix: String = "", locator: String? = nil, label: LocatorType? = nil,
    suppressAuthor: Bool = false, authorInText: Bool = false
  ) {
    self.key = key
    self.prefix = prefix
    self.suffix = suffix
    self.locator = locator
    self.label = label
    self.suppressAuthor = suppressAuthor
    self.authorInText = authorInText
  }
}

extension CitationItem {
  /// The item as a CSL cite; affixes get the spacing CSL expects (`see ` / ` and elsewhere`).
  public var cite: Cite {
    var suffixText: String?
    if !suffix.isEmpty {
      let first = suffix.first ?? " "
      suffixText = ",;.:)".contains(first) ? suffix : " " + suffix
    }
    return Cite(
      id: key, locator: locator, label: locator == nil ? nil : label, prefix: prefix.isEmpty ? nil : prefix + " ",
      suffix: suffixText, suppressAuthor: suppressAuthor)
  }
}
