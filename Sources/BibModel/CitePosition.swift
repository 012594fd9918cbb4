/// A cite's position relative to earlier cites of the same item, by the names CSL's
/// `position` condition uses. Any name is accepted and kept as written.
public struct CitePosition: CSLVocabulary {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }

  // The CSL 1.0.2 positions.
  public static let first: CitePosition = "first"
  public static let subsequent: CitePosition = "subsequent"
  public static let ibid: CitePosition = "ibid"
  public static let ibidWithLocator: CitePosition = "ibid-with-locator"
  public static let nearNote: CitePosition = "near-note"

  /// The position as the CSL test suite numbers forced positions (0 first, 1 subsequent,
  /// 2 ibid, 3 ibid-with-locator); nil for any other number.
  public init?(testSuiteNumber: Int) {
    switch testSuiteNumber {
    case 0: self = .first
    case 1: self = .subsequent
    case 2: self = .ibid
    case 3: self = .ibidWithLocator
    default: return nil
    }
  }
}
