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

  /// `font-style` values, spelled as in the specification.
  public enum FontStyle: String, Sendable, Hashable { case normal, italic, oblique }
  /// `font-variant` values, spelled as in the specification.
  public enum FontVariant: String, Sendable, Hashable { case normal, smallCaps = "small-caps" }
  /// `font-weight` values, spelled as in the specification.
  public enum FontWeight: String, Sendable, Hashable { case normal, bold, light }
  /// `text-decoration` values, spelled as in the specification.
  public enum TextDecoration: String, Sendable, Hashable { case none, underline }
  /// `vertical-align` values, spelled as in the specification.
  public enum VerticalAlign: String, Sendable, Hashable { case baseline, sup, sub }
  /// `display` values, spelled as in the specification.
  public enum Display: String, Sendable, Hashable {
    case block, leftMargin = "left-margin", rightInline = "right-inline", indent
  }
  /// `text-case` values, spelled as in the specification.
  public enum TextCase: String, Sendable, Hashable {
    case lowercase, uppercase, capitalizeFirst = "capitalize-first"
    case capitalizeAll = "capitalize-all", sentence, title
  }
  /// Term and variable forms (`form`) values, spelled as in the specification.
  public enum Form: String, Sendable, Hashable {
    case long, short, verb, verbShort = "verb-short", symbol
  }
  /// `plural` of `cs:label` values, spelled as in the specification.
  public enum Plural: String, Sendable, Hashable { case contextual, always, never }
  /// `form` of `cs:number` values, spelled as in the specification.
  public enum NumberForm: String, Sendable, Hashable {
    case numeric, ordinal, longOrdinal = "long-ordinal", roman
  }
  /// `class` of `cs:style` values, spelled as in the specification.
  public enum StyleClass: String, Sendable, Hashable { case inText = "in-text", note }
  /// `page-range-format` values, spelled as in the specification.
  public enum PageRangeFormat: String, Sendable, Hashable {
    case chicago, chicago15 = "chicago-15", chicago16 = "chicago-16", expanded, minimal
    case minimalTwo = "minimal-two"
  }
  /// `demote-non-dropping-particle` values, spelled as in the specification.
  public enum DemoteParticle: String, Sendable, Hashable {
    case never, sortOnly = "sort-only", displayAndSort = "display-and-sort"
  }
  /// `givenname-disambiguation-rule` values, spelled as in the specification.
  public enum GivennameRule: String, Sendable, Hashable {
    case allNames = "all-names", allNamesWithInitials = "all-names-with-initials"
    case primaryName = "primary-name", primaryNameWithInitials = "primary-name-with-initials"
    case byCite = "by-cite"
  }
  /// `collapse` of `cs:citation` values, spelled as in the specification.
  public enum Collapse: String, Sendable, Hashable {
    case citationNumber = "citation-number", year, yearSuffix = "year-suffix"
    case yearSuffixRanged = "year-suffix-ranged"
  }
  /// `subsequent-author-substitute-rule` values, spelled as in the specification.
  public enum SubsequentAuthorRule: String, Sendable, Hashable {
    case completeAll = "complete-all", completeEach = "complete-each"
    case partialEach = "partial-each", partialFirst = "partial-first"
  }
  /// `match` of `cs:if` / `cs:else-if` values, spelled as in the specification.
  public enum Match: String, Sendable, Hashable { case all, any, none }
  /// `sort` of `cs:key` values, spelled as in the specification.
  public enum SortDirection: String, Sendable, Hashable { case ascending, descending }
}
