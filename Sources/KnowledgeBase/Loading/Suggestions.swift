/// Did-you-mean suggestions by edit distance.
public enum Suggestions {
  /// The candidate closest to `word` within a distance of about a third of its length (at least 2).
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(2, word.count / 3)
    var best: (String, Int)?
    for candidate in candidates {
      guard abs(candidate.count - word.count) <= limit else { continue }
      let distance = editDistance(word, candidate, limit: limit)
      if distance <= limit, distance < (best?.1 ?? Int.max) || (distance == best?.1 && candidate < (best?.0 ?? "")) {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  /// Levenshtein distance (insertions, deletions, substitutions), stopping early past `limit`.
  public static func editDistance(_ lhs: String, _ rhs: String, limit: Int = Int.max) -> Int {
    let a = Array(lhs.unicodeScalars)
    let b = Array(rhs.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        rowMinimum = min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return rowMinimum }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
