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
    return String(output).trimmingCharacters(in: " ")
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
