import BibModel
import Testing

@testable import CSLStyle

/// A locale's term table hashes keys from their names' digests (`TermKey._rawHashValue`):
/// equal keys hash alike, the terms of a whole locale spread over the table, and every term
/// is found again by a key built from scratch.
@Suite struct TermKeyHashTests {
  @Test func everyTermOfALocaleIsFoundByAFreshKey() throws {
    let text = try LocaleFileSupport.read(try #require(LocaleFileSupport.filesOnDisk()["en-US"]))
    let locale = try #require(LocaleParser.parse(text, file: "locales-en-US.xml").0)
    #expect(locale.terms.count > 100)
    for (key, term) in locale.terms {
      let fresh = CSL.TermKey(
        name: String(decoding: Array(key.name.utf8), as: UTF8.self), form: key.form,
        genderForm: key.genderForm.map { String(decoding: Array($0.utf8), as: UTF8.self) })
      #expect(locale.terms[fresh] == term)
      #expect(fresh._rawHashValue(seed: 11) == key._rawHashValue(seed: 11))
    }
    for seed in [0, 5, -3] {
      let buckets = Set(locale.terms.keys.map { $0._rawHashValue(seed: seed) & 4095 })
      // A random spread of a few hundred keys over 4,096 buckets leaves few sharing one.
      #expect(
        Double(buckets.count) > Double(locale.terms.count) * 0.85,
        "seed \(seed): \(buckets.count) of \(locale.terms.count)")
    }
    let key = CSL.TermKey(name: "page", form: .short)
    #expect(key._rawHashValue(seed: 1) != key._rawHashValue(seed: 2))
    #expect(key._rawHashValue(seed: 1) != CSL.TermKey(name: "page")._rawHashValue(seed: 1))
    #expect(
      CSL.TermKey(name: "ordinal-01", genderForm: "feminine")._rawHashValue(seed: 1)
        != CSL.TermKey(name: "ordinal-01", genderForm: "masculine")._rawHashValue(seed: 1))
  }
}
