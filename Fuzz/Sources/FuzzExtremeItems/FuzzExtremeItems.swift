import BibFormats
import BibModel
import FuzzSupport

/// libFuzzer entry, structure-aware: the bytes choose CSL-JSON items whose numbers come from the
/// extremes (±2^63, 10^15, 19-digit pages, empty and odd ranges), which random bytes rarely form
/// as valid JSON. The items are read as a file would be, then rendered through a bundled style.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var input = FuzzInput(data, size)
  var items: [String] = []
  while !input.isExhausted && items.count < 16 { items.append(ExtremeItem.json(&input, number: items.count)) }
  let json = "[" + items.joined(separator: ",") + "]"
  let result = BibFormats.read(Array(json.utf8), format: .cslJSON, file: "fuzz.json")
  FuzzRendering.renderWithBundledStyle(result.references)
  return 0
}

enum ExtremeItem {
  static let numbers = [
    "0", "-1", "1", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1000000000000000",
    "-1000000000000000", "999999", "-999999", "1000000", "2147483648", "1e308", "-0", "12",
  ]
  static let pages = [
    "1-9223372036854775807", "12345678901234567890-12345678901234567891", "-5", "5-", "iv-xii", "3--", "A1-A3",
    "100-2", "9223372036854775807-9223372036854775806", "1,3-5,9223372036854775807",
  ]
  static let types = ["book", "article-journal", "chapter", "webpage", "thesis"]

  /// One item: type, issued and accessed date parts, page, volume, edition, number.
  static func json(_ input: inout FuzzInput, number: Int) -> String {
    func part() -> String { input.pick(numbers) }
    let date =
      "[[" + part() + "," + part() + "," + part() + "]" + (input.choose(2) == 0 ? "" : ",[" + part() + "]") + "]"
    return """
      {"id":"i\(number)","type":"\(input.pick(types))","title":"T\(number)",\
      "author":[{"family":"F\(input.choose(4))","given":"G"}],"issued":{"date-parts":\(date)},\
      "accessed":{"date-parts":[[\(part())]]},"page":"\(input.pick(pages))","volume":\(part()),\
      "edition":"\(part())","number":"\(part())","citation-number":\(part())}
      """
  }
}
