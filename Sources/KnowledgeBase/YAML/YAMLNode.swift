import BibModel

/// A YAML node as the knowledge base reads it: plain data with the place it was written.
/// Every scalar is text; nothing is coerced (`no`, `on` and `1.10` stay strings).
public struct YAMLNode: Sendable, Hashable {
  /// What the node holds.
  public enum Content: Sendable, Hashable {
    /// A scalar; `plain` is false for quoted and block scalars.
    case scalar(String, plain: Bool)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var content: Content
  public var location: SourceLocation

  public init(_ content: Content, location: SourceLocation) {
    self.content = content
    self.location = location
  }

  /// The scalar's text, or nil for collections.
  public var scalar: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// True for an empty plain scalar (`key:` with nothing after it) or `~` / `null`.
  public var isNull: Bool {
    if case .scalar(let text, let plain) = content {
      return plain && (text.isEmpty || text == "~" || text == "null")
    }
    return false
  }

  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// The value for a key of a mapping (keys are unique once loaded).
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key == key }?.value
  }

  /// A short name of the node's shape for messages.
  public var shapeName: String {
    switch content {
    case .scalar: "a scalar"
    case .sequence: "a list"
    case .mapping: "a map"
    }
  }
}

/// One key and value of a mapping; keys are always scalars.
public struct YAMLPair: Sendable, Hashable {
  public var key: String
  public var keyLocation: SourceLocation
  public var value: YAMLNode

  public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
    self.key = key
    self.keyLocation = keyLocation
    self.value = value
  }
}
