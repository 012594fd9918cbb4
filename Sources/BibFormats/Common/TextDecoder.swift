import BibModel

/// Turns a file's bytes into text without ever mangling it silently. In order:
/// an explicit `--encoding`; a byte-order mark (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM
/// (recognised by its zero bytes); valid UTF-8; a JabRef `% Encoding: NAME` header; then a
/// guess that is always reported: a file of isolated high bytes reads as Windows-1252 (warning),
/// stray invalid bytes in an otherwise UTF-8 file read as Windows-1252 one by one (warning per
/// line), and anything that looks like a double-byte encoding (GBK, Shift-JIS, Big5…) is refused
/// with an error that names `--encoding`.
public enum TextDecoder {
  /// Decoded text (or nil when refused) and what was found.
  public struct Decoded: Sendable {
    /// The text, or nil when the file was refused.
    public var text: String?
    /// Encoding findings: info for a recognised encoding, warnings for guesses and repairs,
    /// an error when the file is refused.
    public var diagnostics: [Diagnostic]
  }

  /// Decodes a file's bytes; see the type's documentation for the rules.
  public static func decode(_ bytes: [UInt8], file: String, encoding: String? = nil) -> Decoded {
    if let encoding, !isUTF8Name(encoding) {
      return decodeNamed(bytes, encoding: encoding, file: file, origin: "--encoding")
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return decodeUTF8(Array(bytes.dropFirst(3)), file: file)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return decodeUTF16(Array(bytes.dropFirst(2)), bigEndian: bytes[0] == 0xFE, file: file, mark: true)
    }
    if let bigEndian = utf16WithoutMark(bytes) {
      return decodeUTF16(bytes, bigEndian: bigEndian, file: file, mark: false)
    }
    return decodeUTF8(bytes, file: file)
  }

