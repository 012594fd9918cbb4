import BibModel
import Synchronization

/// Locale files parsed so far in this process, by file name and text.
///
/// Parsing is a pure function of the two, and the same few files are parsed again and again:
/// a report compiles its style for each language its sources are in, and its index of sources
/// compiles a second, embedded style; each compile read en-US afresh (about 24 M
/// instructions, several milliseconds, each time). A few dozen files at most are kept (there
/// are 62 official locales); past that, files are parsed without being kept.
enum ParsedLocales {
  private struct Key: Hashable {
    var file: String
    var text: String
  }

  private static let table = Mutex<[Key: (CSL.Locale?, [Diagnostic])]>([:])
  static let capacity = 64

  /// `LocaleParser.parse(text, file:)`, parsed once per process.
  static func parse(_ text: String, file: String) -> (CSL.Locale?, [Diagnostic]) {
    let key = Key(file: file, text: text)
    if let found = table.withLock({ $0[key] }) { return found }
    // Parsed outside the lock: two threads may parse the same file once each, never wait.
    let parsed = LocaleParser.parse(text, file: file)
    table.withLock { table in
      if table.count < capacity { table[key] = parsed }
    }
    return parsed
  }
}
