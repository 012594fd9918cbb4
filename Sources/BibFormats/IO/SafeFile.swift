import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads up to `count` bytes into `base`, going on after interrupted and short reads; how
/// many were read (fewer at the end of the file or on an error).
private func readFully(_ descriptor: Int32, into base: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
  var done = 0
  while done < count {
    let got = read(descriptor, base + done, count - done)
    if got < 0 && errno == EINTR { continue }
    guard got > 0 else { break }
    done += got
  }
  return done
}

/// Why a safe read or write did not happen.
public struct SafeFileError: Error, Sendable, CustomStringConvertible {
  /// The file concerned.
  public var path: String
  /// What happened, for the user.
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  /// `path: message`.
  public var description: String { "\(path): \(message)" }
}

/// File access for bibliographies that never loses data: writes go to a temporary file in
/// the same directory, are flushed with `fsync` and renamed over the target, all under an
/// exclusive `flock` on `FILE.lock`; a write can be made conditional on the file still having
/// the content hash it had when it was read, so outside edits are never overwritten. A target
/// that is a device, a pipe or a socket (`-o /dev/null`, a named pipe) is written into as it
/// stands, and /dev/stdout (/dev/fd/N) is the process's own descriptor: renaming a file over
/// either would replace the device, or the file behind the descriptor, itself.
public enum SafeFile {
  /// What was read: the bytes and their content hash.
  public struct Snapshot: Sendable {
    /// The content (constant: the hash is found from it when asked).
    public let bytes: [UInt8]
    /// Its content hash (`SafeFile.hash`), found when asked: only a write back to the file
    /// reads it, and hashing byte by byte held up every read of a large file (6 MB: 8 ms).
    public var hash: String { SafeFile.hash(bytes) }
  }

  /// A content hash (FNV-1a, 64 bits): detects edits, not attacks.
  public static func hash(_ bytes: [UInt8]) -> String {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      value ^= UInt64(byte)
      value = value &* 0x100_0000_01b3
    }
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// Reads a whole file with its content hash.
  public static func read(_ path: String) throws(SafeFileError) -> Snapshot {
    guard let bytes = contents(path) else {
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      throw SafeFileError(
        path: path, message: exists ? (isDirectory.boolValue ? "is a directory" : "cannot be read") : "no such file")
    }
    return Snapshot(bytes: bytes)
  }

  /// A whole file's bytes, read straight into the array (Foundation's `contents(atPath:)`
  /// reads into `Data`, which then has to be copied: a second pass over a large bibliography).
  /// Nil when the file cannot be read or is a directory. A file that is not regular (a pipe)
  /// or that grows while it is read is left to Foundation.
  public static func contents(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFDIR { return nil }
    let size = Int(info.st_size)
    guard kind == S_IFREG, size > 0 else { return FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = buffer.baseAddress.map { readFully(descriptor, into: $0, count: size) } ?? 0
    }
    // Shorter or longer than its size said (it changed meanwhile): read it again, whole.
    var extra: UInt8 = 0
    guard bytes.count == size, readFully(descriptor, into: &extra, count: 1) == 0 else {
      return FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }
    return bytes
  }

