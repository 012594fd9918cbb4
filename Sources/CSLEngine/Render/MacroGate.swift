import BibModel
import CSLStyle

/// When a macro prints nothing for an item, known before its rendering: the item lacks every
/// variable the macro prints, or is of none of the types its conditions name, or both. Most
/// macro calls of an entry print nothing (APA's bibliography: seven in ten), and walking
/// their conditions and elements to find that out was most of the entry's rendering.
///
/// A gate is exact, not a guess: the analysis (`MacroGateAnalysis`) admits it only when, with
/// its assumptions, every branch the item can take prints nothing that counts (terms alone are
/// suppressed with their group), the call's `calledVariable` is settled, and nothing the
/// rendering leaves in the renderer can differ (no substitute, no `disambiguate` test, no
/// year suffix or other cite variable reached).
struct MacroGate: Sendable {
  /// Variables absent when `VariablePresence` does not answer true for any of them.
  var valued = VariableSet()
  /// Variables absent when the item does not list them at all (dates: a date without parts
  /// still gives a sort key).
  var listed = VariableSet()
  /// Types the item must not be of (`types` of the conditions); empty when the gate does not
  /// assume the type.
  var types = TypeSet()
  /// Whether the call, printing nothing, called a variable (an enclosing group reads it).
  var callsVariable = false
  /// Whether the rendering reaches a `<text variable>` (a mark collapsing reads:
  /// `Renderer.reachedTextVariable`): nil when that depends on the branch the item takes.
  var reachesTextVariable: Bool? = false
  /// The deepest nesting of macro calls inside, the macro itself counted: rendering stops at
  /// 40 levels, and a call that deep prints nothing and calls nothing.
  var nesting = 1

  /// True when the gate's assumptions hold for the item: the macro prints nothing.
  func isClosed(for presence: VariablePresence, type: ItemType) -> Bool {
    !types.contains(type) && presence.hasNoValue(among: valued) && presence.listsNone(of: listed)
  }

  /// The gate as bits alone, the form rendering reads; nil when it names a variable or type
  /// Cited does not know (none in the official styles), which only the sets hold: such a gate
  /// is left out, and its macro is rendered.
  var compact: Compact? {
    guard let valued = valued.knownBits, let listed = listed.knownBits, let types = types.knownBits else { return nil }
    return Compact(
      valued: valued, listed: listed, types: types, nesting: nesting, callsVariable: callsVariable,
      reachesTextVariable: reachesTextVariable)
  }

  /// A gate of known variables and types: plain words, so reading one retains nothing (a
  /// gate's sets were retained each time a call read it).
  struct Compact: Sendable {
    let valued: VariableBits
    let listed: VariableBits
    let types: UInt64
    let nesting: Int
    let callsVariable: Bool
    let reachesTextVariable: Bool?

    /// As `MacroGate.isClosed`: the sets it came from held nothing but these bits.
    func isClosed(for presence: VariablePresence, type: ItemType) -> Bool {
      !type.isListed(in: types) && presence.hasNoValue(among: valued) && presence.listsNone(of: listed)
    }

    /// The rendering of the call when closed, as the call itself returns it
    /// (`Renderer.renderText`).
    var closedRendering: Rendered {
      callsVariable ? Rendered(node: .empty, calledVariable: true) : Rendered.nothing
    }
  }
}
