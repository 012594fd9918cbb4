import BibModel
import Testing

@testable import BibFormats

/// The CSL-JSON members that differ between two references, for short failure messages.
func difference(_ lhs: Reference, _ rhs: Reference) -> String {
  let left = CSLBlob.members(lhs)
  let right = CSLBlob.members(rhs)
  var lines: [String] = []
  if lhs.id != rhs.id { lines.append("id \(lhs.id) → \(rhs.id)") }
  for key in Set(left.keys).union(right.keys).sorted() where left[key] != right[key] {
    let l = left[key].map { JSONWriter.write($0, pretty: false) } ?? "nil"
    let r = right[key].map { JSONWriter.write($0, pretty: false) } ?? "nil"
    lines.append("\(key): \(l) → \(r)")
  }
  return lines.joined(separator: "\n")
}

/// Records one issue per differing reference (at most three).
func expectSameReferences(_ actual: [Reference], _ expected: [Reference], _ label: String) {
  #expect(actual.map(\.id) == expected.map(\.id), "\(label): ids")
  var reported = 0
  for (back, original) in zip(actual, expected) where back != original && reported < 3 {
    Issue.record("\(label): '\(original.id)' changed: \(difference(original, back))")
    reported += 1
  }
}

/// The first differing line of two texts.
func firstDifference(_ lhs: String, _ rhs: String) -> String {
  let left = lhs.split(separator: "\n", omittingEmptySubsequences: false)
  let right = rhs.split(separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(left.count, right.count) {
    let l = index < left.count ? String(left[index]) : "<end>"
    let r = index < right.count ? String(right[index]) : "<end>"
    if l != r { return "line \(index + 1):\n  \(l)\n  \(r)" }
  }
  return "same"
}

extension String {
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
