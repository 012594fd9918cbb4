import Synchronization

/// A value behind a lock, shared by threads: a `Mutex` in a generic class, which the
/// engine's caches hold (see `MacroMemo` for why not a `Mutex` of their own).
/// Inlinable, so that a caller's use is specialized for its value: unspecialized, each
/// `withLock` looked up the `Mutex<Value>` metadata at run time (~300 instructions).
public final class Locked<Value>: Sendable {
  @usableFromInline let mutex: Mutex<Value>

  public init(_ value: sending Value) { mutex = Mutex(value) }

  /// Runs `body` with the value, under the lock.
  @inlinable
  public func withLock<Result>(_ body: (inout sending Value) throws -> sending Result) rethrows -> sending Result {
    try mutex.withLock(body)
  }
}
