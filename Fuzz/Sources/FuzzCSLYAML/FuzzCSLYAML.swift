import FuzzSupport

/// libFuzzer entry: any bytes read as CSL-YAML and written back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FuzzReading.readAndWrite(data, size, .cslYAML, file: "fuzz.yaml")
  return 0
}
