import BibModel
import Testing

@testable import CSLStyle

/// A `cs:names` knows whether its substitute decides a `disambiguate` test among its
/// candidates: only then must the renderer decide every candidate's branch before trying them.
@Suite struct NamesSubstituteTests {
  static func choose(disambiguate: Bool, otherwise: [CSL.Element] = []) -> CSL.Element {
    let test: CSL.Condition.Test = disambiguate ? .disambiguate(true) : .type(.book)
    let branch = CSL.Branch(condition: CSL.Condition(tests: [test]), children: [.text(CSL.Text(source: .value("x")))])
    return .choose(CSL.Choose(branches: [branch], otherwise: otherwise))
  }

  @Test func theFlagFollowsTheCandidatesChooses() {
    var names = CSL.Names(variables: ["author"])
    #expect(!names.substituteTestsDisambiguate)
    names.substitute = [.names(CSL.Names(variables: ["editor"])), Self.choose(disambiguate: false)]
    #expect(!names.substituteTestsDisambiguate)
    // A choose nested in another's branch is a candidate's choose too.
    names.substitute = [Self.choose(disambiguate: false, otherwise: [Self.choose(disambiguate: true)])]
    #expect(names.substituteTestsDisambiguate)
    // A test inside a group is decided when the group renders, in either order.
    let group = CSL.Element.group(CSL.Group(children: [Self.choose(disambiguate: true)]))
    names.substitute = [group]
    #expect(!names.substituteTestsDisambiguate)
    names.substitute = nil
    #expect(!names.substituteTestsDisambiguate)
  }

  @Test func parsedStylesSetTheFlag() throws {
    let text = """
      <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
        <info><id/><title/></info>
        <citation><layout>
          <names variable="author"><substitute>
            <names variable="editor"/>
            <choose><if disambiguate="true"><text variable="title"/></if></choose>
          </substitute></names>
          <names variable="composer"><substitute><names variable="editor"/></substitute></names>
        </layout></citation>
      </style>
      """
    let style = try #require(StyleParser.parse(text).style)
    let flags = (style.citation?.layout.children ?? []).compactMap { element -> Bool? in
      guard case .names(let names) = element else { return nil }
      return names.substituteTestsDisambiguate
    }
    #expect(flags == [true, false])
  }
}
