import Testing

@testable import Reports

@Suite struct CitationSyntaxTests {
  private func clusters(_ text: String) -> [CitationCluster] {
    CitationSyntax.scan(text).compactMap {
      if case .citation(let cluster, _) = $0 { return cluster }
      return nil
    }
  }

  @Test func simpleBracketedCitation() {
    let found = clusters("As shown [@zhouwang2015].")
    #expect(found.count == 1)
    #expect(found.first?.items == [CitationItem(key: "zhouwang2015")])
    #expect(found.first?.source == "[@zhouwang2015]")
  }

  @Test func pageLocator() {
    let item = clusters("[@key, p. 33]").first?.items.first
    #expect(item?.locator == "33")
    #expect(item?.label == "page")
    #expect(item?.suffix == "")
  }

  @Test func prefixChapterAndSecondItem() {
    let items = clusters("[see @a, chap. 2; @b]").first?.items ?? []
    #expect(items.count == 2)
    #expect(items.first == CitationItem(key: "a", prefix: "see", locator: "2", label: "chapter"))
    #expect(items.last == CitationItem(key: "b"))
  }

  @Test func suppressAuthor() {
    #expect(clusters("[-@key]").first?.items.first == CitationItem(key: "key", suppressAuthor: true))
  }

  @Test func bareKeyIsAuthorInText() {
    let found = clusters("As @smith2004 says, and @doe [p. 4] adds.")
    #expect(found.count == 2)
    #expect(found.first?.isAuthorInText == true)
    #expect(found.first?.items.first?.key == "smith2004")
    #expect(found.last?.items.first?.locator == "4")
  }

  @Test func emailIsNotACitation() {
    #expect(clusters("write to someone@example.org please").isEmpty)
  }

  @Test func longFormsAndRangesAndSuffix() {
    let item = clusters("[@k, pages 33-35, 38 and elsewhere]").first?.items.first
    #expect(item?.locator == "33-35, 38")
    #expect(item?.label == "page")
    #expect(item?.suffix == "and elsewhere")
    #expect(clusters("[@k, section 4]").first?.items.first?.label == "section")
    #expect(clusters("[@k, para. 7]").first?.items.first?.label == "paragraph")
    #expect(clusters("[@k, fig. 2]").first?.items.first?.label == "figure")
    #expect(clusters("[@k, §3]").first?.items.first?.label == "section")
    #expect(clusters("[@k, vol. iv]").first?.items.first?.locator == "iv")
  }

  @Test func bareNumberIsAPage() {
    let item = clusters("[@k, 12]").first?.items.first
    #expect(item?.locator == "12")
    #expect(item?.label == "page")
  }

  @Test func suffixWithoutLocator() {
    let item = clusters("[@k, and passim]").first?.items.first
    #expect(item?.locator == nil)
    #expect(item?.suffix == ", and passim")
  }

  @Test func bracesKeyAndBracesLocator() {
    let item = clusters("[@{odd key}, pp. {iv, vi-xi}]").first?.items.first
    #expect(item?.key == "odd key")
    #expect(item?.locator == "iv, vi-xi")
  }

  @Test func keyTrailingPunctuationIsNotPartOfKey() {
    #expect(clusters("see @doe99.").first?.items.first?.key == "doe99")
    #expect(clusters("see @wp_cnsc_2016:").first?.items.first?.key == "wp_cnsc_2016")
  }

  @Test func bracketWithoutKeyIsText() {
    #expect(clusters("[not a citation] and [one; two]").isEmpty)
  }
}
