import BibModel
internal import Yams

/// CSL-YAML: the same data model as CSL-JSON, written as YAML (a list of items, or a mapping
/// with a `references:` list as in Pandoc metadata). Reading keeps YAML line/column positions
/// for diagnostics; writing is deterministic (CSL-JSON's member order, block style, strings
/// quoted only when YAML would read them as something else).
public enum CSLYAML {
  /// Reads CSL-YAML; YAML syntax errors carry their line and column.
  public static func read(_ text: String, file: String) -> BibReadResult {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      return BibReadResult(document: BibDocument(), diagnostics: [diagnostic(error, file: file)])
    } catch {
      return BibReadResult(
        document: BibDocument(),
        diagnostics: [
          Diagnostic(.error, code: "yaml-syntax", message: "\(error)", location: SourceLocation(file: file))
        ])
    }
    guard var node else { return BibReadResult(document: BibDocument(), diagnostics: []) }
    if case .mapping(let mapping) = node, let list = mapping["references"] { node = list }
    // Without aliases a document has fewer nodes than bytes: a larger tree is aliases
    // multiplying (a "billion laughs" file of a few hundred bytes), refused before it grows.
    var budget = text.utf8.count + 1024
    let value = json(node, depth: 0, budget: &budget)
    guard budget >= 0 else {
      return BibReadResult(
        document: BibDocument(),
        diagnostics: [
          Diagnostic(
            .error, code: "yaml-alias-expansion",
            message: "YAML aliases expand this file beyond its size; write the repeated values out",
            location: SourceLocation(file: file, line: 1, column: 1))
        ])
    }
    return CSLItemRepair.read(value, file: file)
  }

  private static func diagnostic(_ error: YamlError, file: String) -> Diagnostic {
    var location = SourceLocation(file: file)
    var message = "\(error)"
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      location = SourceLocation(file: file, line: mark.line, column: mark.column)
      message = problem
    case .reader(let problem, _, _, _):
      message = problem
    default: break
    }
    return Diagnostic(.error, code: "yaml-syntax", message: "YAML: " + message, location: location)
  }

  /// A YAML node as a positioned JSON value, spending one unit of `budget` per node and
  /// stopping once it is below zero.
  static func json(_ node: Node, depth: Int, budget: inout Int) -> JSONValue {
    budget -= 1
    guard depth < 256, budget >= 0 else { return .null }
    switch node {
    case .scalar(let scalar):
      if scalar.style != .plain && scalar.style != .any { return .string(scalar.string) }
      return plainScalar(scalar.string)
    case .sequence(let sequence):
      var values: [JSONValue] = []
      for element in sequence {
        values.append(json(element, depth: depth + 1, budget: &budget))
        if budget < 0 { break }
      }
      return .array(values)
    case .mapping(let mapping):
      var object = JSONObject(line: mapping.mark?.line ?? 0, column: mapping.mark?.column ?? 0)
      for (key, value) in mapping {
        object.members.append(
          JSONMember(
            key: key.string ?? "", value: json(value, depth: depth + 1, budget: &budget), line: key.mark?.line ?? 0,
            column: key.mark?.column ?? 0))
        if budget < 0 { break }
      }
      return .object(object)
    case .alias:
      return .null
    }
  }

  /// YAML's core schema for plain scalars: null, booleans, numbers (JSON syntax), else text.
  static func plainScalar(_ text: String) -> JSONValue {
    switch text {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default:
      if let first = text.first, first == "-" || first.isNumber, (try? JSONParser.parse(text))?.stringValue != nil,
        !text.contains(where: { $0 == " " })
      {
        if case .number = (try? JSONParser.parse(text)) ?? .null { return .number(text) }
      }
      return .string(text)
    }
  }

  // MARK: - Writing

  /// Writes references as a YAML list in CSL-JSON's member order.
  public static func write(_ references: [Reference]) -> String {
    guard !references.isEmpty else { return "[]\n" }
    // The list's items are written on their own (on all cores) and joined in order.
    let pieces = ParallelMap.map(count: references.count, minimumCount: 256, itemsPerChunk: 64) { range in
      range.map { index in
        var piece = ""
        emitArray([CSLJSON.encode(references[index])], indent: 0, into: &piece)
        return piece
      }
    }
    var output = ""
    output.reserveCapacity(pieces.reduce(0) { $0 + $1.utf8.count })
    for piece in pieces { output += piece }
    return output
  }

  private static func isNonEmptyContainer(_ value: JSONValue) -> Bool {
    switch value {
    case .object(let object): !object.members.isEmpty
    case .array(let items): !items.isEmpty
    default: false
    }
  }

  private static func emitObject(_ object: JSONObject, indent: Int, into output: inout String) {
    let pad = String(repeating: "  ", count: indent)
    for member in object.members {
      output += pad + scalarText(member.key) + ":"
      switch member.value {
      case .object(let inner) where !inner.members.isEmpty:
        output += "\n"
        emitObject(inner, indent: indent + 1, into: &output)
      case .array(let items) where !items.isEmpty:
        if items.allSatisfy({ if case .array = $0 { return true } else { return false } }) {
          output += " " + flow(member.value) + "\n"
        } else {
          output += "\n"
          emitArray(items, indent: indent + 1, into: &output)
        }
      default:
        output += " " + inline(member.value) + "\n"
      }
    }
  }

  private static func emitArray(_ items: [JSONValue], indent: Int, into output: inout String) {
    let pad = String(repeating: "  ", count: indent)
    for item in items {
      switch item {
      case .object(let object) where !object.members.isEmpty:
        var nested = ""
        emitObject(object, indent: indent + 1, into: &nested)
        output += pad + "- " + nested.dropFirst(pad.count + 2)
      case .array(let inner) where !inner.isEmpty:
        output += pad + "- " + flow(item) + "\n"
      default:
        output += pad + "- " + inline(item) + "\n"
      }
    }
  }

  /// Flow style for date-parts (`[[2004, 5, 12]]`).
  private static func flow(_ value: JSONValue) -> String {
    switch value {
    case .array(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
    default: return inline(value)
    }
  }

  private static func inline(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let literal): return literal
    case .string(let text): return scalarText(text)
    case .array: return "[]"
    case .object: return "{}"
    }
  }

  private static let reserved: Set<String> = [
    "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n", ".nan", ".inf", "-.inf", ".inf", "<<", "=",
  ]

  /// A string as a YAML scalar: plain when unambiguous, else double-quoted with JSON escapes.
  static func scalarText(_ text: String) -> String {
    if isPlainSafe(text) { return text }
    var output = ""
    JSONWriter.escape(text, into: &output)
    return output
  }

  /// Conservative: a plain scalar must start with a letter and hold no YAML indicator
  /// sequences, line breaks or control characters (checked per scalar, not per Character).
  private static func isPlainSafe(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last, !reserved.contains(text.lowercased()) else {
      return false
    }
    let letters: Set<Unicode.GeneralCategory> = [
      .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
    ]
    guard letters.contains(first.properties.generalCategory), last != " ", last != ":" else { return false }
    for (index, scalar) in scalars.enumerated() {
      let value = scalar.value
      if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0xFEFF || value == 0x2028
        || value == 0x2029
      {
        return false
      }
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      if scalar == ":" && (next == " " || next == nil) { return false }
      if scalar == " " && next == "#" { return false }
    }
    return true
  }

}
