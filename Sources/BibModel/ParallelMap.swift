import Dispatch
import Synchronization

/// Runs independent, pure work over index ranges on all cores and returns the results in
/// order: the engine's per-item rendering and the knowledge base's per-file reading share it.
public enum ParallelMap {
  /// Splits `0..<count` into at most 16 chunks of at least `itemsPerChunk` items (two at the
  /// least), runs `body` on each concurrently and joins the results in order. Below
  /// `minimumCount` items the work runs on the calling thread as one chunk.
  public static func map<T: Sendable>(
    count: Int, minimumCount: Int, itemsPerChunk: Int = 1, _ body: @Sendable (Range<Int>) -> [T]
  ) -> [T] {
    guard count >= minimumCount, count >= 2 else { return body(0..<max(0, count)) }
    let chunks = min(16, max(2, count / max(1, itemsPerChunk)))
    let size = (count + chunks - 1) / chunks
    let results = Mutex<[Int: [T]]>([:])
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      // Clamped: with few items per chunk the last chunks can start past the end.
      let range = min(count, chunk * size)..<min(count, (chunk + 1) * size)
      guard !range.isEmpty else { return }
      let values = body(range)
      results.withLock { $0[chunk] = values }
    }
    return results.withLock { table in
      (0..<chunks).flatMap { table[$0] ?? [] }
    }
  }

  /// An order-preserving map of `inputs`, for work that is pure per element.
  public static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], minimumCount: Int = 64, _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    map(count: inputs.count, minimumCount: minimumCount) { range in inputs[range].map(transform) }
  }
}
