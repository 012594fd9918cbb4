import CSLStyle

/// What a `cs:names` element renders with where it stands: the element as it applies (inside
/// `cs:substitute`, completed from the one it replaces), its name options merged with those
/// the renderer inherits, its multilingual forms and its et-al as printed. These depend only on
/// the element, the element it substitutes for and which inherited options apply, never on the
/// item: worked out at every `cs:names` rendered, they cost a copy of the element's fields and
/// a merge of fourteen options each time (some 3 % of a names-heavy style's work). A class:
/// a plan found in the cache is handed out with one retain, not a copy of each field.
final class NamesPlan {
  /// What a plan depends on: the storage identities of the element and of the one it
  /// substitutes for, and whether the citation's inherited options apply (else the
  /// bibliography's). A cache that keys by identity keeps both elements (`element`, `parent`)
  /// alive, so an identity it holds is never reused by other storage.
  struct Key: Hashable {
    let element: ObjectIdentifier
    let parent: ObjectIdentifier?
    let citationOptions: Bool

    /// A slot of a table of `size` slots (a power of two), from the identities' bits mixed by
    /// one multiplication (hashing the key with `Hasher` cost more than the rest of a look-up).
    func slot(of size: Int) -> Int {
      let parentBits = parent.map { UInt(bitPattern: $0) } ?? 0
      let mixed = (UInt(bitPattern: element) ^ (parentBits &* 31) ^ (citationOptions ? 1 : 0)) &* 0x9E37_79B9_7F4A_7C15
      return Int(truncatingIfNeeded: mixed >> 32) & (size - 1)
    }
  }

  let key: Key
  let effective: CSL.Names
  /// The options before a sort key's overrides (`Renderer.sortNameOverrides`).
  let options: CSL.NameOptions
  let multilingual: CSL.MultilingualOptions?
  let etAl: CSL.EtAl?
  let element: CSL.Names
  let parent: CSL.Names?

  /// Inside `cs:substitute` (`parent`), a bare `cs:names` (no child elements) takes the
  /// substituted element's name, et-al, label and delimiter; one with a `cs:name` of its own
  /// takes only the et-al attributes it does not set, and no label (as citeproc-js reads both).
  init(_ names: CSL.Names, parent: CSL.Names?, inherited: CSL.NameOptions, key: Key) {
    self.key = key
    var effective = names
    if let parent, names.isBare {
      if effective.name == nil { effective.name = parent.name }
      if effective.etAl == nil { effective.etAl = parent.etAl }
      if effective.label == nil {
        effective.label = parent.label
        effective.labelFirst = parent.labelFirst
      }
      if effective.delimiter == nil { effective.delimiter = parent.delimiter }
    } else if let parent, let parentName = parent.name, var own = effective.name {
      own.options = own.options.inheritingEtAl(parentName.options)
      effective.name = own
    }
    self.effective = effective
    options = (effective.name?.options ?? CSL.NameOptions()).inheriting(inherited)
    // The extension's options in force: the element's `cs:name` overrides; inside
    // `cs:substitute` a bare element takes the substituted one's.
    let own = effective.multilingual ?? parent?.multilingual
    if let nameLevel = effective.name?.multilingual {
      multilingual = nameLevel.inheriting(own)
    } else {
      multilingual = own
    }
    etAl = Renderer.etAlAsPrinted(effective.etAl, inside: effective.decoration, name: effective.name)
    element = names
    self.parent = parent
  }
}
