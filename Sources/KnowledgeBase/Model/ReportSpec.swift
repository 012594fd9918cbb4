/// What `cited report` shows beyond every entity and statement: the other forms of a name shown
/// under each entity's heading, and the figures. Read from the schema's `report:` section, so the
/// research domain's vocabulary lives in the schema and the report code stays generic.
public struct ReportSpec: Sendable, Hashable {
  /// Forms of an entity's name shown next to it (`Characters: 中央…`), in order; the first also
  /// appears in figures and after former names.
  public var names: [NameFormSpec]
  /// The figures, in order; each is numbered by its place in this list.
  public var figures: [FigureSpec]

  public init(names: [NameFormSpec] = [], figures: [FigureSpec] = []) {
    self.names = names
    self.figures = figures
  }
}
