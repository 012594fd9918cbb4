import BibModel

extension CheckContext {
  /// Calls `body` for every value the schema types: each statement's value and each
  /// qualifier's, then, inside lists, every item with the list's element spec. `what` names
  /// the property or qualifier for messages (spelled out only when a message uses it).
  /// Statements of undeclared properties are skipped (`unknown-property` reports them).
  func forEachTypedValue(_ body: (StatementValue, SourceLocation, ValueSpec, TypedValueName) -> Void) {
    func visit(_ value: StatementValue, _ location: SourceLocation, _ spec: ValueSpec, _ what: TypedValueName) {
      body(value, location, spec, what)
      if case .list(let items) = value {
        for item in items { visit(item.value, item.location, spec.element, what) }
      }
    }
    // The schema read once: reading it for each statement copied it (every table in it).
    let schema = self.schema
    forEachStatement { _, statement, _ in
      guard let property = schema.properties[statement.property] else { return }
      visit(statement.value, statement.valueLocation, property.value, TypedValueName(statement.property))
      for qualifier in statement.qualifiers {
        visit(
          qualifier.value, qualifier.valueLocation, schema.qualifierSpec(qualifier.name, of: statement.property),
          TypedValueName(qualifier.name, isQualifier: true))
      }
    }
  }
}

/// The property or qualifier a typed value belongs to, as messages name it ("qualifier start").
struct TypedValueName: CustomStringConvertible {
  let name: String
  let isQualifier: Bool

  init(_ name: String, isQualifier: Bool = false) {
    self.name = name
    self.isQualifier = isQualifier
  }

  var description: String { isQualifier ? "qualifier \(name)" : name }
}
