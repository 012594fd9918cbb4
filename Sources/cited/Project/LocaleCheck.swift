import CSLStyle
import Reports

/// `--locale` names a locale Cited has no file for: a warning (the engine falls back to the
/// style's locales and en-US), never a silent switch.
enum LocaleCheck {
  static func warnIfUnknown(_ tag: String?, store: LocaleStore) {
    guard let tag, !isKnown(tag, store: store) else { return }
    CLIOutput.warning("no locale '\(tag)' (no locales-\(tag).xml in the project or bundled); falling back to en-US")
  }

  /// True when the store has the tag's file, or the tag is a language whose primary dialect it has.
  static func isKnown(_ tag: String, store: LocaleStore) -> Bool {
    if store.xml(for: tag) != nil { return true }
    if let dialect = LocaleStore.primaryDialects[tag], store.xml(for: dialect) != nil { return true }
    return false
  }
}
