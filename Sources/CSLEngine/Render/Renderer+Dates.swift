import BibModel
import CSLStyle

extension Renderer {
  func renderDate(_ date: CSL.Date) -> Rendered {
    guard !suppressed.contains(date.variable), !(comparing && date.variable == .accessed),
      let value = lookup.date(date.variable)
    else {
      return Rendered(node: .empty, calledVariable: true)
    }
    if mode == .sort {
      var limited = value
      let names = Set(
        (date.form != nil ? (compiled.locale.dates[date.form ?? .text]?.parts ?? []) : date.parts).map(\.name))
      let shown: Set<CSL.DatePart.Name>
      switch date.partsShown {
      case .yearMonthDay: shown = names
      case .yearMonth: shown = names.subtracting([.day])
      case .year: shown = [.year]
      }
      for index in limited.parts.indices {
        if !shown.contains(.month) { limited.parts[index].month = nil }
        if !shown.contains(.day) { limited.parts[index].day = nil }
      }
      return Rendered(node: .text(Self.sortKey(limited)), calledVariable: true, renderedVariable: true)
    }
    if let literal = value.literal ?? (value.parts.isEmpty ? (value.raw ?? value.extra["raw"]?.stringValue) : nil),
      !literal.isEmpty
    {
      // citeproc-js prints a literal date only where the element prints the year.
      var node = RichText.parse(literal, quotes: compiled.terms.dataQuotes)
      if date.form == nil {
        guard let year = date.parts.first(where: { $0.name == .year }) else {
          return Rendered(node: .empty, calledVariable: true)
        }
        // ... with the year part's affixes and formatting ("Spring 2010" after
        // <date-part name="year" prefix=" "/>).
        node = decorate(node, year.decoration)
      }
      return Rendered(node: decorate(node, date.decoration), calledVariable: true, renderedVariable: true)
    }
    guard let start = value.start, !start.isEmpty else {
      return Rendered(node: .empty, calledVariable: true)
    }
    var parts: [CSL.DatePart]
    var delimiter: String?
    var decoration = date.decoration
    if let form = date.form {
      let format = compiled.locale.dates[form] ?? CSL.DateFormat(parts: [])
      parts = format.parts.filter { part in
        switch date.partsShown {
        case .yearMonthDay: return true
        case .yearMonth: return part.name != .day
        case .year: return part.name == .year
        }
      }
      for (index, part) in parts.enumerated() {
        guard let override = date.parts.first(where: { $0.name == part.name }) else { continue }
        var merged = part
        if let form = override.form { merged.form = form }
        // An empty range-delimiter sets nothing (citeproc-js).
        if let rangeDelimiter = override.rangeDelimiter, !rangeDelimiter.isEmpty {
          merged.rangeDelimiter = rangeDelimiter
        }
        if !override.decoration.formatting.isEmpty { merged.decoration.formatting = override.decoration.formatting }
        if let textCase = override.decoration.textCase { merged.decoration.textCase = textCase }
        if override.decoration.stripPeriods { merged.decoration.stripPeriods = true }
        if let prefix = override.decoration.prefix { merged.decoration.prefix = prefix }
        if let suffix = override.decoration.suffix { merged.decoration.suffix = suffix }
        parts[index] = merged
      }
      delimiter = format.delimiter
      // Set only when there is a case to take: setting nil over nil copied the shared decoration.
      if decoration.textCase == nil, let textCase = format.decoration.textCase { decoration.textCase = textCase }
    } else {
      parts = date.parts
      delimiter = date.delimiter
    }
    let node = dateNode(value, parts: parts, delimiter: delimiter)
    guard !node.isEmpty else { return Rendered(node: .empty, calledVariable: true) }
    var rendered = Rendered.printed(node)
    decorate(&rendered, decoration)
    rendered.wrap { .tagged(.date, [$0]) }
    return rendered
  }

  static func sortKey(_ value: DateValue) -> String {
    func key(_ parts: DateParts?) -> String {
      guard let parts, let year = parts.year else { return "" }
      // Years beyond any calendar sort at the ends (no overflow on input like -2^63).
      let shifted = min(max(year, -49_999), 949_999) + 50000
      let yearText = String(shifted)
      let month = parts.month.map { $0 > 12 ? 0 : $0 } ?? 0
      let day = parts.day ?? 0
      return String(repeating: "0", count: max(0, 6 - yearText.count)) + yearText
        + (month < 10 ? "0" : "") + String(month) + (day < 10 ? "0" : "") + String(day)
    }
    var text = key(value.start)
    if value.isRange { text += "-" + key(value.end) }
    return text
  }

