import XMLTree

// No Foundation here: libxml2's headers (seen through XMLTree) pull in the system ICU, whose
// definitions clash with Foundation's bundled ICU in any module that imports both.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Test helpers for reading Cited's own locale files (Styles/locales) and their terms.
enum LocaleFileSupport {
  /// The CSL namespace every locale root must carry.
  static let cslNamespace = "http://purl.org/net/xbiblio/csl"

  struct ReadError: Error, CustomStringConvertible {
    var description: String
  }

  /// Styles/locales in this checkout, found from this source file's path
  /// (Tests/CSLStyleTests/LocaleFileSupport.swift -> package root).
  static var localesDirectory: String {
    var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    components.removeLast(3)
    return components.joined(separator: "/") + "/Styles/locales"
  }

  /// The locale files on disk, keyed by language tag ("en-US" for locales-en-US.xml).
  static func filesOnDisk() throws -> [String: String] {
    guard let directory = opendir(localesDirectory) else {
      throw ReadError(description: "cannot open \(localesDirectory)")
    }
    defer { closedir(directory) }
    var result: [String: String] = [:]
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
      }
      guard name.hasPrefix("locales-"), name.hasSuffix(".xml") else { continue }
      let tag = String(name.dropFirst("locales-".count).dropLast(".xml".count))
      result[tag] = localesDirectory + "/" + name
    }
    return result
  }

  /// The UTF-8 text of a file.
  static func read(_ path: String) throws -> String {
    guard let file = fopen(path, "rb") else { throw ReadError(description: "cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if count == 0 { break }
      bytes += buffer[0..<count]
    }
    guard ferror(file) == 0 else { throw ReadError(description: "cannot read \(path)") }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ReadError(description: "\(path) is not UTF-8")
    }
    return text
  }

  /// The name of month term `number` ("month-01" ... "month-12").
  static func monthTerm(_ number: Int) -> String {
    number < 10 ? "month-0\(number)" : "month-\(number)"
  }

  /// One term definition: which term, in which form and gender form, with which text.
  struct Term: Hashable {
    var name: String
    var form: String
    var genderForm: String?
    var single: String
    var multiple: String?
  }

  /// The terms of a parsed locale, in document order.
  static func terms(of locale: XMLElement) -> [Term] {
    guard let terms = locale.firstElement(named: "terms") else { return [] }
    return terms.elements(named: "term").map { term in
      let single = term.firstElement(named: "single")
      let multiple = term.firstElement(named: "multiple")
      return Term(
        name: term[attribute: "name"] ?? "",
        form: term[attribute: "form"] ?? "long",
        genderForm: term[attribute: "gender-form"],
        single: single?.textContent ?? term.textContent,
        multiple: multiple?.textContent)
    }
  }

  /// The neuter text of a term in a form (its singular, if it has one), or nil if absent.
  static func text(_ name: String, form: String = "long", in terms: [Term]) -> String? {
    terms.first { $0.name == name && $0.form == form && $0.genderForm == nil }?.single
  }
}
