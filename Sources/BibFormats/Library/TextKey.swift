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

  /// `Ångström–Über` → `angstromuber`; non-Latin letters are kept (lowercased). Built as a
  /// String (appending to a `String.UnicodeScalarView` made a 1 MB title take minutes).
  static func fold(_ text: String, keepSpaces: Bool = false) -> String {
    let decomposed = stripMarkup(text).decomposedStringWithCanonicalMapping
    var output = ""
    var lastIsSpace = false
    for scalar in decomposed.unicodeScalars {
      if scalar.properties.generalCategory == .nonspacingMark { continue }
      var piece = ""
      switch scalar {
      case "ß": piece = "ss"
      case "æ", "Æ": piece = "ae"
      case "ø", "Ø": piece = "o"
      case "ł", "Ł": piece = "l"
      case "đ", "Đ": piece = "d"
      case "œ", "Œ": piece = "oe"
      case "ı": piece = "i"
      default:
        if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
          piece = String(scalar).lowercased()
        } else if keepSpaces && (scalar.properties.isWhitespace || scalar == "-") {
          if !lastIsSpace { output += " " }
          lastIsSpace = true
          continue
        }
      }
      output += piece
      if !piece.isEmpty { lastIsSpace = false }
    }
    return output.trimmingCharacters(in: " ")
  }

  /// Only ASCII letters and digits of the folded text.
  static func asciiFold(_ text: String) -> String {
    String(fold(text).unicodeScalars.filter { $0.isASCII }.map(Character.init))
  }

  /// A DOI without resolver prefixes, lowercased (DOIs are case-insensitive).
  static func normalizedDOI(_ text: String) -> String? {
    var doi = text.trimmingCharacters(in: " \t\n").lowercased()
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
