extension String {
  /// `lowercased()`, with a text of ASCII bytes none of them an upper-case letter (field names
  /// as written, mostly) returned as it is: lower-casing it made a new string every time (some
  /// 240 instructions for a short name).
  public func lowercasedUnlessLower() -> String {
    let lower = utf8.withContiguousStorageIfAvailable { bytes in
      bytes.allSatisfy { $0 < 0x80 && !(0x41...0x5A).contains($0) }
    }
    return lower == true ? self : lowercased()
  }
}
