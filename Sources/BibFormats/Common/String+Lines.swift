extension String {
  /// The lines of the text, split at every U+000A and without a trailing U+000D. Splitting by
  /// Character would not work: "\r\n" is a single Character, so CRLF files would be one line.
  func lines(keepingCarriageReturns: Bool = false) -> [String] {
    var result: [String] = []
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      if scalars[index] == "\n" {
        var end = index
        if !keepingCarriageReturns, end > start, scalars[scalars.index(before: end)] == "\r" {
          end = scalars.index(before: end)
        }
        result.append(String(scalars[start..<end]))
        start = scalars.index(after: index)
      }
      index = scalars.index(after: index)
    }
    var end = scalars.endIndex
    if !keepingCarriageReturns, end > start, scalars[scalars.index(before: end)] == "\r" {
      end = scalars.index(before: end)
    }
    result.append(String(scalars[start..<end]))
    return result
  }
}

extension String {
  /// Old Mac line ends (a lone CR) as LF.
  func replacingCarriageReturns() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\r" ? "\n" : $0 }))
  }
}
