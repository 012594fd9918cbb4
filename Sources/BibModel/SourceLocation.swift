/// A place in a source file: 1-based line and column (in characters). Column 0 means the
/// whole line; line 0 means the whole file.
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }

  /// `file:line:column`, as compilers and editors print it.
  public var description: String {
    guard line > 0 else { return file }
    guard column > 0 else { return "\(file):\(line)" }
    return "\(file):\(line):\(column)"
  }
}
