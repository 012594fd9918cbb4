import BibModel

/// Turns a file's bytes into text without ever mangling it silently: UTF-8 (with or without
/// a byte-order mark) and UTF-16 with a BOM are decoded; bytes that are not UTF-8 are either
/// decoded as Windows-1252 with a warning (when the file has no valid UTF-8 multibyte sequence
/// at all, the sign of a Latin-1/Windows-1252 file) or reported, line by line, as errors.
public enum TextDecoder {
  /// Decoded text (or nil when refused) and what was found.
  public struct Decoded: Sendable {
    /// The text, or nil when the file was refused.
    public var text: String?
    /// Encoding findings (warnings for Windows-1252, errors for invalid bytes).
    public var diagnostics: [Diagnostic]
    /// Lines that held invalid UTF-8 (decoded with U+FFFD); entries touching them are dropped.
    public var invalidLines: Set<Int>
  }

  /// Decodes a file's bytes; see the type's documentation for the rules.
  public static func decode(_ bytes: [UInt8], file: String) -> Decoded {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      return decodeUTF8(Array(bytes.dropFirst(3)), file: file)
    }
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      return decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, file: file)
    }
    if bytes.count >= 4, bytes.count % 2 == 0, bytes[0] == 0 || bytes[1] == 0 {
      return Decoded(
        text: nil,
        diagnostics: [
          Diagnostic(
            .error, code: "encoding", message: "file looks like UTF-16 without a byte-order mark; refused",
            location: SourceLocation(file: file, line: 1, column: 1), hint: "save the file as UTF-8")
        ], invalidLines: [])
    }
    return decodeUTF8(bytes, file: file)
  }

  private static func decodeUTF8(_ bytes: [UInt8], file: String) -> Decoded {
    // Fast path: valid UTF-8.
    if let text = String(validating: bytes, as: UTF8.self) {
      return Decoded(text: text, diagnostics: [], invalidLines: [])
    }
    var validMultibyte = false
    var invalid: [(line: Int, column: Int)] = []
    var line = 1
    var column = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      let length = sequenceLength(bytes, at: index)
      if byte == 0x0A {
        line += 1
        column = 1
        index += 1
        continue
      }
      if length == 0 {
        invalid.append((line, column))
        index += 1
      } else {
        if length > 1 { validMultibyte = true }
        index += length
      }
      column += 1
    }
    if !validMultibyte {
      if let text = decodeWindows1252(bytes) {
        let first = invalid.first.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
        return Decoded(
          text: text,
          diagnostics: [
            Diagnostic(
              .warning, code: "encoding",
              message: "file is not UTF-8; decoded as Windows-1252 (Latin-1)", location: first,
              hint: "re-save the file as UTF-8; Cited writes UTF-8")
          ], invalidLines: [])
      }
      return Decoded(
        text: nil,
        diagnostics: [
          Diagnostic(
            .error, code: "encoding",
            message: "file is neither UTF-8 nor Windows-1252; refused",
            location: invalid.first.map { SourceLocation(file: file, line: $0.line, column: $0.column) },
            hint: "convert it to UTF-8 (iconv -f ENCODING -t UTF-8)")
        ], invalidLines: [])
    }
    let diagnostics = invalid.prefix(20).map {
      Diagnostic(
        .error, code: "invalid-utf8", message: "invalid UTF-8 byte; the entry holding it is skipped",
        location: SourceLocation(file: file, line: $0.line, column: $0.column),
        hint: "fix the byte or re-save the file as UTF-8")
    }
    return Decoded(
      text: String(decoding: bytes, as: UTF8.self), diagnostics: Array(diagnostics),
      invalidLines: Set(invalid.map(\.line)))
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

  private static func decodeWindows1252(_ bytes: [UInt8]) -> String? {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      if (0x80...0x9F).contains(byte) {
        guard let value = windows1252High[Int(byte) - 0x80], let scalar = Unicode.Scalar(value) else { return nil }
        scalars.append(scalar)
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, file: String) -> Decoded {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 2
    while index + 1 < bytes.count {
      let high = UInt16(bytes[index]), low = UInt16(bytes[index + 1])
      units.append(bigEndian ? high << 8 | low : low << 8 | high)
      index += 2
    }
    guard let text = String(validating: units, as: UTF16.self), bytes.count % 2 == 0 else {
      return Decoded(
        text: nil,
        diagnostics: [
          Diagnostic(
            .error, code: "encoding", message: "invalid UTF-16 (unpaired surrogate or odd length); refused",
            location: SourceLocation(file: file, line: 1, column: 1), hint: "save the file as UTF-8")
        ], invalidLines: [])
    }
    return Decoded(
      text: text,
      diagnostics: [
        Diagnostic(
          .info, code: "encoding", message: "decoded UTF-16 (byte-order mark); Cited writes UTF-8",
          location: SourceLocation(file: file, line: 1, column: 1))
      ], invalidLines: [])
  }

  /// Drops the references whose text spans a line holding invalid bytes.
  static func dropDamaged(_ result: BibReadResult, lines: Set<Int>, file: String) -> BibReadResult {
    var result = result
    let starts = result.document.references.compactMap { reference in
      result.document.locations[reference.id].map { (reference.id, $0.line) }
    }.sorted { $0.1 < $1.1 }
    var damaged: Set<String> = []
    for (offset, (id, line)) in starts.enumerated() {
      let end = offset + 1 < starts.count ? starts[offset + 1].1 : Int.max
      if lines.contains(where: { $0 >= line && $0 < end }) { damaged.insert(id) }
    }
    result.document.references.removeAll { damaged.contains($0.id) }
    for id in damaged.sorted() {
      result.diagnostics.append(
        Diagnostic(
          .error, code: "entry-skipped", message: "entry '\(id)' skipped: it holds invalid UTF-8",
          location: result.document.locations[id]))
      result.document.locations[id] = nil
    }
    return result
  }
}
