import BibModel
import CSLStyle

/// Settles the gates of a style's macros (`MacroGate`), each macro analysed once per kind of
/// assumption.
struct MacroGateAnalysis {
  /// What a gate assumes of the item.
  enum Assumption: CaseIterable {
    /// It lacks the variables the macro prints.
    case variables
    /// It is of none of the types the macro's conditions name.
    case types
    /// Both.
    case both
    /// It lacks the variables the macro prints or its conditions test.
    case testedVariables
    /// That, and none of the types.
    case testedVariablesAndTypes

    var assumesVariables: Bool { self != .types }
    var assumesTypes: Bool { self == .types || self == .both || self == .testedVariablesAndTypes }
    var assumesTestedVariables: Bool { self == .testedVariables || self == .testedVariablesAndTypes }
  }

  /// What a macro can print and test, through every branch and every macro it calls.
  private struct Footprint {
    /// The variables it prints and the types its conditions name.
    var gate = MacroGate()
    /// The variables its conditions test (`variable` and `is-numeric` read a value,
    /// `is-uncertain-date` a listed date).
    var testedValued = VariableSet()
    var testedListed = VariableSet()
    /// A `disambiguate` test: its evaluation counts in the renderer.
    var leavesTrace = false
  }

  private let macros: [String: [CSL.Element]]
  private var footprints: [String: Footprint?] = [:]
  private var verdicts: [Assumption: [String: MacroGate?]] = [:]

  /// `macros`: the macros that render (no recursive ones), by name.
  init(macros: [String: [CSL.Element]]) {
    self.macros = macros
  }

  /// A macro's gates, none that another closes whenever it closes: on the variables it
  /// prints (else on those it prints or tests), on types, else on both.
  mutating func gates(_ name: String) -> [MacroGate] {
    let variables = gate(name, .variables, depth: 0) ?? gate(name, .testedVariables, depth: 0)
    let types = gate(name, .types, depth: 0)
    if variables != nil || types != nil { return [variables, types].compactMap { $0 } }
    return [gate(name, .both, depth: 0) ?? gate(name, .testedVariablesAndTypes, depth: 0)].compactMap { $0 }
  }

  private mutating func gate(_ name: String, _ assumption: Assumption, depth: Int) -> MacroGate? {
    if let known = verdicts[assumption]?[name] { return known }
    guard depth < 40, macros[name] != nil, let footprint = footprint(name, depth: depth), !footprint.leavesTrace
    else { return nil }
    verdicts[assumption, default: [:]][name] = .some(nil)  // a cycle reads as "no gate"
    var gate = MacroGate()
    if assumption.assumesVariables {
      gate.valued = footprint.gate.valued
      gate.listed = footprint.gate.listed
    }
    if assumption.assumesTestedVariables {
      gate.valued.formUnion(footprint.testedValued)
      gate.listed.formUnion(footprint.testedListed)
    }
    if assumption.assumesTypes { gate.types = footprint.gate.types }
    let context = Context(gate: gate, assumption: assumption, depth: depth)
    guard let body = macros[name], let outcome = outcome(of: body, context)?.suppressed, let calls = outcome.calls
    else { return nil }
    gate.callsVariable = calls
    gate.reachesTextVariable = outcome.reaches
    gate.nesting = outcome.nesting
    verdicts[assumption, default: [:]][name] = .some(gate)
    return gate
  }

  // MARK: - Footprints

  private mutating func footprint(_ name: String, depth: Int) -> Footprint? {
    if let known = footprints[name] { return known }
    guard depth < 40, let body = macros[name] else { return nil }
    footprints[name] = .some(nil)
    var footprint = Footprint()
    guard collect(body, into: &footprint, depth: depth) else { return nil }
    footprints[name] = .some(footprint)
    return footprint
  }

