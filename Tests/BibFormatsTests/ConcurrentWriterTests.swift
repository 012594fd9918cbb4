import BibModel
import Foundation
import Testing

@testable import BibFormats

/// Several writer processes adding entries to one file: with the lock none is lost; the
/// control without the lock shows that entries can be lost.
@Suite(.serialized) struct ConcurrentWriterTests {
  static let writers = 6

  /// Runs `writers` concurrent `cited bib add` processes; returns how many entries survived.
  func race(locked: Bool) throws -> Int {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let target = directory.appendingPathComponent("shared.bib").path
    var processes: [Process] = []
    for index in 0..<Self.writers {
      let entry = directory.appendingPathComponent("entry\(index).bib")
      try Data("@book{entry\(index), title = {Entry \(index)}, date = {2000}}\n".utf8).write(to: entry)
      var arguments = ["bib", "add", target, entry.path, "--testing-delay-ms", "150"]
      if !locked { arguments.append("--no-lock-for-testing") }
      processes.append(try CitedBinary.start(arguments))
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    let bytes = try SafeFile.read(target).bytes
    let result = BibFormats.read(bytes, format: .biblatex, file: target)
    #expect(!result.diagnostics.hasErrors, "the file is never torn")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".lock") || $0.contains(".tmp-") }
    #expect(leftovers.isEmpty, "no lock or temporary files are left behind: \(leftovers)")
    return result.references.count
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func lockedWritersNeverLoseAnEntry() throws {
    for _ in 0..<2 {
      #expect(try race(locked: true) == Self.writers)
    }
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func withoutTheLockEntriesCanBeLost() throws {
    var lost = false
    for _ in 0..<5 where !lost {
      lost = try race(locked: false) < Self.writers
    }
    #expect(lost, "the unlocked control should lose an entry in at least one of five races")
  }
}
