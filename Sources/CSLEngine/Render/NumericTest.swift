import BibModel

/// The `is-numeric` condition as citeproc-js decides it, so whole styles take the same branch
/// on messy data. Number variables are numeric when citeproc-js's number parse
/// (`NumberValue`) finds their first value a number (`12`, `12th`, `60-I`, `S213`, `iv`, `12/13`,
/// `vol. 3`); `version` is one of them, as in citeproc-js. Among other variables only `title`
/// is tested, by its last character. citeproc-js calls `page-first` never numeric; Cited reads
/// it like `page`, as the specification makes it a number variable.
enum NumericTest {
  /// The test for variables that are no number variables.
  static func holds(_ value: String, variable: CSLVariable) -> Bool {
    guard variable == .title else { return false }
    return value.last.map { $0.isASCII && $0.isNumber } ?? false
  }

  static let numberVariables: Set<CSLVariable> = [
    .callNumber, .chapterNumber, .collectionNumber, .division, .edition, .page, .pageFirst, .issue, .locator,
    .locatorExtra, .number, .numberOfPages, .numberOfVolumes, .partNumber, .printingNumber, .section,
    .supplementNumber, .version, .volume, "supplement", .citationNumber,
  ]

  /// Statute subdivision labels and the variables they name.
  static let labels: [String: String] = [
    "vrs.": "verse", "sv.": "sub-verbo", "subpara.": "subparagraph", "op.": "opus", "subch.": "subchapter",
    "add.": "addendum", "amend.": "amendment", "annot.": "annotation", "app.": "appendix",
    "art.": "article-locator", "bibliog.": "bibliography", "bk.": "book", "ch.": "chapter", "cl.": "clause",
    "col.": "column", "cmt.": "comment", "dec.": "decision", "dept.": "department", "ex.": "example",
    "fig.": "figure", "fld.": "field", "fol.": "folio", "n.": "note", "hypo.": "hypothetical",
    "illus.": "illustration", "intro.": "introduction", "l.": "line", "no.": "issue", "p.": "page", "pp.": "page",
    "para.": "paragraph", "pt.": "part", "pmbl.": "preamble", "princ.": "principle", "pub.": "publication",
    "r.": "rule", "rn.": "randnummer", "sched.": "schedule", "sec.": "section", "subdiv.": "subdivision",
    "subsec.": "subsection", "supp.": "supplement", "tbl.": "table", "tit.": "title-locator", "vol.": "volume",
  ]

  /// The label each variable's values carry unless they name another.
  static let defaultLabels: [String: String] = {
    var result: [String: String] = [:]
    for (label, variable) in labels where label != "pp." { result[variable] = label }
    result["sub verbo"] = "sv."
    result["article"] = "art."
    result["title"] = "tit."
    return result
  }()
}
