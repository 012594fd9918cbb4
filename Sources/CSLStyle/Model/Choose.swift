extension CSL {
  /// `cs:choose`: the first branch whose condition holds renders; else the `else` branch.
  public struct Choose: Sendable, Hashable {
    public var branches: [Branch]
    public var otherwise: [Element]
    public init(branches: [Branch], otherwise: [Element] = []) {
      self.branches = branches
      self.otherwise = otherwise
    }
  }

  /// `cs:if` / `cs:else-if`.
  public struct Branch: Sendable, Hashable {
    public var condition: Condition
    public var children: [Element]
    public init(condition: Condition, children: [Element]) {
      self.condition = condition
      self.children = children
    }
  }

  /// The tests of one branch, combined by `match`.
  public struct Condition: Sendable, Hashable {
    public enum Test: Sendable, Hashable {
      case disambiguate(Bool)
      case isNumeric(String)
      case isUncertainDate(String)
      case locator(String)
      case position(String)
      case type(String)
      case variable(String)
    }
    public var tests: [Test]
    public var match: Match
    public init(tests: [Test], match: Match = .all) {
      self.tests = tests
      self.match = match
    }
  }
}
