import BibModel

extension CheckContext {
  /// Calls `body` for every value the schema types: each statement's value and each
  /// qualifier's, then, inside lists, every item with the list's element spec. `what` names
  /// the property or qualifier for messages. Statements of undeclared properties are skipped
  /// (`unknown-property` reports them).
  func forEachTypedValue(_ body: (StatementValue, SourceLocation, ValueSpec, String) -> Void) {
    func visit(_ value: StatementValue, _ location: SourceLocation, _ spec: ValueSpec, _ what: String) {
      body(value, location, spec, what)
      if case .list(let items) = value {
        for item in items { visit(item.value, item.location, spec.element, what) }
      }
    }
    forEachStatement { _, statement, _ in
      guard let property = schema.properties[statement.property] else { return }
      visit(statement.value, statement.valueLocation, property.value, statement.property)
      for qualifier in statement.qualifiers {
        visit(
          qualifier.value, qualifier.valueLocation, schema.qualifierSpec(qualifier.name, of: statement.property),
          "qualifier \(qualifier.name)")
      }
    }
  }
}
