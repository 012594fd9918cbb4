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
