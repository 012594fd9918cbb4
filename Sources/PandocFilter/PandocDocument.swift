import BibModel

/// pandoc's JSON AST as the filter sees it: the API version, the metadata and the blocks, the
/// nodes kept as JSON so that whatever the filter does not touch goes back unchanged.
public struct PandocDocument: Sendable, Hashable {
  /// The API versions read: 1.22 (pandoc 2.17 to 2.19) and 1.23 (pandoc 3).
  public static let supportedVersions: [[Int]] = [[1, 22], [1, 23]]

  /// `pandoc-api-version` as written (kept as is on output).
  public var apiVersion: JSONValue
  public var meta: JSONObject
  public var blocks: [JSONValue]
  /// Members of the top-level object other than the three above, kept in place.
  var otherMembers: [JSONMember]

  /// Reads the AST from pandoc's JSON; an unsupported version or a shape that is not pandoc's
  /// is one error naming what was found.
  public static func read(_ bytes: [UInt8]) throws(PandocFilterError) -> PandocDocument {
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw PandocFilterError("the input is not pandoc's JSON AST: invalid JSON at \(error.description)")
    }
    guard let object = value.objectValue else {
      throw PandocFilterError("the input is not pandoc's JSON AST: expected an object, found \(value.kindName)")
    }
    guard let version = object["pandoc-api-version"], let parts = version.arrayValue else {
      throw PandocFilterError(
        "the input has no pandoc-api-version: is this pandoc's JSON AST? (pandoc 1.x writes no version and is not supported)"
      )
    }
    let numbers = parts.map { $0.stringValue.flatMap { Int($0) } }
    let written = parts.map { $0.stringValue ?? "?" }.joined(separator: ".")
    guard numbers.count >= 2, let major = numbers[0], let minor = numbers[1],
      supportedVersions.contains([major, minor])
    else {
      throw PandocFilterError(
        "pandoc API version \(written) is not supported: cited-pandoc reads 1.22 (pandoc 2.17–2.19) and 1.23 (pandoc 3.x)"
      )
    }
    guard let blocks = object["blocks"]?.arrayValue else {
      throw PandocFilterError("the pandoc AST has no 'blocks' array")
    }
    let meta = object["meta"]?.objectValue ?? JSONObject()
    let others = object.members.filter { !["pandoc-api-version", "meta", "blocks"].contains($0.key) }
    return PandocDocument(apiVersion: version, meta: meta, blocks: blocks, otherMembers: others)
  }

  public init(apiVersion: JSONValue, meta: JSONObject, blocks: [JSONValue]) {
    self.init(apiVersion: apiVersion, meta: meta, blocks: blocks, otherMembers: [])
  }

  init(apiVersion: JSONValue, meta: JSONObject, blocks: [JSONValue], otherMembers: [JSONMember]) {
    self.apiVersion = apiVersion
    self.meta = meta
    self.blocks = blocks
    self.otherMembers = otherMembers
  }

  /// The AST as compact JSON, members in pandoc's order.
  public var json: String { String(decoding: jsonBytes, as: UTF8.self) }

  /// The AST as compact JSON in UTF-8, ready for standard output.
  public var jsonBytes: [UInt8] {
    let members =
      [
        JSONMember(key: "pandoc-api-version", value: apiVersion),
        JSONMember(key: "meta", value: .object(meta)),
        JSONMember(key: "blocks", value: .array(blocks)),
      ] + otherMembers
    return JSONByteWriter.write(.object(JSONObject(members)))
  }
}
