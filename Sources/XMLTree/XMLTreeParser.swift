internal import CLibXML2

/// libxml2 must be initialised once per process before threads use it; a global `let` runs
/// its initialiser exactly once. It also installs a loader that refuses every external entity.
private let libxml2Ready: Void = {
  xmlInitParser()
  cited_install_deny_all_entity_loader()
}()

/// Collects what libxml2 reports during one parse. Lives only for that parse.
private final class ParseState {
  var errors: [XMLParseError] = []
  var sawDoctype = false
  var doctypeLine = 0
}

/// Parses untrusted XML into an immutable `XMLElement` tree.
///
/// libxml2 runs with `XML_PARSE_NONET` only (plus NOERROR/NOWARNING, whose messages are
/// collected through a per-parse handler instead of printed): entities are never
/// substituted, no DTD is loaded, nothing is included, no recovery is attempted. Any DOCTYPE
/// is rejected before its declarations are read, and the process-wide external entity loader
/// refuses everything. Input over `maximumBytes` is refused unread.
public enum XMLTreeParser {
  /// The default size cap: 8 MiB, far above any CSL style or locale.
  public static let defaultMaximumBytes = 8 << 20

  /// Parses a string (always UTF-8, whatever the XML declaration says).
  public static func parse(
    _ text: String, sourceName: String = "input.xml", maximumBytes: Int = defaultMaximumBytes
  ) throws(XMLParseError) -> XMLElement {
    try parse(bytes: Array(text.utf8), sourceName: sourceName, encoding: "UTF-8", maximumBytes: maximumBytes)
  }

  /// Parses raw bytes; the encoding comes from the byte-order mark or the XML declaration.
  public static func parse(
    bytes: [UInt8], sourceName: String = "input.xml", maximumBytes: Int = defaultMaximumBytes
  ) throws(XMLParseError) -> XMLElement {
    try parse(bytes: bytes, sourceName: sourceName, encoding: nil, maximumBytes: maximumBytes)
  }

  private static func parse(
    bytes: [UInt8], sourceName: String, encoding: String?, maximumBytes: Int
  ) throws(XMLParseError) -> XMLElement {
    _ = libxml2Ready
    guard bytes.count <= maximumBytes else {
      throw XMLParseError(
        kind: .tooLarge, message: "input is \(bytes.count) bytes; the limit is \(maximumBytes)",
        line: 0, column: 0)
    }
    guard bytes.count <= Int(Int32.max) else {
      throw XMLParseError(kind: .tooLarge, message: "input too large", line: 0, column: 0)
    }
    guard let context = xmlNewParserCtxt() else {
      throw XMLParseError(kind: .empty, message: "could not allocate a parser", line: 0, column: 0)
    }
    defer { xmlFreeParserCtxt(context) }

    let state = ParseState()
    let unmanaged = Unmanaged.passRetained(state)
    defer { unmanaged.release() }
    context.pointee._private = unmanaged.toOpaque()
    if let sax = context.pointee.sax {
      sax.pointee.serror = { userData, error in
        guard let userData, let error else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let opaque = context.pointee._private else { return }
        let state = Unmanaged<ParseState>.fromOpaque(opaque).takeUnretainedValue()
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        let message = String(raw.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
        state.errors.append(
          XMLParseError(
            kind: .malformed, message: message, line: Int(error.pointee.line),
            column: Int(error.pointee.int2)))
      }
      // A DOCTYPE stops the parse before any of its declarations are read.
      sax.pointee.internalSubset = { userData, _, _, _ in
        guard let userData else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        if let opaque = context.pointee._private {
          let state = Unmanaged<ParseState>.fromOpaque(opaque).takeUnretainedValue()
          state.sawDoctype = true
          state.doctypeLine = Int(xmlSAX2GetLineNumber(userData))
        }
        xmlStopParser(context)
      }
    }

    let options = Int32(
      XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
    let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        xmlCtxtReadMemory(
          context, chars.baseAddress, Int32(chars.count), sourceName, encoding, options)
      }
    }
    defer { if let document { xmlFreeDoc(document) } }

    if state.sawDoctype {
      throw XMLParseError(
        kind: .doctypeRejected,
        message: "DOCTYPE declarations are not accepted (no DTDs, no entities)",
        line: max(state.doctypeLine, 1), column: 1)
    }
    guard let document, context.pointee.wellFormed != 0 else {
      throw state.errors.first
        ?? XMLParseError(kind: .malformed, message: "not well-formed XML", line: 0, column: 0)
    }
    guard let root = xmlDocGetRootElement(document) else {
      throw XMLParseError(kind: .empty, message: "document has no root element", line: 0, column: 0)
    }
    var tree = copy(root)
    var locator = StartTagLocator(bytes: bytes)
    locator.assignPositions(&tree)
    return tree
  }

  /// Copies a libxml2 element into values; nesting is bounded by libxml2's depth limit.
  private static func copy(_ node: xmlNodePtr) -> XMLElement {
    let name = node.pointee.name.map { String(cString: $0) } ?? ""
    var element = XMLElement(
      name: name,
      namespaceURI: node.pointee.ns?.pointee.href.map { String(cString: $0) },
      line: Int(xmlGetLineNo(node)))
    if let prefix = node.pointee.ns?.pointee.prefix {
      element.qualifiedPrefix = String(cString: prefix)
    }
    var attribute = node.pointee.properties
    while let current = attribute {
      var attributeName = current.pointee.name.map { String(cString: $0) } ?? ""
      var namespace: String? = nil
      if let ns = current.pointee.ns {
        if let prefix = ns.pointee.prefix { attributeName = String(cString: prefix) + ":" + attributeName }
        namespace = ns.pointee.href.map { String(cString: $0) }
      }
      var value = ""
      if let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
        value = String(cString: raw)
        cited_xml_free(raw)
      }
      element.attributes.append(XMLAttribute(name: attributeName, namespaceURI: namespace, value: value))
      attribute = current.pointee.next
    }
    var child = node.pointee.children
    while let current = child {
      switch current.pointee.type {
      case XML_ELEMENT_NODE:
        element.children.append(.element(copy(current)))
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = current.pointee.content {
          let text = String(cString: content)
          if case .text(let previous) = element.children.last {
            element.children[element.children.count - 1] = .text(previous + text)
          } else {
            element.children.append(.text(text))
          }
        }
      default:
        break
      }
      child = current.pointee.next
    }
    return element
  }
}
