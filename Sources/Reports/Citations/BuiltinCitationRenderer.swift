import BibModel

/// A small citation renderer built into Reports: a Chicago-like author-date form and a notes form.
///
/// It is the fallback while no CSL processor is linked (and the renderer tests use to stay
/// independent of the engine); it reads only the style's class from the CSL file. It tracks
/// positions in note styles (first, subsequent, ibid) and adds year suffixes (2014a, 2014b).
public struct BuiltinCitationRenderer: CitationRendering {
  /// The two forms it can produce.
  public enum Form: String, Sendable { case authorDate, notes }

  public let form: Form
  public let styleName: String
  private let references: [String: Reference]
  private let yearSuffixes: [String: String]

  public var isNoteStyle: Bool { form == .notes }

  public init(form: Form, references: [Reference], styleName: String? = nil) {
    self.form = form
    self.styleName = styleName ?? (form == .notes ? "Cited notes (built-in)" : "Cited author-date (built-in)")
    var byKey: [String: Reference] = [:]
    for reference in references where byKey[reference.id] == nil { byKey[reference.id] = reference }
    self.references = byKey
    // Same author and year: a, b, … in title order.
    var groups: [String: [Reference]] = [:]
    for reference in byKey.values {
      groups[ReferenceText.shortAuthor(reference) + "\u{0}" + ReferenceText.year(reference), default: []].append(
        reference)
    }
    var suffixes: [String: String] = [:]
    for group in groups.values where group.count > 1 {
      let sorted = group.sorted { (ReferenceText.title($0), $0.id) < (ReferenceText.title($1), $1.id) }
      for (index, reference) in sorted.enumerated() {
        suffixes[reference.id] = index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : "-\(index + 1)"
      }
    }
    self.yearSuffixes = suffixes
  }

  public func render(_ citations: [Citation], bibliographyKeys: [String], format: OutputFormat) -> RenderedCitations {
    var output: [String] = []
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []
    var previous: [Cite]?
    for citation in citations {
      var pieces: [[DocInline]] = []
      let isAuthorOnly = citation.cites.allSatisfy(\.authorOnly)
      for (index, cite) in citation.cites.enumerated() {
        guard let reference = references[cite.id] else {
          pieces.append([.span(className: "unknown-citation", content: [.text("(@" + cite.id + "?)")])])
          diagnostics.append(
            Diagnostic(.warning, code: "unknown-citation-key", message: "no reference with key '\(cite.id)'"))
          continue
        }
        if cite.authorOnly {
          pieces.append([.text(ReferenceText.shortAuthor(reference))])
          continue
        }
        switch form {
        case .authorDate:
          pieces.append(authorDate(cite, reference))
        case .notes:
          let isIbid = index == 0 && citation.cites.count == 1 && previous?.count == 1 && previous?.first?.id == cite.id
          let first = !seen.contains(cite.id)
          pieces.append(
            note(cite, reference, first: first, ibid: isIbid, ibidLocatorSame: previous?.first?.locator == cite.locator)
          )
          seen.insert(cite.id)
        }
      }
      if !isAuthorOnly && form == .notes { previous = citation.cites }
      var inline: [DocInline] = []
      for (index, piece) in pieces.enumerated() {
        if index > 0 { inline.append(.text("; ")) }
        inline += piece
      }
      if form == .authorDate && !isAuthorOnly && !inline.isEmpty {
        inline = [.text("(")] + inline + [.text(")")]
      }
      if form == .notes && !isAuthorOnly { inline.append(.text(".")) }
      output.append(serialise(inline, format))
    }
    let entries = bibliography(bibliographyKeys).map { key, content in
      DocBlock.BibliographyEntry(key: key, content: [.trusted(serialise(content, format))])
    }
    return RenderedCitations(citations: output, bibliography: entries, diagnostics: diagnostics)
  }

  private func serialise(_ content: [DocInline], _ format: OutputFormat) -> String {
    switch format {
    case .html: return HTMLWriter.inlines(content).map(\.markup).joined()
    case .markdown: return MarkdownWriter.inlines(content)
    case .text: return TextWriter.inlines(content)
    }
  }

