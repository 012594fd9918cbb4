/// What one comparing rendering of an item read of its disambiguation settings. Another
/// settings that agrees with the rendered one on all of it renders the same text, so
/// disambiguation's searches reuse the rendering instead of making it again (adding a
/// fifth name to a cite of one author changes nothing it prints).
struct SettingsReads: Sendable, Equatable {
  /// The name indices whose given-name level a name rendered read.
  var givenLevels = NameIndexSet()
  /// The fewest added names at which every name list the rendering cut by et-al showed all
  /// its names (0 when no list was cut or could be).
  var addNamesNeeded = 0
  /// How many `disambiguate="true"` tests the rendering evaluated.
  var disambiguateTests = 0

  /// True when a rendering made under `rendered`, reading this, is what `wanted` renders.
  ///
  /// The rendering takes the same steps under both settings while every step reads the same
  /// answers: a name list shows all its names under either count of added names when both
  /// reach `addNamesNeeded`; the i-th `disambiguate` test holds exactly when the condition
  /// level is at least i, so levels that agree up to the tests evaluated agree on each (level
  /// 0 is kept apart: it also decides when a substitute's variables are found, which may
  /// evaluate more tests); given-name levels matter only at the indices read.
  func serve(_ rendered: DisambiguationState, as wanted: DisambiguationState) -> Bool {
    guard rendered.yearSuffix == wanted.yearSuffix,
      rendered.givenLevelsFirstNamesOnly == wanted.givenLevelsFirstNamesOnly,
      rendered.expandsWithinItem == wanted.expandsWithinItem,
      rendered.sharedNames == wanted.sharedNames
    else { return false }
    guard
      rendered.addNames == wanted.addNames
        || (rendered.addNames >= addNamesNeeded && wanted.addNames >= addNamesNeeded)
    else { return false }
    guard
      rendered.conditionLevel == wanted.conditionLevel
        || (rendered.conditionLevel > 0 && wanted.conditionLevel > 0
          && min(rendered.conditionLevel, disambiguateTests) == min(wanted.conditionLevel, disambiguateTests))
    else { return false }
    if rendered.givenLevels == wanted.givenLevels { return true }
    // Every index read has the same level under both (an index in neither table is 0 in both).
    for (index, level) in rendered.givenLevels where givenLevels.contains(index) {
      if (wanted.givenLevels[index] ?? 0) != level { return false }
    }
    for (index, level) in wanted.givenLevels where givenLevels.contains(index) {
      if (rendered.givenLevels[index] ?? 0) != level { return false }
    }
    return true
  }

  /// Both renderings' reads (an item's renderings in several contexts).
  mutating func formUnion(_ other: SettingsReads) {
    givenLevels.formUnion(other.givenLevels)
    addNamesNeeded = max(addNamesNeeded, other.addNamesNeeded)
    disambiguateTests = max(disambiguateTests, other.disambiguateTests)
  }
}
