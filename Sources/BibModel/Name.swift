/// A personal or institutional name, as CSL-JSON has it.
///
/// Its fields live in one shared storage, copied when a copy is changed: a name is copied
/// wherever a rendering reads it (a list of names, a registry of printed names, a sort key),
/// and copying eight strings and tables retained and released each of them, some 2 % of a
/// style's work.
public struct Name: Sendable, Hashable {
  private struct Fields: Sendable, Hashable {
    var family: String?
    var given: String?
    var droppingParticle: String?
    var nonDroppingParticle: String?
    var suffix: String?
    var literal: String?
    var commaSuffix: Bool
    var staticOrdering: Bool
    var parseNames: Bool?
    var forms: [String: Name]
    var extra: [String: JSONValue]
  }

  /// Changed only while uniquely referenced (`fields`), so shared between threads safely.
  private final class Storage: @unchecked Sendable {
    @exclusivity(unchecked) var fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var storage: Storage

  private var fields: Fields {
    _read { yield storage.fields }
    _modify {
      if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
      yield &storage.fields
    }
  }

  public var family: String? {
    get { fields.family }
    set { fields.family = newValue }
  }
  public var given: String? {
    get { fields.given }
    set { fields.given = newValue }
  }
  /// "de" in "Charles de Gaulle" when sorted under G ("Gaulle, Charles de").
  public var droppingParticle: String? {
    get { fields.droppingParticle }
    set { fields.droppingParticle = newValue }
  }
  /// "van" in "Vincent van Gogh" when sorted under V ("van Gogh, Vincent").
  public var nonDroppingParticle: String? {
    get { fields.nonDroppingParticle }
    set { fields.nonDroppingParticle = newValue }
  }
  public var suffix: String? {
    get { fields.suffix }
    set { fields.suffix = newValue }
  }
  /// An institution or a name that must not be split ("World Health Organization").
  public var literal: String? {
    get { fields.literal }
    set { fields.literal = newValue }
  }
  /// `comma-suffix`: print a comma before the suffix ("Jr.").
  public var commaSuffix: Bool {
    get { fields.commaSuffix }
    set { fields.commaSuffix = newValue }
  }
  /// `static-ordering`: always family name first, then the given name, with no separator.
  public var staticOrdering: Bool {
    get { fields.staticOrdering }
    set { fields.staticOrdering = newValue }
  }
  /// `parse-names`: whether particles may be parsed out of family/given (citeproc-js).
  public var parseNames: Bool? {
    get { fields.parseNames }
    set { fields.parseNames = newValue }
  }
  /// Other forms of this name keyed by language tag (`zh-Latn-pinyin`: the romanization;
  /// `en`: a translation). CSL-M's `multi._key`.
  public var forms: [String: Name] {
    get { fields.forms }
    set { fields.forms = newValue }
  }
  /// Fields that Cited does not know, kept so nothing is lost.
  public var extra: [String: JSONValue] {
    get { fields.extra }
    set { fields.extra = newValue }
  }

  public init(
    family: String? = nil, given: String? = nil, droppingParticle: String? = nil,
    nonDroppingParticle: String? = nil, suffix: String? = nil, literal: String? = nil,
    commaSuffix: Bool = false, staticOrdering: Bool = false, parseNames: Bool? = nil,
    forms: [String: Name] = [:], extra: [String: JSONValue] = [:]
  ) {
    storage = Storage(
      Fields(
        family: family, given: given, droppingParticle: droppingParticle, nonDroppingParticle: nonDroppingParticle,
        suffix: suffix, literal: literal, commaSuffix: commaSuffix, staticOrdering: staticOrdering,
        parseNames: parseNames, forms: forms, extra: extra))
  }

  /// Equal when they share storage, else field by field, each read in place (comparing the
  /// two field lists copied both).
  public static func == (lhs: Name, rhs: Name) -> Bool {
    let (left, right) = (lhs.storage, rhs.storage)
    if left === right { return true }
    return left.fields.family == right.fields.family && left.fields.given == right.fields.given
      && left.fields.droppingParticle == right.fields.droppingParticle
      && left.fields.nonDroppingParticle == right.fields.nonDroppingParticle
      && left.fields.suffix == right.fields.suffix && left.fields.literal == right.fields.literal
      && left.fields.commaSuffix == right.fields.commaSuffix
      && left.fields.staticOrdering == right.fields.staticOrdering
      && left.fields.parseNames == right.fields.parseNames && left.fields.forms == right.fields.forms
      && left.fields.extra == right.fields.extra
  }

  public func hash(into hasher: inout Hasher) { storage.fields.hash(into: &hasher) }

  /// True when the name has a family and a given part and nothing else (no particle, suffix,
  /// literal, flag, other form or extra field), read in place.
  public var hasOnlyFamilyAndGiven: Bool {
    let storage = storage
    return storage.fields.family != nil && storage.fields.given != nil && storage.fields.droppingParticle == nil
      && storage.fields.nonDroppingParticle == nil && storage.fields.suffix == nil && storage.fields.literal == nil
      && !storage.fields.commaSuffix && !storage.fields.staticOrdering && storage.fields.parseNames == nil
      && storage.fields.forms.isEmpty && storage.fields.extra.isEmpty
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

extension Name: CustomReflectable {
  /// The fields, as a plain structure shows them (in messages and test failures), not the
  /// storage that holds them.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "family": family as Any, "given": given as Any, "droppingParticle": droppingParticle as Any,
        "nonDroppingParticle": nonDroppingParticle as Any, "suffix": suffix as Any, "literal": literal as Any,
        "commaSuffix": commaSuffix, "staticOrdering": staticOrdering, "parseNames": parseNames as Any,
        "forms": forms, "extra": extra,
      ], displayStyle: .struct)
  }
}
