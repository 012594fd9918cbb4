import BibModel
import Foundation
import KnowledgeBase

/// How every command talks to standard error: `cited: error: …` and `cited: warning: …` for
/// its own messages, diagnostics as `file:line:column: severity: message`, repeated identical
/// findings once with a count.
enum CLIOutput {
  static func error(_ message: String) {
    line("cited: error: \(message)")
  }

  static func warning(_ message: String) {
    line("cited: warning: \(message)")
  }

  static func line(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Prints diagnostics in order, each distinct one once; a repeated one says how often.
  static func print(_ diagnostics: [Diagnostic]) {
    for (text, count) in grouped(diagnostics.map(\.description)) {
      line(count > 1 ? text + " (\(count) times)" : text)
    }
  }

  /// Distinct lines in first-seen order, with how often each occurs.
  static func grouped(_ lines: [String]) -> [(String, Int)] {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for line in lines {
      if counts[line] == nil { order.append(line) }
      counts[line, default: 0] += 1
    }
    return order.map { ($0, counts[$0] ?? 1) }
  }

  /// Today in UTC as a knowledge-base date.
  static func today() -> FactDate {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return FactDate(year: parts.year ?? 2000, month: parts.month, day: parts.day)
  }
}
