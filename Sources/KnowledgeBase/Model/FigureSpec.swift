import BibModel

/// A figure of the report, as the schema's `report.figures` declares it. The drawing kinds are
/// generic; which properties they draw and every word they print come from the schema.
public struct FigureSpec: Sendable, Hashable {
  /// The figure's anchor is `figure-ID`.
  public var id: String
  /// The title after `Figure N: `; `{count}` is replaced by the number of things drawn.
  public var title: String
  /// What the figure draws.
  public var drawing: Drawing
  public var location: SourceLocation

  public init(id: String, title: String, drawing: Drawing, location: SourceLocation) {
    self.id = id
    self.title = title
    self.drawing = drawing
    self.location = location
  }

  /// The kinds of drawing.
  public enum Drawing: Sendable, Hashable {
    /// `hub`: the entities an entity's list property names, drawn around that entity.
    case hub(Hub)
    /// `levels`: boxes one above the other, each listing the values of some properties of one entity.
    case levels(Levels)
    /// `network`: one entity in the middle and the entities its relation properties name.
    case network(Network)
    /// `timeline`: a bar per entity from a start date to an end date, with marks and points.
    case timeline(Timeline)
  }

  public struct Hub: Sendable, Hashable {
    /// The list property whose first holder is the hub (`categories`).
    public var list: String
    /// When no entity holds the list: every entity of this kind.
    public var kind: String?
    /// The hub's label when no entity holds the list.
    public var hubLabel: String?

    public init(list: String, kind: String? = nil, hubLabel: String? = nil) {
      self.list = list
      self.kind = kind
      self.hubLabel = hubLabel
    }
  }

  public struct Levels: Sendable, Hashable {
    public var levels: [Level]
    /// A qualifier whose value is shown in parentheses after a value (`extent`).
    public var qualifier: String?

    public init(levels: [Level], qualifier: String? = nil) {
      self.levels = levels
      self.qualifier = qualifier
    }

    /// The entity drawn is the first holding the first level's first property.
    public var anchorProperty: String? { levels.first?.show.first?.property }
  }

  public struct Level: Sendable, Hashable {
    public var label: String
    public var show: [Shown]

    public init(label: String, show: [Shown]) {
      self.label = label
      self.show = show
    }
  }

  /// A property whose values a figure prints, each after `prefix` (`at most `).
  public struct Shown: Sendable, Hashable {
    public var property: String
    public var prefix: String

    public init(property: String, prefix: String = "") {
      self.property = property
      self.prefix = prefix
    }
  }

  public struct Network: Sendable, Hashable {
    /// The entities that may stand in the middle: those with `property` = `value`.
    public var property: String
    public var value: String
    /// The id of the entity preferred in the middle when it qualifies.
    public var prefer: String?
    /// The relation properties drawn, in order.
    public var relations: [String]
    /// Drawn dashed when the subject has no statement of the property.
    public var unnamed: [Placeholder]
    /// The caption when a subject is drawn; `{name}` is the subject's name.
    public var caption: String?

    public init(
      property: String, value: String, prefer: String? = nil, relations: [String], unnamed: [Placeholder] = [],
      caption: String? = nil
    ) {
      self.property = property
      self.value = value
      self.prefer = prefer
      self.relations = relations
      self.unnamed = unnamed
      self.caption = caption
    }
  }

  /// A dashed box for a relation no source names.
  public struct Placeholder: Sendable, Hashable {
    public var property: String
    public var lines: [String]
    public var tooltip: String
    public var description: String

    public init(property: String, lines: [String], tooltip: String, description: String) {
      self.property = property
      self.lines = lines
      self.tooltip = tooltip
      self.description = description
    }
  }

  public struct Timeline: Sendable, Hashable {
    public var start: Mark
    public var end: Mark
    /// A date drawn as a diamond (`converted-to-commission`).
    public var marker: Mark?
    /// Dates drawn as rings, for entities known only by a year (`active-in`).
    public var points: Mark?

    public init(start: Mark, end: Mark, marker: Mark? = nil, points: Mark? = nil) {
      self.start = start
      self.end = end
      self.marker = marker
      self.points = points
    }
  }

  /// A date property and the words that describe it (`converted into a commission`; default:
  /// the property's label).
  public struct Mark: Sendable, Hashable {
    public var property: String
    public var label: String?

    public init(property: String, label: String? = nil) {
      self.property = property
      self.label = label
    }
  }
}
