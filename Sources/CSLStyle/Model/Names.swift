import BibModel

extension CSL {
  /// `cs:names`. Its fields are shared until changed (`SharedValue`): the renderer copies a
  /// `cs:names` at every use, and the fields are many.
  public struct Names: Sendable, Hashable {
    private struct Fields: Hashable, Sendable {
      var variables: [CSLVariable]
      var name: Name?
      var etAl: EtAl?
      var label: Label?
      var labelFirst = false
      var substitute: [Element]?
      var substituteTestsDisambiguate = false
      var delimiter: String?
      var decoration: Decoration
      var multilingual: MultilingualOptions?
    }

    private var shared: SharedValue<Fields>

    public var variables: [CSLVariable] {
      get { shared.value.variables }
      set { shared.value.variables = newValue }
    }
    public var name: Name? {
      get { shared.value.name }
      set { shared.value.name = newValue }
    }
    public var etAl: EtAl? {
      get { shared.value.etAl }
      set { shared.value.etAl = newValue }
    }
    public var label: Label? {
      get { shared.value.label }
      set { shared.value.label = newValue }
    }
    /// True when the label comes before the name.
    public var labelFirst: Bool {
      get { shared.value.labelFirst }
      set { shared.value.labelFirst = newValue }
    }
    public var substitute: [Element]? {
      get { shared.value.substitute }
      set {
        shared.value.substitute = newValue
        shared.value.substituteTestsDisambiguate = Self.testsDisambiguate(newValue ?? [])
      }
    }
    /// True when a `cs:choose` among the substitute's candidates (or in a branch of one)
    /// tests `disambiguate`: the renderer then decides every such choose before trying the
    /// candidates, as the test counts in that order.
    public var substituteTestsDisambiguate: Bool { shared.value.substituteTestsDisambiguate }

    /// No `cs:name`, `cs:et-al` or `cs:label` of its own: inside `cs:substitute` such a
    /// `cs:names` takes them, and its affixes, from the one it replaces. Read in place (the
    /// getters copied each element to compare it with nil).
    public var isBare: Bool {
      shared.value.name == nil && shared.value.etAl == nil && shared.value.label == nil
    }

    private static func testsDisambiguate(_ elements: [Element]) -> Bool {
      elements.contains { element in
        guard case .choose(let choose) = element else { return false }
        let tests = choose.branches.contains { $0.condition.tests.contains(where: \.isDisambiguate) }
        return tests || choose.branches.contains { testsDisambiguate($0.children) }
          || testsDisambiguate(choose.otherwise)
      }
    }
    public var delimiter: String? {
      get { shared.value.delimiter }
      set { shared.value.delimiter = newValue }
    }
    public var decoration: Decoration {
      get { shared.value.decoration }
      set { shared.value.decoration = newValue }
    }
    /// Cited's multilingual extension (`cited:name-form`, …); nil when unused.
    public var multilingual: MultilingualOptions? {
      get { shared.value.multilingual }
      set { shared.value.multilingual = newValue }
    }

    public init(variables: [CSLVariable], decoration: Decoration = Decoration()) {
      shared = SharedValue(Fields(variables: variables, decoration: decoration))
    }

    /// The identity of the fields' storage: copies that share it (none written since) have the
    /// same identity, so a renderer can key what it works out from a `cs:names` by it.
    public var storageIdentity: ObjectIdentifier { shared.identity }

    /// A copy sharing no storage with this one (`CSL.Style.unshared`).
    func unshared() -> Names {
      var fields = shared.value
      fields.variables = fields.variables.map(Unshared.variable)
      fields.name = fields.name?.unshared()
      fields.etAl = fields.etAl.map { etAl in
        EtAl(term: Unshared.string(etAl.term), decoration: etAl.decoration.unshared())
      }
      fields.label = fields.label.map { label in
        var copy = label
        copy.variable = Unshared.variable(label.variable)
        copy.decoration = label.decoration.unshared()
        return copy
      }
      fields.substitute = fields.substitute.map(Unshared.elements)
      fields.delimiter = fields.delimiter.map(Unshared.string)
      fields.decoration = fields.decoration.unshared()
      var copy = self
      copy.shared = SharedValue(fields)
      return copy
    }
  }

  /// `cs:name`: its options (inheritable ones merged at render time) and part formatting,
  /// shared until changed (`SharedValue`).
  public struct Name: Sendable, Hashable {
    private struct Fields: Hashable, Sendable {
      var options = NameOptions()
      var decoration = Decoration()
      var givenPart: Decoration?
      var familyPart: Decoration?
      var multilingual: MultilingualOptions?
    }

    private var shared = SharedValue(Fields())

