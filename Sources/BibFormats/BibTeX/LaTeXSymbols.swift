/// The LaTeX commands Cited translates, shared by the decoder and the encoder.
enum LaTeXSymbols {
  /// Accent commands → the Unicode combining mark they put on their argument.
  static let accents: [String: Unicode.Scalar] = [
    "`": "\u{0300}", "'": "\u{0301}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}", "u": "\u{0306}",
    ".": "\u{0307}", "\"": "\u{0308}", "r": "\u{030A}", "H": "\u{030B}", "v": "\u{030C}", "d": "\u{0323}",
    "c": "\u{0327}", "k": "\u{0328}", "b": "\u{0331}", "t": "\u{0361}",
  ]

  /// Combining mark → accent command, for writing.
  static let accentCommands: [Unicode.Scalar: String] = {
    var table: [Unicode.Scalar: String] = [:]
    for (command, mark) in accents { table[mark] = command }
    return table
  }()

  /// Commands that stand for one character (or a short string).
  static let symbols: [String: String] = [
    "ss": "ß", "SS": "ẞ", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
    "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
    "dj": "đ", "DJ": "Đ", "textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
    "textquotedblleft": "“", "textquotedblright": "”", "S": "§", "P": "¶", "textsection": "§",
    "textparagraph": "¶", "copyright": "©", "textcopyright": "©", "textregistered": "®",
    "texttrademark": "™", "pounds": "£", "textsterling": "£", "euro": "€", "texteuro": "€",
    "dag": "†", "ddag": "‡", "textdagger": "†", "textdaggerdbl": "‡", "ldots": "…", "dots": "…",
    "textellipsis": "…", "textasciitilde": "~", "textbackslash": "\\", "textasciicircum": "^",
    "textunderscore": "_", "textbar": "|", "textless": "<", "textgreater": ">", "textbullet": "•",
    "textdegree": "°", "guillemotleft": "«", "guillemotright": "»", "guillemetleft": "«",
    "guillemetright": "»", "quotedblbase": "„", "quotesinglbase": "‚", "textperiodcentered": "·",
    "textexclamdown": "¡", "textquestiondown": "¿", "LaTeX": "LaTeX", "TeX": "TeX", "BibTeX": "BibTeX",
    "textbraceleft": "{", "textbraceright": "}", "textdollar": "$", "textpercent": "%",
    "textampersand": "&", "textnumero": "№", "textonehalf": "½", "textmu": "µ", "textminus": "−",
    "textdiv": "÷", "texttimes": "×", "textpm": "±", "nobreakspace": "\u{00A0}", "slash": "/",
    "textthorn": "þ", "textgrave": "`", "textacutedbl": "˝",
  ]

  /// Characters written as a command when writing ASCII LaTeX (the reverse of `symbols`).
  static let symbolCommands: [Character: String] = {
    var table: [Character: String] = [:]
    for (command, text) in symbols where text.count == 1 && !["LaTeX", "TeX", "BibTeX"].contains(text) {
      guard let character = text.first, !character.isASCII else { continue }
      if let existing = table[character], existing.count <= command.count { continue }
      table[character] = command
    }
    table["–"] = nil
    table["—"] = nil
    table["\u{00A0}"] = nil
    return table
  }()

  /// Formatting commands with one argument → CSL rich-text markup.
  static let formatting: [String: (open: String, close: String)] = [
    "textit": ("<i>", "</i>"), "emph": ("<i>", "</i>"), "mkbibemph": ("<i>", "</i>"),
    "mkbibitalic": ("<i>", "</i>"), "textsl": ("<i>", "</i>"), "textbf": ("<b>", "</b>"),
    "mkbibbold": ("<b>", "</b>"), "textsc": (smallCapsOpen, "</span>"),
    "textsuperscript": ("<sup>", "</sup>"), "mkbibsuperscript": ("<sup>", "</sup>"),
    "textsubscript": ("<sub>", "</sub>"), "textup": (noDecorationOpen, "</span>"),
    "textnormal": (noDecorationOpen, "</span>"), "textrm": (noDecorationOpen, "</span>"),
  ]

  /// Declarations that switch formatting to the end of their group (`{\em …}`).
  static let switches: [String: (open: String, close: String)] = [
    "em": ("<i>", "</i>"), "it": ("<i>", "</i>"), "itshape": ("<i>", "</i>"), "sl": ("<i>", "</i>"),
    "bf": ("<b>", "</b>"), "bfseries": ("<b>", "</b>"), "sc": (smallCapsOpen, "</span>"),
    "scshape": (smallCapsOpen, "</span>"),
  ]

  static let smallCapsOpen = "<span style=\"font-variant:small-caps;\">"
  static let noDecorationOpen = "<span class=\"nodecor\">"
  static let nocaseOpen = "<span class=\"nocase\">"
}
