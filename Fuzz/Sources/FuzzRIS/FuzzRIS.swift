import FuzzSupport

/// libFuzzer entry: any bytes read as RIS (and Web of Science, MEDLINE) and written back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzReading.readAndWrite(data, size, .ris, file: "fuzz.ris")
  return 0
}
