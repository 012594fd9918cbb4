import BibModel

/// A declared `precision` must be a date precision no finer than what the value says.
struct DatePrecisionRule: CheckRule {
  public static let info = RuleInfo(
    id: "date-precision", severity: .error,
    summary:
      "`precision:` is not year/month/day, is given for a value that is not a date, "
      + "or is finer than the value written.",
    fix: "Write the date as precisely as the precision claims (`1980-03-17` for `day`), or lower the precision.")
  public init() {}
  public var info: RuleInfo { Self.info }

  public func check(_ context: CheckContext) -> [Diagnostic] {
    var found: [Diagnostic] = []
    context.forEachStatement { _, statement, index in
      guard let text = statement.precision else { return }
      let location = statement.precisionLocation ?? statement.location
      guard let precision = DatePrecision(rawValue: text) else {
        found.append(info.finding("precision must be year, month or day; found '\(text)'", at: location))
        return
      }
      switch statement.value {
      case .date(let date) where precision > date.precision:
        found.append(
          info.finding(
            "\(statement.label(index: index)): precision '\(text)' is finer than the value \(date) allows",
            at: location))
      case .date, .uninterpreted, .unknownValue, .noValue: return
      default:
        found.append(
          info.finding("\(statement.label(index: index)): precision is only for date values", at: location))
      }
    }
    return found
  }
}
