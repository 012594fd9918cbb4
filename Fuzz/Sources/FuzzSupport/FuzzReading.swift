import BibFormats

/// The reader targets' one step: the bytes read in a format (as `cited bib` reads a file) and
/// written back, which must neither crash nor hang.
public enum FuzzReading {
  public static func readAndWrite(_ data: UnsafePointer<UInt8>?, _ size: Int, _ format: BibFormat, file: String) {
    let result = BibFormats.read(FuzzInput(data, size).bytes, format: format, file: file)
    _ = BibFormats.write(result.document, format: format)
  }
}
