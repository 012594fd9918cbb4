#if canImport(Glibc)
  import Glibc
#endif

/// libFuzzer's own driver, called from each target's `main.swift`. SwiftPM names an executable's
/// entry point after its module (`FuzzRIS_main`), so libFuzzer's `main` cannot be the entry
/// point; the target's `main` hands its `LLVMFuzzerTestOneInput` to the driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

public enum FuzzDriver {
  /// Runs libFuzzer with the command line's arguments over `testOneInput`; with
  /// `--write-seeds ROOT CORPUS`, writes the reader seed corpora instead (`FuzzSeeds`).
  public static func run(_ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    let arguments = CommandLine.arguments
    if arguments.count == 4, arguments[1] == "--write-seeds" {
      print("seed files written: \(FuzzSeeds.write(root: arguments[2], corpus: arguments[3]))")
      exit(0)
    }
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, testOneInput))
  }
}
