/// A style reference that matched no file, with every place that was tried.
public struct StyleLookupError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was asked for (a path, a name or a parent link).
  public var reference: String
  /// The places tried, in order (`Styles/apa.csl`, `bundled styles`, …).
  public var searched: [String]
  /// Extra explanation (a cycle of dependent styles, a parent that is itself dependent).
  public var reason: String?

  public init(reference: String, searched: [String], reason: String? = nil) {
    self.reference = reference
    self.searched = searched
    self.reason = reason
  }

  public var description: String {
    if let reason { return "style '\(reference)': \(reason)" }
    return "no style '\(reference)'; looked in: " + searched.joined(separator: ", ")
  }
}