    public var options: NameOptions {
      get { shared.value.options }
      set { shared.value.options = newValue }
    }
    public var decoration: Decoration {
      get { shared.value.decoration }
      set { shared.value.decoration = newValue }
    }
    public var givenPart: Decoration? {
      get { shared.value.givenPart }
      set { shared.value.givenPart = newValue }
    }
    public var familyPart: Decoration? {
      get { shared.value.familyPart }
      set { shared.value.familyPart = newValue }
    }
    /// Cited's multilingual extension (`cited:name-form`, …); nil when unused.
    public var multilingual: MultilingualOptions? {
      get { shared.value.multilingual }
      set { shared.value.multilingual = newValue }
    }

    public init() {}

    /// A copy sharing no storage with this one (`CSL.Style.unshared`).
    func unshared() -> Name {
      var fields = shared.value
      fields.options.delimiter = fields.options.delimiter.map(Unshared.string)
      fields.options.initializeWith = fields.options.initializeWith.map(Unshared.string)
      fields.options.sortSeparator = fields.options.sortSeparator.map(Unshared.string)
      fields.decoration = fields.decoration.unshared()
      fields.givenPart = fields.givenPart?.unshared()
      fields.familyPart = fields.familyPart?.unshared()
      var copy = self
      copy.shared = SharedValue(fields)
      return copy
    }
  }

  /// `cs:et-al`.
  public struct EtAl: Sendable, Hashable {
    public var term: String
    public var decoration: Decoration
    public init(term: String = "et-al", decoration: Decoration = Decoration()) {
      self.term = term
      self.decoration = decoration
    }
  }

  /// The name options that `cs:style`, `cs:citation` and `cs:bibliography` pass down.
  public struct NameOptions: Sendable, Hashable {
    /// `and` values, spelled as in the specification.
    public enum And: String, Sendable, Hashable { case text, symbol }
    /// `delimiter-precedes-et-al` / `delimiter-precedes-last` values, spelled as in the specification.
    public enum DelimiterRule: String, Sendable, Hashable {
      case contextual, afterInvertedName = "after-inverted-name", always, never
    }
    /// `form` of `cs:name` values, spelled as in the specification.
    public enum NameForm: String, Sendable, Hashable { case long, short, count }
    /// `name-as-sort-order` values, spelled as in the specification.
    public enum SortOrder: String, Sendable, Hashable { case first, all }
    public var and: And?
    public var delimiter: String?
    public var delimiterPrecedesEtAl: DelimiterRule?
    public var delimiterPrecedesLast: DelimiterRule?
    public var etAlMin: Int?
    public var etAlUseFirst: Int?
    public var etAlSubsequentMin: Int?
    public var etAlSubsequentUseFirst: Int?
    public var etAlUseLast: Bool?
    public var form: NameForm?
    public var initialize: Bool?
    public var initializeWith: String?
    public var nameAsSortOrder: SortOrder?
    public var sortSeparator: String?
    public init() {}

    /// These options with unset ones taken from `parent`.
    public func inheriting(_ parent: NameOptions) -> NameOptions {
      // Built field by field: a copy of these options changed field by field retained and
      // released each string twice (this runs at every `cs:names` rendered).
      var merged = NameOptions()
      merged.and = and ?? parent.and
      merged.delimiter = delimiter ?? parent.delimiter
      merged.delimiterPrecedesEtAl = delimiterPrecedesEtAl ?? parent.delimiterPrecedesEtAl
      merged.delimiterPrecedesLast = delimiterPrecedesLast ?? parent.delimiterPrecedesLast
      merged.etAlMin = etAlMin ?? parent.etAlMin
      merged.etAlUseFirst = etAlUseFirst ?? parent.etAlUseFirst
      merged.etAlSubsequentMin = etAlSubsequentMin ?? parent.etAlSubsequentMin
      merged.etAlSubsequentUseFirst = etAlSubsequentUseFirst ?? parent.etAlSubsequentUseFirst
      merged.etAlUseLast = etAlUseLast ?? parent.etAlUseLast
      merged.form = form ?? parent.form
      merged.initialize = initialize ?? parent.initialize
      merged.initializeWith = initializeWith ?? parent.initializeWith
      merged.nameAsSortOrder = nameAsSortOrder ?? parent.nameAsSortOrder
      merged.sortSeparator = sortSeparator ?? parent.sortSeparator
      return merged
    }

    /// These options with the unset et-al ones (`et-al-min`, `-use-first`, the subsequent pair,
    /// `-use-last`) taken from `parent`.
    public func inheritingEtAl(_ parent: NameOptions) -> NameOptions {
      var merged = self
      merged.etAlMin = etAlMin ?? parent.etAlMin
      merged.etAlUseFirst = etAlUseFirst ?? parent.etAlUseFirst
      merged.etAlSubsequentMin = etAlSubsequentMin ?? parent.etAlSubsequentMin
      merged.etAlSubsequentUseFirst = etAlSubsequentUseFirst ?? parent.etAlSubsequentUseFirst
      merged.etAlUseLast = etAlUseLast ?? parent.etAlUseLast
      return merged
    }
  }
}
