import BibModel
import PandocFilter
import Testing

@Suite struct PandocDocumentTests {
  typealias F = PandocFixtures

  @Test func nodesWithoutCitationsGoBackUnchanged() throws {
    // A 1.23 Figure, a table cell, raw blocks, a number written as 1.0, a field pandoc may add later.
    let json = F.document(
      version: "1,23,1",
      meta: [#""title":{"t":"MetaInlines","c":[{"t":"Emph","c":[\#(F.str("T"))]}]}"#],
      #"{"t":"Figure","c":[["fig",[],[]],[null,[\#(F.para(F.str("Caption")))]],[\#(F.para(F.str("x")))]]}"#,
      #"{"t":"RawBlock","c":["html","<b>é\n</b>"]}"#,
      #"{"t":"Header","c":[2,["h",["a"],[["k","v"]]],[\#(F.str("Head")),\#(F.space)]]}"#,
      #"{"t":"Future","c":{"weight":1.0,"list":[true,null]}}"#)
    let document = try PandocDocument.read(Array(json.utf8))
    #expect(document.json == json)
    let (processed, warnings) = try F.run(json)
    #expect(processed.json == json)
    #expect(warnings.isEmpty)
  }

  @Test func malformedJSONIsOneMessageWithItsPlace() {
    #expect {
      _ = try PandocDocument.read(Array(#"{"pandoc-api-version":[1,22],"blocks":[}"#.utf8))
    } throws: { error in
      let message = (error as? PandocFilterError)?.message ?? ""
      return message.contains("invalid JSON") && message.contains("1:")
    }
  }

  @Test func unknownAPIVersionNamesTheVersionFound() {
    for version in ["1,21,1", "2,0"] {
      #expect {
        _ = try PandocDocument.read(Array(F.document(version: version).utf8))
      } throws: { error in
        let message = (error as? PandocFilterError)?.message ?? ""
        return message.contains(version.replacingAll(",", with: ".")) && message.contains("1.22")
          && message.contains("1.23")
      }
    }
    #expect(throws: PandocFilterError.self) { _ = try PandocDocument.read(Array(#"{"blocks":[]}"#.utf8)) }
    #expect(throws: PandocFilterError.self) { _ = try PandocDocument.read(Array("[1,2]".utf8)) }
  }

  @Test func bothAPIVersionsAreRead() throws {
    for version in ["1,22,2,1", "1,23,1"] {
      let (document, _) = try F.run(F.document(version: version, F.para(F.cite(F.citation("smith")))))
      #expect(F.citeTexts(document).first?.contains("Smith") == true)
    }
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