  /// True when `decode` would read the bytes as UTF-8 text with no finding, if they are valid
  /// UTF-8: no other encoding asked for, no byte-order mark, not UTF-16 (the rules above, in
  /// their order). A reader that validates as it parses can then skip the decoding copy.
  static func mayReadAsUTF8(_ bytes: [UInt8], encoding: String?) -> Bool {
    if let encoding, !isUTF8Name(encoding) { return false }
    let marks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF]]
    return !marks.contains(where: { bytes.starts(with: $0) }) && utf16WithoutMark(bytes) == nil
  }

  private static func isUTF8Name(_ name: String) -> Bool {
    ["utf8", "utf-8"].contains(name.lowercased())
  }

  private static func location(_ file: String, _ line: Int = 1, _ column: Int = 1) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  /// Big-endian (true) or little-endian (false) when the file looks like UTF-16 without a BOM:
  /// in text that is mostly ASCII, every other byte is zero.
  static func utf16WithoutMark(_ bytes: [UInt8]) -> Bool? {
    let sample = bytes.prefix(4096)
    guard sample.count >= 4 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for (offset, byte) in sample.enumerated() where byte == 0 {
      if offset % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let half = sample.count / 2
    if oddZeros * 10 >= half * 3 && evenZeros * 10 < oddZeros { return false }
    if evenZeros * 10 >= half * 3 && oddZeros * 10 < evenZeros { return true }
    return nil
  }

  /// `% Encoding: windows-1252` (JabRef) in the first lines of the file.
  static func declaredEncoding(_ bytes: [UInt8]) -> String? {
    let head = String(decoding: bytes.prefix(2048).filter { $0 < 0x80 }, as: UTF8.self)
    for line in head.lines().prefix(12) {
      let trimmed = line.trimmingCharacters(in: " \t")
      guard trimmed.hasPrefix("%") else { continue }
      let body = trimmed.dropFirst().trimmingCharacters(in: " \t")
      guard body.lowercased().hasPrefix("encoding:") else { continue }
      let name = body.dropFirst("encoding:".count).trimmingCharacters(in: " \t")
      return name.isEmpty ? nil : name
    }
    return nil
  }

  private static func decodeNamed(_ bytes: [UInt8], encoding: String, file: String, origin: String) -> Decoded {
    guard let output = Transcoder.decode(bytes, from: encoding) else {
      return Decoded(
        text: nil,
        diagnostics: [
          Diagnostic(
            .error, code: "encoding", message: "unknown encoding '\(encoding)' (from \(origin)); file refused",
            location: location(file),
            hint: "pass --encoding with a name iconv knows (latin1, windows-1252, gbk, gb18030, shift_jis, koi8-r…)")
        ])
    }
    var diagnostics = [
      Diagnostic(
        .info, code: "encoding", message: "decoded as \(encoding) (\(origin)); Cited writes UTF-8",
        location: location(file))
    ]
    let positions = linePositions(bytes, offsets: output.invalidOffsets)
    diagnostics += positions.prefix(20).map {
      Diagnostic(
        .error, code: "invalid-byte", message: "byte not valid in \(encoding); read as U+FFFD",
        location: location(file, $0.line, $0.column), hint: "is \(encoding) the right --encoding?")
    }
    if positions.count > 20 {
      diagnostics.append(
        Diagnostic(
          .error, code: "invalid-byte", message: "\(positions.count - 20) more bytes not valid in \(encoding)",
          location: location(file)))
    }
    return Decoded(text: output.text, diagnostics: diagnostics)
  }

  /// Line and column (1-based, counting bytes) of byte offsets, in order.
  private static func linePositions(_ bytes: [UInt8], offsets: [Int]) -> [(line: Int, column: Int)] {
    var result: [(line: Int, column: Int)] = []
    var line = 1
    var lineStart = 0
    var cursor = 0
    for offset in offsets {
      while cursor < offset && cursor < bytes.count {
        if bytes[cursor] == 0x0A {
          line += 1
          lineStart = cursor + 1
        }
        cursor += 1
      }
      result.append((line, offset - lineStart + 1))
    }
    return result
  }

  private static func decodeUTF8(_ bytes: [UInt8], file: String) -> Decoded {
    if let text = String(validating: bytes, as: UTF8.self) {
      return Decoded(text: text, diagnostics: [])
    }
    if let declared = declaredEncoding(bytes), !isUTF8Name(declared), Transcoder.isKnown(declared) {
      return decodeNamed(bytes, encoding: declared, file: file, origin: "'% Encoding:' header")
    }
    var validMultibyte = 0
    var invalid: [Int] = []
    var index = 0
    while index < bytes.count {
      let length = sequenceLength(bytes, at: index)
      if length == 0 {
        invalid.append(index)
        index += 1
      } else {
        if length > 1 { validMultibyte += 1 }
        index += length
      }
    }
    if validMultibyte > 0 && validMultibyte >= invalid.count {
      return repairStrayBytes(bytes, invalid: invalid, file: file)
    }
    let first = linePositions(bytes, offsets: Array(invalid.prefix(1))).first.map {
      location(file, $0.line, $0.column)
    }
    if looksDoubleByte(bytes) {
      return Decoded(
        text: nil,
        diagnostics: [
          Diagnostic(
            .error, code: "encoding",
            message: "file is not UTF-8 and does not say its encoding; refused",
            location: first,
            hint: "pass --encoding NAME (gbk, gb18030, big5, shift_jis, euc-kr, windows-1251…), or add a "
              + "'% Encoding: NAME' first line")
        ])
    }
    let text = decodeWindows1252(bytes)
    return Decoded(
      text: text,
      diagnostics: [
        Diagnostic(
          .warning, code: "encoding", message: "file is not UTF-8; decoded as Windows-1252 (Latin-1)",
          location: first, hint: "if accents look wrong, pass --encoding NAME; Cited writes UTF-8")
      ])
  }

  /// True when high bytes mostly come in runs (CJK double-byte encodings, Cyrillic code pages),
  /// not alone between ASCII letters as accents in Windows-1252 text do.
  static func looksDoubleByte(_ bytes: [UInt8]) -> Bool {
    var high = 0
    var paired = 0
    var previousHigh = false
    for byte in bytes {
      let isHigh = byte >= 0x80
      if isHigh {
        high += 1
        if previousHigh { paired += 2 }
      }
      previousHigh = isHigh && !previousHigh
    }
    return high > 0 && paired * 2 > high
  }

  /// A UTF-8 file with a few invalid bytes (a pasted Latin-1 entry): each invalid byte is read
  /// as Windows-1252 and reported by line, so nothing is dropped and nothing is silent.
  private static func repairStrayBytes(_ bytes: [UInt8], invalid: [Int], file: String) -> Decoded {
    var scalars = String.UnicodeScalarView()
    var start = 0
    for offset in invalid {
      scalars.appendEach(String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars)
      scalars.append(windows1252Scalar(bytes[offset]))
      start = offset + 1
    }
    scalars.appendEach(String(decoding: bytes[start...], as: UTF8.self).unicodeScalars)
    var diagnostics: [Diagnostic] = []
    var reportedLines: Set<Int> = []
    for position in linePositions(bytes, offsets: invalid) where reportedLines.insert(position.line).inserted {
      guard reportedLines.count <= 20 else { break }
      diagnostics.append(
        Diagnostic(
          .warning, code: "invalid-utf8", message: "invalid UTF-8 byte; read as Windows-1252",
          location: location(file, position.line, position.column),
          hint: "re-save the file as UTF-8, or pass --encoding NAME for the whole file"))
    }
    return Decoded(text: String(scalars), diagnostics: diagnostics)
  }

  /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid.
  private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let byte = bytes[index]
    if byte < 0x80 { return 1 }
    let length: Int
    switch byte {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
    if String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil { return 0 }
    return length
  }

  private static let windows1252High: [UInt32?] = [
    0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
    0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, nil, 0x017E, 0x0178,
  ]

  /// Windows-1252, with its five undefined bytes read as the Latin-1 control characters.
  private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
    if (0x80...0x9F).contains(byte), let value = windows1252High[Int(byte) - 0x80], let scalar = Unicode.Scalar(value) {
      return scalar
    }
    return Unicode.Scalar(byte)
  }

  private static func decodeWindows1252(_ bytes: [UInt8]) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes { scalars.append(windows1252Scalar(byte)) }
    return String(scalars)
  }

  private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, file: String, mark: Bool) -> Decoded {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 0
    while index + 1 < bytes.count {
      let high = UInt16(bytes[index])
      let low = UInt16(bytes[index + 1])
      units.append(bigEndian ? high << 8 | low : low << 8 | high)
      index += 2
    }
    var diagnostics: [Diagnostic] = []
    let order = bigEndian ? "big-endian" : "little-endian"
    if let text = String(validating: units, as: UTF16.self), bytes.count % 2 == 0 {
      diagnostics.append(
        Diagnostic(
          .info, code: "encoding",
          message: "decoded UTF-16 \(order) (\(mark ? "byte-order mark" : "no byte-order mark")); Cited writes UTF-8",
          location: location(file)))
      return Decoded(text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, diagnostics: diagnostics)
    }
    diagnostics.append(
      Diagnostic(
        .warning, code: "encoding",
        message: "invalid UTF-16 \(order) (unpaired surrogate or odd length); the bad units read as U+FFFD",
        location: location(file), hint: "re-save the file as UTF-8"))
    return Decoded(text: String(decoding: units, as: UTF16.self), diagnostics: diagnostics)
  }
}
