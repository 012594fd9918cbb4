import Synchronization

/// A value behind a lock, shared by threads: a `Mutex` in a generic class, which the
/// engine's caches hold (see `MacroMemo` for why not a `Mutex` of their own).
public final class Locked<Value>: Sendable {
  private let mutex: Mutex<Value>

  public init(_ value: sending Value) { mutex = Mutex(value) }

  /// Runs `body` with the value, under the lock.
  public func withLock<Result>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
    try mutex.withLock(body)
  }
}
