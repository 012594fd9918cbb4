import BibModel

/// Small helpers to build `JSONValue`s in order.
enum JSONBuilder {
  static func object(_ members: [(String, JSONValue)]) -> JSONValue {
    .object(JSONObject(members.map { JSONMember(key: $0.0, value: $0.1) }))
  }

  static func number(_ value: Int) -> JSONValue { .number(String(value)) }

  static func number(_ value: Double) -> JSONValue {
    let rounded = (value * 100).rounded() / 100
    return .number(rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded))
  }

  static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
}
