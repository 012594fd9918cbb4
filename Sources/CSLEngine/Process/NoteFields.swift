import BibModel

/// citeproc-js reads `name: value` lines in `note` as extra variables ("cheater syntax"):
/// `event-date: 2004-10-01/2004-10-14`, `original-author: Doe || John`, `type: book`.
enum NoteFields {
  /// The reference is taken: the processor hands over its own copy, which comes back as it is
  /// (the usual case) or changed (taken as a borrowed value, it was copied once more).
  static func apply(_ reference: consuming Reference) -> Reference {
    guard let note = reference.variables["note"], note.contains(":") else { return reference }
    var result = consume reference
    var kept: [Substring] = []
    for line in note.split(separator: "\n", omittingEmptySubsequences: false) {
      guard let colon = line.firstIndex(of: ":") else {
        kept.append(line)
        continue
      }
      let key = String(line[..<colon]).trimmingCharacters(in: " {}")
      let value = String(line[line.index(after: colon)...]).trimmingSpaces()
      guard !value.isEmpty, !key.contains(" ") else {
        kept.append(line)
        continue
      }
      let variable = CSLVariable(key)
      if key == "type", CSLVariables.itemTypes.contains(ItemType(value)) {
        result.type = ItemType(value)
      } else if CSLVariables.dates.contains(variable) {
        if result.dates[variable] == nil, let date = DateValue.parseEDTF(value) { result.dates[variable] = date }
      } else if CSLVariables.names.contains(variable) {
        let parts = value.components(separatedBy: "||").map { $0.trimmingSpaces() }
        let name = parts.count > 1 ? Name(family: parts[0], given: parts[1]) : Name(literal: parts[0])
        result.names[variable, default: []].append(name)
      } else if CSLVariables.standard.contains(variable) || CSLVariables.numbers.contains(variable) {
        if result.variables[variable] == nil { result.variables[variable] = value }
      } else {
        kept.append(line)
        continue
      }
    }
    let rest = kept.joined(separator: "\n").trimmingCharacters(in: " \n")
    result.variables["note"] = rest.isEmpty ? nil : rest
    return result
  }
}

extension String {
  func components(separatedBy separator: String) -> [String] {
    var result: [String] = []
    var rest = Substring(self)
    while let range = rest.range(of: separator) {
      result.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    result.append(String(rest))
    return result
  }
}

extension Substring {
  func range(of needle: String) -> Range<Substring.Index>? {
    guard !needle.isEmpty else { return nil }
    var start = startIndex
    while start < endIndex {
      if self[start...].hasPrefix(needle) {
        return start..<(index(start, offsetBy: needle.count))
      }
      start = index(after: start)
    }
    return nil
  }
}
