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
    let results = Locked<[[T]]>(Array(repeating: [], count: chunks))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      // Clamped: with few items per chunk the last chunks can start past the end.
      let range = min(count, chunk * size)..<min(count, (chunk + 1) * size)
      guard !range.isEmpty else { return }
      let values = body(range)
      results.withLock { $0[chunk] = values }
    }
    return joined(results, chunks: chunks)
  }

  /// Runs `body` over `0..<count` in batches of `batch` items that the cores take in turn, each
  /// core with its own `State` (made by `makeState` when the core starts), and joins the
  /// results in order. A core that finishes early takes the next batch, so no core waits for a
  /// slow one at the end (fixed chunks left one core idle for up to a chunk's time), and each
  /// core keeps one state (caches) for all its batches. Below `minimumCount` items the work runs
  /// on the calling thread in one batch.
  public static func map<T: Sendable, State>(
    count: Int, minimumCount: Int, batch: Int, makeState: @Sendable (_ parallel: Bool) -> State,
    _ body: @Sendable (Range<Int>, inout State) -> [T]
  ) -> [T] {
    guard count >= minimumCount, count >= 2 else {
      var state = makeState(false)
      return body(0..<max(0, count), &state)
    }
    let size = max(1, batch)
    let batches = (count + size - 1) / size
    let next = NextBatch()
    let results = Locked<[[T]]>(Array(repeating: [], count: batches))
    DispatchQueue.concurrentPerform(iterations: min(16, batches)) { _ in
      var state: State?
      while true {
        let index = next.take()
        guard index < batches else { return }
        var current = state ?? makeState(true)
        let values = body(index * size..<min(count, (index + 1) * size), &current)
        state = current
        results.withLock { $0[index] = values }
      }
    }
    return joined(results, chunks: batches)
  }

  /// The chunks' results in order, copied into place on all cores: each core takes a chunk's
  /// array out of the table, copies it to its offset and frees it. Joined on one core, copying
  /// every result (retaining its parts) and then freeing the chunk arrays (releasing them
  /// again) held the other cores idle between two parallel steps.
  private static func joined<T: Sendable>(_ results: Locked<[[T]]>, chunks: Int) -> [T] {
    let counts = results.withLock { table in table.map(\.count) }
    var starts: [Int] = []
    var total = 0
    for count in counts {
      starts.append(total)
      total += count
    }
    guard total > 0 else { return [] }
    let offsets = starts
    let target = [T](unsafeUninitializedCapacity: total) { buffer, initialized in
      let base = Destination(address: buffer.baseAddress)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let values = results.withLock { table in
          defer { table[chunk] = [] }
          return table[chunk]
        }
        guard let address = base.address else { return }
        values.withUnsafeBufferPointer { source in
          guard let start = source.baseAddress else { return }
          (address + offsets[chunk]).initialize(from: start, count: source.count)
        }
      }
      initialized = total
    }
    return target
  }

  /// The batch counter the cores take their next batch from. It and the results' lock are
  /// held in classes, not on the stack captured by the concurrent closures: with the results'
  /// `Mutex` on the stack, debug builds with Swift 6.3.1 corrupted the heap (one report test in
  /// two crashed in a double release once the processor held one array fewer; see also
  /// `MacroMemo`); the `Atomic`, the same kind of value, moved with it.
  private final class NextBatch: Sendable {
    private let counter = Atomic<Int>(0)
    func take() -> Int { counter.wrappingAdd(1, ordering: .relaxed).oldValue }
  }

  /// Where the joined results go. Every chunk writes its own disjoint part of the buffer, and
  /// the buffer outlives the concurrent step, so sharing the address across threads is safe.
  private struct Destination<T>: @unchecked Sendable {
    let address: UnsafeMutablePointer<T>?
  }

  /// An order-preserving map of `inputs`, for work that is pure per element.
  public static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], minimumCount: Int = 64, _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    map(count: inputs.count, minimumCount: minimumCount) { range in inputs[range].map(transform) }
  }
}
