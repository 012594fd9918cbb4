import ArgumentParser
import BibFormats
import Reports

/// The one set of output format names (`text|html|markdown`, with `txt` and `md` accepted) and
/// how `--to` and `-o` choose among them.
enum OutputChoice {
  /// `--to` when given, else `-o`'s extension, else `fallback`; an unknown name is exit status 2.
  static func format(_ name: String?, output: String?, fallback: DocumentFormat) throws -> DocumentFormat {
    if let name {
      guard let chosen = DocumentFormat(name: name) else {
        CLIOutput.error("unknown output format '\(name)' (use text, html or markdown; txt and md also work)")
        throw ExitCode(2)
      }
      return chosen
    }
    if let output, let dot = output.lastIndex(of: "."),
      let chosen = DocumentFormat(fileExtension: String(output[output.index(after: dot)...]))
    {
      return chosen
    }
    return fallback
  }

  /// The file extension of a format.
  static func fileExtension(_ format: DocumentFormat) -> String {
    switch format {
    case .html: return "html"
    case .markdown: return "md"
    case .text: return "txt"
    }
  }

  /// Writes `text` to `output` (`-` is standard output); a failure is exit status 2.
  static func write(_ text: String, to output: String) throws {
    try write(chunks: [Array(text.utf8)], to: output)
  }

  /// Writes pieces of UTF-8 bytes, in order, to `output` as `write(_:to:)` writes text.
  static func write(chunks: [[UInt8]], to output: String) throws {
    do {
      try InputFiles.write(chunks: chunks, to: output)
    } catch {
      CLIOutput.error("cannot write '\(output)': \((error as? SafeFileError)?.message ?? "\(error)")")
      throw ExitCode(2)
    }
  }
}