  private func dateNode(_ value: DateValue, parts: [CSL.DatePart], delimiter: String?) -> Node {
    guard let start = value.start else { return .empty }
    // The parts the date has a value for: without a month (and no season) neither month nor
    // day prints; a day stays beside a season given as month 13-16 ("Summer 3, 2019"), as in
    // citeproc-js. Filtered once, and only when a part goes (the style's list serves as it is
    // for a full date; removing in place copied it for each rule).
    let dropsMonth = start.month == nil && value.season == nil
    let dropsDay = dropsMonth || start.day == nil
    let dropsYear = start.year == nil
    let drops = { (part: CSL.DatePart) -> Bool in
      (part.name == .month && dropsMonth) || (part.name == .day && dropsDay) || (part.name == .year && dropsYear)
    }
    let shown = parts.contains(where: drops) ? parts.filter { !drops($0) } : parts
    if let end = value.end, value.isRange, end != start {
      if (end.year == nil || end.year == 0) && end.month == nil && end.day == nil {
        // Open range: "2000–".
        let first = renderParts(shown, start, season: value.season, dropLastSuffix: false)
        let rangeDelimiter = Self.delimiter(ofRangeAt: shown.first(where: { $0.name == .year }))
        return .sequence([join(first, delimiter), .text(rangeDelimiter)])
      }
      var largest: CSL.DatePart.Name?
      if start.year != end.year {
        largest = .year
      } else if start.month != end.month {
        largest = .month
      } else if start.day != end.day {
        largest = .day
      }
      if let largest, shown.contains(where: { $0.name == largest }) {
        let rangeDelimiter = Self.delimiter(ofRangeAt: shown.first(where: { $0.name == largest }))
        if largest == .year {
          let first = renderParts(shown, start, season: value.season, dropLastSuffix: true)
          let second = renderParts(shown, end, season: nil, dropFirstPrefix: true)
          return .sequence([join(first, delimiter), .text(rangeDelimiter), join(second, delimiter)])
        }
        // Range over the parts below the year; parts above stay single.
        let ranged: Set<CSL.DatePart.Name> = largest == .month ? [.month, .day] : [.day]
        var nodes: [Node] = []
        var index = 0
        while index < shown.count {
          if ranged.contains(shown[index].name) {
            var run: [CSL.DatePart] = []
            while index < shown.count && ranged.contains(shown[index].name) {
              run.append(shown[index])
              index += 1
            }
            let first = renderParts(run, start, season: value.season, dropLastSuffix: true)
            // The run's last suffix follows the range once ("Mar. 01–15, 2023").
            let second = renderParts(run, end, season: nil, dropLastSuffix: true, dropFirstPrefix: true)
            var runNodes = [join(first, delimiter), .text(rangeDelimiter), join(second, delimiter)]
            if let suffix = run.last?.decoration.suffix, !suffix.isEmpty { runNodes.append(.text(suffix)) }
            nodes.append(.sequence(runNodes))
          } else {
            nodes.append(contentsOf: renderParts([shown[index]], start, season: value.season))
            index += 1
          }
        }
        return join(nodes, delimiter)
      }
    }
    return join(renderParts(shown, start, season: value.season), delimiter)
  }

  private func renderParts(
    _ parts: [CSL.DatePart], _ date: DateParts, season: String?, dropLastSuffix: Bool = false,
    dropFirstPrefix: Bool = false
  ) -> [Node] {
    var nodes: [Node] = []
    nodes.reserveCapacity(parts.count)
    for (index, part) in parts.enumerated() {
      guard let text = partText(part, date, season: season) else { continue }
      var decoration = part.decoration
      if dropLastSuffix && index == parts.count - 1 { decoration.suffix = nil }
      if dropFirstPrefix && index == 0 { decoration.prefix = nil }
      var node = decorate(Self.termText(text), decoration)
      if part.name == .year { node = .tagged(.year, [node]) }
      nodes.append(node)
    }
    return nodes
  }

  private func partText(_ part: CSL.DatePart, _ date: DateParts, season: String?) -> String? {
    switch part.name {
    case .year:
      guard let year = date.year else { return nil }
      // `magnitude`: a year of -2^63 from the input has no negation in Int.
      if part.form == .short { return String(String(year.magnitude % 100).leftPadded(2)) }
      if year < 0 { return String(year.magnitude) + (terms.term("bc") ?? "BC") }
      if year == 0 { return "1" + (terms.term("bc") ?? "BC") }
      if year < 1000 { return String(year) + (terms.term("ad") ?? "AD") }
      return String(year)
    case .month:
      if let month = date.month, (13...24).contains(month) {
        // A season in the month's place has no number: a numeric month prints nothing.
        if part.form == .numeric || part.form == .numericLeadingZeros { return nil }
        return terms.term("season-0\((month - 13) % 4 + 1)")
      }
      guard let month = date.month else {
        guard let season else { return nil }
        if let number = Int(season), (1...4).contains(number) { return terms.term("season-0\(number)") }
        if let number = Int(season), (13...16).contains(number) { return terms.term("season-0\(number - 12)") }
        return season
      }
      guard (1...12).contains(month) else { return nil }
      let name = "month-" + String(month).leftPadded(2)
      switch part.form ?? .long {
      case .numeric: return String(month)
      case .numericLeadingZeros: return String(month).leftPadded(2)
      case .short: return terms.term(name, form: .short) ?? String(month)
      default: return terms.term(name, form: .long) ?? String(month)
      }
    case .day:
      guard let day = date.day else { return nil }
      switch part.form ?? .numeric {
      case .numericLeadingZeros: return String(day).leftPadded(2)
      case .ordinal:
        if compiled.locale.limitDayOrdinalsToDay1 == true && day != 1 { return String(day) }
        let gender = date.month.flatMap { terms.gender(of: "month-" + String($0).leftPadded(2)) }
        return terms.ordinal(day, gender: gender)
      default: return String(day)
      }
    }
  }

  /// The delimiter of a range whose widest differing part is `part`: its own, or an en dash
  /// where it sets none or an empty one (citeproc-js prints "2019–2021" for `range-delimiter=""`).
  static func delimiter(ofRangeAt part: CSL.DatePart?) -> String {
    guard let delimiter = part?.rangeDelimiter, !delimiter.isEmpty else { return "\u{2013}" }
    return delimiter
  }
}

extension String {
  func leftPadded(_ width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
