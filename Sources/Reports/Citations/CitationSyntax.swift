import BibModel

/// Finds Pandoc-style citations in a run of Markdown text.
///
/// Recognised forms: `[@key]`, `[@key, p. 33]`, `[see @a, chap. 2; @b]`, `[-@key]` (author
/// suppressed), bare `@key` (author in text, optionally followed by ` [p. 33]`), keys in braces
/// (`@{key with spaces}`). An `@` preceded by a letter or digit (an e-mail address) is text.
public enum CitationSyntax {
  /// A piece of scanned text: plain text, or a citation with its character offset in the run.
  public enum Segment: Sendable, Hashable {
    case text(String)
    case citation(CitationCluster, offset: Int)
  }

  /// Splits `text` into plain text and citations. `line`/`column` place the first character.
  public static func scan(_ text: String) -> [Segment] {
    let chars = Array(text)
    var segments: [Segment] = []
    var pending: [Character] = []
    var index = 0
    func flush() {
      if !pending.isEmpty { segments.append(.text(String(pending))) }
      pending = []
    }
    while index < chars.count {
      let char = chars[index]
      if char == "\\", index + 1 < chars.count {
        pending.append(chars[index + 1])
        index += 2
        continue
      }
      if char == "[", let (cluster, end) = bracketed(chars, from: index) {
        flush()
        segments.append(.citation(cluster, offset: index))
        index = end
        continue
      }
      if char == "@", isCiteStart(chars, at: index), let (cluster, end) = bare(chars, from: index) {
        flush()
        segments.append(.citation(cluster, offset: index))
        index = end
        continue
      }
      pending.append(char)
      index += 1
    }
    flush()
    return segments
  }

  /// The longest bracketed citation or braced key looked for, in characters.
  public static let maximumLength = 2000

  /// The keys of a `nocite` value written as text (`@a @b`, `[@a; @b]`); `@*` gives `*`,
  /// every reference.
  public static func nociteKeys(_ text: String) -> [String] {
    var keys: [String] = []
    for case .citation(let cluster, _) in scan(text) { keys += cluster.items.map(\.key) }
    if text.contains("@*") { keys.append("*") }
    return keys
  }

  /// Quick test: can `text` contain a citation at all?
  public static func mayContainCitation(_ text: String) -> Bool { text.contains("@") }

  // MARK: - Keys

  private static let internalPunctuation: Set<Character> = [
    ":", ".", "#", "$", "%", "&", "-", "+", "?", "<", ">", "~", "/",
  ]

  private static func isKeyChar(_ char: Character) -> Bool {
    char == "_" || char.isLetter || char.isNumber
  }

  /// `@` starts a citation only at the start of the run or after a character that is not part of a word.
  private static func isCiteStart(_ chars: [Character], at index: Int) -> Bool {
    guard index > 0 else { return true }
    let before = chars[index - 1]
    return
      !(isKeyChar(before) || before == "@" || before == "."
      || before == "-" && index > 1 && isKeyChar(chars[index - 2]))
  }

  /// Parses a key starting after `@` at `start`; returns the key and the index after it.
  static func key(_ chars: [Character], from start: Int) -> (String, Int)? {
    guard start < chars.count else { return nil }
    if chars[start] == "{" {
      let limit = min(chars.count, start + maximumLength)
      var end = start + 1
      while end < limit, chars[end] != "}" { end += 1 }
      guard end < limit, end > start + 1 else { return nil }
      return (String(chars[(start + 1)..<end]), end + 1)
    }
    guard isKeyChar(chars[start]) else { return nil }
    var end = start + 1
    while end < chars.count {
      if isKeyChar(chars[end]) {
        end += 1
      } else if internalPunctuation.contains(chars[end]), end + 1 < chars.count, isKeyChar(chars[end + 1]) {
        end += 1
      } else {
        break
      }
    }
    return (String(chars[start..<end]), end)
  }

  // MARK: - Bracketed citations

  private static func bracketed(_ chars: [Character], from open: Int) -> (CitationCluster, Int)? {
    var close = open + 1
    var depth = 0
    // A citation is short; bounding the search keeps scanning linear on hostile input.
    let limit = min(chars.count, open + maximumLength)
    while close < limit {
      let char = chars[close]
      if char == "\\" { close += 2; continue }
      if char == "[" { depth += 1 }
      if char == "]" {
        if depth == 0 { break }
        depth -= 1
      }
      close += 1
    }
    guard close < limit else { return nil }
    let inner = Array(chars[(open + 1)..<close])
    guard inner.contains("@") else { return nil }
    var items: [CitationItem] = []
    for part in split(inner, on: ";") {
      guard let item = item(part) else { return nil }
      items.append(item)
    }
    guard !items.isEmpty else { return nil }
    return (CitationCluster(items: items, source: String(chars[open...close])), close + 1)
  }

  /// Splits on `separator` outside braces.
  private static func split(_ chars: [Character], on separator: Character) -> [[Character]] {
    var parts: [[Character]] = [[]]
    var braces = 0
    for char in chars {
      if char == "{" { braces += 1 }
      if char == "}" { braces = max(0, braces - 1) }
      if char == separator && braces == 0 {
        parts.append([])
      } else {
        parts[parts.count - 1].append(char)
      }
    }
    return parts
  }

