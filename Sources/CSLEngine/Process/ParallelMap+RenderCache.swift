import BibModel

/// The engine's use of BibModel's `ParallelMap`: items rendered in batches the cores take in
/// turn, each core with its own `RenderCache` (caches are not shared between threads).
extension ParallelMap {
  /// Below this many items the work runs on the calling thread.
  static let threshold = 256

  /// How many parts a table keyed by `Prehashed` values is split into for `count` items (one
  /// below the threshold, where the work stays on the calling thread).
  static func tableParts(for count: Int) -> Int { count < threshold ? 1 : 8 }

  /// Per-item rendering: from `minimumCount` items on, batches of `batch` items run on all
  /// cores, each core rendering with its own copies of the styles
  /// (`RenderCache.privateStyle`). Work whose items differ widely in cost (groups of
  /// colliding cites) asks for batches of one.
  static func map<T: Sendable>(
    count: Int, minimumCount: Int = threshold, batch: Int = 32, _ body: @Sendable (Range<Int>, RenderCache) -> [T]
  ) -> [T] {
    map(count: count, minimumCount: minimumCount, batch: batch, makeState: { RenderCache(rendersInParallel: $0) }) {
      range, cache in body(range, cache)
    }
  }
}
