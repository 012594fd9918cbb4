import BibModel

/// The engine's use of BibModel's `ParallelMap`: chunks of at least `threshold` items, each
/// with its own `RenderCache` (caches are not shared between threads).
extension ParallelMap {
  /// Below this many items the work runs on the calling thread.
  static let threshold = 256

  static func map<T: Sendable>(count: Int, _ body: @Sendable (Range<Int>, RenderCache) -> [T]) -> [T] {
    // Chunks run side by side only from `threshold` items on; each renders with its own
    // copies of the styles then (`RenderCache.privateStyle`).
    let parallel = count >= threshold
    return map(count: count, minimumCount: threshold, itemsPerChunk: threshold) { range in
      body(range, RenderCache(rendersInParallel: parallel))
    }
  }
}
