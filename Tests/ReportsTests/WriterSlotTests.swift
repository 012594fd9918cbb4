import Testing

@testable import Reports

/// The writers print a citation slot from `Doc.citations`; a slot with no citation prints
/// nothing in every format (a hand-made document cannot make a writer trap).
@Suite struct WriterSlotTests {
  static let doc = Doc(
    blocks: [.paragraph([.text("Claim "), .slot(0), .text(" and "), .slot(-1), .slot(7), .text(".")])],
    citations: ["(Zhou 2010, 15)"])

  @Test func everyWriterPrintsTheSlotsItHas() {
    #expect(HTMLWriter.page(Self.doc).contains("<p>Claim (Zhou 2010, 15) and .</p>"))
    #expect(MarkdownWriter.document(Self.doc).contains("Claim (Zhou 2010, 15) and ."))
    #expect(TextWriter.document(Self.doc).contains("Claim (Zhou 2010, 15) and ."))
  }

  @Test func aDocumentWithoutCitationsPrintsEmptySlots() {
    var doc = Self.doc
    doc.citations = []
    #expect(HTMLWriter.page(doc).contains("<p>Claim  and .</p>"))
    #expect(TextWriter.document(doc).contains("Claim  and ."))
  }
}
