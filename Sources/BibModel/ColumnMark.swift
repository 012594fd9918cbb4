/// Where a reader's last column count stopped (a byte offset and its 1-based column): readers
/// ask for columns in increasing order, so counting on from the mark keeps one-line (minified)
/// text linear. `JSONParser` and `JSONArraySplitter` count with it, so the two agree.
struct ColumnMark: Sendable {
  var offset = 0
  var value = 1

  /// The column (in characters: Unicode scalars) of `index` on the line that starts at
  /// `lineStart`, counted on from the mark when the mark is on that line and before `index`.
  mutating func column(of index: Int, lineStart: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    if offset < lineStart || offset > index {
      offset = lineStart
      value = 1
    }
    let end = max(offset, min(index, bytes.count))
    value += JSONParser.scalarCount(bytes, offset..<end)
    offset = end
    return value
  }
}
