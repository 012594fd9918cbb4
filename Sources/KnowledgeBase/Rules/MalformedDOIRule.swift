import BibModel

/// A bibliography item's `DOI` must be a bare DOI: `10.<registrant>/<suffix>`.
struct MalformedDOIRule: CheckRule {
  public static let info = RuleInfo(
    id: "malformed-doi", severity: .warning,
    summary:
      "A bibliography item's `DOI` is not of the form 10.NNNN/suffix (a resolver URL or prefix counts as malformed).",
    fix: "Write the bare DOI, e.g. 10.1017/S0305741014000290, without https://doi.org/ or doi:.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    context.bibliography.keys.compactMap { key in
      guard let doi = context.bibliography[key]?["DOI"], !Self.isWellFormed(doi) else { return nil }
      let lower = doi.lowercased()
      let hint = lower.contains("doi.org/") || lower.hasPrefix("doi:") ? "remove the resolver or prefix" : nil
      return info.finding(
        "item '\(key)' has a malformed DOI '\(doi)'", at: context.bibliography.locations[key], hint: hint)
    }
  }

  static func isWellFormed(_ doi: String) -> Bool {
    guard doi.hasPrefix("10.") else { return false }
    let body = doi.dropFirst(3)
    guard let slash = body.firstIndex(of: "/") else { return false }
    let registrant = body[..<slash]
    let suffix = body[body.index(after: slash)...]
    guard (4...9).contains(registrant.prefix { $0 != "." }.count),
      registrant.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "." })
    else { return false }
    return !suffix.isEmpty && !suffix.contains { $0 == " " || $0 == "\t" || $0 == "\n" }
  }
}