  /// Adds the plain variables the elements print (a cite's variables and those with another
  /// reading are left out: reached, they end the analysis) and the types their conditions
  /// name; false when a called macro cannot be followed.
  private mutating func collect(_ elements: [CSL.Element], into footprint: inout Footprint, depth: Int) -> Bool {
    for element in elements {
      switch element {
      case .text(let text):
        switch text.source {
        case .variable(let name, let form):
          guard let fields = VariableLookup.fieldsRead(by: name, form: form) else { continue }
          fields.forEach { footprint.gate.valued.insert($0) }
        case .macro(let called):
          guard let inner = self.footprint(called, depth: depth + 1) else { return false }
          footprint.gate.valued.formUnion(inner.gate.valued)
          footprint.gate.listed.formUnion(inner.gate.listed)
          footprint.gate.types.formUnion(inner.gate.types)
          footprint.testedValued.formUnion(inner.testedValued)
          footprint.testedListed.formUnion(inner.testedListed)
          footprint.leavesTrace = footprint.leavesTrace || inner.leavesTrace
        case .term, .value: continue
        }
      case .number(let number): if Self.isPlain(number.variable) { footprint.gate.valued.insert(number.variable) }
      case .label(let label): if Self.isPlain(label.variable) { footprint.gate.valued.insert(label.variable) }
      case .date(let date): if Self.isPlain(date.variable) { footprint.gate.listed.insert(date.variable) }
      case .names(let names):
        footprint.gate.valued.formUnion(names.variables.filter(Self.isPlain))
        guard collect(names.substitute ?? [], into: &footprint, depth: depth) else { return false }
      case .group(let group):
        guard collect(group.children, into: &footprint, depth: depth) else { return false }
      case .choose(let choose):
        for branch in choose.branches {
          for type in branch.condition.types { footprint.gate.types.insert(type) }
          if branch.condition.tests.contains(where: \.isDisambiguate) { footprint.leavesTrace = true }
          for test in branch.condition.otherTests {
            switch test {
            case .variable(let name), .isNumeric(let name):
              if Self.isPlain(name) { footprint.testedValued.insert(name) }
            case .isUncertainDate(let name):
              if Self.isPlain(name) { footprint.testedListed.insert(name) }
            default: break
            }
          }
          guard collect(branch.children, into: &footprint, depth: depth) else { return false }
        }
        guard collect(choose.otherwise, into: &footprint, depth: depth) else { return false }
      }
    }
    return true
  }

  /// A variable whose value is the item's own field, read by no other name
  /// (`VariableLookup.fieldsRead`).
  private static func isPlain(_ name: CSLVariable) -> Bool {
    VariableLookup.fieldsRead(by: name, form: .long) == [name]
  }

  // MARK: - Outcomes

  /// The assumptions an analysis runs under.
  private struct Context {
    let gate: MacroGate
    let assumption: Assumption
    let depth: Int

    /// Whether a variable printed under these assumptions prints nothing.
    func isAbsent(_ name: CSLVariable, listedOnly: Bool = false) -> Bool {
      guard assumption.assumesVariables, MacroGateAnalysis.isPlain(name) else { return false }
      return gate.listed.contains(name) || (!listedOnly && gate.valued.contains(name))
    }
  }

  /// An element's rendering under the assumptions: whether it calls a variable, whether it
  /// may print (terms and fixed values only: no variable prints), whether it reaches a text
  /// variable (nil: these depend on the branch the item takes), and the macro nesting it
  /// reaches (itself counted).
  private struct Outcome {
    var calls: Bool? = false
    var mayPrint = false
    var reaches: Bool? = false
    var nesting = 1

    /// The outcome of a group (or a macro call, which suppresses as a group does): calling a
    /// variable that prints nothing empties it; printing only terms, it would count as
    /// printed (nil: the analysis cannot follow).
    var suppressed: Outcome? {
      if calls == true { return Outcome(calls: true, reaches: reaches, nesting: nesting) }
      return mayPrint ? nil : self
    }

    /// The outcome of a list holding both.
    mutating func add(_ other: Outcome) {
      calls = Self.either(calls, other.calls)
      mayPrint = mayPrint || other.mayPrint
      reaches = Self.either(reaches, other.reaches)
      nesting = max(nesting, other.nesting)
    }

