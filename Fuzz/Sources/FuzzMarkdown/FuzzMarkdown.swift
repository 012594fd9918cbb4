import FuzzSupport
import Reports

/// libFuzzer entry: the bytes as a Markdown document with citations, rendered to HTML through a
/// bundled style (the two fuzz references are known keys).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  _ = FuzzRendering.document?.render(FuzzInput(data, size).text, file: "fuzz.md", format: .html)
  return 0
}
