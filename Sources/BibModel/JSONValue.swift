/// A JSON value that loses nothing: numbers keep their literal text and objects keep the
/// order of their members (and, for diagnostics, where each member's key was written).
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  /// The number exactly as written (`3`, `1.10`, `-0.5e3`).
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The string value, or the literal of a number.
  public var stringValue: String? {
    switch self {
    case .string(let text), .number(let text): text
    default: nil
    }
  }

  public var objectValue: JSONObject? {
    if case .object(let object) = self { return object }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let array) = self { return array }
    return nil
  }

  /// A short name of the kind of value, for messages.
  public var kindName: String {
    switch self {
    case .null: "null"
    case .bool: "a boolean"
    case .number: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}

/// One member of a JSON object. Equality ignores where it was written.
public struct JSONMember: Sendable, Hashable {
  public var key: String
  public var value: JSONValue
  /// Where the key was written (line 0 for values built in code).
  public var line: Int
  public var column: Int

  public init(key: String, value: JSONValue, line: Int = 0, column: Int = 0) {
    self.key = key
    self.value = value
    self.line = line
    self.column = column
  }

  public static func == (lhs: JSONMember, rhs: JSONMember) -> Bool {
    lhs.key == rhs.key && lhs.value == rhs.value
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(key)
    hasher.combine(value)
  }
}

/// A JSON object with its members in written order. Equality ignores positions.
public struct JSONObject: Sendable, Hashable {
  public var members: [JSONMember]
  /// Where the opening brace was written (line 0 for objects built in code).
  public var line: Int
  public var column: Int

  public init(_ members: [JSONMember] = [], line: Int = 0, column: Int = 0) {
    self.members = members
    self.line = line
    self.column = column
  }

  public init(_ pairs: KeyValuePairs<String, JSONValue>) {
    self.init(pairs.map { JSONMember(key: $0.key, value: $0.value) })
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool { lhs.members == rhs.members }
  public func hash(into hasher: inout Hasher) { hasher.combine(members) }

  /// The value of the last member with this key (JSON's usual reading of duplicates).
  public subscript(key: String) -> JSONValue? {
    get { members.last { $0.key == key }?.value }
    set {
      if let index = members.lastIndex(where: { $0.key == key }) {
        if let newValue {
          members[index].value = newValue
        } else {
          members.removeAll { $0.key == key }
        }
      } else if let newValue {
        members.append(JSONMember(key: key, value: newValue))
      }
    }
  }

  public func member(_ key: String) -> JSONMember? { members.last { $0.key == key } }

  public var keys: [String] { members.map(\.key) }
}
