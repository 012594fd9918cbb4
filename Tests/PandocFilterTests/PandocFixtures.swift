import BibModel
import Foundation
import PandocFilter

/// Documents in pandoc's JSON shape, written out here (not built by the code under test).
enum PandocFixtures {
  static let references: [Reference] = {
    let json = """
      [{"id": "smith", "type": "book", "author": [{"family": "Smith", "given": "John"}], "title": "A Book",
        "publisher": "Pub", "issued": {"date-parts": [[2020]]}, "DOI": "10.1000/abc"},
       {"id": "doe", "type": "article-journal", "author": [{"family": "Doe", "given": "Jane"}],
        "title": "An Article", "container-title": "Journal of Things", "volume": "3", "page": "1-10",
        "issued": {"date-parts": [[2019]]}},
       {"id": "roe", "type": "book", "author": [{"family": "Roe", "given": "Rick"}], "title": "Uncited Book",
        "issued": {"date-parts": [[2001]]}}]
      """
    return CSLJSON.read(json, file: "fixture.json").references
  }()

  /// The filter with the fixture references and the bundled styles (no files read).
  static let filter = PandocCiteproc(loadReferences: { _ in (references, []) })

  static func str(_ text: String) -> String { #"{"t":"Str","c":"\#(text)"}"# }
  static let space = #"{"t":"Space"}"#

  /// A citation object; `mode` is NormalCitation, AuthorInText or SuppressAuthor.
  static func citation(
    _ key: String, mode: String = "NormalCitation", prefix: String = "[]", suffix: String = "[]"
  )
    -> String
  {
    #"{"citationId":"\#(key)","citationPrefix":\#(prefix),"citationSuffix":\#(suffix),"#
      + #""citationMode":{"t":"\#(mode)"},"citationNoteNum":1,"citationHash":0}"#
  }

  static func cite(_ citations: String...) -> String {
    #"{"t":"Cite","c":[[\#(citations.joined(separator: ","))],[\#(str("[@written]"))]]}"#
  }

  static func para(_ inlines: String...) -> String { #"{"t":"Para","c":[\#(inlines.joined(separator: ","))]}"# }

  static func metaString(_ text: String) -> String { #"{"t":"MetaInlines","c":[\#(str(text))]}"# }

  /// A document: metadata members (`"key": value`) after `bibliography: fixture.json`, and blocks.
  static func document(version: String = "1,22,2,1", meta: [String] = [], _ blocks: String...) -> String {
    let members = [#""bibliography":\#(metaString("fixture.json"))"#] + meta
    return #"{"pandoc-api-version":[\#(version)],"meta":{\#(members.joined(separator: ","))},"#
      + #""blocks":[\#(blocks.joined(separator: ","))]}"#
  }

  static func run(_ json: String) throws -> (PandocDocument, [String]) {
    let output = try filter.process(try PandocDocument.read(Array(json.utf8)))
    return (output.document, output.warnings)
  }

  /// Every node with tag `tag`, depth first.
  static func nodes(_ tag: String, in value: JSONValue) -> [JSONValue] {
    var found: [JSONValue] = []
    func walk(_ value: JSONValue) {
      switch value {
      case .array(let items): items.forEach(walk)
      case .object(let object):
        if object["t"]?.stringValue == tag { found.append(value) }
        object.members.forEach { walk($0.value) }
      default: break
      }
    }
    walk(value)
    return found
  }

  /// The rendered content of each `Cite`, as plain text.
  static func citeTexts(_ document: PandocDocument) -> [String] {
    nodes("Cite", in: .array(document.blocks)).map { cite in
      PandocNode.plainText(PandocNode.content(cite)?.arrayValue?.last?.arrayValue ?? [])
    }
  }
}
