import CSLStyle
import Testing

/// `NameOptions.inheriting` names every field (it builds the merged options field by field):
/// a field it left out would be lost whenever a `cs:name` inherits.
@Suite struct NameOptionsTests {
  static var full: CSL.NameOptions {
    var options = CSL.NameOptions()
    options.and = .symbol
    options.delimiter = "; "
    options.delimiterPrecedesEtAl = .always
    options.delimiterPrecedesLast = .never
    options.etAlMin = 4
    options.etAlUseFirst = 2
    options.etAlSubsequentMin = 3
    options.etAlSubsequentUseFirst = 1
    options.etAlUseLast = true
    options.form = .short
    options.initialize = false
    options.initializeWith = ". "
    options.nameAsSortOrder = .all
    options.sortSeparator = " "
    return options
  }

  @Test func ownFieldsWinAndUnsetFieldsComeFromTheParent() {
    #expect(Self.full.inheriting(CSL.NameOptions()) == Self.full)
    #expect(CSL.NameOptions().inheriting(Self.full) == Self.full)
    var child = CSL.NameOptions()
    child.delimiter = ", "
    child.etAlUseLast = false
    var expected = Self.full
    expected.delimiter = ", "
    expected.etAlUseLast = false
    #expect(child.inheriting(Self.full) == expected)
  }

  @Test func everyFieldIsSetAbove() {
    // A new field must join `inheriting` and `full` both: this count says when one came.
    let fields = Mirror(reflecting: Self.full).children
    #expect(fields.count == 14)
    #expect(fields.allSatisfy { field in !(String(describing: field.value) == "nil") })
  }
}
