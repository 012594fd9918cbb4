import FuzzSupport

/// libFuzzer entry: any bytes read as BibLaTeX and written back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzReading.readAndWrite(data, size, .biblatex, file: "fuzz.bib")
  return 0
}
