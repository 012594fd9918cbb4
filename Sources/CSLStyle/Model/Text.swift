import BibModel

extension CSL {
  /// `cs:text`.
  public struct Text: Sendable, Hashable {
    /// What the element prints.
    public enum Source: Sendable, Hashable {
      case variable(CSLVariable, Form)
      case macro(String)
      case term(String, Form, plural: Bool)
      case value(String)
    }
    /// The fields, shared until changed (`SharedValue`): the renderer copies a `cs:text` at
    /// every one it reaches, and a copy of the fields retained each string in them.
    private struct Fields: Hashable, Sendable {
      var source: Source
      var decoration: Decoration
      var multilingual: MultilingualOptions?
      var macroIndex: Int?
      var termIndex: Int?

      // The macro and term indices are look-up aids, not part of the element: left out of `==`
      // and hashing.
      static func == (lhs: Fields, rhs: Fields) -> Bool {
        lhs.source == rhs.source && lhs.decoration == rhs.decoration && lhs.multilingual == rhs.multilingual
      }

      func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(decoration)
        hasher.combine(multilingual)
      }
    }

    private var shared: SharedValue<Fields>

    public var source: Source {
      get { shared.value.source }
      set { shared.value.source = newValue }
    }
    public var decoration: Decoration {
      get { shared.value.decoration }
      set { shared.value.decoration = newValue }
    }
    /// Cited's multilingual extension (`cited:form`, `cited:lang`); nil when unused.
    public var multilingual: MultilingualOptions? {
      get { shared.value.multilingual }
      set { shared.value.multilingual = newValue }
    }

    /// For a macro call, where the compiled style that holds this element keeps the macro
    /// (set when the style is compiled, so rendering reaches the macro without its name); nil
    /// until then, and for other sources.
    public var macroIndex: Int? {
      get { shared.value.macroIndex }
      set { shared.value.macroIndex = newValue }
    }

    /// For a term, where the compiled style that holds this element keeps the term's output,
    /// resolved once from its locale (set when the style is compiled); nil until then, and
    /// for other sources.
    public var termIndex: Int? {
      get { shared.value.termIndex }
      set { shared.value.termIndex = newValue }
    }

    public init(source: Source, decoration: Decoration = Decoration()) {
      shared = SharedValue(Fields(source: source, decoration: decoration))
    }
  }

  /// `cs:number`.
  public struct Number: Sendable, Hashable {
    public var variable: CSLVariable
    public var form: NumberForm
    public var decoration: Decoration
    public init(variable: CSLVariable, form: NumberForm = .numeric, decoration: Decoration = Decoration()) {
      self.variable = variable
      self.form = form
      self.decoration = decoration
    }
  }

  /// `cs:label` (also the label inside `cs:names`, whose variable is the names' variable).
  public struct Label: Sendable, Hashable {
    public var variable: CSLVariable
    public var form: Form
    public var plural: Plural
    public var decoration: Decoration
    public init(
      variable: CSLVariable, form: Form = .long, plural: Plural = .contextual, decoration: Decoration = Decoration()
    ) {
      self.variable = variable
      self.form = form
      self.plural = plural
      self.decoration = decoration
    }
  }

  /// `cs:group`.
  public struct Group: Sendable, Hashable {
    public var children: [Element]
    public var delimiter: String?
    public var decoration: Decoration
    public init(children: [Element], delimiter: String? = nil, decoration: Decoration = Decoration()) {
      self.children = children
      self.delimiter = delimiter
      self.decoration = decoration
    }
  }
}
