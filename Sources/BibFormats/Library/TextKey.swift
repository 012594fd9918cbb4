import BibModel
import Foundation

/// Folding helpers for matching and key generation: markup removed, diacritics stripped,
/// lowercased ASCII letters and digits.
enum TextKey {
  /// Removes CSL rich-text tags (`<i>`, `<span class="nocase">`…).
  static func stripMarkup(_ text: String) -> String {
    guard text.contains("<") else { return text }
    var output = ""
    var inTag = false
    for character in text {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        output.append(character)
      }
    }
    return output
  }

  /// `Ångström–Über` → `angstromuber`; non-Latin letters are kept (lowercased).
  static func fold(_ text: String, keepSpaces: Bool = false) -> String {
    let decomposed = stripMarkup(text).decomposedStringWithCanonicalMapping
    var output = String.UnicodeScalarView()
    for scalar in decomposed.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      switch scalar {
      case "ß": output.append(contentsOf: "ss".unicodeScalars)
      case "æ", "Æ": output.append(contentsOf: "ae".unicodeScalars)
      case "ø", "Ø": output.append("o")
      case "ł", "Ł": output.append("l")
      case "đ", "Đ": output.append("d")
      case "œ", "Œ": output.append(contentsOf: "oe".unicodeScalars)
      case "ı": output.append("i")
      default:
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
          output.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        } else if keepSpaces && (scalar.properties.isWhitespace || scalar == "-") {
          if output.last != " " { output.append(" ") }
        }
      }
    }
    return String(output).trim(" ")
  }

  /// Only ASCII letters and digits of the folded text.
  static func asciiFold(_ text: String) -> String {
    String(fold(text).unicodeScalars.filter { $0.isASCII }.map(Character.init))
  }

  /// A DOI without resolver prefixes, lowercased (DOIs are case-insensitive).
  static func normalizedDOI(_ text: String) -> String? {
    var doi = text.trim(" \t\n").lowercased()
    for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
    where doi.hasPrefix(prefix) {
      doi = String(doi.dropFirst(prefix.count))
    }
    return doi.hasPrefix("10.") ? doi : nil
  }

  /// The ISBNs in a field as ISBN-13 digits (ISBN-10s converted), ignoring invalid ones.
  static func normalizedISBNs(_ text: String) -> [String] {
    var result: [String] = []
    for candidate in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
      let digits = candidate.uppercased().filter { $0.isNumber || $0 == "X" }
      if digits.count == 13, ISBN.isValid13(digits) { result.append(digits) }
      if digits.count == 10, ISBN.isValid10(digits) { result.append(ISBN.to13(digits)) }
    }
    return result
  }
}

/// ISBN check digits.
public enum ISBN {
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
