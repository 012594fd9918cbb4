/// Text with its hash value computed once, where it was made (on all cores): tables keyed by it
/// hash an integer and compare the text only where hashes meet.
struct HashedText: Hashable, Sendable {
  let text: String
  let hash: Int

  init(_ text: String) {
    self.text = text
    hash = text.hashValue
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }

  static func == (lhs: HashedText, rhs: HashedText) -> Bool { lhs.hash == rhs.hash && lhs.text == rhs.text }
}
