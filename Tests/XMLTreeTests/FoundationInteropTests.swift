import Foundation
import Testing

import XMLTree

/// Clients import Foundation and XMLTree together (the CLI does); libxml2's headers must not
/// drag the system ICU into their module graph.
@Suite struct FoundationInteropTests {
  @Test func parsesDataReadThroughFoundation() throws {
    let data = Data("<a b=\"c\"/>".utf8)
    let root = try XMLTreeParser.parse(bytes: [UInt8](data))
    #expect(root[attribute: "b"] == "c")
  }
}
