import BibModel

/// One processor test fixture in the CSL test-suite format (sections between
/// `>>===== NAME =====>>` and `<<===== NAME =====<<`).
public struct Fixture: Sendable {
  public var name: String
  public var sections: [String: String]

  public var mode: String { (sections["MODE"] ?? "").trimmingCharacters(in: " \n\t") }
  public var style: String { sections["CSL"] ?? "" }
  public var input: String { sections["INPUT"] ?? "[]" }
  public var result: String { sections["RESULT"] ?? "" }

  public init(name: String, sections: [String: String]) {
    self.name = name
    self.sections = sections
  }

  /// Parses fixture text; text outside sections is ignored.
  public static func parse(_ text: String, name: String) -> Fixture {
    var sections: [String: String] = [:]
    var current: String?
    var lines: [Substring] = []
    var body = Substring(text)
    if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = String(line).trimmingCharacters(in: " \r")
      if trimmed.hasPrefix(">>"), trimmed.hasSuffix(">>"), trimmed.contains("=") {
        current = sectionName(trimmed)
        lines = []
      } else if trimmed.hasPrefix("<<"), trimmed.hasSuffix("<<"), trimmed.contains("="), let open = current {
        sections[open] = lines.joined(separator: "\n")
        current = nil
      } else if current != nil {
        lines.append(line)
      }
    }
    return Fixture(name: name, sections: sections)
  }

  private static func sectionName(_ line: String) -> String {
    line.filter { $0 != "=" && $0 != ">" && $0 != "<" }.trimmingCharacters(in: " ")
  }
}
