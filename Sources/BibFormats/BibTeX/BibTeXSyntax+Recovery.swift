import BibModel

/// Regular entries (`@type{key, field = value, …}`), read so that a mistake costs as little as
/// possible: an entry without a key is read with an empty key (the reader generates one); a
/// syntax error inside a field is reported, the fields read so far are kept, and reading
/// resumes at the next `, name =`, at a line that starts a field or a new entry, or at the
/// entry's closing delimiter.
extension BibTeXSyntax {
  mutating func regularEntry(type: String, start: Int, open: Int, close: UInt8) -> RawEntry {
    skipSpace()
    let key = citationKey(close: close)
    skipSpace()
    var entry = RawEntry(type: type, key: key, fields: [], location: location(start))
    while index < bytes.count {
      if bytes[index] == close {
        index += 1
        entry.span = start..<index
        return entry
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        skipSpace()
        continue
      }
      let before = index
      do {
        let field = try field(key: key)
        entry.fields.append(field)
        skipSpace()
        if index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != close {
          reportMissingComma(after: field.name, key: key, close: close)
          guard resynchronize(from: index, close: close) else { return entry.ending(at: index, from: start) }
        }
      } catch {
        report(error, entryStart: start, key: key)
        guard resynchronize(from: error.offset, close: close) else { return entry.ending(at: index, from: start) }
      }
      if index <= before { index = before + 1 }  // always make progress
    }
    diagnostics.append(
      Diagnostic(
        .error, code: "bibtex-syntax", message: "file ends inside entry '\(key)'", location: location(open),
        hint: "a '\(Character(Unicode.Scalar(close)))' is missing", notes: ["the fields read so far are kept"]))
    return entry.ending(at: index, from: start)
  }

  /// The key up to the first `,` (empty when the entry starts with a field: `@book{title = …`).
  private mutating func citationKey(close: UInt8) -> String {
    let keyStart = index
    while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != close, !Self.isSpace(bytes[index]) {
      if bytes[index] == UInt8(ascii: "=") || bytes[index] == UInt8(ascii: "{") || bytes[index] == UInt8(ascii: "\"") {
        index = keyStart
        return ""
      }
      index += 1
    }
    let key = text(keyStart, index)
    let afterKey = index
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
      index = keyStart  // `@book{title = {…}`: the word was a field name
      return ""
    }
    index = afterKey
    return key
  }

  private mutating func field(key: String) throws(SyntaxError) -> RawField {
    let nameStart = index
    guard index < bytes.count else { throw SyntaxError(message: "file ends inside entry '\(key)'", offset: index) }
    guard Self.startsName(bytes[index]) else {
      throw SyntaxError(
        message: "unexpected '\(Character(Unicode.Scalar(bytes[index])))' in entry '\(key)'", offset: index,
        hint: "a stray character; remove it")
    }
    guard let name = identifier() else {
      throw SyntaxError(
        message: "expected a field name in entry '\(key)', found '\(Character(Unicode.Scalar(bytes[index])))'",
        offset: index, hint: "is a comma or a closing brace missing before this?")
    }
    skipSpace()
    try expect(UInt8(ascii: "="), "expected '=' after field '\(name)' in entry '\(key)'")
    skipSpace()
    let pieces = try value()
    var end = index
    while end > nameStart, Self.isSpace(bytes[end - 1]) { end -= 1 }
    return RawField(name: name, pieces: pieces, location: location(nameStart), span: nameStart..<end)
  }

  /// Field names start with a letter, a digit or `_` (anything else is a stray character).
  private static func startsName(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
  }

  /// A complete field followed by something other than `,` or the closing delimiter.
  private mutating func reportMissingComma(after name: String, key: String, close: UInt8) {
    diagnostics.append(
      Diagnostic(
        .error, code: "bibtex-syntax",
        message: "expected ',' or '\(Character(Unicode.Scalar(close)))' after field '\(name)' in entry '\(key)'",
        location: location(index), hint: "a comma is probably missing",
        notes: ["the field is kept; reading resumes at the next field"]))
  }

  private mutating func report(_ error: SyntaxError, entryStart: Int, key: String) {
    diagnostics.append(
      Diagnostic(
        .error, code: "bibtex-syntax", message: error.message, location: location(error.offset), hint: error.hint,
        notes: [
          "entry '\(key)' at \(location(entryStart)) keeps the fields read so far; reading resumes at the next field"
        ]))
  }

  /// Moves `index` to where reading can go on after a problem at `offset`: the next field
  /// (`, name =`, or `name =` at the problem or at a line start) → true; the entry's end or a
  /// new entry → false (the entry is complete; `index` is past its end or at the new `@`).
  mutating func resynchronize(from offset: Int, close: UInt8) -> Bool {
    var cursor = offset
    var lineStart = true
    while cursor < bytes.count {
      let byte = bytes[cursor]
      if (cursor == offset || lineStart) && startsField(at: cursor) {
        index = cursor
        return true
      }
      if lineStart && byte == UInt8(ascii: "@") && startsEntry(at: cursor) {
        index = cursor
        return false
      }
      if lineStart && byte == close && cursor > offset {
        index = cursor + 1
        return false
      }
      if byte == UInt8(ascii: ","), startsField(at: cursor + 1) {
        index = cursor + 1
        return true
      }
      if byte == 0x0A {
        lineStart = true
      } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
        lineStart = false
      }
      cursor += 1
    }
    index = bytes.count
    return false
  }

  /// True when `name =` (optionally after spaces and line breaks) starts at `offset`.
  private func startsField(at offset: Int) -> Bool {
    var cursor = offset
    while cursor < bytes.count, Self.isSpace(bytes[cursor]) { cursor += 1 }
    let nameStart = cursor
    while cursor < bytes.count, bytes[cursor] < 0x80, Self.isNameByte(bytes[cursor]), bytes[cursor] != UInt8(ascii: "@")
    {
      cursor += 1
    }
    guard cursor > nameStart, cursor - nameStart <= 64 else { return false }
    while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
    return cursor < bytes.count && bytes[cursor] == UInt8(ascii: "=")
  }
}
