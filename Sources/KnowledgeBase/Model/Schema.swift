import BibModel

/// A kind of entity the schema declares.
public struct KindSpec: Sendable, Hashable {
  public var name: String
  public var label: String?
  public var description: String?
  /// Properties every entity of this kind is expected to have (missing ones are warnings).
  public var expects: [String]
  public var location: SourceLocation

  public init(
    name: String, label: String? = nil, description: String? = nil, expects: [String] = [],
    location: SourceLocation
  ) {
    self.name = name
    self.label = label
    self.description = description
    self.expects = expects
    self.location = location
  }
}

/// Allowed lifetime in years of entities with one value of a typology.
public struct LifetimeBounds: Sendable, Hashable {
  public var minYears: Double?
  public var maxYears: Double?
  public init(minYears: Double? = nil, maxYears: Double? = nil) {
    self.minYears = minYears
    self.maxYears = maxYears
  }
}

/// The expected lifetime of entities by the value of an enum property (a typology by time horizon).
public struct LifetimeSpec: Sendable, Hashable {
  /// The date property that records the start (`established`).
  public var start: String
  /// The date property that records the end (`disbanded`).
  public var end: String
  /// Who proposed the typology, cited in the warning.
  public var citation: String?
  /// Value → allowed lifetime (`min-years`, `max-years`).
  public var bounds: [String: LifetimeBounds]

  public init(start: String, end: String, citation: String? = nil, bounds: [String: LifetimeBounds]) {
    self.start = start
    self.end = end
    self.citation = citation
    self.bounds = bounds
  }
}

/// A property the schema declares.
public struct PropertySpec: Sendable, Hashable {
  public var name: String
  public var label: String?
  public var description: String?
  /// The kinds that may carry the property (any when nil).
  public var kinds: [String]?
  public var value: ValueSpec
  /// At most one non-deprecated value at any one time.
  public var singleValued: Bool
  /// Statements need references (default true).
  public var sourced: Bool
  /// Independent sources wanted (default 1).
  public var corroboration: Int
  /// Declared qualifiers: name → value spec.
  public var qualifiers: [String: ValueSpec]
  public var lifetime: LifetimeSpec?
  public var location: SourceLocation

  public init(name: String, value: ValueSpec, location: SourceLocation) {
    self.name = name
    self.value = value
    self.singleValued = false
    self.sourced = true
    self.corroboration = 1
    self.qualifiers = [:]
    self.location = location
  }
}

/// The schema: kinds, properties and source options. The research domain lives here, not in code.
public struct Schema: Sendable, Hashable {
  public var kinds: [String: KindSpec]
  public var properties: [String: PropertySpec]
  /// CSL item types counted as secondary sources by the coverage report.
  public var secondarySourceTypes: Set<String>
  /// The file the schema was read from.
  public var file: String?
  /// What a report shows besides every entity and statement (`report:`); empty when absent.
  public var report: ReportSpec

  public static let defaultSecondarySourceTypes: Set<String> = [
    "post-weblog", "webpage", "entry-encyclopedia", "article-newspaper",
  ]

  public init(
    kinds: [String: KindSpec] = [:], properties: [String: PropertySpec] = [:],
    secondarySourceTypes: Set<String> = Schema.defaultSecondarySourceTypes, file: String? = nil,
    report: ReportSpec = ReportSpec()
  ) {
    self.report = report
    self.kinds = kinds
    self.properties = properties
    self.secondarySourceTypes = secondarySourceTypes
    self.file = file
  }

  /// The spec of a qualifier of a property: declared, else a date for the date qualifiers,
  /// else free text.
  public func qualifierSpec(_ name: String, of property: String) -> ValueSpec {
    if let declared = properties[property]?.qualifiers[name] { return declared }
    if Qualifier.dateQualifiers.contains(name) { return ValueSpec(type: .date) }
    return ValueSpec(type: .text)
  }
}
