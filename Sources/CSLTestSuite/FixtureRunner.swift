import BibModel
import CSLEngine
import CSLStyle

/// The outcome of running one fixture.
public struct FixtureResult: Sendable {
  public var name: String
  public var passed: Bool
  public var expected: String
  public var actual: String
  public var diagnostics: [Diagnostic]
}

/// Runs fixtures against the engine. Parsed locale files are cached across fixtures.
public final class FixtureRunner {
  let locales: LocaleStore
  private var cache: [String: CSL.Locale?] = [:]

  public init(locales: LocaleStore) { self.locales = locales }

  /// citeproc-js HTML: quotes are not escaped.
  static let format = HTMLFormat(escapeQuotes: false)

  private func parsedLocale(_ tag: String) -> CSL.Locale? {
    if let cached = cache[tag] { return cached }
    let parsed = locales.xml(for: tag).flatMap { LocaleParser.parse($0, file: "locales-\(tag).xml").0 }
    cache[tag] = parsed
    return parsed
  }

  public func run(_ fixture: Fixture) -> FixtureResult {
    let expected = fixture.result.trimmingCharacters(in: " \n")
    var diagnostics: [Diagnostic] = []
    let parsed = StyleParser.parse(fixture.style, file: fixture.name)
    diagnostics += parsed.diagnostics
    guard let style = parsed.style else {
      return FixtureResult(name: fixture.name, passed: false, expected: expected, actual: "", diagnostics: diagnostics)
    }
    let (locale, localeDiagnostics) = locales.resolve(style: style, language: nil, parsed: parsedLocale)
    diagnostics += localeDiagnostics
    let read = Self.readItems(fixture.input, file: fixture.name)
    let processor = Processor(style: style, locale: locale, references: read.references)
    let actual: String
    if fixture.mode == "bibliography" {
      var citations = explicitCitations(fixture).map { $0.map(\.citation) } ?? []
      var members: [String]?
      if fixture.sections["CITATIONS"] != nil, let steps = explicitCitations(fixture) {
        citations = finalDocument(steps).map(\.1)
        // Replayed documents: the bibliography holds the items still cited.
        var seen = Set<String>()
        members = citations.flatMap { $0.cites.map(\.id) }.filter { seen.insert($0).inserted }
      }
      let output = processor.process(citations: citations, bibliographyIDs: members, format: Self.format)
      diagnostics += output.diagnostics
      actual = Self.bibliographyHTML(output.bibliography)
    } else if let steps = explicitCitations(fixture) {
      if fixture.sections["CITATIONS"] != nil {
        actual = incremental(processor, steps: steps)
      } else {
        let output = processor.process(citations: steps.map(\.citation), format: Self.format)
        actual = output.citations.joined(separator: "\n")
      }
    } else {
      // citeproc-js's runner cites every item in its registry's order: the bibliography's
      // sort when the style has one.
      var ids = read.references.map(\.id)
      if !(style.bibliography?.sort.isEmpty ?? true) {
        let sorted = processor.process(citations: [Citation(cites: ids.map { Cite(id: $0) })], format: Self.format)
          .bibliographyIDs
        if Set(sorted) == Set(ids) { ids = sorted }
      }
      let citation = Citation(cites: ids.map { Cite(id: $0) })
      actual = processor.process(citations: [citation], format: Self.format).citations.joined(separator: "\n")
    }
    let trimmed = actual.trimmingCharacters(in: " \n")
    return FixtureResult(
      name: fixture.name, passed: trimmed == expected, expected: expected, actual: trimmed, diagnostics: diagnostics)
  }

  /// Reads INPUT; items without an id get `ITEM-n` as citeproc-js's test runner does.
  static func readItems(_ text: String, file: String) -> CSLJSON.ReadResult {
    guard let value = try? JSONParser.parse(Array(text.utf8)), case .array(let items) = value else {
      return CSLJSON.read(text, file: file)
    }
    let patched = items.enumerated().map { offset, item -> JSONValue in
      guard case .object(var object) = item, object["id"] == nil else { return item }
      object.members.insert(JSONMember(key: "id", value: .string("ITEM-\(offset + 1)")), at: 0)
      return .object(object)
    }
    // citeproc-js's registry keeps the last item of a repeated id, at the first one's place.
    var firstIndex: [String: Int] = [:]
    var unique: [JSONValue] = []
    for item in patched {
      guard let id = item.objectValue?["id"]?.stringValue else {
        unique.append(item)
        continue
      }
      if let index = firstIndex[id] {
        unique[index] = item
      } else {
        firstIndex[id] = unique.count
        unique.append(item)
      }
    }
    return CSLJSON.decode(.array(unique), file: file)
  }

  /// citeproc-js bibliography markup.
  public static func bibliographyHTML(_ entries: [String]) -> String {
    var lines = ["<div class=\"csl-bib-body\">"]
    for entry in entries {
      lines.append("  <div class=\"csl-entry\">" + entry + "</div>")
    }
    lines.append("</div>")
    return lines.joined(separator: "\n")
  }

