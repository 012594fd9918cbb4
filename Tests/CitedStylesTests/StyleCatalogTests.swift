import CSLStyle
import Testing

/// Style finding: by path, then by name along the search path; dependent styles.
@Suite struct StyleCatalogTests {
  static func independent(_ id: String) -> String {
    """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
      <info><title>\(id)</title><id>\(id)</id></info>
      <citation><layout><text variable="title"/></layout></citation>
    </style>
    """
  }

  static func dependent(parent: String, locale: String = "de-DE") -> String {
    """
    <style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" default-locale="\(locale)">
      <info><title>dep</title><id>dep</id><link href="\(parent)" rel="independent-parent"/></info>
    </style>
    """
  }

  /// A catalog over an in-memory file system.
  static func catalog(
    _ files: [String: String], styles: [String] = [], environment: String? = nil, home: String? = "/home/u",
    bundled: [String: String] = ["house": independent("bundled-house")]
  ) -> StyleCatalog {
    StyleCatalog(
      styleDirectories: styles, environmentPath: environment, home: home, bundled: bundled,
      readFile: { files[$0] },
      listDirectory: { directory in
        files.keys.filter { $0.hasPrefix(directory + "/") && !$0.dropFirst(directory.count + 1).contains("/") }
          .map { String($0.dropFirst(directory.count + 1)) }
      })
  }

  static func origin(_ result: Result<FoundStyle, StyleLookupError>) -> String? {
    if case .success(let found) = result { return "\(found.origin) \(found.path ?? "-")" }
    return nil
  }

  @Test func searchOrder() {
    let files = [
      "x/my.csl": Self.independent("by-path"),
      "Styles/local.csl": Self.independent("local"),
      "Styles/house.csl": Self.independent("local-house"),
      "/a/apa.csl": Self.independent("a"),
      "/b/apa.csl": Self.independent("b"),
      "/b/mla.csl": Self.independent("b-mla"),
      "/c/mla.csl": Self.independent("c-mla"),
      "/home/u/Zotero/styles/ieee.csl": Self.independent("zotero"),
    ]
    let catalog = Self.catalog(files, styles: ["/a"], environment: "/b::/c")
    #expect(Self.origin(catalog.find("x/my.csl")) == "path x/my.csl")
    #expect(Self.origin(catalog.find("local")) == "Styles Styles/local.csl")
    #expect(Self.origin(catalog.find("house")) == "Styles Styles/house.csl")
    #expect(Self.origin(Self.catalog([:]).find("house")) == "bundled -")
    #expect(Self.origin(catalog.find("apa")) == "--styles /a/apa.csl")
    #expect(Self.origin(catalog.find("mla")) == "CITED_STYLES /b/mla.csl")
    #expect(Self.origin(catalog.find("ieee")) == "Zotero /home/u/Zotero/styles/ieee.csl")
    // A path that does not exist falls back to its name.
    #expect(Self.origin(catalog.find("elsewhere/apa.csl")) == "--styles /a/apa.csl")
  }

  @Test func missingStyleListsWhereItLooked() {
    let catalog = Self.catalog([:], styles: ["/a"], environment: "/b")
    guard case .failure(let error) = catalog.find("nope") else {
      Issue.record("found a style that does not exist")
      return
    }
    #expect(
      error.searched == [
        "nope", "Styles/nope.csl", "bundled styles", "/a/nope.csl", "/b/nope.csl", "/home/u/Zotero/styles/nope.csl",
      ])
    #expect(error.description.hasPrefix("no style 'nope'; looked in: nope, Styles/nope.csl, bundled styles"))
  }

  @Test func listingFollowsSearchOrder() {
    let files = ["Styles/house.csl": Self.independent("l"), "/a/apa.csl": Self.independent("a")]
    let names = Self.catalog(files, styles: ["/a"]).all().map { "\($0.name)@\($0.origin)" }
    #expect(names == ["house@Styles", "house@bundled", "apa@--styles"])
  }

  @Test func dependentStyleResolvesItsParentByName() throws {
    let files = [
      "dep.csl": Self.dependent(parent: "http://www.zotero.org/styles/apa"),
      "/a/apa.csl": Self.independent("http://www.zotero.org/styles/apa"),
    ]
    let loaded = try Self.catalog(files, styles: ["/a"]).load("dep.csl").get()
    #expect(loaded.parent?.path == "/a/apa.csl")
    #expect(loaded.style?.citation != nil)
    #expect(loaded.style?.defaultLocale == "de-DE")
  }

  @Test func dependentStyleResolvesItsParentById() throws {
    let files = [
      "dep.csl": Self.dependent(parent: "https://example.org/styles/renamed"),
      "/a/other-file-name.csl": Self.independent("https://example.org/styles/renamed"),
    ]
    let loaded = try Self.catalog(files, styles: ["/a"]).load("dep.csl").get()
    #expect(loaded.parent?.path == "/a/other-file-name.csl")
  }

  @Test func missingOrDependentParentIsAnError() {
    let missing = Self.catalog(["dep.csl": Self.dependent(parent: "http://www.zotero.org/styles/gone")]).load("dep.csl")
    guard case .failure(let error) = missing else {
      Issue.record("a missing parent loaded")
      return
    }
    #expect(error.reference == "http://www.zotero.org/styles/gone")
    #expect(error.searched.contains("Styles/gone.csl"))
    let chained = Self.catalog([
      "dep.csl": Self.dependent(parent: "http://x/mid"), "Styles/mid.csl": Self.dependent(parent: "http://x/dep"),
    ]).load("dep.csl")
    guard case .failure(let chainError) = chained else {
      Issue.record("a dependent parent loaded")
      return
    }
    #expect(chainError.reason?.contains("itself a dependent style") == true)
  }
}
