import FuzzSupport

/// libFuzzer entry: the bytes as a CSL style, parsed, validated and rendered over two references.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzRendering.render(styleText: FuzzInput(data, size).text, references: FuzzRendering.references)
  return 0
}
