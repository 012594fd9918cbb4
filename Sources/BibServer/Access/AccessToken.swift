import Crypto

/// Bearer tokens: 32 random bytes shown once, stored only as their SHA-256.
public enum AccessToken {
  /// A new token (`cited_` and 64 hex digits) from the system's secure generator.
  public static func generate() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return "cited_" + hex(bytes)
  }

  /// The stored form of a token.
  public static func hash(_ token: String) -> String {
    hex(Array(SHA256.hash(data: Array(token.utf8))))
  }

  /// Creates a token with `scope` under `name` in `store` and returns it (the only time it is seen).
  /// A name names one token, so that revoking it says which: a name in use is refused.
  public static func add(name: String, scope: TokenScope, to store: any LibraryStore) async throws -> String {
    guard !name.isEmpty else { throw StoreError("a token needs a name") }
    if try await store.tokens().contains(where: { $0.name == name }) {
      throw StoreError(
        "a token named '\(name)' exists; revoke it first (cited serve token revoke) or choose another name")
    }
    let token = generate()
    try await store.addToken(name: name, hash: hash(token), scope: scope)
    return token
  }

  private static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return text
  }
}
