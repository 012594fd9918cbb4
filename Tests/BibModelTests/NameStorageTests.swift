import Testing

@testable import BibModel

/// A name keeps its fields in one shared storage, copied when a copy is changed. It must
/// behave as the plain value it was: a change to a copy leaves the original as it was, and
/// equality and hashing read every field (its `==` lists them one by one).
@Suite struct NameStorageTests {
  static let full = Name(
    family: "Gaulle", given: "Charles", droppingParticle: "de", nonDroppingParticle: "van", suffix: "Jr.",
    literal: "Literal", commaSuffix: true, staticOrdering: true, parseNames: false,
    forms: ["zh-Latn": Name(family: "Dai")], extra: ["x-note": .string("kept")])

  /// The full name with one field changed, for every field.
  static let variants: [(field: String, name: Name)] = [
    ("family", changed { $0.family = "Other" }), ("given", changed { $0.given = nil }),
    ("droppingParticle", changed { $0.droppingParticle = "du" }),
    ("nonDroppingParticle", changed { $0.nonDroppingParticle = nil }), ("suffix", changed { $0.suffix = "Sr." }),
    ("literal", changed { $0.literal = nil }), ("commaSuffix", changed { $0.commaSuffix = false }),
    ("staticOrdering", changed { $0.staticOrdering = false }), ("parseNames", changed { $0.parseNames = nil }),
    ("forms", changed { $0.forms = [:] }), ("extra", changed { $0.extra["x-note"] = .string("other") }),
  ]

  static func changed(_ change: (inout Name) -> Void) -> Name {
    var copy = full
    change(&copy)
    return copy
  }

  @Test func aChangedCopyLeavesTheOriginal() {
    let original = Self.full
    var copy = original
    copy.family = "Changed"
    copy.forms["en"] = Name(literal: "Translated")
    #expect(original.family == "Gaulle")
    #expect(original.forms.keys.sorted() == ["zh-Latn"])
    #expect(copy.family == "Changed" && copy.forms.count == 2)
  }

  @Test func everyFieldCountsInEquality() {
    for (field, variant) in Self.variants {
      #expect(variant != Self.full, "\(field)")
      #expect(Self.full != variant, "\(field)")
    }
    #expect(Self.variants.count == 11)
  }

  @Test func equalFieldsInSeparateStorageAreEqualAndHashAlike() {
    let rebuilt = Name(
      family: "Gaulle", given: "Charles", droppingParticle: "de", nonDroppingParticle: "van", suffix: "Jr.",
      literal: "Literal", commaSuffix: true, staticOrdering: true, parseNames: false,
      forms: ["zh-Latn": Name(family: "Dai")], extra: ["x-note": .string("kept")])
    #expect(rebuilt == Self.full)
    #expect(rebuilt.hashValue == Self.full.hashValue)
    // A variant changed back is equal again, though its storage is its own.
    var back = Self.variants[0].name
    back.family = "Gaulle"
    #expect(back == Self.full)
    #expect(Set([back, rebuilt, Self.full]).count == 1)
  }
}
