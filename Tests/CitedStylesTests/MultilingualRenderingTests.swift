import BibModel
import CSLStyle
import Foundation
import Testing

/// Chinese and Japanese names and titles in all three forms through Cited's styles, and the
/// same items through a style that does not use the extension.
@Suite struct MultilingualRenderingTests {
  static let cites = ["wang2018@47", "tanaka2015@23", "smithli2020@5", "wang2018@48", "tanaka2015"]

  static func render(_ name: String) throws -> (citations: [String], bibliography: [String]) {
    let style = try StyleTestSupport.style(StyleTestSupport.packageRoot + "/Styles/\(name).csl")
    let references = try StyleTestSupport.references(StyleTestSupport.testItems)
    let output = StyleTestSupport.render(style: style, references: references, cites: cites)
    #expect(output.diagnostics.isEmpty, "\(output.diagnostics)")
    return (output.citations, output.bibliography)
  }

  @Test func chicagoAuthorDate() throws {
    let output = try Self.render("chicago-author-date-multilingual")
    #expect(
      output.citations == [
        "(Wang 2018, 47)", "(Tanaka 2015, 23)", "(Smith and Li 2020, 5)", "(Wang 2018, 48)", "(Tanaka 2015)",
      ])
    #expect(
      output.bibliography == [
        "Smith, John, and Li Ming 李明. 2020. “Leading Small Groups and Policy Coordination in China.” "
          + "The China Quarterly 241: 1–20.",
        "Tanaka Akihiko 田中明彦. 2015. Chūgoku no seiji taisei 中国の政治体制 [China’s political system]. "
          + "Tokyo: Iwanami Shoten.",
        "Wang Wei 王伟. 2018. “Difang lingdao xiaozu de yunzuo jizhi” 地方领导小组的运作机制 "
          + "[How local leading small groups work]. Zhengzhixue yanjiu 政治学研究, no. 2: 45–60.",
      ])
  }

  @Test func chicagoNotes() throws {
    let output = try Self.render("chicago-notes-multilingual")
    #expect(
      output.citations == [
        "Wang Wei 王伟, “Difang lingdao xiaozu de yunzuo jizhi” 地方领导小组的运作机制 "
          + "[How local leading small groups work], Zhengzhixue yanjiu 政治学研究, no. 2 (2018): 47.",
        "Tanaka Akihiko 田中明彦, Chūgoku no seiji taisei 中国の政治体制 [China’s political system] "
          + "(Tokyo: Iwanami Shoten, 2015), 23.",
        "John Smith and Li Ming 李明, “Leading Small Groups and Policy Coordination in China,” "
          + "The China Quarterly 241 (2020): 5.",
        "Wang, “Difang lingdao xiaozu de yunzuo jizhi,” 48.",
        "Tanaka, Chūgoku no seiji taisei.",
      ])
    #expect(
      output.bibliography == [
        "Smith, John, and Li Ming 李明. “Leading Small Groups and Policy Coordination in China.” "
          + "The China Quarterly 241 (2020): 1–20.",
        "Tanaka Akihiko 田中明彦. Chūgoku no seiji taisei 中国の政治体制 [China’s political system]. "
          + "Tokyo: Iwanami Shoten, 2015.",
        "Wang Wei 王伟. “Difang lingdao xiaozu de yunzuo jizhi” 地方领导小组的运作机制 "
          + "[How local leading small groups work]. Zhengzhixue yanjiu 政治学研究, no. 2 (2018): 45–60.",
      ])
  }

  @Test func houseStyle() throws {
    let output = try Self.render("lsg-blog")
    #expect(
      output.citations == [
        "(Wang 2018, p. 47)", "(Tanaka 2015, p. 23)", "(Smith and Li 2020, p. 5)", "(Wang 2018, p. 48)",
        "(Tanaka 2015)",
      ])
    #expect(
      output.bibliography == [
        "Smith, John and Li, Ming 李明. \"Leading small groups and policy coordination in China.\" "
          + "In: The China Quarterly, (2020), 1-20.",
        "Tanaka, Akihiko 田中明彦. \"Chūgoku no seiji taisei 中国の政治体制\" [English Title: China's political system]. "
          + "(2015).",
        "Wang, Wei 王伟. \"Difang lingdao xiaozu de yunzuo jizhi 地方领导小组的运作机制\" "
          + "[English Title: How local leading small groups work]. In: Political Science Research 政治学研究, Nr. 2 (2018), "
          + "45-60.",
      ])
  }

  /// A style without the extension prints the plain variables: the original script, with
  /// names family first and unseparated, never initialized.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: StyleTestSupport.sharedStyles + "/apa.csl"),
      "the official CSL styles in ../shared are test input (absent in a user's clone)"))
  func styleWithoutTheExtensionPrintsTheOriginalScript() throws {
    let path = StyleTestSupport.sharedStyles + "/apa.csl"
    let style = try StyleTestSupport.style(path)
    let references = try StyleTestSupport.references(StyleTestSupport.testItems)
    let output = StyleTestSupport.render(style: style, references: references, cites: Self.cites)
    #expect(output.citations.prefix(3) == ["(王, 2018, p. 47)", "(田中, 2015, p. 23)", "(Smith & 李, 2020, p. 5)"])
    #expect(
      output.bibliography == [
        "Smith, J., & 李明. (2020). Leading small groups and policy coordination in China. The China Quarterly, "
          + "241, 1–20.",
        "王伟. (2018). 地方领导小组的运作机制. 政治学研究, (2), 45–60.",
        "田中明彦. (2015). 中国の政治体制. 岩波書店.",
      ])
  }

  /// The same items through Chicago notes from ../shared (no extension): original script.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: StyleTestSupport.sharedStyles + "/chicago-notes-bibliography.csl"),
      "the official CSL styles in ../shared are test input (absent in a user's clone)"))
  func officialChicagoNotesPrintsTheOriginalScript() throws {
    let path = StyleTestSupport.sharedStyles + "/chicago-notes-bibliography.csl"
    let style = try StyleTestSupport.style(path)
    let references = try StyleTestSupport.references(StyleTestSupport.testItems)
    let output = StyleTestSupport.render(style: style, references: references, cites: Self.cites)
    #expect(output.citations.first == "王伟, “地方领导小组的运作机制,” 政治学研究, no. 2 (2018): 47.")
    #expect(output.bibliography.contains("田中明彦. 中国の政治体制. 岩波書店, 2015."))
  }
}
