/// A set of name indices (a list's positions) held in one word, with no storage to allocate:
/// disambiguation records which given-name levels each comparing rendering read, tens of
/// thousands of times a run. Indices from 64 on are not told apart: once one is inserted, the
/// set contains every one of them (a rendering that read one is taken to read them all).
struct NameIndexSet: Sendable, Equatable {
  private var bits: UInt64 = 0
  private var beyond = false

  init() {}

  mutating func insert(_ index: Int) {
    if index >= 0 && index < 64 { bits |= 1 << UInt64(index) } else { beyond = true }
  }

  func contains(_ index: Int) -> Bool {
    index >= 0 && index < 64 ? bits & (1 << UInt64(index)) != 0 : beyond
  }

  mutating func formUnion(_ other: NameIndexSet) {
    bits |= other.bits
    beyond = beyond || other.beyond
  }
}
