import BibModel

extension CSL {
  /// `cs:date`: a localized date (`form` set) or a style-defined one.
  public struct Date: Sendable, Hashable {
    /// `form` of a localized `cs:date` values, spelled as in the specification.
    public enum LocalizedForm: String, Sendable, Hashable { case numeric, text }
    /// `date-parts` values, spelled as in the specification.
    public enum PartsShown: String, Sendable, Hashable {
      case yearMonthDay = "year-month-day", yearMonth = "year-month", year
    }
    public var variable: CSLVariable
    public var form: LocalizedForm?
    public var partsShown: PartsShown
    public var parts: [DatePart]
    public var delimiter: String?
    public var decoration: Decoration
    public init(
      variable: CSLVariable, form: LocalizedForm? = nil, partsShown: PartsShown = .yearMonthDay,
      parts: [DatePart] = [], delimiter: String? = nil, decoration: Decoration = Decoration()
    ) {
      self.variable = variable
      self.form = form
      self.partsShown = partsShown
      self.parts = parts
      self.delimiter = delimiter
      self.decoration = decoration
    }
  }

  /// `cs:date-part`.
  public struct DatePart: Sendable, Hashable {
    /// `name` of `cs:date-part` values, spelled as in the specification.
    public enum Name: String, Sendable, Hashable { case day, month, year }
    /// `form` of `cs:date-part` values, spelled as in the specification.
    public enum PartForm: String, Sendable, Hashable {
      case numeric, numericLeadingZeros = "numeric-leading-zeros", ordinal, long, short
    }
    public var name: Name
    public var form: PartForm?
    public var rangeDelimiter: String?
    public var decoration: Decoration
    public init(name: Name, form: PartForm? = nil, rangeDelimiter: String? = nil, decoration: Decoration = Decoration())
    {
      self.name = name
      self.form = form
      self.rangeDelimiter = rangeDelimiter
      self.decoration = decoration
    }
  }
}