  struct Step {
    var citation: Citation
    var pre: [(String, Int)]
    var post: [(String, Int)]
  }

  private func explicitCitations(_ fixture: Fixture) -> [Step]? {
    if let text = fixture.sections["CITATIONS"] {
      guard let value = try? JSONParser.parse(Array(text.utf8)), case .array(let entries) = value else { return nil }
      return entries.compactMap { entry -> Step? in
        guard case .array(let triple) = entry, let first = triple.first?.objectValue else { return nil }
        var citation = Citation(cites: [])
        citation.id = first["citationID"]?.stringValue
        citation.noteIndex = first["properties"]?.objectValue?["noteIndex"]?.stringValue.flatMap { Int($0) }
        citation.cites = (first["citationItems"]?.arrayValue ?? []).compactMap { $0.objectValue.flatMap(decodeCite) }
        func pairs(_ value: JSONValue?) -> [(String, Int)] {
          (value?.arrayValue ?? []).compactMap { pair in
            guard let items = pair.arrayValue, items.count >= 2, let id = items[0].stringValue else { return nil }
            return (id, items[1].stringValue.flatMap { Int($0) } ?? 0)
          }
        }
        return Step(
          citation: citation, pre: pairs(triple.count > 1 ? triple[1] : nil),
          post: pairs(triple.count > 2 ? triple[2] : nil))
      }
    }
    if let text = fixture.sections["CITATION-ITEMS"] {
      guard let value = try? JSONParser.parse(Array(text.utf8)), case .array(let entries) = value else { return nil }
      return entries.map { entry in
        let cites = (entry.arrayValue ?? []).compactMap { $0.objectValue.flatMap(decodeCite) }
        return Step(citation: Citation(cites: cites), pre: [], post: [])
      }
    }
    return nil
  }

  private func decodeCite(_ object: JSONObject) -> Cite? {
    guard var cite = CSLJSON.decodeCite(object) else { return nil }
    if cite.locator == nil, let locator = object["locator"]?.stringValue { cite.locator = locator }
    return cite
  }

  /// The citations in document order after the last step.
  private func finalDocument(_ steps: [Step]) -> [(String, Citation)] {
    var byID: [String: Citation] = [:]
    var document: [(String, Citation)] = []
    for (stepIndex, step) in steps.enumerated() {
      document = Self.document(after: step, index: stepIndex, citations: &byID)
    }
    return document
  }

  /// The document as one step leaves it: the citations before it, the step's own, the ones
  /// after it, each with the note number the step gives it. Records the step's citation.
  private static func document(
    after step: Step, index: Int, citations byID: inout [String: Citation]
  ) -> [(String, Citation)] {
    let id = step.citation.id ?? "step-\(index)"
    byID[id] = step.citation
    var document: [(String, Citation)] = []
    for (preID, note) in step.pre {
      if var citation = byID[preID] {
        citation.noteIndex = note
        document.append((preID, citation))
      }
    }
    document.append((id, step.citation))
    for (postID, note) in step.post {
      if var citation = byID[postID] {
        citation.noteIndex = note
        document.append((postID, citation))
      }
    }
    return document
  }

  /// Replays word-processor insertions; marks citations changed by the last step.
  private func incremental(_ processor: Processor, steps: [Step]) -> String {
    let usesNoteNumbers = processor.compiled.style.usesFirstReferenceNoteNumber
    let usesCitationNumbers = processor.compiled.style.usesCitationNumber
    var byID: [String: Citation] = [:]
    var previousOutput: [String: CitationSignature] = [:]
    var lines: [String] = []
    for (stepIndex, step) in steps.enumerated() {
      let id = step.citation.id ?? "step-\(stepIndex)"
      let document = Self.document(after: step, index: stepIndex, citations: &byID)
      let output = processor.process(citations: document.map(\.1), bibliographyIDs: [], format: Self.format)
      var current: [String: CitationSignature] = [:]
      lines = []
      let citationNumbers = output.citationNumbers  // a table made on each read
      for (index, entry) in document.enumerated() {
        let text = output.citations[index]
        // A citation counts as updated when its text changed, or its note number when the
        // style refers back to note numbers.
        // Citation numbers count too: re-numbered items update their citations.
        let numbers =
          usesCitationNumbers
          ? entry.1.cites.map { String(citationNumbers[$0.id] ?? 0) }.joined(separator: ",") : ""
        let signature = CitationSignature(
          text: text, numbers: numbers, noteIndex: usesNoteNumbers ? entry.1.noteIndex ?? -1 : nil)
        current[entry.0] = signature
        let changed = entry.0 == id || previousOutput[entry.0] != signature
        lines.append((changed ? ">>[" : "..[") + String(index) + "] " + text)
      }
      previousOutput = current
    }
    return lines.joined(separator: "\n")
  }
}

/// What makes a citation count as updated between two runs of a CITATIONS fixture: its text,
/// the citation numbers of its items and (for styles that print them) its note number.
struct CitationSignature: Hashable {
  var text: String
  var numbers: String
  var noteIndex: Int?
}
