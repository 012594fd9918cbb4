import FuzzSupport

/// libFuzzer entry, structure-aware: the bytes choose a graph of CSL macros (each macro calls
/// up to three others, cycles and fan-out included) inside a valid style, which random bytes
/// never reach: the style is parsed, validated and rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var input = FuzzInput(data, size)
  let count = 1 + input.choose(40)
  var macros = ""
  for index in 0..<count {
    var body = "<text variable=\"title\"/>"
    for _ in 0..<input.choose(4) {
      let callee = input.choose(count)
      body += input.choose(3) == 0 ? "<group><text macro=\"m\(callee)\"/></group>" : "<text macro=\"m\(callee)\"/>"
    }
    macros += "<macro name=\"m\(index)\">\(body)</macro>"
  }
  let style = """
    <?xml version="1.0" encoding="utf-8"?>
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
    <info><title>fuzz</title><id>fuzz</id><updated>2024-01-01T00:00:00+00:00</updated></info>
    \(macros)
    <citation><layout><text macro="m0"/></layout></citation>
    <bibliography><layout><text macro="m\(input.choose(count))"/></layout></bibliography>
    </style>
    """
  FuzzRendering.render(styleText: style, references: FuzzRendering.references)
  return 0
}
