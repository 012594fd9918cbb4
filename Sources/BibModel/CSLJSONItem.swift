/// One item of a CSL-JSON array decoded straight from its bytes into a reference, without the
/// JSON tree `CSLJSON.decodeReference` reads: reading a large file spent more on building and
/// freeing that tree than on the references themselves.
///
/// Only items whose reading leaves nothing to say are decoded here: a string `id`, a CSL 1.0.2
/// `type`, no member written twice, no `multi`, name variables as arrays and dates as objects.
/// Every other item gives nil, and the caller reads it through the tree as before, so what is
/// reported about an unusual item (and where) does not change. Inside an item, a name or a
/// date of a shape this reader does not know is parsed as a JSON value and decoded as the tree
/// reader decodes it.
public struct CSLJSONItem: Sendable {
  /// A member's key and where it was written.
  public struct Member: Sendable, Hashable {
    public var key: String
    public var line: Int
    public var column: Int
  }

  public var reference: Reference
  /// Where the item's opening brace was written.
  public var line: Int
  public var column: Int
  /// Every member, in written order.
  public var members: [Member]

  /// Decodes the element of a top-level array that `JSONArraySplitter` found in `bytes` (the
  /// whole document), with the positions the whole document's parse would give; nil when the
  /// element is not an item this reader decodes (or not valid JSON).
  public static func decode(
    _ bytes: UnsafeBufferPointer<UInt8>, _ element: JSONArraySplitter.Element
  ) -> CSLJSONItem? {
    var parser = JSONParser(bytes, at: element)
    guard let item = parser.cslItem() else { return nil }
    parser.skipWhitespace()
    return parser.index == parser.bytes.count ? item : nil
  }
}
