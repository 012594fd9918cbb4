/// Why a document could not be read. Thrown: the tree is all or nothing.
public struct XMLParseError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: String, Sendable, Hashable {
    /// The bytes are not well-formed XML.
    case malformed
    /// A DOCTYPE declaration: never accepted from untrusted input.
    case doctypeRejected = "doctype-rejected"
    /// The input is larger than the configured cap.
    case tooLarge = "too-large"
    /// The document has no root element, or nothing could be allocated.
    case empty
  }

  public var kind: Kind
  public var message: String
  /// 1-based; 0 when unknown.
  public var line: Int
  /// 1-based; 0 when unknown.
  public var column: Int

  public init(kind: Kind, message: String, line: Int, column: Int) {
    self.kind = kind
    self.message = message
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column): \(message)" }
}
