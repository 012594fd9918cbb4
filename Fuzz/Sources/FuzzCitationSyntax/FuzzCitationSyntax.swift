import FuzzSupport
import Reports

/// libFuzzer entry: the bytes as a run of Markdown text scanned for Pandoc citations.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  _ = CitationSyntax.scan(FuzzInput(data, size).text)
  return 0
}
