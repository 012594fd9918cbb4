import BibModel

/// A page locator must fall within the source's page range (`page`, else `number-of-pages`).
struct LocatorRangeRule: CheckRule {
  public static let info = RuleInfo(
    id: "locator-out-of-range", severity: .warning,
    summary: "A page locator lies outside the source's `page` range (or beyond its `number-of-pages`).",
    fix: "Correct the locator, or the page range in the bibliography.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var pageRanges: [String: ClosedRange<Int>] = [:]
    for (key, item) in context.bibliography.references {
      if let range = Self.pageRange(of: item) { pageRanges[key] = range }
    }
    context.forEachStatement { _, statement, _ in
      for reference in statement.references {
        guard reference.label == nil || reference.label == "page", let locator = reference.locator,
          let range = pageRanges[reference.source], let pages = Self.ranges(locator)
        else { continue }
        for pages in pages where pages.lowerBound < range.lowerBound || pages.upperBound > range.upperBound {
          found.append(
            info.finding(
              "page \(locator) is outside \(reference.source)'s pages \(range.lowerBound)-\(range.upperBound)",
              at: reference.locatorLocation ?? reference.location))
          break
        }
      }
    }
    return found
  }

  /// The pages a source covers, when it says.
  static func pageRange(of item: Reference) -> ClosedRange<Int>? {
    if let page = item["page"], let ranges = ranges(page), let first = ranges.first, let last = ranges.last {
      return first.lowerBound...max(first.upperBound, last.upperBound)
    }
    if let count = item["number-of-pages"].flatMap({ Int($0.trimmingCharacters(in: " ")) }), count >= 1 {
      return 1...count
    }
    return nil
  }

  /// Numeric page ranges of a locator (`15`, `14-18`, `14–18`, `3, 7-9`); nil if any part is not numeric.
  static func ranges(_ text: String) -> [ClosedRange<Int>]? {
    if let page = Int(text), page >= 0 { return [page...page] }  // the common case, without splitting
    var result: [ClosedRange<Int>] = []
    for piece in text.split(whereSeparator: { $0 == "," || $0 == "&" }) {
      let ends = piece.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" })
        .map { String($0).trimmingCharacters(in: " ") }
      guard (1...2).contains(ends.count), let low = Int(ends[0]), let high = Int(ends[ends.count - 1]) else {
        return nil
      }
      // `123-5` abbreviates `123-125`.
      var upper = high
      if high < low, ends.count == 2 {
        let digits = String(ends[1]).count
        // Numbers from the input: a 19-digit page is no range, not an overflow trap.
        var scale = 1
        for _ in 0..<digits {
          let (next, overflow) = scale.multipliedReportingOverflow(by: 10)
          guard !overflow else { return nil }
          scale = next
        }
        let (sum, overflow) = (low / scale * scale).addingReportingOverflow(high)
        guard !overflow else { return nil }
        upper = sum
      }
      guard upper >= low else { return nil }
      result.append(low...upper)
    }
    return result.isEmpty ? nil : result
  }
}
