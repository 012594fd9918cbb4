import BibModel

/// BibLaTeX's extended name format (`family=Gogh, given=Vincent, prefix=van, useprefix=true`),
/// read from strings and, for the common forms, from the bytes.
extension BibTeXNames {
  /// The keys of an extended name that make it one.
  private static let namePartKeys: Set<String> = ["family", "given", "prefix", "suffix"]

  /// `family=…, given=…` (every part must be `key=value`).
  static func parseExtended(_ parts: [String]) -> Name? {
    // A part without "=" is not `key=value`: most names are classic and end here.
    guard parts.allSatisfy({ $0.utf8.contains(0x3D) }) else { return nil }
    var pairs: [(String, String)] = []
    for part in parts {
      let pieces = splitTop(part, on: "=")
      guard pieces.count >= 2 else { return nil }
      let key = pieces[0].trimmingCharacters(in: " \t\r\n").lowercased()
      guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else { return nil }
      var value = pieces[1...].joined(separator: "=").trimmingCharacters(in: " \t\r\n")
      if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
        value = String(value.dropFirst().dropLast())
      }
      pairs.append((key, value))
    }
    return extendedName(pairs)
  }

  /// An extended name read on its bytes as `parseNameInFull` reads it, when its keys are ASCII
  /// and no quote around a value has a byte beyond ASCII beside it; nil for any other name.
  /// (Its parts and their keys and values split, trimmed and joined as strings, each key's
  /// characters tested: some 75,000 instructions a name, the writer's `family={…}, given={…}`
  /// included.)
  static func parseExtendedOnBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Name? {
    guard bytes.contains(0x3D) else { return nil }
    var pairs: [(String, String)] = []
    var readable = true
    forEachPiece(bytes, in: trimmed(bytes, 0..<bytes.count), separators: comma, keepEmpty: true) { piece in
      guard readable else { return }
      guard let pair = extendedPair(bytes, trimmed(bytes, piece)) else {
        readable = false
        return
      }
      pairs.append(pair)
    }
    return readable ? extendedName(pairs) : nil
  }

  /// One `key=value` part of an extended name: the key lower-cased, the value trimmed and
  /// unquoted, as `parseExtended` makes them; nil when the part is not one or the characters
  /// must be read.
  private static func extendedPair(_ bytes: UnsafeBufferPointer<UInt8>, _ part: Range<Int>) -> (String, String)? {
    var equals: Int?
    forEachPiece(bytes, in: part, separators: equalsSign, keepEmpty: true) { piece in
      if equals == nil && piece.upperBound < part.upperBound { equals = piece.upperBound }
    }
    guard let equals else { return nil }
    let keyRange = trimmed(bytes, part.lowerBound..<equals)
    guard !keyRange.isEmpty else { return nil }
    var key: [UInt8] = []
    key.reserveCapacity(keyRange.count)
    for index in keyRange {
      switch bytes[index] {
      case 0x41...0x5A: key.append(bytes[index] | 0x20)
      case 0x61...0x7A, 0x2D, 0x5F: key.append(bytes[index])
      default: return nil
      }
    }
    var value = trimmed(bytes, (equals + 1)..<part.upperBound)
    if value.count >= 2, bytes[value.lowerBound] == 0x22, bytes[value.upperBound - 1] == 0x22 {
      // A mark beside a quote could join it into another character.
      guard bytes[value.lowerBound + 1] < 0x80, bytes[value.upperBound - 2] < 0x80 else { return nil }
      value = (value.lowerBound + 1)..<(value.upperBound - 1)
    }
    return (
      String(decoding: key, as: UTF8.self),
      String(decoding: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self)
    )
  }

  private static let comma = ASCIIByteSet(0x2C)
  private static let equalsSign = ASCIIByteSet(0x3D)

  /// The name of an extended name's `key=value` pairs, nil when none is a name part.
  private static func extendedName(_ pairs: [(String, String)]) -> Name? {
    guard pairs.contains(where: { namePartKeys.contains($0.0) }) else { return nil }
    var name = Name()
    var prefix: String?
    var usePrefix = false
    for (key, value) in pairs {
      switch key {
      case "family": name.family = decode(value)
      case "given": name.given = decode(value)
      case "prefix": prefix = decode(value)
      case "suffix": name.suffix = decode(value)
      case "useprefix": usePrefix = ["true", "1", "yes"].contains(value.lowercased())
      default: name.extra["biblatex:" + key] = .string(value)
      }
    }
    if let prefix {
      if usePrefix { name.nonDroppingParticle = prefix } else { name.droppingParticle = prefix }
    }
    return name
  }
}
