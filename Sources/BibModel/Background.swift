import Dispatch
import Synchronization

/// One piece of work started on another thread now and awaited later, so that independent
/// steps of a command overlap on two cores.
public final class Background<Value: Sendable>: Sendable {
  private let value = Mutex<Value?>(nil)
  private let done = DispatchSemaphore(value: 0)

  public init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async { self.finish(work()) }
  }

  private func finish(_ result: Value) {
    value.withLock { $0 = result }
    done.signal()
  }

  /// The work's value; waits for it the first time.
  public func wait() -> Value {
    while true {
      if let ready = value.withLock({ $0 }) { return ready }
      // The value is set before the signal; signal again so that a later wait returns too.
      done.wait()
      done.signal()
    }
  }
}