  private func affixed(_ cite: Cite, _ body: [DocInline]) -> [DocInline] {
    var content: [DocInline] = []
    if let prefix = cite.prefix { content.append(.text(prefix)) }
    content += body
    if let suffix = cite.suffix { content.append(.text(suffix)) }
    return content
  }

  private func yearText(_ reference: Reference) -> String {
    ReferenceText.year(reference) + (yearSuffixes[reference.id] ?? "")
  }

  private func authorDate(_ cite: Cite, _ reference: Reference) -> [DocInline] {
    var text =
      cite.suppressAuthor ? yearText(reference) : ReferenceText.shortAuthor(reference) + " " + yearText(reference)
    if let locator = ReferenceText.locator(cite, barePages: true) { text += ", " + locator }
    return affixed(cite, [.text(text)])
  }

  private func titleInline(_ reference: Reference, short: Bool) -> [DocInline] {
    let title = short ? ReferenceText.shortTitle(reference) : ReferenceText.title(reference)
    return ReferenceText.titleIsWholeWork(reference)
      ? [.emphasis([.text(title)])] : [.text("\u{201C}" + title + "\u{201D}")]
  }

  private func note(_ cite: Cite, _ reference: Reference, first: Bool, ibid: Bool, ibidLocatorSame: Bool) -> [DocInline]
  {
    let locator = ReferenceText.locator(cite, barePages: true)
    if ibid {
      return affixed(cite, [.text("Ibid." + (locator.map { ", " + $0 } ?? ""))])
    }
    var body: [DocInline] = []
    let names = ReferenceText.authorNames(reference)
    if first {
      if let authors = ReferenceText.fullAuthors(reference, invertFirst: false), !cite.suppressAuthor {
        body.append(.text(authors + ", "))
      }
      body += titleInline(reference, short: false)
      var details: [String] = []
      if !ReferenceText.titleIsWholeWork(reference), let container = reference["container-title"] {
        details.append(container)
      }
      details.append(ReferenceText.year(reference))
      body.append(.text(", " + details.joined(separator: ", ")))
    } else {
      if !names.isEmpty && !cite.suppressAuthor { body.append(.text(ReferenceText.shortAuthor(reference) + ", ")) }
      body += titleInline(reference, short: true)
    }
    if let locator { body.append(.text(", " + locator)) }
    return affixed(cite, body)
  }

  private func bibliography(_ keys: [String]) -> [(String, [DocInline])] {
    var seen: Set<String> = []
    var entries: [(sortKey: String, key: String, content: [DocInline])] = []
    for key in keys where !seen.contains(key) {
      seen.insert(key)
      guard let reference = references[key] else { continue }
      let authors = ReferenceText.fullAuthors(reference, invertFirst: true)
      var content: [DocInline] = []
      var sortKey = (authors ?? ReferenceText.shortAuthor(reference)).lowercased()
      switch form {
      case .authorDate:
        content.append(.text((authors ?? ReferenceText.shortAuthor(reference)) + ". " + yearText(reference) + ". "))
        content += titleInline(reference, short: false)
        sortKey += "\u{0}" + yearText(reference)
      case .notes:
        if let authors { content.append(.text(authors + ". ")) }
        content += titleInline(reference, short: false)
      }
      var details: [String] = []
      if !ReferenceText.titleIsWholeWork(reference), let container = reference["container-title"] {
        details.append(container)
      }
      if let volume = reference["volume"] { details.append(volume) }
      if let issue = reference["issue"] { details.append("no. " + issue) }
      if let page = reference["page"] { details.append(page) }
      if let publisher = reference["publisher"] { details.append(publisher) }
      if form == .notes { details.append(ReferenceText.year(reference)) }
      content.append(.text(details.isEmpty ? "." : ". " + details.joined(separator: ", ") + "."))
      if let url = reference["URL"] {
        content += [.text(" "), .link(url: url, content: [.text(url)]), .text(".")]
      }
      sortKey += "\u{0}" + ReferenceText.title(reference).lowercased() + "\u{0}" + key
      entries.append((sortKey, key, content))
    }
    return entries.sorted { $0.sortKey < $1.sortKey }.map { ($0.key, $0.content) }
  }
}
