import BibFormats
import BibModel

/// Items from request bodies, read as the `bib` commands read files: repairs are warnings
/// (reported, and the item is stored), anything that could not be read refuses the whole
/// request (400, nothing written), so a client never half-succeeds without knowing.
enum RequestItems {
  static let file = "request"

  /// One item or an array of items (POST /api/items).
  static func many(_ bytes: [UInt8]) throws(APIError) -> BibReadResult {
    let value = try parse(bytes)
    guard value.arrayValue != nil || value.objectValue != nil else {
      throw APIError(.badRequest, "the body must be a CSL-JSON item or an array of items, not \(value.kindName)")
    }
    let result = BibFormats.read(bytes, format: .cslJSON, file: file)
    try refuseErrors(result)
    guard !result.references.isEmpty else { throw APIError(.badRequest, "the body holds no items") }
    return result
  }

  /// Exactly one item for `id` (PUT /api/items/{id}); a body without an id takes the path's.
  static func one(_ bytes: [UInt8], id: String) throws(APIError) -> BibReadResult {
    guard case .object(var object) = try parse(bytes) else {
      throw APIError(.badRequest, "the body must be one CSL-JSON item (an object)")
    }
    if let given = object["id"] {
      guard given.stringValue == id else {
        throw APIError(.badRequest, "the body's id \(JSONWriter.write(given)) is not the path's '\(id)'")
      }
    } else {
      object.members.insert(JSONMember(key: "id", value: .string(id)), at: 0)
    }
    let text = JSONWriter.write(.object(object))
    let result = BibFormats.read(Array(text.utf8), format: .cslJSON, file: file)
    try refuseErrors(result)
    guard result.references.count == 1, result.references.first?.id == id else {
      throw APIError(.badRequest, "the body is not one item with id '\(id)'", diagnostics: result.diagnostics)
    }
    return result
  }

  /// Any format `bib convert` reads (POST /api/import): every entry that can be read is kept,
  /// as `bib convert` keeps it; `strict` refuses a body that does not read clean.
  static func imported(_ bytes: [UInt8], format name: String?, strict: Bool) throws(APIError) -> BibReadResult {
    let format: BibFormat
    if let name {
      guard let named = BibFormat(name: name) else {
        throw APIError(.badRequest, "unknown format '\(name)'; use biblatex, bibtex, ris, csl-yaml or csl-json")
      }
      format = named
    } else {
      let head = String(decoding: bytes.prefix(8192).filter { $0 != 0 }, as: UTF8.self)
      guard let sniffed = BibFormats.sniff(Substring(head)) else {
        throw APIError(.badRequest, "cannot tell the body's format; pass ?format=biblatex|ris|csl-yaml|csl-json")
      }
      format = sniffed
    }
    let result = BibFormats.read(bytes, format: format, file: file)
    if strict && !result.isClean {
      throw APIError(.badRequest, "the body did not read clean (strict)", diagnostics: result.diagnostics)
    }
    guard !result.references.isEmpty else {
      throw APIError(.badRequest, "no entry could be read", diagnostics: result.diagnostics)
    }
    return result
  }

  private static func parse(_ bytes: [UInt8]) throws(APIError) -> JSONValue {
    do {
      return try JSONParser.parse(bytes)
    } catch {
      throw APIError(.badRequest, "bad JSON at \(error.line):\(error.column): \(error.message)")
    }
  }

  private static func refuseErrors(_ result: BibReadResult) throws(APIError) {
    guard !result.diagnostics.hasErrors else {
      throw APIError(
        .badRequest, "the items could not all be read; nothing was written", diagnostics: result.diagnostics)
    }
  }
}
