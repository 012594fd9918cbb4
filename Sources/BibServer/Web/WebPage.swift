import BibFormats
import BibModel
import Foundation
import Reports

/// The web page's HTML, built as text with every value escaped (`HTMLEscape`, as the reports
/// escape); the only markup not escaped here is the engine's rendering, which escapes its own
/// text and has links off. No JavaScript; no links are made from item values.
enum WebPage {
  static func h(_ text: String) -> String { HTMLEscape.text(text) }

  /// A whole page around `body`.
  static func layout(_ title: String, _ body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>\(h(title)) · cited</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>
    body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#222}
    table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}
    textarea{width:100%;font-family:monospace}.message{padding:.5rem;background:#fff3cd}.error{background:#f8d7da}
    nav a{margin-right:1rem}code{white-space:pre-wrap}
    </style></head>
    <body><nav><a href="/">Library</a><a href="/import">Import</a></nav>
    <h1>\(h(title))</h1>
    \(body)
    </body></html>
    """
  }

  static func login(message: String?) -> String {
    layout(
      "Sign in",
      (message.map { "<p class=\"message error\">\(h($0))</p>" } ?? "")
        + """
        <form method="post" action="/login"><p><label>Token (from <code>cited serve token add NAME --write</code>)
        <input type="password" name="token" size="70" autocomplete="off"></label></p>
        <p><button type="submit">Sign in</button></p></form>
        """)
  }

  /// The list of items matching `query`, and the duplicate groups among all items.
  static func list(_ items: [JSONObject], query: String, duplicates: [Dedupe.Group], version: Int) -> String {
    let rows = items.map { item -> String in
      let id = item["id"]?.stringValue ?? ""
      return "<tr><td><a href=\"/items/\(h(WebLinks.path(id)))\">\(h(id))</a></td><td>\(h(authors(item)))</td>"
        + "<td>\(h(year(item)))</td><td>\(h(item["title"]?.stringValue ?? ""))</td></tr>"
    }
    let groups = duplicates.map { group in
      "<li>" + group.ids.map { "<a href=\"/items/\(h(WebLinks.path($0)))\">\(h($0))</a>" }.joined(separator: ", ")
        + " — \(h(group.reasons.joined(separator: "; ")))</li>"
    }
    return layout(
      "Library",
      """
      <form method="get" action="/"><input type="search" name="q" value="\(h(query))" placeholder="id, author, title">
      <button type="submit">Search</button></form>
      <p>\(items.count) item(s); library version \(version).</p>
      <table><tr><th>id</th><th>author</th><th>year</th><th>title</th></tr>\(rows.joined())</table>
      \(groups.isEmpty ? "" : "<h2>Possible duplicates</h2><ul>\(groups.joined())</ul>")
      """)
  }

  /// One item: its fields, its rendering in `style`, and (for writers) the edit form.
  static func item(
    _ object: JSONObject, json: String, version: Int, rendered: String, style: String, canWrite: Bool,
    message: String? = nil
  ) -> String {
    let id = object["id"]?.stringValue ?? ""
    let fields = object.members.map { member in
      "<tr><th>\(h(member.key))</th><td>\(h(fieldText(member.value)))</td></tr>"
    }
    let form =
      canWrite
      ? """
      <h2>Edit</h2><form method="post" action="/items/\(h(WebLinks.path(id)))">
      <input type="hidden" name="version" value="\(version)">
      <textarea name="json" rows="16">\(h(json))</textarea>
      <p><button type="submit">Save</button> (version \(version); refused if someone saved since)</p></form>
      """ : ""
    return layout(
      id,
      (message.map { "<p class=\"message error\">\(h($0))</p>" } ?? "")
        + """
        <table>\(fields.joined())</table>
        <h2>Rendered</h2>
        <form method="get" action="/items/\(h(WebLinks.path(id)))"><input name="style" value="\(h(style))">
        <button type="submit">Render</button></form>
        <div class="rendered">\(rendered)</div>
        \(form)
        """)
  }

  static func importForm(message: String? = nil) -> String {
    layout(
      "Import",
      (message ?? "")
        + """
        <form method="post" action="/import"><p>Paste BibLaTeX, BibTeX, RIS, CSL-YAML or CSL-JSON:</p>
        <textarea name="text" rows="16"></textarea><p><button type="submit">Import</button></p></form>
        """)
  }

  /// What an import created and found.
  static func imported(created: [String], diagnostics: [Diagnostic]) -> String {
    let ids = created.map { "<li><a href=\"/items/\(h(WebLinks.path($0)))\">\(h($0))</a></li>" }
    let findings = diagnostics.map { diagnostic -> String in
      let place = diagnostic.location.map { $0.line > 0 ? "line \($0.line):\($0.column): " : "" } ?? ""
      return "<li>\(h(place + diagnostic.severity.rawValue + ": " + diagnostic.message))</li>"
    }
    return importForm(
      message: "<p class=\"message\">Imported \(created.count) item(s).</p><ul>\(ids.joined())</ul>"
        + (findings.isEmpty ? "" : "<ul>\(findings.joined())</ul>"))
  }

  static func failure(_ title: String, _ message: String) -> String {
    layout(title, "<p class=\"message error\">\(h(message))</p>")
  }

  /// A field as a reader wants it: text as is, names as `Family, Given; …`, the rest as JSON.
  private static func fieldText(_ value: JSONValue) -> String {
    if let text = value.stringValue { return text }
    if let names = value.arrayValue, !names.isEmpty, names.allSatisfy({ $0.objectValue != nil }) {
      let written = names.compactMap(\.objectValue).map { name -> String in
        if let literal = name["literal"]?.stringValue { return literal }
        return [name["family"]?.stringValue, name["given"]?.stringValue].compactMap { $0 }.joined(separator: ", ")
      }
      if !written.contains(where: \.isEmpty) { return written.joined(separator: "; ") }
    }
    return JSONWriter.write(value, pretty: false)
  }

  private static func authors(_ item: JSONObject) -> String {
    let names = item["author"]?.arrayValue ?? item["editor"]?.arrayValue ?? []
    return names.compactMap { name in
      name.objectValue.flatMap { $0["family"]?.stringValue ?? $0["literal"]?.stringValue }
    }.joined(separator: ", ")
  }

  private static func year(_ item: JSONObject) -> String {
    guard let issued = item["issued"]?.objectValue else { return "" }
    if let first = issued["date-parts"]?.arrayValue?.first?.arrayValue?.first { return first.stringValue ?? "" }
    return issued["raw"]?.stringValue ?? issued["literal"]?.stringValue ?? ""
  }
}

/// Item ids in paths, percent-encoded (everything but RFC 3986's unreserved characters).
enum WebLinks {
  static let unreserved = CharacterSet(
    charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

  static func path(_ id: String) -> String {
    id.addingPercentEncoding(withAllowedCharacters: unreserved) ?? id
  }
}
