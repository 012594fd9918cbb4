/// Text in several languages: language tag → text, in the order written.
public struct MultilingualText: Sendable, Hashable {
  public struct Form: Sendable, Hashable {
    public var language: String
    public var text: String
    public init(language: String, text: String) {
      self.language = language
      self.text = text
    }
  }

  public var forms: [Form]

  public init(_ forms: [Form] = []) { self.forms = forms }

  public subscript(language: String) -> String? { forms.first { $0.language == language }?.text }

  /// English if present, else the first form.
  public var preferred: String? { self["en"] ?? forms.first?.text }

  public var isEmpty: Bool { forms.isEmpty }
}
