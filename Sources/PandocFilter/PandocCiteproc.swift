import BibModel
import CSLEngine
import CSLStyle
import Reports

/// pandoc's citation processing with Cited's engine: metadata → references and style →
/// rendered `Cite` contents, notes and the bibliography, the rest of the AST untouched.
public struct PandocCiteproc: Sendable {
  /// Where styles, locales and bibliographies come from (the I/O edge; tests pass their own).
  public var catalog: StyleCatalog
  public var locales: LocaleStore
  public var loadReferences: @Sendable ([String]) -> ([Reference], [Diagnostic])
  public var readFile: @Sendable (String) -> String?

  /// pandoc's default style when `csl` is not given: Chicago author-date.
  public static let defaultStyle = "chicago-author-date-multilingual"

  public init(
    catalog: StyleCatalog = InputFiles.catalog(project: nil), locales: LocaleStore = InputFiles.locales(project: nil),
    loadReferences: @escaping @Sendable ([String]) -> ([Reference], [Diagnostic]) = { InputFiles.references($0) },
    readFile: @escaping @Sendable (String) -> String? = { InputFiles.read($0) }
  ) {
    self.catalog = catalog
    self.locales = locales
    self.loadReferences = loadReferences
    self.readFile = readFile
  }

  /// The processed document and the warnings to print (one line each).
  public struct Output: Sendable {
    public var document: PandocDocument
    public var warnings: [String]
    /// `cited-check: strict` found problems: the filter refuses (exit status 1, no document).
    public var refused = false
  }

  public func process(_ document: PandocDocument) throws(PandocFilterError) -> Output {
    let options = PandocCiteOptions(meta: document.meta)
    var warnings = options.problems
    let found = CiteWalker.find(in: document.blocks)
    let (references, referenceWarnings) = self.references(options)
    warnings += referenceWarnings
    if found.isEmpty && options.nocite.isEmpty { return Output(document: document, warnings: warnings) }

    let renderer: CSLEngineRenderer
    do {
      let (made, diagnostics) = try StyleChoice.renderer(
        for: options.csl ?? Self.defaultStyle, locale: options.locale, references: references, catalog: catalog,
        locales: locales)
      renderer = made
      warnings += diagnostics.filter { $0.severity >= .warning }.map(\.description)
    } catch {
      throw PandocFilterError("csl: \(error.description)")
    }
    let known = Set(references.map(\.id))
    let plan = CitationPlan(
      clusters: found.map(\.cluster), knownKeys: known, isNoteStyle: renderer.isNoteStyle,
      places: found.map(\.place), noteOmitsInTextAuthor: true)
    let (keys, nociteWarnings) = Self.bibliographyKeys(plan.citedKeys, nocite: options.nocite, references: references)
    if options.check == .off {
      for key in Self.unique(plan.slots.flatMap(\.unknown)) { warnings.append("citation \(key) not found") }
      warnings += nociteWarnings
    } else {
      let problems =
        Self.checkProblems(found, plan.slots, nocite: nociteWarnings)
        + Self.sourceProblems(found, plan.slots, references: references)
      warnings += problems
      if options.check == .strict && !problems.isEmpty {
        return Output(document: document, warnings: warnings, refused: true)
      }
    }
    // pandoc links citations of author-date and numeric styles to entries that are printed.
    let hasBibliography = renderer.processor.compiled.style.bibliography != nil
    let linked =
      options.linkCitations && !renderer.isNoteStyle && hasBibliography && !options.suppressBibliography
      ? Set(keys) : []
    let output = renderer.render(
      plan.citations, bibliographyKeys: keys,
      outputFormat: PandocInlineFormat(linkURLs: options.linkBibliography, linkedItems: linked))
    warnings += output.diagnostics.filter { $0.severity >= .warning }.map(\.description)

    let contents = CiteContent(citations: output.citations, isNoteStyle: renderer.isNoteStyle)
    var result = document
    result.blocks = CiteWalker.replace(
      in: document.blocks, with: plan.slots.map(contents.inlines),
      notesAfterPunctuation: options.notesAfterPunctuation)
    if !options.suppressBibliography && !output.bibliography.isEmpty {
      let (classes, pairs) = PandocBibliography.attributes(renderer.processor.compiled.style.bibliography)
      result.blocks = PandocBibliography.place(
        PandocBibliography.entries(output.bibliography, ids: output.bibliographyIDs), in: result.blocks,
        classes: classes, pairs: pairs, title: options.referenceSectionTitle)
    }
    return Output(document: result, warnings: warnings)
  }

  /// The references of `bibliography` files and inline `references`, abbreviations applied.
  func references(_ options: PandocCiteOptions) -> ([Reference], [String]) {
    var (references, diagnostics) = options.bibliography.isEmpty ? ([], []) : loadReferences(options.bibliography)
    if let inline = options.references {
      let decoded = CSLJSON.decode(inline, file: "metadata references")
      references += decoded.references
      diagnostics += decoded.diagnostics
    }
    var warnings = diagnostics.filter { $0.severity >= .warning }.map(\.description)
    if let path = options.abbreviations {
      switch CitationAbbreviations.read(path, readFile) {
      case .success(let abbreviations): references = references.map(abbreviations.apply)
      case .failure(let problem): warnings.append(problem.message)
      }
    }
    return (references, warnings)
  }

  /// Cited keys first, then `nocite` keys (`*`: every reference) not cited; unknown nocite keys warned.
  static func bibliographyKeys(_ cited: [String], nocite: [String], references: [Reference]) -> ([String], [String]) {
    let (keys, unknown) = CitationPlan.bibliographyKeys(
      cited: cited, nocite: nocite, referenceKeys: references.map(\.id))
    return (keys, unknown.map { "citation \($0) not found" })
  }

  /// `cited-check`: every citation of an unknown key with the text around it (pandoc's JSON
  /// has no line numbers), then `nocite` keys not found.
  static func checkProblems(_ found: [CiteWalker.Found], _ slots: [CitationPlan.Slot], nocite: [String]) -> [String] {
    var problems: [String] = []
    for (cite, slot) in zip(found, slots) {
      for key in slot.unknown {
        problems.append("check: citation \(key) is not in the bibliography, in \"\(cite.context)\"")
      }
    }
    return problems + nocite.map { "check: nocite: " + $0 }
  }

  /// `cited-check`: the cited sources `cited check` would flag, each with the text around its
  /// first citation.
  static func sourceProblems(
    _ found: [CiteWalker.Found], _ slots: [CitationPlan.Slot], references: [Reference]
  ) -> [String] {
    var context: [String: String] = [:]
    var order: [String] = []
    for (cite, slot) in zip(found, slots) {
      for item in cite.cluster.items where !slot.unknown.contains(item.key) && context[item.key] == nil {
        context[item.key] = cite.context
        order.append(item.key)
      }
    }
    return CitedSourceCheck.problems(of: order, references: references).map { key, finding in
      "check: cited source \(finding.message) [\(finding.code)], in \"\(context[key] ?? "")\""
    }
  }

  static func unique(_ keys: [String]) -> [String] {
    var seen: Set<String> = []
    return keys.filter { seen.insert($0).inserted }
  }
}
