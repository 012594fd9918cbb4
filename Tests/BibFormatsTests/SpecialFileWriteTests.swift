import BibModel
import Foundation
import Testing

@testable import BibFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Output to a device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a named pipe) is written
/// into it as it stands: the atomic write's rename would put a regular file in its place
/// (`cited render -o /dev/null`, run as root, once replaced the machine's /dev/null). Tested
/// on a named pipe in a temporary folder, read from its other end.
@Suite struct SpecialFileWriteTests {
  /// A named pipe with a reader already open (not blocking), so writes up to the pipe's
  /// buffer go through; returns the pipe's path and the reader.
  static func pipe(in directory: URL) throws -> (path: String, reader: Int32) {
    let path = directory.appendingPathComponent("out.pipe").path
    #expect(mkfifo(path, 0o600) == 0)
    let reader = open(path, O_RDONLY | O_NONBLOCK)
    #expect(reader >= 0)
    return (path, reader)
  }

  /// What the reader can read now.
  static func drain(_ reader: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let got = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, 4096) }
      guard got > 0 else { break }
      bytes += buffer.prefix(got)
    }
    return bytes
  }

  /// A one-item bibliography in `directory`; its path.
  static func bibliography(in directory: URL) throws -> String {
    let path = directory.appendingPathComponent("refs.json").path
    let item = #"{"id": "lee", "type": "book", "title": "Good", "author": [{"family": "Lee", "given": "Ann"}], "#
    try "[\(item)\"issued\": {\"date-parts\": [[2001]]}}]".write(toFile: path, atomically: false, encoding: .utf8)
    return path
  }

  static func isPipe(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO
  }

  @Test func aPipeIsWrittenIntoAndStaysAPipe() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (path, reader) = try Self.pipe(in: directory)
    defer { close(reader) }
    #expect(SafeFile.isSpecialFile(path))
    #expect(!SafeFile.isSpecialFile(directory.path))
    try SafeFile.write(Array("one ".utf8), to: path)
    try SafeFile.atomicWrite(chunks: [Array("two ".utf8), Array("three".utf8)], to: path)
    #expect(Self.isPipe(path))
    #expect(String(decoding: Self.drain(reader), as: UTF8.self) == "one two three")
    // Nothing was left beside it: no temporary file, no lock file.
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.pipe"])
  }

  /// `-o /dev/stdout` is a link to the output's descriptor: a link to a pipe writes into the
  /// pipe; a link to a regular file (a bibliography kept elsewhere) replaces that file and
  /// keeps the link.
  @Test func throughALinkTheFileItNamesIsWritten() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (pipe, reader) = try Self.pipe(in: directory)
    defer { close(reader) }
    let toPipe = directory.appendingPathComponent("to-pipe").path
    try FileManager.default.createSymbolicLink(atPath: toPipe, withDestinationPath: pipe)
    try SafeFile.write(Array("piped".utf8), to: toPipe)
    #expect(String(decoding: Self.drain(reader), as: UTF8.self) == "piped")
    let real = directory.appendingPathComponent("real.bib").path
    try SafeFile.write(Array("old".utf8), to: real)
    let link = directory.appendingPathComponent("link.bib").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    try SafeFile.write(Array("new".utf8), to: link)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
    #expect(try SafeFile.read(real).bytes == Array("new".utf8))
    #expect(Self.isPipe(pipe))
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    #expect(names == ["link.bib", "out.pipe", "real.bib", "to-pipe"])
  }

  @Test func aRegularFileIsStillReplacedAtomically() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("out.txt").path
    try SafeFile.write(Array("old".utf8), to: path)
    #expect(!SafeFile.isSpecialFile(path) && !SafeFile.isSpecialFile(path + ".missing"))
    let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    try SafeFile.write(Array("new".utf8), to: path)
    let after = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    #expect(try SafeFile.read(path).bytes == Array("new".utf8))
    #expect(before != after, "a new file renamed into place")
  }

  @Test func descriptorPathsNameTheirDescriptor() {
    #expect(SafeFile.openDescriptor(named: "/dev/stdout") == 1)
    #expect(SafeFile.openDescriptor(named: "/dev/stderr") == 2)
    #expect(SafeFile.openDescriptor(named: "/dev/fd/7") == 7)
    #expect(SafeFile.openDescriptor(named: "/proc/self/fd/3") == 3)
    #expect(SafeFile.openDescriptor(named: "/dev/fd/x") == nil)
    #expect(SafeFile.openDescriptor(named: "/tmp/stdout") == nil)
  }

  /// `-o /dev/stdout` with standard output appended to a file (`>> log`) adds to the file
  /// where the descriptor stands: the file is neither replaced nor overwritten from its start.
  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func renderToStandardOutputAppendsWhereTheDescriptorStands() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bibliography = try Self.bibliography(in: directory)
    let log = directory.appendingPathComponent("log.txt").path
    try "previous\n".write(toFile: log, atomically: false, encoding: .utf8)
    let handle = try #require(FileHandle(forWritingAtPath: log))
    handle.seekToEndOfFile()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CitedBinary.path ?? "/nonexistent")
    process.arguments = [
      "render", "--bibliography", bibliography, "--cite", "lee", "--to", "text", "-o", "/dev/stdout",
    ]
    process.standardOutput = handle
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try handle.close()
    #expect(process.terminationStatus == 0)
    let text = try String(contentsOfFile: log, encoding: .utf8)
    #expect(text.hasPrefix("previous\n(Lee 2001)\n"), "\(text)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["log.txt", "refs.json"])
  }

  @Test(.enabled(if: CitedBinary.available, "needs the built cited executable"))
  func renderWritesIntoAPipe() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let bibliography = try Self.bibliography(in: directory)
    let (path, reader) = try Self.pipe(in: directory)
    defer { close(reader) }
    let status = try CitedBinary.run([
      "render", "--bibliography", bibliography, "--cite", "lee", "--to", "text", "-o", path,
    ])
    #expect(status == 0)
    #expect(Self.isPipe(path))
    let text = String(decoding: Self.drain(reader), as: UTF8.self)
    #expect(text.hasPrefix("(Lee 2001)\n"), "\(text)")
  }
}
