import BibModel

/// Copies of a style that share no storage with it: every element, array, box and string
/// is allocated anew. The renderer reaches a style's elements millions of times, and each
/// reach counts a reference; threads rendering with one style count on the same memory, and
/// the cores pass those counters back and forth. A thread rendering with its own copy does
/// not. A copy equals its original (`==`); only where it is stored differs.
extension CSL.Style {
  public func unshared() -> CSL.Style {
    var copy = self
    copy.namesDelimiter = namesDelimiter.map(Unshared.string)
    copy.macros = Dictionary(
      uniqueKeysWithValues: macros.map { (Unshared.string($0.key), Unshared.elements($0.value)) })
    copy.citation = citation.map { citation in
      var copy = citation
      Self.unshare(&copy.layout, &copy.namesDelimiter, &copy.sort)
      return copy
    }
    copy.bibliography = bibliography.map { bibliography in
      var copy = bibliography
      Self.unshare(&copy.layout, &copy.namesDelimiter, &copy.sort)
      return copy
    }
    return copy
  }
}

extension [CSL.Element] {
  /// Elements sharing no storage with these (`CSL.Style.unshared`).
  public func unshared() -> [CSL.Element] { Unshared.elements(self) }
}

extension CSL.Style {
  /// What a citation and a bibliography hold of their own: a layout, a names delimiter, keys.
  fileprivate static func unshare(_ layout: inout CSL.Layout, _ delimiter: inout String?, _ sort: inout [CSL.SortKey]) {
    layout = layout.unshared()
    delimiter = delimiter.map(Unshared.string)
    sort = sort.map { $0.unshared() }
  }
}

/// The copying steps, one per kind of model value.
enum Unshared {
  /// A string in storage of its own (a short string lives inline and has none to share).
  static func string(_ text: String) -> String {
    let bytes = Array(text.utf8)
    return String(decoding: bytes, as: UTF8.self)
  }

  static func variable(_ variable: CSLVariable) -> CSLVariable { CSLVariable(rawValue: string(variable.rawValue)) }

  static func elements(_ elements: [CSL.Element]) -> [CSL.Element] { elements.map(element) }

  static func element(_ element: CSL.Element) -> CSL.Element {
    switch element {
    case .text(let text):
      var copy = text
      copy.source =
        switch text.source {
        case .variable(let name, let form): .variable(variable(name), form)
        case .macro(let name): .macro(string(name))
        case .term(let name, let form, let plural): .term(string(name), form, plural: plural)
        case .value(let value): .value(string(value))
        }
      copy.decoration = text.decoration.unshared()
      return .text(copy)
    case .number(let number):
      var copy = number
      copy.variable = variable(number.variable)
      copy.decoration = number.decoration.unshared()
      return .number(copy)
    case .label(let label):
      var copy = label
      copy.variable = variable(label.variable)
      copy.decoration = label.decoration.unshared()
      return .label(copy)
    case .date(let date):
      var copy = date
      copy.variable = variable(date.variable)
      copy.parts = date.parts.map { part in
        var copy = part
        copy.rangeDelimiter = part.rangeDelimiter.map(string)
        copy.decoration = part.decoration.unshared()
        return copy
      }
      copy.delimiter = date.delimiter.map(string)
      copy.decoration = date.decoration.unshared()
      return .date(copy)
    case .names(let names): return .names(names.unshared())
    case .group(let group):
      var copy = group
      copy.children = elements(group.children)
      copy.delimiter = group.delimiter.map(string)
      copy.decoration = group.decoration.unshared()
      return .group(copy)
    case .choose(let choose):
      let branches = choose.branches.map { branch in
        CSL.Branch(condition: branch.condition.unshared(), children: elements(branch.children))
      }
      return .choose(CSL.Choose(branches: branches, otherwise: elements(choose.otherwise)))
    }
  }
}

extension CSL.Layout {
  func unshared() -> CSL.Layout {
    var copy = CSL.Layout(
      children: Unshared.elements(children), delimiter: delimiter.map(Unshared.string),
      decoration: decoration.unshared())
    copy.locale = locale
    return copy
  }
}

extension CSL.SortKey {
  func unshared() -> CSL.SortKey {
    var copy = self
    copy.source =
      switch source {
      case .variable(let variable): .variable(Unshared.variable(variable))
      case .macro(let name): .macro(Unshared.string(name))
      }
    return copy
  }
}

extension CSL.Condition {
  func unshared() -> CSL.Condition {
    let tests = tests.map { test -> Test in
      switch test {
      case .isNumeric(let variable): .isNumeric(Unshared.variable(variable))
      case .isUncertainDate(let variable): .isUncertainDate(Unshared.variable(variable))
      case .locator(let type): .locator(LocatorType(rawValue: Unshared.string(type.rawValue)))
      case .type(let type): .type(ItemType(rawValue: Unshared.string(type.rawValue)))
      case .variable(let variable): .variable(Unshared.variable(variable))
      case .hasForm(let form, let variable): .hasForm(form, variable: Unshared.variable(variable))
      case .disambiguate, .position: test
      }
    }
    return CSL.Condition(tests: tests, match: match)
  }
}
