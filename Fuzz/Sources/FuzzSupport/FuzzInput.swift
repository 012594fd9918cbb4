/// The bytes libFuzzer hands a target, read as choices by the structure-aware generators: each
/// read takes the next byte (zero once they run out), so every input means one structure.
public struct FuzzInput {
  public let bytes: [UInt8]
  private var position = 0

  public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  }

  /// The whole input as text (invalid UTF-8 repaired, as a file read by Cited would be).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  public var isExhausted: Bool { position >= bytes.count }

  /// The next byte.
  public mutating func byte() -> UInt8 {
    guard position < bytes.count else { return 0 }
    defer { position += 1 }
    return bytes[position]
  }

  /// A number in 0..<count (count > 0).
  public mutating func choose(_ count: Int) -> Int { Int(byte()) % max(count, 1) }

  /// One of the values.
  public mutating func pick<Value>(_ values: [Value]) -> Value { values[choose(values.count)] }
}
