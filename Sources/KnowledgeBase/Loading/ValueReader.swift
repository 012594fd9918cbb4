import BibModel

/// Reads a YAML value by a value spec. Pure; the schema rules call it again on uninterpreted
/// values to say what is wrong.
public enum ValueReader {
  /// The value, or why it does not fit the spec.
  public static func read(_ node: YAMLNode, as spec: ValueSpec, depth: Int = 0) -> Result<StatementValue, ValueProblem>
  {
    switch spec.type {
    case .text:
      if let text = node.scalar { return .success(.text(text)) }
      if let pairs = node.mapping {
        var forms: [MultilingualText.Form] = []
        for pair in pairs {
          guard let text = pair.value.scalar else {
            return .failure(ValueProblem("the \(pair.key) form of a text must be a string", pair.value.location))
          }
          forms.append(.init(language: pair.key, text: text))
        }
        return .success(.multilingual(MultilingualText(forms)))
      }
      return .failure(
        ValueProblem("expected text or a map of language tag to text, found \(node.shapeName)", node.location))
    case .date:
      guard let text = node.scalar else {
        return .failure(ValueProblem("expected a date, found \(node.shapeName)", node.location))
      }
      guard let date = FactDate.parse(text) else {
        return .failure(ValueProblem("'\(text)' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", node.location))
      }
      return .success(.date(date))
    case .entity:
      guard let text = node.scalar else {
        return .failure(ValueProblem("expected an entity id, found \(node.shapeName)", node.location))
      }
      guard EntityID.isValid(text) else {
        return .failure(ValueProblem("'\(text)' is not an entity id", node.location))
      }
      return .success(.entity(text))
    case .enumeration:
      guard let text = node.scalar else {
        return .failure(ValueProblem("expected one of the allowed values, found \(node.shapeName)", node.location))
      }
      return .success(.enumeration(text))
    case .number:
      guard let text = node.scalar else {
        return .failure(ValueProblem("expected a number, found \(node.shapeName)", node.location))
      }
      guard let number = parseNumber(text) else {
        return .failure(ValueProblem("'\(text)' is not a number", node.location))
      }
      return .success(.number(text, number))
    case .list:
      guard let items = node.sequence else {
        return .failure(ValueProblem("expected a list, found \(node.shapeName)", node.location))
      }
      let element = spec.element
      guard element.type != .list || depth < 4 else {
        return .failure(ValueProblem("lists nested too deeply", node.location))
      }
      var values: [LocatedValue] = []
      for item in items {
        switch read(item, as: element, depth: depth + 1) {
        case .success(let value): values.append(LocatedValue(value: value, location: item.location))
        case .failure(let problem): return .failure(problem)
        }
      }
      return .success(.list(values))
    }
  }

  /// An integer or decimal: optional sign, digits, optional fraction.
  static func parseNumber(_ text: String) -> Double? {
    var body = Substring(text)
    if body.hasPrefix("-") || body.hasPrefix("+") { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      parts.count == 1 || !parts[1].isEmpty
    else { return nil }
    return Double(text)
  }
}

/// Why a value does not fit its type, and where.
public struct ValueProblem: Error, Sendable, Hashable {
  public var message: String
  public var location: SourceLocation
  public init(_ message: String, _ location: SourceLocation) {
    self.message = message
    self.location = location
  }
}

/// The form of entity ids: `[a-z0-9][a-z0-9-_]*`.
public enum EntityID {
  public static func isValid(_ text: String) -> Bool {
    guard let first = text.utf8.first, isLowerOrDigit(first) else { return false }
    return text.utf8.allSatisfy { isLowerOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
  }

  private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
