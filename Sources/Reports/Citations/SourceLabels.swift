import BibModel
import CSLEngine

/// The short labels of sources in the report's index of sources ("Miller 2008", "Tsai and Zhou
/// 2019", "Wikipedia n.d."), rendered by the CSL engine from a small embedded style, so the
/// report has no second citation logic of its own.
enum SourceLabels {
  /// Who (author, else editor, director or composer, short form, "et al." from three names;
  /// without names the container, the publisher or the short title) and the year, else "n.d.".
  static let style = """
    <?xml version="1.0" encoding="utf-8"?>
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="en-US">
      <info>
        <title>Cited source label</title>
        <id>cited-source-label</id>
        <updated>2025-01-01T00:00:00+00:00</updated>
      </info>
      <macro name="who">
        <names variable="author">
          <name form="short" and="text" et-al-min="3" et-al-use-first="1"/>
          <substitute>
            <names variable="editor"/>
            <names variable="director"/>
            <names variable="composer"/>
            <text variable="container-title"/>
            <text variable="publisher"/>
            <text variable="title" form="short"/>
          </substitute>
        </names>
      </macro>
      <macro name="year">
        <choose>
          <if variable="issued">
            <date variable="issued"><date-part name="year"/></date>
          </if>
          <else>
            <text term="no date" form="short"/>
          </else>
        </choose>
      </macro>
      <citation>
        <layout><group delimiter=" "><text macro="who"/><text macro="year"/></group></layout>
      </citation>
      <bibliography>
        <layout><group delimiter=" "><text macro="who"/><text macro="year"/></group></layout>
      </bibliography>
    </style>
    """

  /// The label of each of `keys` found in `references`, as plain text; a key the style
  /// renders empty keeps the key itself.
  static func labels(_ keys: [String], references: [String: Reference]) -> [String: String] {
    let cited = keys.compactMap { references[$0] }
    guard !cited.isEmpty,
      case let (renderer?, _) = CSLEngineRenderer.make(
        styleText: style, file: "cited-source-label.csl", locale: nil, references: cited)
    else { return [:] }
    let output = renderer.render([], bibliographyKeys: cited.map(\.id), outputFormat: PlainTextFormat())
    var labels: [String: String] = [:]
    for (index, id) in output.bibliographyIDs.enumerated() where index < output.bibliography.count {
      let label = output.bibliography[index].trimmingWhitespace()
      labels[id] = label.isEmpty ? id : label
    }
    return labels
  }
}