  /// Runs `body` holding an exclusive lock on `path + ".lock"`. The lock file is removed
  /// when the lock is released; a waiter that finds it was replaced meanwhile locks again, so
  /// two processes never both believe they hold the lock.
  public static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
    // A device or a pipe is not replaced, so there is nothing to serialize (and its folder,
    // /dev, is no place for a lock file); a symbolic link's file is locked where it is.
    if isSpecialFile(path) || openDescriptor(named: path) != nil { return try body() }
    let lockPath = resolvingLink(path) + ".lock"
    var descriptor: Int32 = -1
    while true {
      descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else {
        throw SafeFileError(
          path: lockPath, message: "cannot create the lock file (\(String(cString: strerror(errno))))")
      }
      var locked = flock(descriptor, LOCK_EX)
      while locked != 0 && errno == EINTR { locked = flock(descriptor, LOCK_EX) }
      guard locked == 0 else {
        close(descriptor)
        throw SafeFileError(path: lockPath, message: "cannot lock (\(String(cString: strerror(errno))))")
      }
      var held = stat()
      var current = stat()
      if fstat(descriptor, &held) == 0, stat(lockPath, &current) == 0, held.st_ino == current.st_ino,
        held.st_dev == current.st_dev
      {
        break
      }
      close(descriptor)  // the file was removed or replaced while we waited: lock the new one
    }
    defer {
      unlink(lockPath)
      flock(descriptor, LOCK_UN)
      close(descriptor)
    }
    return try body()
  }

  /// Writes atomically under the lock. With `expectedHash`, refuses when the file on disk no
  /// longer has that hash (someone edited it since it was read); nil hash means "must not exist
  /// or may be replaced" only when `replace` is true.
  public static func write(_ bytes: [UInt8], to path: String, expectedHash: String? = nil) throws {
    try withLock(path) {
      if let expectedHash {
        let current = contents(path).map(hash)
        guard current == expectedHash else {
          throw SafeFileError(
            path: path,
            message: "the file changed on disk since it was read; not overwritten (run the command again)")
        }
      }
      try atomicWrite(bytes, to: path)
    }
  }

  /// Reads, transforms and writes back under one lock: concurrent updates never lose data.
  /// `transform` receives nil when the file does not exist yet.
  public static func update(_ path: String, _ transform: ([UInt8]?) throws -> [UInt8]) throws {
    try withLock(path) {
      let current = contents(path)
      try atomicWrite(try transform(current), to: path)
    }
  }

  /// The same read-modify-write WITHOUT the lock. Exists only so tests can show that the lock
  /// is what prevents lost updates; never use it for real writes.
  public static func unlockedUpdateForTesting(_ path: String, _ transform: ([UInt8]?) throws -> [UInt8]) throws {
    let current = contents(path)
    try atomicWrite(try transform(current), to: path)
  }

  /// The descriptor of this process that `path` names: /dev/stdout, /dev/stderr, /dev/fd/N or
  /// /proc/self/fd/N; nil for any other path.
  static func openDescriptor(named path: String) -> Int32? {
    switch path {
    case "/dev/stdout": return 1
    case "/dev/stderr": return 2
    default: break
    }
    for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
      if let number = Int32(path.dropFirst(prefix.count)), number >= 0 { return number }
    }
    return nil
  }

  /// Whether `path` (its symbolic links followed) names something other than a regular file
  /// or a folder: a device, a pipe or a socket.
  public static func isSpecialFile(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return false }
    let kind = status.st_mode & S_IFMT
    return kind != S_IFREG && kind != S_IFDIR
  }

  /// The file a symbolic link names (every link on the way followed), or `path` itself when
  /// it is not a link or names nothing.
  static func resolvingLink(_ path: String) -> String {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) else {
      return path
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Writes the pieces into a device, pipe or socket as it stands: no temporary file, no
  /// rename, no `fsync` (which a pipe refuses).
  private static func writeInPlace(chunks: [[UInt8]], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw SafeFileError(path: path, message: "cannot open for writing (\(String(cString: strerror(errno))))")
    }
    defer { close(descriptor) }
    try writeGathered(chunks, to: descriptor, path: path)
  }

  /// Writes all of `bytes` to an open file, again after a short write or an interrupt.
  public static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(SafeFileError) {
    var written = 0
    while written < bytes.count {
      let result = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return systemWrite(descriptor, base + written, bytes.count - written)
      }
      if result < 0 && errno == EINTR { continue }
      guard result > 0 else {
        throw SafeFileError(path: path, message: "write failed (\(String(cString: strerror(errno))))")
      }
      written += result
    }
  }

  /// Temp file in the same directory, write, fsync, rename, fsync the directory.
  public static func atomicWrite(_ bytes: [UInt8], to path: String) throws {
    try atomicWrite(chunks: [bytes], to: path)
  }

  /// `atomicWrite` of pieces written one after another as one file (a large report is made in
  /// pieces and never joined).
  /// Writes the pieces in order, small ones gathered into writes of about a megabyte (an HTML
  /// report of 100,000 statements is some 10,000 pieces, and a system call each cost more than
  /// copying them together); a piece of `directWrite` bytes or more is written as it is
  /// (copying a render's 300 KB runs of entries again cost more than their one call each).
  private static let directWrite = 1 << 16

  private static func writeGathered(_ chunks: [[UInt8]], to descriptor: Int32, path: String) throws {
    let size = 1 << 20
    var buffer: [UInt8] = []
    for chunk in chunks {
      if !buffer.isEmpty && (buffer.count + chunk.count > size || chunk.count >= Self.directWrite) {
        try writeAll(buffer, to: descriptor, path: path)
        buffer.removeAll(keepingCapacity: true)
      }
      if chunk.count >= Self.directWrite {
        try writeAll(chunk, to: descriptor, path: path)
      } else {
        if buffer.capacity == 0 { buffer.reserveCapacity(size) }
        buffer.append(contentsOf: chunk)
      }
    }
    if !buffer.isEmpty { try writeAll(buffer, to: descriptor, path: path) }
  }

  public static func atomicWrite(chunks: [[UInt8]], to target: String) throws {
    // `-o /dev/stdout` (or /dev/fd/N): the process's own descriptor, written where it stands
    // (a file it names was replaced, losing what a `>>` redirect had appended to).
    if let descriptor = openDescriptor(named: target) {
      try writeGathered(chunks, to: descriptor, path: target)
      return
    }
    if isSpecialFile(target) {
      try writeInPlace(chunks: chunks, to: target)
      return
    }
    // Through a symbolic link, the file it names is replaced and the link kept (renamed over,
    // the link itself became a file and the file it named was left as it was).
    let path = resolvingLink(target)
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard descriptor >= 0 else {
      throw SafeFileError(path: path, message: "cannot create a temporary file (\(String(cString: strerror(errno))))")
    }
    let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var success = false
    defer {
      if !success { unlink(tempPath) }
    }
    do {
      try writeGathered(chunks, to: descriptor, path: path)
    } catch {
      close(descriptor)
      throw error
    }
    if let existing = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber {
      fchmod(descriptor, mode_t(existing.intValue))
    } else {
      fchmod(descriptor, 0o644)
    }
    guard fsync(descriptor) == 0 else {
      close(descriptor)
      throw SafeFileError(path: path, message: "fsync failed (\(String(cString: strerror(errno))))")
    }
    close(descriptor)
    guard rename(tempPath, path) == 0 else {
      throw SafeFileError(path: path, message: "rename failed (\(String(cString: strerror(errno))))")
    }
    success = true
    let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
    if directoryDescriptor >= 0 {
      fsync(directoryDescriptor)
      close(directoryDescriptor)
    }
  }
}

#if canImport(Glibc)
  private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Glibc.write(descriptor, buffer, count)
  }
#elseif canImport(Darwin)
  private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    Darwin.write(descriptor, buffer, count)
  }
#endif
