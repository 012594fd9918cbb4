import BibModel

/// A small deterministic generator of references that use every feature the formats must
/// carry: markup, LaTeX specials, accents, CJK, particles, literal names, forms, date ranges,
/// seasons, circa, literal dates, numeric variables, unknown fields.
struct ReferenceGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
  }

  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state >> 33
  }

  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.count))
  }

  mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

  mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

  static let words = [
    "Alpha", "beta", "Über", "café", "naïve", "Straße", "Łódź", "Øresund", "Ångström", "DNA", "x&y", "50%",
    "C#", "snake_case", "$x^2$", "a~b", "{brace}", "back\\slash", "1--2", "em—dash", "en–dash", "“quoted”",
    "中国", "政治", "Москва", "Αθήνα", "it's", "<i>italic</i>", "<b>bold</b>", "H<sub>2</sub>O",
    "<span class=\"nocase\">iPhone</span>", "x<sup>2</sup>", "l'été", "Çağlar", "and", "others", "#1",
    "a^b", "100 %", "tab\tbed", "  spaced  ", "",
  ]

  mutating func text(_ count: ClosedRange<Int> = 1...6) -> String {
    (0..<int(count)).map { _ in pick(Self.words) }.joined(separator: " ")
  }

  mutating func name() -> Name {
    switch int(0...9) {
    case 0: return Name(literal: pick(["World Health Organization", "Cited Team, Inc.", "国务院", "others"]))
    case 1:
      return Name(
        family: pick(["Gogh", "Beethoven", "Berg"]), given: pick(["Vincent", "Ludwig"]),
        nonDroppingParticle: pick(["van", "van der", "Van"]))
    case 2:
      return Name(family: pick(["Gaulle", "Fontaine"]), given: "Charles", droppingParticle: pick(["de", "de la"]))
    case 3: return Name(family: "Ford", given: "Henry", suffix: pick(["Jr.", "III"]), commaSuffix: chance(50))
    case 4:
      var name = Name(family: pick(["周", "王", "李"]), given: pick(["望", "小明"]))
      name.forms["zh-Latn-pinyin"] = Name(family: pick(["Zhou", "Wang", "Li"]), given: pick(["Wang", "Xiaoming"]))
      if chance(50) { name.forms["en"] = Name(family: "Chou", given: "W.") }
      return name
    case 5:
      return Name(
        family: pick(["Müller", "Ødegård", "O'Neil", "Smith-Jones"]), given: pick(["Anne Marie", "J. R. R.", "Zoë"]))
    case 6: return Name(family: "Plato")
    case 7: return Name(family: "de Souza", given: "Ana")
    case 8:
      return Name(
        family: pick(["Knuth", "Lamport"]), given: pick(["Donald E.", "Leslie"]), staticOrdering: chance(30))
    default:
      return Name(
        family: pick(["Smith", "Doe", "Nowak"]), given: pick(["John", "Jane", "Ewa"]),
        parseNames: chance(20) ? false : nil)
    }
  }

  mutating func date() -> DateValue {
    switch int(0...7) {
    case 0: return DateValue(year: int(1900...2030))
    case 1: return DateValue(year: int(1900...2030), month: int(1...12))
    case 2: return DateValue(year: int(1900...2030), month: int(1...12), day: int(1...28))
    case 3:
      return DateValue(parts: [
        DateParts(year: int(1900...2000), month: int(1...12)), DateParts(year: int(2001...2030)),
      ])
    case 4: return DateValue(parts: [DateParts(year: int(1900...2030))], circa: true)
    case 5: return DateValue(parts: [DateParts(year: int(1900...2030))], season: String(int(1...4)))
    case 6: return DateValue(literal: pick(["in press", "forthcoming", "Spring 2004", "n.d."]))
    default: return DateValue(parts: [DateParts(year: int(1990...2000)), DateParts(year: nil)])
    }
  }

  static let types: [ItemType] = [
    "article-journal", "article-magazine", "article-newspaper", "book", "chapter", "paper-conference", "thesis",
    "report", "webpage", "dataset", "software", "patent", "manuscript", "entry-encyclopedia", "document",
    "motion_picture", "legal_case", "personal_communication", "post-weblog", "map", "interview", "article",
  ]

  mutating func reference(_ index: Int) -> Reference {
    let suffix = chance(20) ? ":x-\(int(0...9))" : chance(5) ? " {odd}, (key) = \(int(0...9))" : ""
    var reference = Reference(id: "item\(index)" + suffix, type: pick(Self.types))
    reference.variables["title"] = text()
    let optional: [CSLVariable] = [
      "container-title", "collection-title", "volume", "issue", "page", "publisher", "publisher-place", "DOI", "ISBN",
      "ISSN", "URL", "abstract", "note", "keyword", "language", "genre", "edition", "number", "collection-number",
      "title-short", "archive", "archive_location", "dimensions", "event-title", "medium", "chapter-number",
      "container-title-short", "call-number", "source", "annote", "version",
    ]
    for variable in optional where chance(25) {
      switch variable {
      case "DOI": reference.variables[variable] = "10.\(int(1000...9999))/abc.\(int(1...999))"
      case "URL": reference.variables[variable] = "https://example.org/p?q=\(int(1...99))&r=1#x"
      case "ISBN": reference.variables[variable] = pick(["978-0-306-40615-7", "0-306-40615-2"])
      case "volume", "issue", "number", "edition":
        reference.variables[variable] = String(int(1...300))
        if chance(30) { reference.numericVariables.insert(variable) }
      case "page": reference.variables[variable] = pick(["1-10", "97–111", "e123", "iii-xv, 1-20", "5"])
      case "abstract", "note":
        reference.variables[variable] = text(1...12) + (chance(30) ? "\n\nSecond paragraph." : "")
      default: reference.variables[variable] = text(1...4)
      }
    }
    for variable: CSLVariable in [
      "author", "editor", "translator", "container-author", "collection-editor", "director",
    ]
    where chance(variable == "author" ? 80 : 15) {
      reference.names[variable] = (0..<int(1...4)).map { _ in name() }
    }
    for variable: CSLVariable in ["issued", "accessed", "original-date", "event-date", "submitted"]
    where chance(variable == "issued" ? 85 : 15) {
      reference.dates[variable] = date()
    }
    if chance(30) {
      reference.forms["title"] = ["zh-Latn-pinyin": text(1...3), "en": text(1...3)]
    }
    if chance(15) { reference.forms["container-title"] = ["ja-Latn-hepburn": text(1...2)] }
    if chance(15) {
      reference.extra["custom-object"] = .object(JSONObject(["a": .number("1"), "b": .array([.bool(true), .null])]))
    }
    if chance(10) { reference.variables["unknown-text"] = text(1...2) }
    return reference
  }

  /// References as CSL-JSON would give them back (the generator's own canonical form).
  mutating func references(_ count: Int) -> [Reference] {
    let items = (0..<count).map { reference($0) }
    let json = CSLJSON.write(items)
    return CSLJSON.read(json, file: "generated").references
  }
}
