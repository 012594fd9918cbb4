internal import CLibXML2

/// Runs libxml2's HTML parser over a document and returns what it reports: a check that
/// generated HTML is well formed as browsers' HTML, not just as XML. Network access is off;
/// nothing is kept but the diagnostics. libxml2 2.9 knows only HTML 4's element names, so
/// "unknown tag" reports (HTML5 elements such as `main`, inline `svg`) are not problems here;
/// everything else (mismatched or unclosed tags, bad entities, bad attributes) is.
public enum HTMLChecker {
  private final class Collector {
    var problems: [XMLParseError] = []
  }

  /// The errors and warnings libxml2's HTML parser reports for `html`; empty when clean.
  public static func problems(in html: String, sourceName: String = "page.html") -> [XMLParseError] {
    let bytes = Array(html.utf8)
    guard bytes.count <= XMLTreeParser.defaultMaximumBytes * 8, bytes.count <= Int(Int32.max) else {
      return [XMLParseError(kind: .tooLarge, message: "document too large to check", line: 0, column: 0)]
    }
    xmlInitParser()
    guard let context = htmlNewParserCtxt() else {
      return [XMLParseError(kind: .empty, message: "could not allocate a parser", line: 0, column: 0)]
    }
    defer { htmlFreeParserCtxt(context) }
    let collector = Collector()
    let unmanaged = Unmanaged.passRetained(collector)
    defer { unmanaged.release() }
    context.pointee._private = unmanaged.toOpaque()
    if let sax = context.pointee.sax {
      // libxml2 routes errors to `serror` only for handlers marked as SAX2.
      sax.pointee.initialized = XML_SAX2_MAGIC
      sax.pointee.serror = { userData, error in
        guard let userData, let error else { return }
        guard error.pointee.code != Int32(XML_HTML_UNKNOWN_TAG.rawValue) else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let opaque = context.pointee._private else { return }
        let collector = Unmanaged<Collector>.fromOpaque(opaque).takeUnretainedValue()
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        collector.problems.append(
          XMLParseError(
            kind: .malformed, message: String(raw.reversed().drop { $0 == "\n" || $0 == " " }.reversed()),
            line: Int(error.pointee.line), column: Int(error.pointee.int2)))
      }
    }
    let options = Int32(
      HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
    let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count), sourceName, "UTF-8", options)
      }
    }
    if let document {
      xmlFreeDoc(document)
    } else if collector.problems.isEmpty {
      collector.problems.append(XMLParseError(kind: .empty, message: "no document", line: 0, column: 0))
    }
    return collector.problems
  }
}
