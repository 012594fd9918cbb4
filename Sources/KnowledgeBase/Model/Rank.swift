/// Wikidata's statement rank.
public enum Rank: String, Sendable, Hashable, CaseIterable, Comparable {
  case deprecated, normal, preferred

  private var order: Int {
    switch self {
    case .deprecated: 0
    case .normal: 1
    case .preferred: 2
    }
  }

  public static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.order < rhs.order }
}
