import BibModel

extension CSL {
  /// `cs:choose`: the first branch whose condition holds renders; else the `else` branch.
  public struct Choose: Sendable, Hashable {
    public var branches: [Branch] {
      didSet { quickConditions = branches.map(\.condition.quick) }
    }
    public var otherwise: [Element]
    /// Per branch, its condition in words (`Condition.Quick`), nil where it has none: read
    /// from here, a condition is not copied out of its branch.
    public private(set) var quickConditions: [Condition.Quick?]

    public init(branches: [Branch], otherwise: [Element] = []) {
      self.branches = branches
      self.otherwise = otherwise
      quickConditions = branches.map(\.condition.quick)
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
    /// One test of a condition.
    public enum Test: Sendable, Hashable {
      case disambiguate(Bool)
      case isNumeric(CSLVariable)
      case isUncertainDate(CSLVariable)
      case locator(LocatorType)
      case position(CitePosition)
      case type(ItemType)
      case variable(CSLVariable)
      /// Cited's `cited:has-form`: the item has this form of this variable.
      case hasForm(MultilingualForm, variable: CSLVariable)

      /// A `disambiguate` test: the one whose evaluation counts (the renderer numbers the
      /// tests that held).
      public var isDisambiguate: Bool {
        if case .disambiguate = self { return true }
        return false
      }
    }
    public var tests: [Test] {
      didSet { index() }
    }
    public var match: Match
    /// The `type` tests as a set, and the other tests, for quick evaluation.
    public private(set) var types: Set<ItemType> = []
    public private(set) var otherTests: [Test] = []
    /// The known types of `types` as bits at their ordinals (`ItemType.ordinal`): an item of a
    /// known type is one of `types` exactly when its bit is set.
    public private(set) var typeBits: UInt64 = 0

    /// A condition of `type` tests of types Cited knows and `variable` tests of names it
    /// knows (most conditions), as words: the type bits (`typeBits`) and the variables as
    /// bits of their ordinals. A renderer answers it without reading the tests.
    public struct Quick: Sendable, Hashable {
      public var match: Match
      public var hasTypeTests: Bool
      public var typeBits: UInt64
      public var variables: VariableBits
    }

    /// The condition as words; nil when a test is of another kind or names a type or
    /// variable Cited does not know.
    public var quick: Quick? {
      var variables = VariableBits()
      for test in tests {
        switch test {
        case .type(let type): guard (0..<64).contains(type.ordinal) else { return nil }
        case .variable(let name): guard variables.insert(name) else { return nil }
        default: return nil
        }
      }
      return Quick(match: match, hasTypeTests: !types.isEmpty, typeBits: typeBits, variables: variables)
    }

    /// Whether `type` is one of `types`.
    @inlinable public func listsType(_ type: ItemType) -> Bool {
      if (0..<64).contains(type.ordinal) { return type.isListed(in: typeBits) }
      return types.contains(type)
    }

    public init(tests: [Test], match: Match = .all) {
      self.tests = tests
      self.match = match
      index()
    }

    private mutating func index() {
      types = []
      otherTests = []
      typeBits = 0
      for test in tests {
        guard case .type(let type) = test else {
          otherTests.append(test)
          continue
        }
        types.insert(type)
        if (0..<64).contains(type.ordinal) { typeBits |= 1 << UInt64(type.ordinal) }
      }
    }
  }
}
