import BibModel
import CSLStyle
import Foundation
import Testing

/// A style's private copy (each rendering thread's own, `CompiledStyle.checkOutCopy`) equals
/// the style and shares none of its element storage.
@Suite struct UnsharedStyleTests {
  /// The storage address of each non-empty element list a style holds (layouts, macros,
  /// groups' children, branches, substitutes); empty lists share the one empty storage, which
  /// is never counted.
  static func addresses(_ style: CSL.Style) -> [UInt] {
    var found: [UInt] = []
    func visit(_ elements: [CSL.Element]) {
      if !elements.isEmpty { elements.withUnsafeBufferPointer { found.append(UInt(bitPattern: $0.baseAddress)) } }
      for element in elements {
        switch element {
        case .group(let group): visit(group.children)
        case .choose(let choose):
          for branch in choose.branches { visit(branch.children) }
          visit(choose.otherwise)
        case .names(let names): if let substitute = names.substitute { visit(substitute) }
        default: break
        }
      }
    }
    for name in style.macros.keys.sorted() { visit(style.macros[name] ?? []) }
    visit(style.citation?.layout.children ?? [])
    visit(style.bibliography?.layout.children ?? [])
    return found
  }

  static func check(_ style: CSL.Style, _ name: String) {
    let copy = style.unshared()
    #expect(copy == style, "\(name): the copy differs")
    let original = Self.addresses(style)
    let copied = Set(Self.addresses(copy))
    #expect(!original.isEmpty, "\(name): no elements")
    #expect(original.allSatisfy { !copied.contains($0) }, "\(name): the copy shares element storage")
  }

  @Test func bundledStylesCopyWithoutSharing() throws {
    let names = try StyleTestSupport.bundledStyleNames()
    #expect(!names.isEmpty)
    for name in names {
      Self.check(try StyleTestSupport.style(StyleTestSupport.packageRoot + "/Styles/\(name).csl"), name)
    }
  }

  @Test(.sharedStylesPresent)
  func officialStylesCopyWithoutSharing() throws {
    let files = SharedStylesTests.sharedStyleFiles()
    #expect(files.count >= 27)
    for file in files { Self.check(try StyleTestSupport.style(StyleTestSupport.sharedStyles + "/" + file), file) }
  }
}
