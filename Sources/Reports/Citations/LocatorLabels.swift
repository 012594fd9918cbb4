import BibModel

/// The locator labels a Pandoc-style citation may use, short and long forms, mapped to CSL locator types.
public enum LocatorLabels {
  /// Written form (lowercased) → CSL locator type.
  public static let terms: [String: LocatorType] = {
    let table: [(LocatorType, [String])] = [
      ("act", ["act", "acts"]),
      ("appendix", ["app.", "apps.", "appendix", "appendices"]),
      ("article-locator", ["art.", "arts.", "article", "articles"]),
      ("book", ["bk.", "bks.", "book", "books"]),
      ("canon", ["can.", "canon", "canons"]),
      ("chapter", ["ch.", "chap.", "chaps.", "chapter", "chapters"]),
      ("column", ["col.", "cols.", "column", "columns"]),
      ("elocation", ["loc.", "locs.", "location", "locations"]),
      ("equation", ["eq.", "eqs.", "equation", "equations"]),
      ("figure", ["fig.", "figs.", "figure", "figures"]),
      ("folio", ["fol.", "fols.", "folio", "folios"]),
      ("issue", ["iss.", "issue", "issues"]),
      ("line", ["l.", "ll.", "line", "lines"]),
      ("note", ["n.", "nn.", "note", "notes"]),
      ("number", ["no.", "nos.", "number", "numbers"]),
      ("opus", ["op.", "opp.", "opus", "opera"]),
      ("page", ["p.", "pp.", "page", "pages"]),
      ("paragraph", ["para.", "paras.", "paragraph", "paragraphs", "¶", "¶¶"]),
      ("part", ["pt.", "pts.", "part", "parts"]),
      ("rule", ["r.", "rr.", "rule", "rules"]),
      ("scene", ["sc.", "scs.", "scene", "scenes"]),
      ("section", ["sec.", "secs.", "section", "sections", "§", "§§"]),
      ("sub-verbo", ["s.v.", "s.vv.", "sub verbo", "sub verbis"]),
      ("table", ["tbl.", "tbls.", "table", "tables"]),
      ("timestamp", ["timestamp", "timestamps"]),
      ("title-locator", ["tit.", "tits.", "title", "titles"]),
      ("verse", ["v.", "vv.", "verse", "verses"]),
      ("volume", ["vol.", "vols.", "volume", "volumes"]),
    ]
    var map: [String: LocatorType] = [:]
    for (type, forms) in table { for form in forms { map[form] = type } }
    return map
  }()

  /// The written forms, longest first, so `pp.` wins over `p.`.
  static let formsLongestFirst: [[Character]] = terms.keys.sorted {
    $0.count > $1.count || ($0.count == $1.count && $0 < $1)
  }
  .map { Array($0) }
}
