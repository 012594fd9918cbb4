extension StringProtocol {
  /// The text without leading and trailing spaces (a fast path for the common untrimmed case).
  func trimmingSpaces() -> String {
    trimming { $0 == " " }
  }

  /// The text without leading and trailing whitespace, no-break spaces included.
  func trimmingWhitespace() -> String {
    trimming { $0.isWhitespace }
  }

  func trimming(_ drop: (Character) -> Bool) -> String {
    guard let first = first, let last = last else { return "" }
    if !drop(first) && !drop(last) { return String(self) }
    var slice = Substring(self)
    while let head = slice.first, drop(head) { slice.removeFirst() }
    while let tail = slice.last, drop(tail) { slice.removeLast() }
    return String(slice)
  }
}

extension String {
  /// The text without trailing spaces, walked back by index (reversing the characters
  /// twice builds the string slowly).
  /// Without trailing spaces, tabs, no-break spaces and zero-width no-break spaces (what
  /// citeproc-js trims from the end of a name and from initials).
  func droppingTrailingNameSpace() -> String {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard self[before] == " " || self[before] == "\u{A0}" || self[before] == "\u{FEFF}" || self[before] == "\t"
      else { break }
      end = before
    }
    return end == endIndex ? self : String(self[..<end])
  }

  func droppingTrailingSpaces() -> String {
    var end = endIndex
    while end > startIndex {
      let before = index(before: end)
      guard self[before] == " " else { break }
      end = before
    }
    return end == endIndex ? self : String(self[..<end])
  }
}
