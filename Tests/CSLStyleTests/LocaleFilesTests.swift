import Testing
import XMLTree

/// Content checks on Cited's own locale files in Styles/locales.
@Suite struct LocaleFilesTests {
  /// Every locale parsed once: tag -> (root element, terms).
  private static func parsedLocales() throws -> [(tag: String, root: XMLElement, terms: [LocaleFileSupport.Term])] {
    try LocaleFileSupport.filesOnDisk().sorted(by: { $0.key < $1.key }).map { tag, path in
      let text = try LocaleFileSupport.read(path)
      let root = try XMLTreeParser.parse(text, sourceName: "locales-\(tag).xml")
      return (tag, root, LocaleFileSupport.terms(of: root))
    }
  }

  private static let coreTerms =
    ["and", "et-al", "editor", "page", "open-quote"] + (1...12).map(LocaleFileSupport.monthTerm)

  @Test func everyLocaleFileParsesAndDefinesTheCoreTerms() throws {
    let locales = try Self.parsedLocales()
    #expect(Set(locales.map(\.tag)) == ["en-US", "en-GB", "de-DE", "zh-CN", "zh-TW"])
    for locale in locales {
      #expect(locale.root.name == "locale")
      #expect(locale.root[attribute: "xml:lang"] == locale.tag)
      for name in Self.coreTerms {
        let text = LocaleFileSupport.text(name, in: locale.terms)
        #expect(text?.isEmpty == false, "\(locale.tag): term \(name) is missing or empty")
      }
    }
  }

  @Test(arguments: [
    ("en-US", "and", "long", "and"), ("en-US", "page", "short", "p."), ("en-US", "month-09", "short", "Sept."),
    ("en-US", "open-quote", "long", "\u{201C}"), ("en-US", "ordinal-01", "long", "st"),
    ("en-GB", "open-quote", "long", "\u{2018}"), ("en-GB", "edition", "short", "edn"),
    ("de-DE", "and", "long", "und"), ("de-DE", "et-al", "long", "u.\u{A0}a."), ("de-DE", "editor", "short", "Hrsg."),
    ("de-DE", "month-03", "long", "März"), ("de-DE", "open-quote", "long", "\u{201E}"),
    ("de-DE", "ordinal", "long", "."),
    ("zh-CN", "et-al", "long", "等"), ("zh-CN", "editor", "short", "编"), ("zh-CN", "translator", "short", "译"),
    ("zh-CN", "page", "long", "页"), ("zh-CN", "volume", "long", "卷"), ("zh-CN", "issue", "long", "期"),
    ("zh-CN", "open-quote", "long", "\u{201C}"), ("zh-CN", "close-quote", "long", "\u{201D}"),
    ("zh-TW", "et-al", "long", "等"), ("zh-TW", "editor", "short", "編"), ("zh-TW", "translator", "short", "譯"),
    ("zh-TW", "page", "long", "頁"), ("zh-TW", "open-quote", "long", "「"), ("zh-TW", "close-quote", "long", "」"),
    ("zh-TW", "open-inner-quote", "long", "『"),
  ])
  func termHasItsExpectedText(tag: String, name: String, form: String, expected: String) throws {
    let locale = try #require(try Self.parsedLocales().first { $0.tag == tag })
    #expect(LocaleFileSupport.text(name, form: form, in: locale.terms) == expected)
  }

  @Test func punctuationGoesInsideQuotesOnlyInUSEnglish() throws {
    for locale in try Self.parsedLocales() {
      let options = try #require(locale.root.firstElement(named: "style-options"), "\(locale.tag): no style-options")
      let expected = locale.tag == "en-US" ? "true" : "false"
      #expect(options[attribute: "punctuation-in-quote"] == expected, "\(locale.tag)")
    }
  }

  @Test func everyLocaleHasATextAndANumericDateFormat() throws {
    for locale in try Self.parsedLocales() {
      let forms = locale.root.elements(named: "date").map { ($0[attribute: "form"] ?? "", $0) }
      #expect(Set(forms.map(\.0)) == ["text", "numeric"], "\(locale.tag)")
      for (_, date) in forms {
        let parts = Set(date.elements(named: "date-part").compactMap { $0[attribute: "name"] })
        #expect(parts == ["year", "month", "day"], "\(locale.tag): date parts \(parts)")
      }
    }
  }

  @Test func chineseTextDatesReadYearMonthDay() throws {
    for locale in try Self.parsedLocales() where locale.tag.hasPrefix("zh-") {
      let text = try #require(locale.root.elements(named: "date").first { $0[attribute: "form"] == "text" })
      let parts = text.elements(named: "date-part").map {
        ($0[attribute: "name"] ?? "") + ($0[attribute: "suffix"] ?? "")
      }
      #expect(parts == ["year年", "month月", "day日"], "\(locale.tag)")
    }
  }

  /// Locale fallback ends at en-US before a processor falls back from one form to another, so a
  /// short form missing from, say, de-DE would print the English abbreviation. Every locale must
  /// therefore define each (term, form) that en-US defines. Ordinal suffixes are exempt: defining
  /// any of them replaces the whole ordinal set.
  @Test func everyLocaleCoversEveryTermAndFormOfUSEnglish() throws {
    let locales = try Self.parsedLocales()
    let english = try #require(locales.first { $0.tag == "en-US" })
    let required = Set(english.terms.map { "\($0.name)/\($0.form)" }.filter { !$0.hasPrefix("ordinal") })
    #expect(required.count > 300)
    for locale in locales {
      let defined = Set(locale.terms.map { "\($0.name)/\($0.form)" })
      let missing = required.subtracting(defined).sorted()
      #expect(missing.isEmpty, "\(locale.tag) lacks \(missing)")
    }
  }

  @Test func noTermIsDefinedTwice() throws {
    for locale in try Self.parsedLocales() {
      var seen: Set<String> = []
      for term in locale.terms {
        let key = "\(term.name)/\(term.form)/\(term.genderForm ?? "neuter")"
        #expect(seen.insert(key).inserted, "\(locale.tag): \(key) defined twice")
      }
    }
  }

  @Test func germanGivesMonthsAndLabelsAGenderAndSpellsOrdinalsToMatch() throws {
    let german = try #require(try Self.parsedLocales().first { $0.tag == "de-DE" })
    let terms = try #require(german.root.firstElement(named: "terms")).elements(named: "term")
    func gender(_ name: String) -> String? {
      terms.first { $0[attribute: "name"] == name && $0[attribute: "form"] == nil }?[attribute: "gender"]
    }
    for month in 1...12 { #expect(gender(LocaleFileSupport.monthTerm(month)) == "masculine") }
    #expect(gender("edition") == "feminine")
    #expect(gender("page") == "feminine")
    #expect(gender("volume") == "masculine")
    #expect(gender("issue") == nil)  // das Heft: neuter
    func ordinal(_ genderForm: String?) -> String? {
      german.terms.first { $0.name == "long-ordinal-01" && $0.genderForm == genderForm }?.single
    }
    #expect(ordinal(nil) == "erstes")
    #expect(ordinal("masculine") == "erster")
    #expect(ordinal("feminine") == "erste")
  }

  @Test func englishPluralsAreDistinctFromSingulars() throws {
    let english = try #require(try Self.parsedLocales().first { $0.tag == "en-US" })
    let page = try #require(english.terms.first { $0.name == "page" && $0.form == "short" })
    #expect(page.single == "p.")
    #expect(page.multiple == "pp.")
    let editor = try #require(english.terms.first { $0.name == "editor" && $0.form == "long" })
    #expect(editor.multiple == "editors")
  }
}
