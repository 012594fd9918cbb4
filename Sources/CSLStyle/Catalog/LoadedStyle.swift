import BibModel

/// A style ready to render: the file found, the parsed style (the parent's, for a dependent
/// style) and the diagnostics of every file read.
public struct LoadedStyle: Sendable {
  /// The file the reference resolved to.
  public var found: FoundStyle
  /// The parent of a dependent style, when there is one.
  public var parent: FoundStyle?
  /// The style to render with; nil when the file could not be parsed at all.
  public var style: CSL.Style?
  public var diagnostics: [Diagnostic]

  public init(found: FoundStyle, parent: FoundStyle? = nil, style: CSL.Style?, diagnostics: [Diagnostic]) {
    self.found = found
    self.parent = parent
    self.style = style
    self.diagnostics = diagnostics
  }
}
