/// A personal or institutional name, as CSL-JSON has it.
public struct Name: Sendable, Hashable {
  public var family: String?
  public var given: String?
  /// "de" in "Charles de Gaulle" when sorted under G ("Gaulle, Charles de").
  public var droppingParticle: String?
  /// "van" in "Vincent van Gogh" when sorted under V ("van Gogh, Vincent").
  public var nonDroppingParticle: String?
  public var suffix: String?
  /// An institution or a name that must not be split ("World Health Organization").
  public var literal: String?
  /// `comma-suffix`: print a comma before the suffix ("Jr.").
  public var commaSuffix: Bool
  /// `static-ordering`: always family name first, then the given name, with no separator.
  public var staticOrdering: Bool
  /// `parse-names`: whether particles may be parsed out of family/given (citeproc-js).
  public var parseNames: Bool?
  /// Other forms of this name keyed by language tag (`zh-Latn-pinyin`: the romanization;
  /// `en`: a translation). CSL-M's `multi._key`.
  public var forms: [String: Name]
  /// Fields that Cited does not know, kept so nothing is lost.
  public var extra: [String: JSONValue]

  public init(
    family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
    nonDroppingParticle: String? = nil, suffix: String? = nil, literal: String? = nil,
    commaSuffix: Bool = false, staticOrdering: Bool = false, parseNames: Bool? = nil,
    forms: [String: Name] = [:], extra: [String: JSONValue] = [:]
  ) {
    self.family = family
    self.given = given
    self.droppingParticle = droppingParticle
    self.nonDroppingParticle = nonDroppingParticle
    self.suffix = suffix
    self.literal = literal
    self.commaSuffix = commaSuffix
    self.staticOrdering = staticOrdering
    self.parseNames = parseNames
    self.forms = forms
    self.extra = extra
  }

  /// True when the name has neither a family nor a literal part.
  public var isEmpty: Bool {
    (family ?? "").isEmpty && (literal ?? "").isEmpty && (given ?? "").isEmpty
  }

  /// True when the family or given name contains characters outside Latin, Greek and
  /// Cyrillic scripts (CSL's "non-romanic" names print family first without a separator).
  public var isNonRomanic: Bool {
    let text = (family ?? "") + (given ?? "")
    guard !text.isEmpty else { return false }
    return text.unicodeScalars.contains { scalar in
      !scalar.properties.isWhitespace && scalar.value > 0x036F
        && !(0x0370...0x052F).contains(scalar.value)  // Greek, Cyrillic
        && !(0x1E00...0x1FFF).contains(scalar.value)  // Latin and Greek extended
        && !(0x2000...0x206F).contains(scalar.value)  // punctuation
        && scalar.properties.isAlphabetic
    }
  }

  /// The romanized form (a tag with the `Latn` script subtag), if the name has one.
  public var romanized: (tag: String, name: Name)? {
    forms.keys.sorted().first(where: LanguageTag.isRomanization).flatMap { tag in
      forms[tag].map { (tag, $0) }
    }
  }
}
