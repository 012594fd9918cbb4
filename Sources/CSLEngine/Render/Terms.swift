import CSLStyle

/// Term lookup on a resolved locale, with the specification's form fallbacks. A class: every
/// term a rendering looks up went through a copy of these fields (the locale's tables and
/// strings retained and released, some 340,000 times in a 10k render); a copy of the style
/// for one thread's rendering makes its own (`init(copying:)`), so threads count references
/// on their own objects.
final class Terms: Sendable {
  let locale: CSL.Locale
  /// The locale's quotation marks that data may use as markup (see `RichText.QuotePair`).
  let dataQuotes: RichText.QuotePair?
  /// The `and` and `et-al` terms (long form), looked up once: every name list asks for them.
  let and: String?
  let etAl: String?

  init(locale: CSL.Locale) {
    // The table rebuilt with room to spare: a locale's few hundred terms filled a table to its
    // limit (three quarters), where a look-up compared some four keys and a term the locale
    // lacks (each form fallback asks for one) about eight; at a quarter full, one or two.
    var spacious = locale
    spacious.terms = Dictionary(minimumCapacity: locale.terms.count * 3)
    for (key, term) in locale.terms { spacious.terms[key] = term }
    self.locale = spacious
    self.and = locale.terms[CSL.TermKey(name: "and")]?.single
    self.etAl = locale.terms[CSL.TermKey(name: "et-al")]?.single
    let open = locale.terms[CSL.TermKey(name: "open-quote")]?.single
    let close = locale.terms[CSL.TermKey(name: "close-quote")]?.single
    self.dataQuotes = open == nil && close == nil ? .english : RichText.QuotePair.terms(open: open, close: close)
  }

  init(copying original: Terms) {
    locale = original.locale
    dataQuotes = original.dataQuotes
    and = original.and
    etAl = original.etAl
  }

  func term(_ name: String, form: CSL.Form = .long, plural: Bool = false, gender: String? = nil) -> String? {
    // The form asked for, then its fallbacks (verb-short → verb → long, symbol → short → long).
    var candidate: CSL.Form? = form
    while let current = candidate {
      if let gender, let found = locale.terms[CSL.TermKey(name: name, form: current, genderForm: gender)] {
        return plural ? found.multiple : found.single
      }
      if let found = locale.terms[CSL.TermKey(name: name, form: current)] {
        return plural ? found.multiple : found.single
      }
      candidate = Self.fallback(current)
    }
    return nil
  }

  /// The form a term falls back to when the locale lacks it.
  private static func fallback(_ form: CSL.Form) -> CSL.Form? {
    switch form {
    case .verbShort: .verb
    case .symbol: .short
    case .verb, .short: .long
    case .long: nil
    }
  }

  func gender(of name: String) -> String? {
    locale.terms[CSL.TermKey(name: name)]?.gender
  }

  private func ordinalTerm(_ name: String, gender: String?) -> CSL.Term? {
    if let gender, let found = locale.terms[CSL.TermKey(name: name, genderForm: gender)] { return found }
    return locale.terms[CSL.TermKey(name: name)]
  }

  /// The ordinal suffix for a number (`st`, `nd`, `e`…).
  func ordinalSuffix(_ number: Int, gender: String?) -> String {
    let lastTwo = number % 100
    if lastTwo >= 10 {
      let name = "ordinal-" + (lastTwo < 10 ? "0" : "") + String(lastTwo)
      if let term = ordinalTerm(name, gender: gender) {
        let match = term.match ?? .lastTwoDigits
        if match != .wholeNumber || number == lastTwo { return term.single }
      }
    }
    let last = number % 10
    if let term = ordinalTerm("ordinal-0\(last)", gender: gender) {
      switch term.match ?? .lastDigit {
      case .lastDigit: return term.single
      case .lastTwoDigits: if lastTwo == last { return term.single }
      case .wholeNumber: if number == last { return term.single }
      }
    }
    if let term = ordinalTerm("ordinal", gender: gender) { return term.single }
    return ""
  }

  func ordinal(_ number: Int, gender: String?) -> String {
    String(number) + ordinalSuffix(number, gender: gender)
  }

  func longOrdinal(_ number: Int, gender: String?) -> String {
    if (1...10).contains(number) {
      let name = "long-ordinal-" + (number < 10 ? "0" : "") + String(number)
      if let term = ordinalTerm(name, gender: gender) { return term.single }
    }
    return ordinal(number, gender: gender)
  }
}

/// Roman numerals for `form="roman"`.
enum Roman {
  static func numeral(_ value: Int) -> String {
    guard value > 0 && value < 4000 else { return String(value) }
    let table: [(Int, String)] = [
      (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
      (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]
    var rest = value
    var result = ""
    for (amount, symbol) in table {
      while rest >= amount {
        result += symbol
        rest -= amount
      }
    }
    return result
  }
}
