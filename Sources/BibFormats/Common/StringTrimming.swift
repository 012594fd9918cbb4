extension String {
  /// Trims the given characters from both ends (BibModel's helper under an unambiguous name).
  func trim(_ characters: String) -> String {
    // Scalars, not Characters: "\r\n" in the set is one Character but two scalars.
    let set = Array(characters.unicodeScalars)
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !set.contains($0) }),
      let last = scalars.lastIndex(where: { !set.contains($0) })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Substring {
  func trim(_ characters: String) -> String { String(self).trim(characters) }
}
