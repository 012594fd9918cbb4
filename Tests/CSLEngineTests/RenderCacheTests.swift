import Testing

@testable import CSLEngine

/// A run's cache hands its thread one private copy of each style it renders with, the same
/// copy every time it is asked, whichever style it was asked for last.
@Suite struct RenderCacheTests {
  /// A small compiled style (the twin tests' own).
  static func compiled() throws -> CompiledStyle { try ItemTwinTests.compiled() }

  @Test func eachStyleKeepsItsOwnCopyWhateverWasAskedBefore() throws {
    let (first, second) = (try Self.compiled(), try Self.compiled())
    let cache = RenderCache(rendersInParallel: true)
    let firstCopy = cache.privateStyle(first)
    let secondCopy = cache.privateStyle(second)
    #expect(firstCopy !== first && secondCopy !== second && firstCopy !== secondCopy)
    #expect(firstCopy.identity == first.identity && secondCopy.identity == second.identity)
    // Asked in turns and twice in a row: the last one asked for, and the others from the table.
    for style in [first, first, second, first, second, second] {
      let copy = cache.privateStyle(style)
      #expect(copy === (style === first ? firstCopy : secondCopy))
    }
  }

  @Test func aRunOnOneThreadRendersWithTheStyleItself() throws {
    let style = try Self.compiled()
    let cache = RenderCache()
    #expect(cache.privateStyle(style) === style)
    #expect(cache.privateStyle(style) === style)
  }
}
