import BibModel

/// The engine's use of BibModel's `ParallelMap`: chunks of at least `threshold` items, each
/// with its own `RenderCache` (caches are not shared between threads).
extension ParallelMap {
  /// Below this many items the work runs on the calling thread.
  static let threshold = 256

  /// Per-item rendering: from `minimumCount` items on, chunks of at least `itemsPerChunk`
  /// run side by side, each rendering with its own copies of the styles
  /// (`RenderCache.privateStyle`). Work whose items differ widely in cost (groups of
  /// colliding cites) asks for small chunks, so that no chunk is left running alone.
  static func map<T: Sendable>(
    count: Int, minimumCount: Int = threshold, itemsPerChunk: Int = threshold,
    _ body: @Sendable (Range<Int>, RenderCache) -> [T]
  ) -> [T] {
    let parallel = count >= minimumCount && count >= 2
    return map(count: count, minimumCount: minimumCount, itemsPerChunk: itemsPerChunk) { range in
      body(range, RenderCache(rendersInParallel: parallel))
    }
  }
}
