extension Renderer {
  /// Initials of a given name written with inline markup ("<b>John</b> Quiggly"): the
  /// initials are worked out on the plain text, then each initial takes the markup that
  /// opened around its word's first letter ("<b>J.</b> Q."). When words and initials do not
  /// line up one to one, the plain initials are returned.
  static func markedInitials(_ given: String, with mark: String, hyphen: Bool, initialize: Bool) -> String {
    var plain: [Character] = []
    var tagsAt: [[String]] = []  // the open tags around each plain character
    var open: [String] = []
    var index = given.startIndex
    while index < given.endIndex {
      let character = given[index]
      if character == "<", let close = given[index...].firstIndex(of: ">") {
        let tag = String(given[index...close])
        if tag.hasPrefix("</") {
          if !open.isEmpty { open.removeLast() }
        } else if !tag.hasSuffix("/>") {
          open.append(tag)
        }
        index = given.index(after: close)
        continue
      }
      plain.append(character)
      tagsAt.append(open)
      index = given.index(after: index)
    }
    let result = initials(String(plain), with: mark, hyphen: hyphen, initialize: initialize, markup: false)
    let separators: Set<Character> = [" ", ".", "-"]
    var wordTags: [[String]] = []
    for (position, character) in plain.enumerated() where !separators.contains(character) {
      if position == 0 || separators.contains(plain[position - 1]) { wordTags.append(tagsAt[position]) }
    }
    // Initials groups: runs between spaces and hyphens ("J." "Q." in "J.-Q.").
    var groups: [String] = []
    var glue: [String] = []
    var current = ""
    var between = ""
    for character in result {
      if character == " " || character == "-" {
        if !current.isEmpty {
          groups.append(current)
          current = ""
        }
        between.append(character)
      } else {
        if current.isEmpty {
          glue.append(between)
          between = ""
        }
        current.append(character)
      }
    }
    if !current.isEmpty { groups.append(current) }
    guard groups.count == wordTags.count, wordTags.contains(where: { !$0.isEmpty }) else { return result }
    var output = ""
    for (position, group) in groups.enumerated() {
      output += glue[position]
      let tags = wordTags[position]
      let closing = tags.reversed().map { tag in
        "</" + String(tag.dropFirst().prefix { $0 != " " && $0 != ">" }) + ">"
      }
      output += tags.joined() + group + closing.joined()
    }
    return output + between
  }
}
