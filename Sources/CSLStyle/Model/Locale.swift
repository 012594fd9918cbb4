import BibModel

extension CSL {
  /// A term's key: its name, form and (for ordinals) gender form.
  public struct TermKey: Sendable, Hashable {
    public var name: String
    public var form: Form
    public var genderForm: String?
    public init(name: String, form: Form = .long, genderForm: String? = nil) {
      self.name = name
      self.form = form
      self.genderForm = genderForm
    }

    /// What a locale's term table hashes a key with (`TableHash`): the name's digest (its
    /// length and first and last two bytes), the form and the gender's digest, mixed with the
    /// table's seed, instead of a `Hasher` round over every byte. Terms are looked up by name
    /// thousands of times a run ("and", "page", ordinal suffixes); their names come from the
    /// style and its locales, a few hundred at most.
    public func _rawHashValue(seed: Int) -> Int {
      guard let digest = name.shortNameDigest, let gender = genderForm.map({ $0.shortNameDigest }) ?? 0 else {
        return TableHash.hashed(self, seed: seed)
      }
      let formBits: UInt64
      switch form {
      case .long: formBits = 0
      case .short: formBits = 1
      case .verb: formBits = 2
      case .verbShort: formBits = 3
      case .symbol: formBits = 4
      }
      return TableHash.mix(digest ^ formBits << 24 ^ (gender &* 0x2545_F491_4F6C_DD1D), seed: seed)
    }
  }

  /// `cs:term`.
  public struct Term: Sendable, Hashable {
    /// `match` of an ordinal term.
    public enum OrdinalMatch: String, Sendable, Hashable {
      case lastDigit = "last-digit", lastTwoDigits = "last-two-digits", wholeNumber = "whole-number"
    }
    public var key: TermKey
    public var single: String
    public var multiple: String
    public var gender: String?
    public var match: OrdinalMatch?
    public init(key: TermKey, single: String, multiple: String, gender: String? = nil, match: OrdinalMatch? = nil) {
      self.key = key
      self.single = single
      self.multiple = multiple
      self.gender = gender
      self.match = match
    }
  }

  /// A localized date format (`cs:date` in a locale).
  public struct DateFormat: Sendable, Hashable {
    public var parts: [DatePart]
    public var delimiter: String?
    public var decoration: Decoration
    public init(parts: [DatePart], delimiter: String? = nil, decoration: Decoration = Decoration()) {
      self.parts = parts
      self.delimiter = delimiter
      self.decoration = decoration
    }
  }

  /// A locale file or a `cs:locale` element inside a style.
  public struct Locale: Sendable, Hashable {
    public var lang: String?
    public var terms: [TermKey: Term] = [:]
    public var dates: [Date.LocalizedForm: DateFormat] = [:]
    public var punctuationInQuote: Bool?
    public var limitDayOrdinalsToDay1: Bool?
    public init(lang: String? = nil) { self.lang = lang }

    /// True when the locale defines any `ordinal-NN` term (they then replace inherited ones).
    public var definesOrdinals: Bool {
      terms.keys.contains { $0.name.hasPrefix("ordinal") }
    }
  }
}
