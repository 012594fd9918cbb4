import BibModel
internal import CYaml

/// Reads YAML into `YAMLNode`s from libyaml's event stream (the parser Yams bundles), keeping every
/// node's line and column. Yams' composer throws at the first duplicate key with one location and
/// expands aliases; reading events lets the reader report every duplicate with both locations and
/// reject anchors, aliases and tags where they are written, without ever expanding an alias.
///
/// A file with any YAML-level problem yields no root: its problems are all reported and the file
/// is skipped (one bad file costs that file).
enum YAMLReader {
  /// The most deeply nested collections accepted.
  public static let maximumDepth = 64

  /// The result of reading one file.
  public struct Result: Sendable {
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
  }

  public static func read(_ text: String, file: String) -> Result {
    var bytes = contentBytes(text)
    if bytes.isEmpty { return Result(root: nil, diagnostics: []) }
    // The block style knowledge-base files are written in is read directly (a text with a tab
    // anywhere is not); a file it does not cover, or one with any problem, is read again by
    // libyaml, which reports the problems.
    if let root = direct(bytes, file: file) { return Result(root: root, diagnostics: []) }
    let tabs = tabIndentation(text, file: file)
    guard tabs.isEmpty else { return Result(root: nil, diagnostics: tabs) }
    return libyaml(&bytes, file: file)
  }

  /// Reads the text with libyaml alone (tests compare it with the direct reading).
  static func readWithLibYAML(_ text: String, file: String) -> Result {
    var bytes = contentBytes(text)
    return bytes.isEmpty ? Result(root: nil, diagnostics: []) : libyaml(&bytes, file: file)
  }

  /// Reads the text with the direct reader alone: nil when it leaves the text to libyaml.
  static func readDirectly(_ text: String, file: String) -> YAMLNode? {
    direct(contentBytes(text), file: file)
  }

  /// The text's bytes without a byte order mark, which is not content (libyaml skips it only
  /// when it guesses the encoding).
  private static func contentBytes(_ text: String) -> [UInt8] {
    var bytes = Array(text.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return bytes
  }

  /// The root the direct reader builds; nil when it gives the text up or finds a problem.
  private static func direct(_ bytes: [UInt8], file: String) -> YAMLNode? {
    bytes.withUnsafeBufferPointer { buffer in
      var composer = EventComposer(file: file)
      guard BlockYAMLScanner.scan(buffer, into: &composer) else { return nil }
      return composer.problems.isEmpty ? composer.root : nil
    }
  }

  /// The root and problems libyaml's event stream gives (no root when there is a problem).
  private static func libyaml(_ bytes: inout [UInt8], file: String) -> Result {
    bytes.withUnsafeMutableBufferPointer { buffer in
      var composer = EventComposer(file: file)
      composer.run(buffer)
      return Result(root: composer.problems.isEmpty ? composer.root : nil, diagnostics: composer.problems)
    }
  }

  /// Lines whose indentation contains a tab, at the tab's column. Indentation is ASCII, so
  /// byte offsets within it are character columns.
  static func tabIndentation(_ text: String, file: String) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var line = 1
    var column = 1
    var inIndentation = true
    for byte in text.utf8 {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
        inIndentation = true
        continue
      }
      guard inIndentation else { continue }
      if byte == UInt8(ascii: "\t") {
        found.append(
          LoadRules.yamlTab.finding(LoadRules.tab, at: SourceLocation(file: file, line: line, column: column)))
        inIndentation = false
      } else if byte != UInt8(ascii: " ") {
        inIndentation = false
      }
      column += 1
    }
    return found
  }
}

/// Builds nodes from parser events with an explicit stack (no recursion on input depth).
private struct EventComposer: BlockYAMLSink {
  /// A collection being built; mutated in place at the top of the stack.
  struct Frame {
    var isMapping: Bool
    var location: SourceLocation
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    /// A mapping's key waiting for its value.
    var pendingKey: (String, SourceLocation)?
    /// An index of a large mapping's keys (small ones are searched directly).
    var seen: [String: SourceLocation] = [:]
  }

  let file: String
  var stack: [Frame] = []
  var root: YAMLNode?
  var problems: [Diagnostic] = []
  var documents = 0

  init(file: String) { self.file = file }

