import Dispatch
import Synchronization

/// An order-preserving map over all cores, for work that is pure per element.
enum ParallelMap {
  static func map<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], minimumCount: Int = 64, _ transform: @Sendable (Input) -> Output
  ) -> [Output] {
    guard inputs.count >= minimumCount else { return inputs.map(transform) }
    let chunks = min(16, inputs.count)
    let results = Mutex<[[Output]?]>(Array(repeating: nil, count: chunks))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      let lower = inputs.count * chunk / chunks
      let upper = inputs.count * (chunk + 1) / chunks
      let mapped = inputs[lower..<upper].map(transform)
      results.withLock { $0[chunk] = mapped }
    }
    return results.withLock { $0.flatMap { $0 ?? [] } }
  }
}
