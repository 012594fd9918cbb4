import Testing

@testable import CSLEngine

/// HTML links only http, https and mailto URLs. The scheme is matched on the URL's opening
/// bytes; the answer must be `hasPrefix`'s, a combining mark after the scheme included.
@Suite struct LinkSchemeTests {
  @Test func schemesMatchAsHasPrefixDoes() {
    let urls = [
      "https://example.org", "http://example.org/a?b=c", "mailto:someone@example.org", "HTTPS://example.org",
      "javascript:alert(1)", "http:/example.org", "https:", "ftp://example.org", "", "mailto:",
      "https://\u{301}example.org", "mailto:\u{308}x", "http://\u{00E9}t\u{00E9}.fr", " https://example.org",
      "https\u{FF1A}//example.org", "data:text/html,x",
    ]
    var linked = 0
    for url in urls {
      let expected = ["https://", "http://", "mailto:"].contains { url.hasPrefix($0) }
      #expect(HTMLFormat.isLinkable(url) == expected, "\(url.debugDescription)")
      if expected { linked += 1 }
    }
    #expect(linked == 5)
  }
}
