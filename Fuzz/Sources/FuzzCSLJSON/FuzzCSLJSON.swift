import FuzzSupport

/// libFuzzer entry: any bytes read as CSL-JSON and written back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzReading.readAndWrite(data, size, .cslJSON, file: "fuzz.json")
  return 0
}
