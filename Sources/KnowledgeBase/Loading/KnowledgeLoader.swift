import BibModel

/// A file's path (as it should appear in messages) and its text.
public struct SourceFile: Sendable, Hashable {
  public var path: String
  public var text: String
  public init(path: String, text: String) {
    self.path = path
    self.text = text
  }

  /// True for the schema: a file named `schema.yaml` (or `.yml`) at the top of the knowledge base.
  public func isSchema(root: String) -> Bool {
    let name = path.hasPrefix(root) ? String(path.dropFirst(root.count)).trimmingCharacters(in: "/") : path
    return name == "schema.yaml" || name == "schema.yml"
  }
}

/// Builds a `Knowledge` from file texts. Pure: the directory walk lives in `KnowledgeDirectory`.
public enum KnowledgeLoader {
  /// Loads the schema and the entities. `root` is the knowledge-base folder as written in the
  /// paths, used to recognise the top-level `schema.yaml`.
  public static func load(_ files: [SourceFile], root: String = "") -> Knowledge {
    var diagnostics: [Diagnostic] = []
    var schema = Schema()
    let schemaFile = files.first { $0.isSchema(root: root) }
    if let schemaFile {
      let read = YAMLReader.read(schemaFile.text, file: schemaFile.path)
      diagnostics += read.diagnostics
      if let root = read.root {
        let (decoded, problems) = SchemaDecoder.decode(root, file: schemaFile.path)
        schema = decoded
        diagnostics += problems
      }
    } else {
      diagnostics.append(
        LoadRules.structure.finding(
          "no schema.yaml in the knowledge base; every kind and property is unknown",
          at: SourceLocation(file: root.isEmpty ? "schema.yaml" : root + "/schema.yaml")))
    }
    let entityFiles = files.filter { $0 != schemaFile }
    let decoded = decodeEntities(entityFiles, schema: schema)
    var entities: [Entity] = []
    var seen: [String: SourceLocation] = [:]
    for (entity, problems) in decoded {
      diagnostics += problems
      guard let entity else { continue }
      if let first = seen[entity.id] {
        diagnostics.append(
          LoadRules.duplicateEntity.finding(
            "duplicate entity id '\(entity.id)' (first defined at \(first)); this entity is skipped",
            at: entity.location, notes: ["first defined at \(first)"]))
        continue
      }
      seen[entity.id] = entity.location
      entities.append(entity)
    }
    return Knowledge(schema: schema, entities: entities, diagnostics: diagnostics, files: files.map(\.path))
  }

  /// Reads and decodes entity files, on all cores for large knowledge bases; results keep file order.
  static func decodeEntities(_ files: [SourceFile], schema: Schema) -> [(Entity?, [Diagnostic])] {
    ParallelMap.map(files) { file in
      let read = YAMLReader.read(file.text, file: file.path)
      guard let root = read.root, !root.isNull else {
        guard read.diagnostics.isEmpty else { return (nil, read.diagnostics) }
        let empty = LoadRules.structure.finding(
          "the file holds no entity", at: SourceLocation(file: file.path, line: 1, column: 1))
        return (nil, [empty])
      }
      let (entity, problems) = EntityDecoder.decode(root, file: file.path, schema: schema)
      return (entity, read.diagnostics + problems)
    }
  }
}