  func place(_ mark: yaml_mark_t) -> SourceLocation {
    SourceLocation(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
  }

  static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  mutating func run(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      problems.append(LoadRules.yamlSyntax.finding("cannot start the YAML parser", at: SourceLocation(file: file)))
      return
    }
    defer { yaml_parser_delete(&parser) }
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else {
        syntaxError(parser)
        return
      }
      let done = event.type == YAML_STREAM_END_EVENT
      let keepGoing = handle(&event)
      yaml_event_delete(&event)
      if done || !keepGoing { return }
    }
  }

  mutating func syntaxError(_ parser: yaml_parser_t) {
    let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
    let context = parser.context.map { String(cString: $0) }
    var message = problem
    var location = place(parser.problem_mark)
    if let context {
      let start = place(parser.context_mark)
      // Running off the end of the file says little; point at what was left open.
      if problem.contains("end of stream") {
        location = start
        message = "\(problem) (\(context) here)"
      } else {
        message = "\(problem) (\(context) that starts at \(start.line):\(start.column))"
      }
    }
    problems.append(LoadRules.yamlSyntax.finding(message, at: location))
  }

  /// Handles one event; false to stop reading.
  mutating func handle(_ event: inout yaml_event_t) -> Bool {
    let location = place(event.start_mark)
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        problems.append(LoadRules.yamlSyntax.finding(LoadRules.multipleDocuments, at: location))
        return false
      }
    case YAML_ALIAS_EVENT:
      let name = Self.text(event.data.alias.anchor) ?? ""
      problems.append(LoadRules.yamlAlias.finding(LoadRules.alias(name), at: location))
      add(YAMLNode(.scalar("", plain: true), location: location))
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      checkAnchor(scalar.anchor, location)
      checkTag(scalar.tag, location)
      let value: String
      if let pointer = scalar.value {
        value = String(decoding: UnsafeBufferPointer(start: pointer, count: Int(scalar.length)), as: UTF8.self)
      } else {
        value = ""
      }
      add(YAMLNode(.scalar(value, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), location: location))
    case YAML_SEQUENCE_START_EVENT:
      checkAnchor(event.data.sequence_start.anchor, location)
      checkTag(event.data.sequence_start.tag, location)
      guard push(Frame(isMapping: false, location: location), location) else { return false }
    case YAML_MAPPING_START_EVENT:
      checkAnchor(event.data.mapping_start.anchor, location)
      checkTag(event.data.mapping_start.tag, location)
      guard push(Frame(isMapping: true, location: location), location) else { return false }
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      end()
    default:
      break
    }
    return true
  }

  /// Builds the nodes from the direct reader's events; false where libyaml would have stopped.
  mutating func receive(_ event: consuming BlockYAMLEvent) -> Bool {
    switch consume event {
    case .mappingStart(let line, let column):
      let location = SourceLocation(file: file, line: line, column: column)
      return push(Frame(isMapping: true, location: location), location)
    case .sequenceStart(let line, let column):
      let location = SourceLocation(file: file, line: line, column: column)
      return push(Frame(isMapping: false, location: location), location)
    case .scalar(let value, let plain, let line, let column):
      add(YAMLNode(.scalar(value, plain: plain), location: SourceLocation(file: file, line: line, column: column)))
    case .end:
      end()
    }
    return true
  }

  /// Closes the collection being built.
  mutating func end() {
    guard let frame = stack.popLast() else { return }
    add(YAMLNode(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), location: frame.location))
  }

  mutating func push(_ frame: Frame, _ location: SourceLocation) -> Bool {
    guard stack.count < YAMLReader.maximumDepth else {
      problems.append(LoadRules.yamlSyntax.finding(LoadRules.tooDeep, at: location))
      return false
    }
    if let top = stack.last, top.isMapping, top.pendingKey == nil {
      // A collection used as a key.
      problems.append(LoadRules.yamlSyntax.finding(LoadRules.complexKey, at: location))
    }
    stack.append(frame)
    // A knowledge-base mapping holds a handful of keys: room for them at once spares the
    // array's regrowing, which cost more than the rest of adding a pair.
    if frame.isMapping { stack[stack.count - 1].pairs.reserveCapacity(8) }
    return true
  }

  mutating func checkAnchor(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ location: SourceLocation) {
    guard let name = Self.text(anchor) else { return }
    problems.append(LoadRules.yamlAlias.finding(LoadRules.anchor(name), at: location))
  }

  mutating func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, _ location: SourceLocation) {
    guard var name = Self.text(tag) else { return }
    if name.hasPrefix("tag:yaml.org,2002:") { name = "!!" + name.dropFirst("tag:yaml.org,2002:".count) }
    problems.append(LoadRules.yamlTag.finding(LoadRules.tag(name), at: location))
  }

  /// Adds a finished node to the collection being built, or makes it the root.
  mutating func add(_ node: consuming YAMLNode) {
    let top = stack.count - 1
    guard top >= 0 else {
      root = node
      return
    }
    guard stack[top].isMapping else {
      stack[top].items.append(node)
      return
    }
    guard let (key, keyLocation) = stack[top].pendingKey else {
      let location = node.location
      stack[top].pendingKey = (node.scalar ?? "", location)
      return
    }
    stack[top].pendingKey = nil
    let first: SourceLocation?
    if stack[top].pairs.count < 16 {
      first = stack[top].pairs.first { $0.key == key }?.keyLocation
    } else {
      if stack[top].seen.isEmpty {
        for pair in stack[top].pairs { stack[top].seen[pair.key] = pair.keyLocation }
      }
      first = stack[top].seen[key]
    }
    if let first {
      problems.append(LoadRules.yamlDuplicateKey.finding(LoadRules.duplicateKey(key, first: first), at: keyLocation))
      return
    }
    if !stack[top].seen.isEmpty { stack[top].seen[key] = keyLocation }
    stack[top].pairs.append(YAMLPair(key: key, keyLocation: keyLocation, value: node))
  }
}
