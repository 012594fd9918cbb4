import BibModel

/// HTML written straight into UTF-8 bytes: the writers' sink, so a large report is serialised
/// without first building a tree of nodes and a string per tag.
///
/// Text and attribute values go through `escaped` (`& < > " '`, and characters XML forbids
/// replaced by U+FFFD; `HTMLEscape.text` is this escape for a string); only `raw` writes markup as given, and it is
/// called with Cited's own tags or with the citation engine's escaped output.
public struct HTMLOutput: Sendable {
  public private(set) var bytes: [UInt8] = []

  public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// The bytes as a string (they are UTF-8 by construction).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  /// Markup written as given.
  public mutating func raw(_ markup: String) { bytes.append(utf8: markup) }

  /// Another output's bytes, appended.
  public mutating func append(_ other: HTMLOutput) { bytes.append(contentsOf: other.bytes) }

  /// Text or an attribute value, escaped.
  public mutating func escaped(_ text: String) {
    var text = text
    text.withUTF8 { appendEscaped($0) }
  }

  /// `<name attr="value" ...>`.
  public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    startTag(name, attributes)
    bytes.append(0x3E)
  }

  /// `<name attribute="prefix value">`: the one-attribute tags (spans, anchor links) a report
  /// writes tens of thousands of, without an array of attributes or a joined string each.
  public mutating func open(_ name: String, attribute: String, value: String, prefix: String = "") {
    bytes.append(0x3C)
    raw(name)
    self.attribute(attribute, value, prefix: prefix)
    bytes.append(0x3E)
  }

  /// ` name="value"`, the value escaped after a prefix written as given.
  public mutating func attribute(_ name: String, _ value: String, prefix: String = "") {
    bytes.append(0x20)
    raw(name)
    bytes.append(contentsOf: [0x3D, 0x22])
    raw(prefix)
    escaped(value)
    bytes.append(0x22)
  }

  /// `</name>`.
  public mutating func close(_ name: String) {
    bytes.append(contentsOf: [0x3C, 0x2F])
    raw(name)
    bytes.append(0x3E)
  }

  /// An element without content written self-closed (`<hr />`).
  public mutating func void(_ name: String, _ attributes: [(String, String)] = []) {
    startTag(name, attributes)
    bytes.append(contentsOf: [0x20, 0x2F, 0x3E])
  }

  /// `<name attr="value" ...`, the tag left open.
  private mutating func startTag(_ name: String, _ attributes: [(String, String)]) {
    bytes.append(0x3C)
    raw(name)
    for (attribute, value) in attributes { self.attribute(attribute, value) }
  }

  /// An element holding escaped text.
  public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
    open(name, attributes)
    escaped(text)
    close(name)
  }

  private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
  private static let ampersand = Array("&amp;".utf8)
  private static let lessThan = Array("&lt;".utf8)
  private static let greaterThan = Array("&gt;".utf8)
  private static let quotationMark = Array("&quot;".utf8)
  private static let apostrophe = Array("&#39;".utf8)

  private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
    var start = 0
    var index = 0
    let count = source.count
    while index < count {
      let byte = source[index]
      let entity: [UInt8]?
      var width = 1
      switch byte {
      case 0x26: entity = Self.ampersand
      case 0x3C: entity = Self.lessThan
      case 0x3E: entity = Self.greaterThan
      case 0x22: entity = Self.quotationMark
      case 0x27: entity = Self.apostrophe
      case 0x09, 0x0A, 0x0D: entity = nil
      case 0x00..<0x20: entity = Self.replacement
      case 0xEF:
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are no XML characters either.
        if index + 2 < count, source[index + 1] == 0xBF, source[index + 2] >= 0xBE {
          entity = Self.replacement
          width = 3
        } else {
          entity = nil
        }
      default: entity = nil
      }
      guard let entity else {
        index += 1
        continue
      }
      if index > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index])) }
      bytes.append(contentsOf: entity)
      index += width
      start = index
    }
    if count > start { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<count])) }
  }
}
