import BibModel
import KnowledgeBase
import Testing

@testable import Reports

/// The marks a statement carries: unsourced, one source (however often cited), sources all of a
/// secondary type, sources all seen through a copy, deprecated.
@Suite struct ProvenanceMarkTests {
  static let here = SourceLocation(file: "k.yaml", line: 1, column: 1)
  static let references: [String: Reference] = [
    "book": Reference(id: "book", type: "book"), "wiki": Reference(id: "wiki", type: "entry-encyclopedia"),
    "news": Reference(id: "news", type: "article-newspaper"),
  ]

  static func statement(_ sources: [(String, via: String?)], rank: Rank = .normal) -> Statement {
    var statement = Statement(
      entity: "e", property: "p", value: .text("v"), valueLocation: here, location: here)
    statement.rank = rank
    statement.references = sources.map { source, via in
      var reference = SourceReference(source: source, sourceLocation: here, location: here)
      reference.via = via
      return reference
    }
    return statement
  }

  static func marks(_ statement: Statement) -> [ProvenanceMark] {
    ProvenanceMark.marks(
      statement,
      secondarySources: ProvenanceMark.secondarySources(
        references: references, secondaryTypes: ["entry-encyclopedia", "article-newspaper"]))
  }

  @Test func marksFollowTheReferences() {
    #expect(Self.marks(Self.statement([])) == [.unsourced])
    #expect(Self.marks(Self.statement([], rank: .deprecated)) == [.unsourced, .deprecated])
    #expect(Self.marks(Self.statement([("book", nil)])) == [.singleSource])
    // One source cited twice (two pages) is still a single source.
    #expect(Self.marks(Self.statement([("book", nil), ("book", nil)])) == [.singleSource])
    #expect(Self.marks(Self.statement([("book", nil), ("wiki", nil)])) == [])
    #expect(Self.marks(Self.statement([("wiki", nil), ("news", nil)])) == [.onlySecondary])
    #expect(Self.marks(Self.statement([("wiki", "a mirror")])) == [.singleSource, .onlySecondary, .viaCopy])
    #expect(Self.marks(Self.statement([("book", "a copy"), ("news", nil)])) == [])
    // A source missing from the bibliography is of no known type: not secondary.
    #expect(Self.marks(Self.statement([("wiki", nil), ("missing", nil)])) == [])
  }
}
