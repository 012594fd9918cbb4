import Foundation

/// The fields of an `application/x-www-form-urlencoded` body (what an HTML form posts).
struct FormBody: Sendable {
  var fields: [String: String] = [:]

  init(_ bytes: [UInt8]) {
    for pair in String(decoding: bytes, as: UTF8.self).split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = parts.first.map(Self.decode) else { continue }
      fields[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
    }
  }

  subscript(name: String) -> String? { fields[name] }

  private static func decode(_ text: Substring) -> String {
    let spaced = text.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }
}
