/// BibLaTeX's localisation keys and babel language names, read as biber and Pandoc read them:
/// `langid = {ngerman}` → `de-DE`, `type = {mathesis}` → "Master's thesis". Writing maps back,
/// so a `.bib` keeps the names biblatex understands.
enum BibLaTeXKeys {
  /// Babel/polyglossia names → BCP 47, in writing preference (the first name of a tag wins).
  static let languages: [(babel: String, tag: String)] = [
    ("english", "en"), ("american", "en-US"), ("british", "en-GB"), ("canadian", "en-CA"),
    ("australian", "en-AU"), ("newzealand", "en-NZ"), ("usenglish", "en-US"), ("ukenglish", "en-GB"),
    ("german", "de"), ("ngerman", "de-DE"), ("naustrian", "de-AT"), ("austrian", "de-AT"),
    ("nswissgerman", "de-CH"), ("swissgerman", "de-CH"), ("french", "fr"), ("francais", "fr"),
    ("spanish", "es"), ("italian", "it"), ("portuguese", "pt"), ("brazil", "pt-BR"), ("brazilian", "pt-BR"),
    ("dutch", "nl"), ("russian", "ru"), ("ukrainian", "uk"), ("polish", "pl"), ("czech", "cs"), ("slovak", "sk"),
    ("slovene", "sl"), ("croatian", "hr"), ("serbian", "sr"), ("bulgarian", "bg"), ("swedish", "sv"),
    ("danish", "da"), ("norsk", "nb"), ("nynorsk", "nn"), ("finnish", "fi"), ("icelandic", "is"),
    ("greek", "el"), ("turkish", "tr"), ("hungarian", "hu"), ("romanian", "ro"), ("catalan", "ca"),
    ("basque", "eu"), ("galician", "gl"), ("latin", "la"), ("hebrew", "he"), ("arabic", "ar"), ("persian", "fa"),
    ("hindi", "hi"), ("japanese", "ja"), ("chinese", "zh"), ("korean", "ko"), ("vietnamese", "vi"),
    ("thai", "th"), ("indonesian", "id"), ("estonian", "et"), ("latvian", "lv"), ("lithuanian", "lt"),
  ]

  private static let tagByBabel: [String: String] = {
    var table: [String: String] = [:]
    for (babel, tag) in languages where table[babel] == nil { table[babel] = tag }
    return table
  }()

  private static let babelByTag: [String: String] = {
    var table: [String: String] = [:]
    for (babel, tag) in languages where table[tag.lowercased()] == nil { table[tag.lowercased()] = babel }
    return table
  }()

  /// `ngerman` → `de-DE`; nil when the text is not a babel name.
  static func tag(forLanguage text: String) -> String? { tagByBabel[text.lowercased()] }

  /// `de-DE` → `ngerman`; nil when no babel name has that tag.
  static func babel(forTag tag: String) -> String? { babelByTag[tag.lowercased()] }

  /// BibLaTeX's `type` keys (biblatex's English strings) for theses, reports and media.
  static let types: [(key: String, text: String)] = [
    ("mathesis", "Master's thesis"), ("phdthesis", "PhD thesis"), ("candthesis", "Candidate thesis"),
    ("bathesis", "Bachelor's thesis"), ("techreport", "Technical report"), ("resreport", "Research report"),
    ("software", "Computer software"), ("datacd", "CD-ROM"), ("audiocd", "Audio CD"),
  ]

  /// `mathesis` → "Master's thesis".
  static func genre(forType key: String) -> String? {
    types.first { $0.key == key.lowercased() }?.text
  }

  /// "Master's thesis" → `mathesis`.
  static func typeKey(forGenre genre: String) -> String? {
    types.first { $0.text == genre }?.key
  }
}
