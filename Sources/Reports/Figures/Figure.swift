import KnowledgeBase

/// The report's figures as the schema declares them: one drawing per `FigureSpec`, numbered by
/// its place in `report.figures`. Every word a figure prints comes from the schema.
enum Figure {
  static func make(_ spec: FigureSpec, number: Int, _ context: ReportContext) -> DocBlock {
    switch spec.drawing {
    case .hub(let hub): HubFigure.make(spec, hub, number: number, context)
    case .levels(let levels): LevelsFigure.make(spec, levels, number: number, context)
    case .network(let network): NetworkFigure.make(spec, network, number: number, context)
    case .timeline(let timeline): TimelineFigure.make(spec, timeline, number: number, context)
    }
  }

  /// `Figure N: TITLE`, with `{key}` in the title replaced by `value`.
  static func title(_ spec: FigureSpec, number: Int, _ substitutions: [(key: String, value: String)] = []) -> String {
    "Figure \(number): " + fill(spec.title, substitutions)
  }

  /// `template` with each `{key}` replaced by its value.
  static func fill(_ template: String, _ substitutions: [(key: String, value: String)]) -> String {
    var text = template
    for (key, value) in substitutions {
      let marker = "{" + key + "}"
      var result = ""
      var rest = Substring(text)
      while let start = rest.firstIndex(of: "{") {
        if rest[start...].hasPrefix(marker) {
          result += rest[..<start] + value
          rest = rest[rest.index(start, offsetBy: marker.count)...]
        } else {
          result += rest[...start]
          rest = rest[rest.index(after: start)...]
        }
      }
      text = result + rest
    }
    return text
  }

  static let notRecorded = "Not recorded in the knowledge base."
}
