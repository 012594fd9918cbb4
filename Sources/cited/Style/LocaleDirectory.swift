import CSLStyle
import Foundation

/// Locale stores backed by directories of `locales-TAG.xml` files.
enum LocaleDirectory {
  static func store(_ directories: [String]) -> LocaleStore {
    let paths = directories
    return LocaleStore { tag in
      for directory in paths {
        let path = (directory as NSString).appendingPathComponent("locales-\(tag).xml")
        if let text = try? String(contentsOfFile: path, encoding: .utf8) { return text }
      }
      return nil
    }
  }

  /// The default search path: `--locales` directories, then the repository's `Styles/locales`.
  static func defaultStore(_ given: [String]) -> LocaleStore {
    var directories = given
    directories.append("Styles/locales")
    return store(directories)
  }
}
