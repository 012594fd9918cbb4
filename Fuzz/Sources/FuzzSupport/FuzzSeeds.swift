import BibFormats
import BibModel
import Foundation

/// Seed corpora for the reader targets: every CSL-JSON bibliography of the project (and of its
/// tests) written in each format, one file per bibliography and one per entry (the first 200).
/// Written into the build folder, never the repository.
enum FuzzSeeds {
  static let formats: [(BibFormat, String, String)] = [
    (.biblatex, "BibTeX", "bib"), (.ris, "RIS", "ris"), (.cslYAML, "CSLYAML", "yaml"), (.cslJSON, "CSLJSON", "json"),
  ]

  /// Writes the seeds of every bibliography under `root` into `corpus/TARGET/`; the file count.
  static func write(root: String, corpus: String) -> Int {
    var count = 0
    let files = FileManager.default.enumerator(at: URL(fileURLWithPath: root), includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "json", url.path.contains("Bibliography"), !url.path.contains("/.build"),
        let data = try? Data(contentsOf: url)
      else { continue }
      let read = BibFormats.read(Array(data), format: .cslJSON, file: url.path)
      let singles = read.references.prefix(200).map { reference in
        var document = BibDocument()
        document.references = [reference]
        return document
      }
      let documents = [("all", read.document)] + singles.enumerated().map { ("\($0.offset)", $0.element) }
      for (name, document) in documents {
        for (format, target, ext) in formats {
          let folder = URL(fileURLWithPath: corpus).appendingPathComponent(target)
          try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
          let file = folder.appendingPathComponent("\(url.deletingPathExtension().lastPathComponent)-\(name).\(ext)")
          try? Data(BibFormats.write(document, format: format).utf8).write(to: file)
          count += 1
        }
      }
    }
    return count
  }
}
