import CSLStyle
import Testing

/// The house style reproduces the reference list of the seed article (Styles/lsg-blog.csl).
@Suite struct LsgBlogAcceptanceTests {
  /// The seed's six references, italic markers removed. The People's Daily entry follows the
  /// convention of the other five ("[English Title: …]." where the seed writes
  /// "[English title: …],"): see Docs/multilingual.md.
  static let seedLines = [
    """
    Miller, Alice. "More Already on the Central Committee's Leading Small Groups." In: China Leadership Monitor, \
    Nr. 44 (2014), 1-8. URL: <https://www.hoover.org/sites/default/files/research/docs/clm44am.pdf> \
    (Accessed 19.12.2021).
    """,
    """
    Miller, Alice. "The CCP Central Committee's Leading Small Groups." In: China Leadership Monitor, Nr. 26 \
    (2008). URL: <https://www.hoover.org/sites/default/files/uploads/documents/CLM26AM.pdf> (Accessed 19.12.2021).
    """,
    """
    Tsai, Wen-Hsuan and Zhou, Wang. "Integrated Fragmentation and the Role of Leading Small Groups in Chinese \
    Politics." In: The China Journal, Nr. 82 (March 2019), 1-22.
    """,
    """
    "Tujie xiaozu jizhi 图解'小组机制'" [English Title: Graphically explaining 'Leading Small Group Mechanisms']. \
    In: People's Daily Online 人民网, (08.07.2013). URL: \
    <http://politics.people.com.cn/n/2013/0708/c99014-22112002.html> (Accessed 20.9.2021).
    """,
    """
    Zhou, Wang 周望. "Zhongguo xiaozu zhengzhi moshi jiexi 中国'小组'政治模式解析" [English Title: An analysis of \
    China's 'small group' political model]. In: Yunnan Social Science 云南社会科学, Nr. 3 (January 2010), 14-18.
    """,
    """
    Zhou, Wang 周望. "'Lingdao xiaozu' ruhe lingdao? '领导小组'如何领导" [English Title: How do 'Leading Small \
    Groups' lead?]. In: Public Administration 公共管理, Nr. 1 (2015), 95-99.
    """,
  ]

  @Test func bundledBibliographyPrintsTheSeedReferencesLineForLine() throws {
    let style = try StyleTestSupport.style(StyleTestSupport.packageRoot + "/Styles/lsg-blog.csl")
    let references = try StyleTestSupport.references(StyleTestSupport.bundledBibliography)
    let output = StyleTestSupport.render(style: style, references: references)
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    for line in Self.seedLines {
      #expect(output.bibliography.contains(line), "missing seed line:\n\(line)")
    }
  }

  /// The seed's own inconsistency is not reproduced: one convention for the translation.
  @Test func peoplesDailyEntryUsesTheChosenConvention() throws {
    let style = try StyleTestSupport.style(StyleTestSupport.packageRoot + "/Styles/lsg-blog.csl")
    let references = try StyleTestSupport.references(StyleTestSupport.bundledBibliography)
    let output = StyleTestSupport.render(style: style, references: references, bibliographyIDs: ["peoplesdaily2013"])
    let entry = try #require(output.bibliography.first)
    #expect(entry.contains("[English Title: Graphically explaining 'Leading Small Group Mechanisms']. In: "))
    #expect(!entry.contains("[English title:"))
  }

  /// Citations use the romanized family name, or the romanized title when there is no author.
  @Test func citationsUseRomanizedForms() throws {
    let style = try StyleTestSupport.style(StyleTestSupport.packageRoot + "/Styles/lsg-blog.csl")
    let references = try StyleTestSupport.references(StyleTestSupport.bundledBibliography)
    let output = StyleTestSupport.render(
      style: style, references: references, cites: ["zhou2010@15", "peoplesdaily2013", "tsai2019"])
    #expect(output.citations == ["(Zhou 2010, p. 15)", "(\"Tujie xiaozu jizhi\" 2013)", "(Tsai and Zhou 2019)"])
  }
}
