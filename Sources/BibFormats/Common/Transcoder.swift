#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Decodes bytes in a named legacy encoding (`latin1`, `windows-1252`, `gbk`, `gb18030`,
/// `shift_jis`, `koi8-r`…) through the C library's iconv. Bytes the encoding cannot decode become
/// U+FFFD and are returned by offset, so the caller can report each one.
enum Transcoder {
  /// The text and the byte offsets that did not decode; nil when the encoding is unknown.
  struct Output {
    var text: String
    var invalidOffsets: [Int]
  }

  /// Names people write (`latin1`, `cp1252`, `GBK`) mapped to names iconv knows.
  static func iconvName(_ name: String) -> String {
    let lower = name.lowercased().filter { $0 != " " }
    switch lower {
    case "latin1", "latin-1", "iso8859-1", "iso-8859-1", "l1": return "ISO-8859-1"
    case "windows-1252", "cp1252", "win1252", "windows1252", "ansi": return "WINDOWS-1252"
    case "gbk", "cp936", "gb2312", "euc-cn": return "GBK"
    case "gb18030": return "GB18030"
    case "shift_jis", "shift-jis", "sjis", "cp932", "windows-31j": return "CP932"
    case "utf16", "utf-16": return "UTF-16"
    default: return name.uppercased()
    }
  }

  /// True when iconv knows the encoding.
  static func isKnown(_ name: String) -> Bool {
    let descriptor = iconv_open("UTF-8", iconvName(name))
    guard descriptor != invalidDescriptor else { return false }
    iconv_close(descriptor)
    return true
  }

  private static var invalidDescriptor: iconv_t? { iconv_t(bitPattern: -1) }

  /// Decodes `bytes` from `encoding` into UTF-8 text.
  static func decode(_ bytes: [UInt8], from encoding: String) -> Output? {
    let descriptor = iconv_open("UTF-8", iconvName(encoding))
    guard descriptor != invalidDescriptor else { return nil }
    defer { iconv_close(descriptor) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count * 2)
    var invalid: [Int] = []
    var input = bytes
    var offset = 0
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while offset < input.count {
      let (consumed, produced, failed) = step(descriptor, &input, from: offset, into: &chunk)
      output.append(contentsOf: chunk[0..<produced])
      offset += consumed
      if failed, offset < input.count {
        invalid.append(offset)
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
        offset += 1
      } else if consumed == 0 && produced == 0 {
        break
      }
    }
    return Output(text: String(decoding: output, as: UTF8.self), invalidOffsets: invalid)
  }

  /// One iconv call from `offset`: bytes consumed, bytes produced, and whether it stopped at
  /// an invalid or incomplete sequence.
  private static func step(
    _ descriptor: iconv_t?, _ input: inout [UInt8], from offset: Int, into chunk: inout [UInt8]
  )
    -> (Int, Int, Bool)
  {
    let total = input.count - offset
    let capacity = chunk.count
    return input.withUnsafeMutableBufferPointer { inBuffer in
      chunk.withUnsafeMutableBufferPointer { outBuffer in
        guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return (0, 0, true) }
        var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase + offset)
          .assumingMemoryBound(to: CChar.self)
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
          .assumingMemoryBound(to: CChar.self)
        var inLeft = total
        var outLeft = capacity
        let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
        let failed = result == -1 && errno != E2BIG
        return (total - inLeft, capacity - outLeft, failed)
      }
    }
  }
}