    /// Whether one of two parts does something, each maybe.
    private static func either(_ left: Bool?, _ right: Bool?) -> Bool? {
      left == true || right == true ? true : left == false && right == false ? false : nil
    }

    /// The outcome of a choose that takes either.
    mutating func merge(_ other: Outcome) {
      if calls != other.calls { calls = nil }
      mayPrint = mayPrint || other.mayPrint
      if reaches != other.reaches { reaches = nil }
      nesting = max(nesting, other.nesting)
    }
  }

  /// What the elements render under the assumptions: nil when the analysis cannot tell that
  /// they print nothing that counts (a variable, a group or macro with output).
  private mutating func outcome(of elements: [CSL.Element], _ context: Context) -> Outcome? {
    var result = Outcome()
    for element in elements {
      guard let inner = outcome(of: element, context) else { return nil }
      result.add(inner)
    }
    return result
  }

  private mutating func outcome(of element: CSL.Element, _ context: Context) -> Outcome? {
    switch element {
    case .text(let text):
      switch text.source {
      case .variable(let name, _):
        guard text.multilingual == nil, context.isAbsent(name) else { return nil }
        return Outcome(calls: true, reaches: true)
      case .macro(let called):
        guard let inner = gate(called, context.assumption, depth: context.depth + 1) else { return nil }
        return Outcome(calls: inner.callsVariable, reaches: inner.reachesTextVariable, nesting: inner.nesting + 1)
      case .term, .value: return Outcome(mayPrint: true)
      }
    case .number(let number): return context.isAbsent(number.variable) ? Outcome(calls: true) : nil
    case .date(let date): return context.isAbsent(date.variable, listedOnly: true) ? Outcome(calls: true) : nil
    case .names(let names):
      // A substitute marks the item's names as printed even when it prints nothing.
      guard names.substitute == nil, names.variables.allSatisfy({ context.isAbsent($0) }) else { return nil }
      return Outcome(calls: true)
    case .label(let label): return context.isAbsent(label.variable) ? Outcome() : nil
    case .group(let group): return outcome(of: group.children, context)?.suppressed
    case .choose(let choose): return outcome(of: choose, context)
    }
  }

  /// The branches the item may take, their outcomes merged (the choose passes the taken
  /// branch's on).
  private mutating func outcome(of choose: CSL.Choose, _ context: Context) -> Outcome? {
    var outcomes: [Outcome] = []
    var certain = false
    for branch in choose.branches {
      let holds = Self.holds(branch.condition, context)
      if holds == false { continue }
      guard let outcome = outcome(of: branch.children, context) else { return nil }
      outcomes.append(outcome)
      if holds == true {
        certain = true
        break
      }
    }
    if !certain {
      guard let outcome = outcome(of: choose.otherwise, context) else { return nil }
      outcomes.append(outcome)
    }
    guard var result = outcomes.first else { return nil }
    for outcome in outcomes.dropFirst() { result.merge(outcome) }
    return result
  }

  /// Whether a condition holds under the assumptions: true or false when they settle it, nil
  /// when it depends on something else of the item or the cite.
  private static func holds(_ condition: CSL.Condition, _ context: Context) -> Bool? {
    // The type tests all fail when the item is of none of the types (`Renderer.evaluate`).
    let typesFail = condition.types.isEmpty || context.assumption.assumesTypes
    // Tests that fail for an item lacking the variables.
    let failing = condition.otherTests.filter { test in
      switch test {
      case .variable(let name), .isNumeric(let name): context.isAbsent(name)
      case .isUncertainDate(let name): context.isAbsent(name, listedOnly: true)
      default: false
      }
    }
    let allFail = typesFail && failing.count == condition.otherTests.count
    switch condition.match {
    case .all:
      if !failing.isEmpty || (!condition.types.isEmpty && typesFail) { return false }
      return condition.types.isEmpty && condition.otherTests.isEmpty ? true : nil
    case .any: return allFail ? false : nil
    case .none: return allFail ? true : nil
    }
  }
}
