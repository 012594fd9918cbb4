import BibFormats

/// The output of the last `cited check`, kept for a second run over the same input (in the
/// project's `.cited/check-cache`). Pure: the command reads and writes the file.
///
/// The key covers everything the output depends on: the settings (format, options, the check
/// configuration's text, the date, the binary) and every input file's path, size and content
/// hash, so any edit, added or removed file or new build misses. An entry that does not decode
/// exactly (wrong header, length or checksum) is ignored, never trusted.
public struct CheckCache: Sendable, Equatable {
  public var key: String
  /// The exit status the run ended with.
  public var status: Int32
  /// What the run printed.
  public var output: String

  public init(key: String, status: Int32, output: String) {
    self.key = key
    self.status = status
    self.output = output
  }

  static let header = "cited check cache 1"

  /// The key of a run: `settings` in order, then every file by path, size and content hash.
  public static func key(settings: [String], files: [(path: String, bytes: [UInt8])]) -> String {
    var material = settings.map { "setting \($0.count) " + $0 }.joined(separator: "\n")
    for file in files {
      material += "\nfile \(file.path.utf8.count) \(file.path) \(file.bytes.count) " + SafeFile.hash(file.bytes)
    }
    let bytes = Array(material.utf8)
    return SafeFile.hash(bytes) + SafeFile.hash(bytes.reversed()) + String(bytes.count, radix: 16)
  }

  /// The entry as bytes: a header of five lines, then the output.
  public func encoded() -> [UInt8] {
    let body = Array(output.utf8)
    let lines = [Self.header, key, String(status), String(body.count), SafeFile.hash(body)]
    return Array((lines.joined(separator: "\n") + "\n").utf8) + body
  }

  /// The entry in `bytes`, or nil when they are not exactly one well-formed entry.
  public static func decode(_ bytes: [UInt8]) -> CheckCache? {
    var lines: [String] = []
    var start = 0
    var index = 0
    while lines.count < 5, index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        guard let line = String(validating: bytes[start..<index], as: UTF8.self) else { return nil }
        lines.append(line)
        start = index + 1
      }
      index += 1
    }
    guard lines.count == 5, lines[0] == header, let status = Int32(lines[2]), let length = Int(lines[3]),
      length == bytes.count - start
    else { return nil }
    let body = Array(bytes[start...])
    guard SafeFile.hash(body) == lines[4], let output = String(validating: body, as: UTF8.self) else { return nil }
    return CheckCache(key: lines[1], status: status, output: output)
  }
}
