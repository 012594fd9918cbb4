import BibModel

/// Readable listings of entities for `cited kb list` and `cited kb show`.
public enum EntityFormatter {
  /// One line per entity: id, kind, English label, statement count.
  public static func list(_ knowledge: Knowledge) -> String {
    let rows = knowledge.entities.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }.map {
      [$0.id, $0.kind, $0.labels.preferred ?? "", String($0.statements.count)]
    }
    return table([["ID", "KIND", "LABEL", "STATEMENTS"]] + rows)
  }

  /// The widest a column is padded to: a longer cell is printed whole and pushes its row's next
  /// cells along, so one huge label does not pad every row of the list to its length.
  static let maximumColumnWidth = 60

  static func table(_ rows: [[String]]) -> String {
    guard let columns = rows.first?.count else { return "" }
    var widths = Array(repeating: 0, count: columns)
    for row in rows {
      for (index, cell) in row.enumerated() where index < columns - 1 {
        widths[index] = min(max(widths[index], cell.count), maximumColumnWidth)
      }
    }
    return rows.map { row in
      row.enumerated().map { index, cell in
        index < columns - 1 ? cell + String(repeating: " ", count: max(widths[index] - cell.count, 0) + 2) : cell
      }.joined()
    }.joined(separator: "\n") + "\n"
  }

  /// An entity with labels, former names and statements grouped by property, each with its
  /// qualifiers, rank and sources.
  public static func show(_ entity: Entity, knowledge: Knowledge, bibliography: Bibliography) -> String {
    var output = "\(entity.id) (\(entity.kind))  \(entity.file)\n"
    for form in entity.labels.forms { output += "  \(form.language): \(form.text)\n" }
    if !entity.aliases.isEmpty {
      output += "  also: " + entity.aliases.forms.map(\.text).joined(separator: "; ") + "\n"
    }
    if let description = entity.description { output += "  \(description)\n" }
    if !entity.formerNames.isEmpty {
      output += "former names:\n"
      for name in entity.formerNames {
        let span = [name.start.map { "from \($0)" }, name.end.map { "until \($0)" }].compactMap { $0 }
        output += "  " + name.labels.forms.map(\.text).joined(separator: " / ")
        output += span.isEmpty ? "\n" : " (\(span.joined(separator: " ")))\n"
      }
    }
    for property in entity.properties {
      let label = knowledge.schema.properties[property]?.label.map { " — \($0)" } ?? ""
      output += "\n\(property)\(label)\n"
      for statement in entity.statements(of: property) {
        var line = "  • \(display(statement.value, knowledge))"
        if statement.rank != .normal { line += "  [\(statement.rank.rawValue)]" }
        if let id = statement.id { line += "  (\(id))" }
        output += line + "\n"
        for qualifier in statement.qualifiers {
          output += "      \(qualifier.name): \(display(qualifier.value, knowledge))\n"
        }
        if let reason = statement.reason { output += "      reason: \(reason)\n" }
        if let note = statement.note { output += "      note: \(note)\n" }
        if statement.references.isEmpty { output += "      (no source)\n" }
        for reference in statement.references {
          output += "      ← " + cite(reference, bibliography) + "\n"
        }
      }
    }
    return output
  }

  static func display(_ value: StatementValue, _ knowledge: Knowledge) -> String {
    switch value {
    case .entity(let id):
      knowledge.entity(id).flatMap(\.labels.preferred).map { "\(id) (\($0))" } ?? id
    case .list(let items): items.map { display($0.value, knowledge) }.joined(separator: ", ")
    default: value.display
    }
  }

  /// `Author (Year). Title. Container, p. 15. "quote"` with the key first.
  public static func cite(_ reference: SourceReference, _ bibliography: Bibliography) -> String {
    var parts: [String] = []
    if let item = bibliography[reference.source] {
      let authors = (item.names["author"] ?? item.names["editor"] ?? []).map { name in
        name.literal ?? [name.family, name.given].compactMap { $0 }.joined(separator: ", ")
      }
      var head = authors.isEmpty ? "" : authors.joined(separator: "; ")
      if let year = item.dates["issued"]?.year { head += head.isEmpty ? "\(year)" : " (\(year))" }
      if !head.isEmpty { parts.append(head) }
      if let title = item["title"] { parts.append(title) }
      if let container = item["container-title"] { parts.append(container) }
    } else {
      parts.append("(not in the bibliography)")
    }
    if let locator = reference.locator {
      let label = reference.label ?? "page"
      parts.append(label == "page" ? "p. \(locator)" : "\(label) \(locator)")
    }
    var text = "[\(reference.source)] " + parts.joined(separator: ". ")
    if let quote = reference.quote { text += ". “\(quote)”" }
    if let via = reference.via { text += " (via \(via))" }
    if let retrieved = reference.retrieved { text += " (retrieved \(retrieved))" }
    return text
  }
}
