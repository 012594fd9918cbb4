import BibModel
import Testing

@Suite struct JSONByteWriterTests {
  @Test func writesWhatTheStringWriterWritesCompactly() throws {
    let text = #"{"a":[1,-0.5e3,true,null,"x\"y\\z\n\u0001","é “q” \u2028 \u2029 ©¨",{}],"b":{"c":[]}}"#
    let value = try JSONParser.parse(text)
    let bytes = JSONByteWriter.write(value)
    #expect(String(decoding: bytes, as: UTF8.self) == JSONWriter.write(value, pretty: false))
    #expect(try JSONParser.parse(bytes) == value)
  }

  @Test func escapesLineAndParagraphSeparators() {
    let bytes = JSONByteWriter.write(.string("a\u{2028}b\u{2029}"))
    #expect(String(decoding: bytes, as: UTF8.self) == #""a\u2028b\u2029""#)
  }
}
