import BibModel
import CSLStyle

extension Renderer {
  /// One name in the style's form, honouring disambiguation's given-name expansion.
  func formatName(_ person: Name, index: Int, options: CSL.NameOptions, name: CSL.Name?, sortOrder: Bool) -> Node {
    let familyPart = name?.familyPart
    let givenPart = name?.givenPart
    if let literal = person.literal, !literal.isEmpty {
      return decoratePart(RichText.parse(literal), familyPart)
    }
    let level = disambiguation.givenLevels[index] ?? 0
    var form = options.form ?? .long
    var initializeWith = options.initializeWith
    var initialize = options.initialize ?? true
    if level >= 1 && form == .short { form = .long }
    if level >= 2 || (level == 1 && options.form == .short && initializeWith == nil) {
      initializeWith = nil
    }
    if level >= 2 { initialize = true }
    let family = person.family ?? ""
    var given = person.given ?? ""
    let dropping = person.droppingParticle ?? ""
    let nonDropping = person.nonDroppingParticle ?? ""
    let suffix = person.suffix ?? ""
    if let initializeWith, !given.isEmpty {
      given = Self.initials(
        given, with: initializeWith, hyphen: compiled.style.initializeWithHyphen, initialize: initialize)
    }
    if person.isNonRomanic {
      let familyNode = decoratePart(.text(family), familyPart)
      if form == .short || given.isEmpty { return familyNode }
      return .sequence([familyNode, decoratePart(.text(given), givenPart)])
    }
    let familyWithParticle = Self.joinParticle(nonDropping, family)
    if form == .short || given.isEmpty && dropping.isEmpty {
      var node = decoratePart(.text(familyWithParticle), familyPart)
      if form != .short, !suffix.isEmpty { node = .sequence([node, .text(" " + suffix)]) }
      return node
    }
    if sortOrder {
      let separator = options.sortSeparator ?? ", "
      let demote = compiled.style.demoteNonDroppingParticle == .displayAndSort
        || (mode == .sort && compiled.style.demoteNonDroppingParticle == .sortOnly)
      var pieces: [Node] = []
      if demote {
        pieces.append(decoratePart(.text(family), familyPart))
        let givenText = [given, dropping, nonDropping].filter { !$0.isEmpty }.joined(separator: " ")
        if !givenText.isEmpty {
          pieces.append(.text(separator))
          pieces.append(decoratePart(.text(givenText), givenPart))
        }
      } else {
        pieces.append(decoratePart(.text(familyWithParticle), familyPart))
        let givenText = [given, dropping].filter { !$0.isEmpty }.joined(separator: " ")
        if !givenText.isEmpty {
          pieces.append(.text(separator))
          pieces.append(decoratePart(.text(givenText), givenPart))
        }
      }
      if !suffix.isEmpty { pieces.append(.text(separator + suffix)) }
      return .sequence(pieces)
    }
    var pieces: [Node] = []
    if !given.isEmpty {
      pieces.append(decoratePart(.text(given), givenPart))
      pieces.append(.text(" "))
    }
    let fullFamily = Self.joinParticle(dropping, familyWithParticle)
    pieces.append(decoratePart(.text(fullFamily), familyPart))
    if !suffix.isEmpty { pieces.append(.text((person.commaSuffix ? ", " : " ") + suffix)) }
    return .sequence(pieces)
  }

  private func decoratePart(_ node: Node, _ decoration: CSL.Decoration?) -> Node {
    guard let decoration else { return node }
    return decorate(node, decoration)
  }

  static func joinParticle(_ particle: String, _ family: String) -> String {
    guard !particle.isEmpty else { return family }
    guard !family.isEmpty else { return particle }
    if let last = particle.last, last == "'" || last == "\u{2019}" || last == "-" { return particle + family }
    return particle + " " + family
  }

  /// Turns given names into initials ("Jean-Paul Marie" → "J.-P. M.").
  static func initials(_ given: String, with mark: String, hyphen: Bool, initialize: Bool) -> String {
    var result = ""
    let words = given.split(whereSeparator: { $0 == " " || $0 == "." }).map(String.init)
    for (wordIndex, word) in words.enumerated() {
      let pieces = word.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
      var wordResult = ""
      for (pieceIndex, piece) in pieces.enumerated() {
        guard let first = piece.first else { continue }
        let isInitial = piece.count == 1 || (piece.count <= 3 && piece.allSatisfy { $0.isUppercase })
        if initialize || isInitial {
          if first.isLowercase && piece.count > 1 && !isInitial {
            // Lowercase particles in given names stay whole ("de").
            wordResult += piece + " "
            continue
          }
          if pieceIndex > 0 {
            if hyphen {
              wordResult = String(wordResult.reversed().drop { $0 == " " }.reversed())
              wordResult += "-"
            }
          }
          if isInitial && piece.count > 1 && piece.allSatisfy({ $0.isUppercase }) {
            wordResult += piece.map { String($0) + mark }.joined()
          } else {
            wordResult += String(first) + mark
          }
        } else {
          if pieceIndex > 0 { wordResult += "-" }
          wordResult += piece + (pieceIndex == pieces.count - 1 ? " " : "")
        }
      }
      result += wordResult
      _ = wordIndex
    }
    return String(result.reversed().drop { $0 == " " }.reversed())
  }
}
