/// The CSL 1.0.2 style and locale model. Types live in this caseless namespace so they never
/// clash with Foundation (`CSL.Date`, `CSL.Text`). Attribute values are enums whose raw values
/// are spelled as in the specification.
public enum CSL {}

extension CSL {
  /// One rendering element of a layout, macro or branch.
  public indirect enum Element: Sendable, Hashable {
    case text(Text)
    case number(Number)
    case label(Label)
    case date(Date)
    case names(Names)
    case group(Group)
    case choose(Choose)
  }

  public enum FontStyle: String, Sendable, Hashable { case normal, italic, oblique }
  public enum FontVariant: String, Sendable, Hashable { case normal, smallCaps = "small-caps" }
  public enum FontWeight: String, Sendable, Hashable { case normal, bold, light }
  public enum TextDecoration: String, Sendable, Hashable { case none, underline }
  public enum VerticalAlign: String, Sendable, Hashable { case baseline, sup, sub }
  public enum Display: String, Sendable, Hashable {
    case block, leftMargin = "left-margin", rightInline = "right-inline", indent
  }
  public enum TextCase: String, Sendable, Hashable {
    case lowercase, uppercase, capitalizeFirst = "capitalize-first"
    case capitalizeAll = "capitalize-all", sentence, title
  }
  public enum Form: String, Sendable, Hashable {
    case long, short, verb, verbShort = "verb-short", symbol
  }
  public enum Plural: String, Sendable, Hashable { case contextual, always, never }
  public enum NumberForm: String, Sendable, Hashable {
    case numeric, ordinal, longOrdinal = "long-ordinal", roman
  }
  public enum StyleClass: String, Sendable, Hashable { case inText = "in-text", note }
  public enum PageRangeFormat: String, Sendable, Hashable {
    case chicago, chicago15 = "chicago-15", chicago16 = "chicago-16", expanded, minimal
    case minimalTwo = "minimal-two"
  }
  public enum DemoteParticle: String, Sendable, Hashable {
    case never, sortOnly = "sort-only", displayAndSort = "display-and-sort"
  }
  public enum GivennameRule: String, Sendable, Hashable {
    case allNames = "all-names", allNamesWithInitials = "all-names-with-initials"
    case primaryName = "primary-name", primaryNameWithInitials = "primary-name-with-initials"
    case byCite = "by-cite"
  }
  public enum Collapse: String, Sendable, Hashable {
    case citationNumber = "citation-number", year, yearSuffix = "year-suffix"
    case yearSuffixRanged = "year-suffix-ranged"
  }
  public enum SubsequentAuthorRule: String, Sendable, Hashable {
    case completeAll = "complete-all", completeEach = "complete-each"
    case partialEach = "partial-each", partialFirst = "partial-first"
  }
  public enum Match: String, Sendable, Hashable { case all, any, none }
  public enum SortDirection: String, Sendable, Hashable { case ascending, descending }
}
