import Dispatch

/// An order-preserving map over all cores, for work that is pure per element.
enum ParallelMap {
  static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], minimumCount: Int = 64, _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    guard inputs.count >= minimumCount else { return inputs.map(transform) }
    let chunks = min(16, inputs.count)
    let results = ResultSlots<[Output]>(count: chunks)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let lower = inputs.count * chunk / chunks
      let upper = inputs.count * (chunk + 1) / chunks
      results.set(chunk, inputs[lower..<upper].map(transform))
    }
    return results.values.flatMap { $0 ?? [] }
  }
}

/// Slots written once each from concurrent workers; guarded by a lock.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLockLike()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.withLock { slots[index] = value }
  }

  var values: [Value?] { lock.withLock { slots } }
}

/// A minimal lock on a dispatch semaphore (no Foundation needed).
private final class NSLockLike: @unchecked Sendable {
  private let semaphore = DispatchSemaphore(value: 1)
  func withLock<T>(_ body: () -> T) -> T {
    semaphore.wait()
    defer { semaphore.signal() }
    return body()
  }
}
