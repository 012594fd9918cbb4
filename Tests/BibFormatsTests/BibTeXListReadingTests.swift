import BibModel
import Testing

@testable import BibFormats

/// Name lists read from one buffer of their bytes, extended names read on their bytes and the
/// writer's knowledge of lists that read back as written answer as the string readings do.
@Suite struct BibTeXListReadingTests {
  private func random(
    _ pieces: [String], upTo count: Int, using generator: inout SystemRandomNumberGenerator
  )
    -> String
  {
    (0..<Int.random(in: 0...count, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
      .joined()
  }

  /// `splitList` as it was written before the one-buffer reading: words cut at depth-0
  /// blanks (a backslash escapes the ASCII byte after it), names between `and` words, each
  /// its words joined by one space.
  private func splitByWords(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    var words: [[UInt8]] = []
    var word: [UInt8] = []
    var depth = 0
    var index = 0
    func endWord() {
      if !word.isEmpty { words.append(word) }
      word = []
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x5C {
        word.append(byte)
        index += 1
        if index < bytes.count, bytes[index] < 0x80 {
          word.append(bytes[index])
          index += 1
        }
        continue
      }
      if byte == 0x7B { depth += 1 }
      if byte == 0x7D { depth = max(0, depth - 1) }
      if depth == 0 && (byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D) {
        endWord()
      } else {
        word.append(byte)
      }
      index += 1
    }
    endWord()
    var names: [String] = []
    var current: [[UInt8]] = []
    for word in words {
      if String(decoding: word, as: UTF8.self).lowercased() == "and" && word.count == 3 {
        if !current.isEmpty { names.append(current.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")) }
        current = []
      } else {
        current.append(word)
      }
    }
    if !current.isEmpty { names.append(current.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")) }
    return names
  }

  @Test func listsSplitAsTheWordReadingSplitsThem() {
    let pieces = [
      "Smith, John", " and ", " AND ", "and", " ", "  ", "\t", "\r\n", "{", "}", "\\", "\\and", "{Barnes and Noble}",
      "é", "\u{301}", "x", "others", ",", "周",
    ]
    var generator = SystemRandomNumberGenerator()
    var several = 0
    for _ in 0..<6000 {
      let text = random(pieces, upTo: 8, using: &generator)
      let names = BibTeXNames.splitList(text)
      #expect(names == splitByWords(text), "\(Array(text.unicodeScalars))")
      if names.count > 1 { several += 1 }
    }
    #expect(several > 500, "\(several) lists of several names")
  }

  @Test func extendedNamesReadOnTheirBytesAsTheFullReadingReadsThem() {
    let keys = ["family", "given", "prefix", "suffix", "useprefix", "FAMILY", " given ", "x-y", "é", "k\u{301}", ""]
    let values = [
      "{Hoff}", "Hoff", "\"Hoff\"", "\"\u{301}x\"", "\"x\u{301}\"", "{van 't}", "true", "YES", "{a,b}", "a=b", "\\=",
      " ",
      "\t", "", "é", "{\\'e}", "\"", "x\u{600}\"",
    ]
    let separators = [", ", ",", " , ", "=", " = ", ",,", "\u{301},"]
    var generator = SystemRandomNumberGenerator()
    var read = 0
    for _ in 0..<8000 {
      let parts = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
        (keys.randomElement(using: &generator) ?? "") + (["=", " = ", "", "=="].randomElement(using: &generator) ?? "")
          + (values.randomElement(using: &generator) ?? "")
      }
      let text = parts.joined(separator: separators.randomElement(using: &generator) ?? ", ")
      guard let name = Array(text.utf8).withUnsafeBufferPointer(BibTeXNames.parseExtendedOnBytes) else { continue }
      read += 1
      #expect(name == BibTeXNames.parseNameInFull(text), "\(Array(text.unicodeScalars))")
    }
    // Both readings occur.
    #expect(read > 1000 && read < 7500, "\(read) read on the bytes")
  }

  @Test func listsReadOnTheirBytesAsTheStringReadingReadsThem() {
    let names = [
      "Smith, John", "van der Berg, Fatima", "{World Health Organization}", "family={Hoff}, given={Seo-yeon}",
      "family=Gogh, given=Vincent, prefix=van, useprefix=true", "Plato", "Kamau, Sr., Patricia", "{others}",
      "Lee, M. C.", "Müller, Jürgen", "d'Alembert, Jean", "x=y", "Smith, {\\'E}mile", "周 恩来", "", "{\\relax Ch}ristie",
    ]
    var generator = SystemRandomNumberGenerator()
    var etAl = 0
    for _ in 0..<3000 {
      var list = (0..<Int.random(in: 0...4, using: &generator)).map { _ in names.randomElement(using: &generator) ?? ""
      }
      if Bool.random(using: &generator) { list.append("others") }
      let text = list.joined(separator: [" and ", " AND ", "  and\t"].randomElement(using: &generator) ?? " and ")
      let (read, endsInOthers) = EtAl.parse(text)
      let (expected, expectedOthers) = EtAl.parseByStrings(text)
      #expect(read == expected && endsInOthers == expectedOthers, "\(Array(text.unicodeScalars))")
      #expect(BibTeXNames.parseList(text) == BibTeXNames.splitList(text).map(BibTeXNames.parseNameInFull))
      if endsInOthers { etAl += 1 }
    }
    #expect(etAl > 500, "\(etAl) lists ending in others")
  }

  @Test func listsTheWriterKnowsReadBackAsWritten() {
    let families = [
      "Smith", "Müller", "O'Neil", "Jean-Pierre", "van", "and", "AND", "And", "A", "Aé", "Ö", "Sm&th", "de la",
      "Smith Jones", "a,b", "a=b",
      "a=\u{301}b",
      "{WHO}", "\\relax", "é", "\u{301}x", "Zhou~", "x--y", " Smith", "", "x\u{600}=y", "x\u{600} y", "x\u{600},y",
    ]
    let givens = [
      "John", "J. R.", "Anna Maria", "Jean-Pierre", "and", "x and y", "a,b", "a=b", ",\u{301}", "{x}", "J.  R.", " J",
      "Anna–Maria", "J. & K.", "Ana\u{A0}Maria", "é",
      "J ", "é", "x''y", "",
    ]
    var generator = SystemRandomNumberGenerator()
    var known = 0
    var unknown = 0
    for _ in 0..<4000 {
      let list = (0..<Int.random(in: 0...3, using: &generator)).map { _ -> Name in
        var name = Name(
          family: families.randomElement(using: &generator), given: givens.randomElement(using: &generator))
        switch Int.random(in: 0..<12, using: &generator) {
        case 0: name.given = nil
        case 1: name.nonDroppingParticle = "van"
        case 2: name.suffix = "Jr."
        case 3: name.extra["x"] = .string("y")
        default: break
        }
        return name
      }
      let latex = LaTeXEncoder(ascii: Int.random(in: 0..<4, using: &generator) == 0)
      let (text, readsBack) = BibTeXNames.writeListReadingBack(list, latex: latex)
      #expect(text == list.map { BibTeXNames.write($0, latex: latex) }.joined(separator: " and "))
      for name in list {
        var (fast, general): ([UInt8], [UInt8]) = ([], [])
        let fastReadsBack = BibTeXNames.write(name, latex: latex, into: &fast)
        let generalReadsBack = BibTeXNames.writeInGeneral(name, latex: latex, into: &general)
        #expect(fast == general && fastReadsBack == generalReadsBack, "\(String(decoding: general, as: UTF8.self))")
      }
      guard readsBack else {
        unknown += 1
        continue
      }
      known += 1
      let plain = EtAl.parseByStrings(text)
      #expect(plain.names == list && !plain.etAl, "\(text)")
      if !list.isEmpty {
        let open = EtAl.parseByStrings(text + " and others")
        #expect(open.names == list && open.etAl, "\(text) and others")
      }
    }
    // Both answers occur.
    #expect(known > 500 && unknown > 500, "\(known) known, \(unknown) read")
  }

  @Test func fieldRolesAnswerAsTheTablesDo() {
    let fields = Set(
      Array(BibTeXMapping.nameFields.keys) + Array(BibTeXMapping.dateFields.keys)
        + Array(BibTeXMapping.fieldToVariable.keys) + Array(BibTeXMapping.verbatimFields)
        + Array(BibTeXMapping.titleFields) + Array(BibTeXMapping.listFields) + BibTeXWriter.fieldOrder
        + ["date", "csl", "zzz", "x-csl-title"])
    for field in fields {
      let role = BibTeXMapping.fieldRoles[field] ?? BibTeXMapping.FieldRole.none
      #expect(role.nameVariable == BibTeXMapping.nameFields[field], "\(field)")
      #expect(role.dateVariable == BibTeXMapping.dateFields[field], "\(field)")
      #expect(role.textVariable == BibTeXMapping.fieldToVariable[field], "\(field)")
      #expect(role.verbatim == BibTeXMapping.verbatimFields.contains(field), "\(field)")
      #expect(role.title == BibTeXMapping.titleFields.contains(field), "\(field)")
      #expect(role.list == BibTeXMapping.listFields.contains(field), "\(field)")
      #expect(role.special.map(\.rawValue) == BibTeXMapping.SpecialField(rawValue: field)?.rawValue, "\(field)")
      #expect(role.rank == BibTeXWriter.fieldOrder.lastIndex(of: field), "\(field)")
    }
  }

  @Test func blobTextOnBytesIsTheScalarWalksText() {
    let pieces = ["{", "}", "\"", "\\", "\\\"", "a", "é", "\u{301}", "周", "x{y}", "😀", ":", ","]
    var generator = SystemRandomNumberGenerator()
    var escapedBraces = 0
    for _ in 0..<3000 {
      let object = JSONObject([
        random(pieces, upTo: 3, using: &generator): .string(random(pieces, upTo: 6, using: &generator))
      ])
      let json = JSONWriter.write(.object(object), pretty: false)
      let text = CSLBlob.bibtexTextByBytes(json)
      #expect(text == CSLBlob.bibtexTextByScalars(json, ascii: false), "\(json)")
      if text.contains("\\u007") { escapedBraces += 1 }
    }
    #expect(escapedBraces > 500, "\(escapedBraces)")
  }

  @Test func aFileEndsInOneBlankLineUnlessAReturnPrecedesIt() {
    let writer = BibTeXWriter()
    var document = BibDocument()
    document.blocks = [.text("% notes")]
    #expect(writer.write(document) == "% notes\n")
    document.blocks = [.text("% notes\r")]
    #expect(writer.write(document) == "% notes\r\n\n")
    document.references = [Reference(id: "a")]
    #expect(writer.write(document).hasSuffix("\r\n\n@misc{a,\n}\n"))
  }

  @Test func lowerCaseTextsStayAsTheyAre() {
    let pieces = ["title", "Title", "x-csl-DOI", "é", "É", "İ", "K", "\u{212A}", "-", "1", " "]
    var generator = SystemRandomNumberGenerator()
    var kept = 0
    for _ in 0..<3000 {
      let text = random(pieces, upTo: 4, using: &generator)
      let lower = text.lowercasedUnlessLower()
      #expect(lower == text.lowercased(), "\(Array(text.unicodeScalars))")
      if lower == text { kept += 1 }
    }
    #expect(kept > 200, "\(kept)")
  }
}