  /// One `prefix -@key suffix` part of a bracketed citation.
  private static func item(_ part: [Character]) -> CitationItem? {
    var index = 0
    while index < part.count {
      if part[index] == "@", index == 0 || isAffixBoundary(part[index - 1]) || part[index - 1] == "-",
        let (key, end) = key(part, from: index + 1)
      {
        var prefixEnd = index
        var suppress = false
        if index > 0, part[index - 1] == "-", index == 1 || isAffixBoundary(part[index - 2]) {
          suppress = true
          prefixEnd = index - 1
        }
        let prefix = String(part[0..<prefixEnd]).trimmingWhitespace()
        let (locator, label, suffix) = locatorAndSuffix(Array(part[end...]))
        return CitationItem(
          key: key, prefix: prefix, suffix: suffix, locator: locator, label: label, suppressAuthor: suppress)
      }
      index += 1
    }
    return nil
  }

  private static func isAffixBoundary(_ char: Character) -> Bool {
    char.isWhitespace || char == "(" || char == "[" || char == "\u{201C}" || char == "\""
  }

  // MARK: - Bare citations

  private static func bare(_ chars: [Character], from at: Int) -> (CitationCluster, Int)? {
    guard let (key, end) = key(chars, from: at + 1) else { return nil }
    var item = CitationItem(key: key, authorInText: true)
    var next = end
    // `@key [p. 33]`: a locator in brackets right after the key.
    var probe = end
    if probe < chars.count, chars[probe] == " " { probe += 1 }
    if probe < chars.count, chars[probe] == "[" {
      var close = probe + 1
      while close < chars.count, chars[close] != "]", chars[close] != "[", chars[close] != "@" { close += 1 }
      if close < chars.count, chars[close] == "]" {
        let inner = Array(chars[(probe + 1)..<close])
        let (locator, label, suffix) = locatorAndSuffix(inner)
        item.locator = locator
        item.label = label
        item.suffix = suffix
        next = close + 1
      }
    }
    return (CitationCluster(items: [item], source: String(chars[at..<next])), next)
  }

  // MARK: - Locators

  /// Splits what follows a key into a locator (with its CSL type) and the remaining suffix:
  /// `, p. 4 and more` → (`4`, `page`, `and more`); no locator → (nil, nil, the trimmed text).
  public static func locatorAndSuffix(_ rest: [Character]) -> (String?, LocatorType?, String) {
    var index = 0
    if index < rest.count, rest[index] == "," { index += 1 }
    while index < rest.count, rest[index].isWhitespace { index += 1 }
    let whole = String(rest).trimmingWhitespace()
    guard index < rest.count else { return (nil, nil, whole) }
    var label: LocatorType?
    var valueStart = index
    for form in LocatorLabels.formsLongestFirst where matches(form, in: rest, at: index) {
      let after = index + form.count
      let lastIsLetter = form.last?.isLetter ?? false
      if after < rest.count, lastIsLetter, !rest[after].isWhitespace { continue }
      if after >= rest.count { continue }
      label = LocatorLabels.terms[String(form).lowercased()]
      valueStart = after
      while valueStart < rest.count, rest[valueStart].isWhitespace { valueStart += 1 }
      break
    }
    guard let (locator, end) = locatorValue(rest, from: valueStart) else { return (nil, nil, whole) }
    let suffix = String(rest[end...]).trimmingWhitespace()
    return (locator, label ?? "page", suffix)
  }

  private static func matches(_ form: [Character], in chars: [Character], at index: Int) -> Bool {
    guard index + form.count <= chars.count else { return false }
    for offset in 0..<form.count where String(chars[index + offset]).lowercased() != String(form[offset]) {
      return false
    }
    return true
  }

  private static let romanDigits: Set<Character> = [
    "i", "v", "x", "l", "c", "d", "m", "I", "V", "X", "L", "C", "D", "M",
  ]

  /// A locator value: `{anything}`, or tokens like `33`, `33-35`, `iv`, `3.2`, joined by `,`/`-`/`&` + digits.
  private static func locatorValue(_ chars: [Character], from start: Int) -> (String, Int)? {
    guard start < chars.count else { return nil }
    if chars[start] == "{" {
      var end = start + 1
      while end < chars.count, chars[end] != "}" { end += 1 }
      guard end < chars.count, end > start + 1 else { return nil }
      return (String(chars[(start + 1)..<end]), end + 1)
    }
    func token(from index: Int) -> Int? {
      var end = index
      while end < chars.count, chars[end].isLetter || chars[end].isNumber || ".:–—-_/".contains(chars[end]) {
        end += 1
      }
      guard end > index else { return nil }
      var word = Array(chars[index..<end])
      while let last = word.last, ".:".contains(last) { word.removeLast() }
      let hasDigit = word.contains { $0.isNumber }
      let isRoman = !word.isEmpty && word.allSatisfy { romanDigits.contains($0) }
      guard hasDigit || isRoman else { return nil }
      return index + word.count
    }
    guard var end = token(from: start) else { return nil }
    while end < chars.count, chars[end] == "," || chars[end] == "&" {
      var next = end + 1
      while next < chars.count, chars[next] == " " { next += 1 }
      guard next < chars.count, chars[next].isNumber, let tokenEnd = token(from: next) else { break }
      end = tokenEnd
    }
    return (String(chars[start..<end]), end)
  }
}
