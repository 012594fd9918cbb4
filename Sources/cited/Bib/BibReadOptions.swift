import ArgumentParser
import BibFormats
import BibModel

/// How bibliography files are read, shared by every command that reads one: by default
/// everything that can be read is used (repairs reported, exit status 1); `--strict` refuses to
/// write anything from a file that did not read clean.
struct BibReadOptions: ParsableArguments {
  @Flag(help: "Refuse to write when reading skipped or repaired anything (default: write what was read, exit 1).")
  var strict = false

  @Option(help: "Encoding of input files that are not UTF-8/UTF-16 (latin1, windows-1252, gbk, shift_jis, …).")
  var encoding: String?

  /// Reports what reading found and tells whether the caller may go on with the result:
  /// false (with a message naming `--strict`) when the file did not read clean under `--strict`.
  func admit(_ loaded: BibFileIO.Loaded, action: String = "nothing written") -> Bool {
    BibFileIO.report(loaded.result.diagnostics)
    guard strict, !loaded.result.isClean else { return true }
    BibFileIO.standardError("error: \(loaded.path) did not read clean; \(action) (--strict)")
    return false
  }

  /// `admit` for a command that rewrites the file it read: a file whose reading reported an
  /// error (text skipped, bytes not decodable) is never overwritten, `--strict` or not, since
  /// writing back what was read would lose what was not. Repairs (warnings) are written.
  func admitRewrite(_ loaded: BibFileIO.Loaded, action: String) -> Bool {
    guard admit(loaded, action: action) else { return false }
    guard loaded.result.diagnostics.contains(where: { $0.severity == .error }) else { return true }
    BibFileIO.standardError(
      "error: \(loaded.path) has errors (above); \(action): rewriting it would lose what could not be read")
    return false
  }
}
