// Linked for its malloc, as `cited` is (see Cited.swift).
import CMimalloc
import Foundation
import PandocFilter

// `pandoc doc.md --filter cited-pandoc -o doc.docx`: pandoc's JSON AST on standard input (the
// output format is the first argument), the same AST with citations rendered on standard output.
let input = FileHandle.standardInput.readDataToEndOfFile()
do {
  let document = try PandocDocument.read([UInt8](input))
  let output = try PandocCiteproc().process(document)
  for warning in output.warnings {
    FileHandle.standardError.write(Data("[WARNING] cited-pandoc: \(warning)\n".utf8))
  }
  if output.refused {
    FileHandle.standardError.write(Data("cited-pandoc: cited-check is strict and found problems\n".utf8))
    exit(1)
  }
  FileHandle.standardOutput.write(Data(output.document.jsonBytes))
  // The AST is large: leave without tearing it down node by node.
  exit(0)
} catch {
  FileHandle.standardError.write(Data("cited-pandoc: \(error.message)\n".utf8))
  exit(1)
}
