/// ISBN check digits.
public enum ISBN {
  /// True for ten digits (the last may be `X`) with a correct mod-11 check digit.
  public static func isValid10(_ digits: String) -> Bool {
    let characters = Array(digits)
    guard characters.count == 10 else { return false }
    var sum = 0
    for (offset, character) in characters.enumerated() {
      let value: Int
      if character == "X" && offset == 9 {
        value = 10
      } else if let digit = character.wholeNumberValue, character.isASCII {
        value = digit
      } else {
        return false
      }
      sum += value * (10 - offset)
    }
    return sum % 11 == 0
  }

  /// True for thirteen digits with a correct mod-10 (1-3 weighted) check digit.
  public static func isValid13(_ digits: String) -> Bool {
    let values = digits.compactMap { $0.isASCII ? $0.wholeNumberValue : nil }
    guard values.count == 13, digits.count == 13 else { return false }
    let sum = values.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
    return sum % 10 == 0
  }

  static func to13(_ isbn10: String) -> String {
    let body = "978" + isbn10.prefix(9)
    let values = body.compactMap(\.wholeNumberValue)
    let sum = values.enumerated().reduce(0) { $0 + $1.element * ($1.offset % 2 == 0 ? 1 : 3) }
    return body + String((10 - sum % 10) % 10)
  }
}
