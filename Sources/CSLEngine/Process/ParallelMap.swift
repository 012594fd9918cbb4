import Dispatch
import Synchronization

/// Runs independent, pure work over index ranges on all cores and returns the results in
/// order. Each chunk gets its own `RenderCache` (caches are not shared between threads).
enum ParallelMap {
  /// Below this many items the work runs on the calling thread.
  static let threshold = 256

  static func map<T: Sendable>(
    count: Int, _ body: @Sendable (Range<Int>, RenderCache) -> [T]
  ) -> [T] {
    guard count >= threshold else { return body(0..<count, RenderCache()) }
    let chunks = min(16, max(2, count / threshold))
    let size = (count + chunks - 1) / chunks
    let results = Mutex<[Int: [T]]>([:])
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let range = (chunk * size)..<min(count, (chunk + 1) * size)
      guard !range.isEmpty else { return }
      let values = body(range, RenderCache())
      results.withLock { $0[chunk] = values }
    }
    return results.withLock { table in
      (0..<chunks).flatMap { table[$0] ?? [] }
    }
  }
}
