/// Why the filter could not run: one clear message, printed once, exit status non-zero.
public struct PandocFilterError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
