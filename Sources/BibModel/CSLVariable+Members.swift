// The CSL 1.0.2 variables, by the names the specification uses (written from its lists). Each
// is made where it is read, with its ordinal (its place in `knownNames`) written out: a static
// constant was a lazily made global, and reading one (every `case .locator:`) cost a call.
// `CSLVariableTests` checks every ordinal against the names.
extension CSLVariable {
  // Standard variables.
  @inlinable public static var abstract: CSLVariable { CSLVariable(known: "abstract", ordinal: 0) }
  @inlinable public static var annote: CSLVariable { CSLVariable(known: "annote", ordinal: 1) }
  @inlinable public static var archive: CSLVariable { CSLVariable(known: "archive", ordinal: 2) }
  @inlinable public static var archiveCollection: CSLVariable { CSLVariable(known: "archive_collection", ordinal: 3) }
  @inlinable public static var archiveLocation: CSLVariable { CSLVariable(known: "archive_location", ordinal: 4) }
  @inlinable public static var archivePlace: CSLVariable { CSLVariable(known: "archive-place", ordinal: 5) }
  @inlinable public static var authority: CSLVariable { CSLVariable(known: "authority", ordinal: 6) }
  @inlinable public static var callNumber: CSLVariable { CSLVariable(known: "call-number", ordinal: 7) }
  @inlinable public static var citationKey: CSLVariable { CSLVariable(known: "citation-key", ordinal: 8) }
  @inlinable public static var citationLabel: CSLVariable { CSLVariable(known: "citation-label", ordinal: 9) }
  @inlinable public static var collectionTitle: CSLVariable { CSLVariable(known: "collection-title", ordinal: 10) }
  @inlinable public static var containerTitle: CSLVariable { CSLVariable(known: "container-title", ordinal: 11) }
  @inlinable public static var containerTitleShort: CSLVariable {
    CSLVariable(known: "container-title-short", ordinal: 12)
  }
  @inlinable public static var dimensions: CSLVariable { CSLVariable(known: "dimensions", ordinal: 13) }
  @inlinable public static var division: CSLVariable { CSLVariable(known: "division", ordinal: 14) }
  @inlinable public static var doi: CSLVariable { CSLVariable(known: "DOI", ordinal: 15) }
  @inlinable public static var event: CSLVariable { CSLVariable(known: "event", ordinal: 16) }
  @inlinable public static var eventPlace: CSLVariable { CSLVariable(known: "event-place", ordinal: 17) }
  @inlinable public static var eventTitle: CSLVariable { CSLVariable(known: "event-title", ordinal: 18) }
  @inlinable public static var genre: CSLVariable { CSLVariable(known: "genre", ordinal: 19) }
  @inlinable public static var isbn: CSLVariable { CSLVariable(known: "ISBN", ordinal: 20) }
  @inlinable public static var issn: CSLVariable { CSLVariable(known: "ISSN", ordinal: 21) }
  @inlinable public static var jurisdiction: CSLVariable { CSLVariable(known: "jurisdiction", ordinal: 22) }
  @inlinable public static var keyword: CSLVariable { CSLVariable(known: "keyword", ordinal: 23) }
  @inlinable public static var language: CSLVariable { CSLVariable(known: "language", ordinal: 24) }
  @inlinable public static var license: CSLVariable { CSLVariable(known: "license", ordinal: 25) }
  @inlinable public static var medium: CSLVariable { CSLVariable(known: "medium", ordinal: 26) }
  @inlinable public static var note: CSLVariable { CSLVariable(known: "note", ordinal: 27) }
  @inlinable public static var originalPublisher: CSLVariable { CSLVariable(known: "original-publisher", ordinal: 28) }
  @inlinable public static var originalPublisherPlace: CSLVariable {
    CSLVariable(known: "original-publisher-place", ordinal: 29)
  }
  @inlinable public static var originalTitle: CSLVariable { CSLVariable(known: "original-title", ordinal: 30) }
  @inlinable public static var partTitle: CSLVariable { CSLVariable(known: "part-title", ordinal: 31) }
  @inlinable public static var pmcid: CSLVariable { CSLVariable(known: "PMCID", ordinal: 32) }
  @inlinable public static var pmid: CSLVariable { CSLVariable(known: "PMID", ordinal: 33) }
  @inlinable public static var publisher: CSLVariable { CSLVariable(known: "publisher", ordinal: 34) }
  @inlinable public static var publisherPlace: CSLVariable { CSLVariable(known: "publisher-place", ordinal: 35) }
  @inlinable public static var references: CSLVariable { CSLVariable(known: "references", ordinal: 36) }
  @inlinable public static var reviewedGenre: CSLVariable { CSLVariable(known: "reviewed-genre", ordinal: 37) }
  @inlinable public static var reviewedTitle: CSLVariable { CSLVariable(known: "reviewed-title", ordinal: 38) }
  @inlinable public static var scale: CSLVariable { CSLVariable(known: "scale", ordinal: 39) }
  @inlinable public static var source: CSLVariable { CSLVariable(known: "source", ordinal: 40) }
  @inlinable public static var status: CSLVariable { CSLVariable(known: "status", ordinal: 41) }
  @inlinable public static var title: CSLVariable { CSLVariable(known: "title", ordinal: 42) }
  @inlinable public static var titleShort: CSLVariable { CSLVariable(known: "title-short", ordinal: 43) }
  @inlinable public static var url: CSLVariable { CSLVariable(known: "URL", ordinal: 44) }
  @inlinable public static var volumeTitle: CSLVariable { CSLVariable(known: "volume-title", ordinal: 45) }
  @inlinable public static var yearSuffix: CSLVariable { CSLVariable(known: "year-suffix", ordinal: 46) }

  // Number variables.
  @inlinable public static var chapterNumber: CSLVariable { CSLVariable(known: "chapter-number", ordinal: 47) }
  @inlinable public static var citationNumber: CSLVariable { CSLVariable(known: "citation-number", ordinal: 48) }
  @inlinable public static var collectionNumber: CSLVariable { CSLVariable(known: "collection-number", ordinal: 49) }
  @inlinable public static var edition: CSLVariable { CSLVariable(known: "edition", ordinal: 50) }
  @inlinable public static var firstReferenceNoteNumber: CSLVariable {
    CSLVariable(known: "first-reference-note-number", ordinal: 51)
  }
  @inlinable public static var issue: CSLVariable { CSLVariable(known: "issue", ordinal: 52) }
  @inlinable public static var locator: CSLVariable { CSLVariable(known: "locator", ordinal: 53) }
  @inlinable public static var number: CSLVariable { CSLVariable(known: "number", ordinal: 54) }
  @inlinable public static var numberOfPages: CSLVariable { CSLVariable(known: "number-of-pages", ordinal: 55) }
  @inlinable public static var numberOfVolumes: CSLVariable { CSLVariable(known: "number-of-volumes", ordinal: 56) }
  @inlinable public static var page: CSLVariable { CSLVariable(known: "page", ordinal: 57) }
  @inlinable public static var pageFirst: CSLVariable { CSLVariable(known: "page-first", ordinal: 58) }
  @inlinable public static var partNumber: CSLVariable { CSLVariable(known: "part-number", ordinal: 59) }
  @inlinable public static var printingNumber: CSLVariable { CSLVariable(known: "printing-number", ordinal: 60) }
  @inlinable public static var section: CSLVariable { CSLVariable(known: "section", ordinal: 61) }
  @inlinable public static var supplementNumber: CSLVariable { CSLVariable(known: "supplement-number", ordinal: 62) }
  @inlinable public static var version: CSLVariable { CSLVariable(known: "version", ordinal: 63) }
  @inlinable public static var volume: CSLVariable { CSLVariable(known: "volume", ordinal: 64) }

  // Date variables.
  @inlinable public static var accessed: CSLVariable { CSLVariable(known: "accessed", ordinal: 65) }
  @inlinable public static var availableDate: CSLVariable { CSLVariable(known: "available-date", ordinal: 66) }
  @inlinable public static var eventDate: CSLVariable { CSLVariable(known: "event-date", ordinal: 67) }
  @inlinable public static var issued: CSLVariable { CSLVariable(known: "issued", ordinal: 68) }
  @inlinable public static var originalDate: CSLVariable { CSLVariable(known: "original-date", ordinal: 69) }
  @inlinable public static var submitted: CSLVariable { CSLVariable(known: "submitted", ordinal: 70) }

  // Name variables.
  @inlinable public static var author: CSLVariable { CSLVariable(known: "author", ordinal: 71) }
  @inlinable public static var chair: CSLVariable { CSLVariable(known: "chair", ordinal: 72) }
  @inlinable public static var collectionEditor: CSLVariable { CSLVariable(known: "collection-editor", ordinal: 73) }
  @inlinable public static var compiler: CSLVariable { CSLVariable(known: "compiler", ordinal: 74) }
  @inlinable public static var composer: CSLVariable { CSLVariable(known: "composer", ordinal: 75) }
  @inlinable public static var containerAuthor: CSLVariable { CSLVariable(known: "container-author", ordinal: 76) }
  @inlinable public static var contributor: CSLVariable { CSLVariable(known: "contributor", ordinal: 77) }
  @inlinable public static var curator: CSLVariable { CSLVariable(known: "curator", ordinal: 78) }
  @inlinable public static var director: CSLVariable { CSLVariable(known: "director", ordinal: 79) }
  @inlinable public static var editor: CSLVariable { CSLVariable(known: "editor", ordinal: 80) }
  @inlinable public static var editorialDirector: CSLVariable { CSLVariable(known: "editorial-director", ordinal: 81) }
  @inlinable public static var editorTranslator: CSLVariable { CSLVariable(known: "editor-translator", ordinal: 82) }
  @inlinable public static var executiveProducer: CSLVariable { CSLVariable(known: "executive-producer", ordinal: 83) }
  @inlinable public static var guest: CSLVariable { CSLVariable(known: "guest", ordinal: 84) }
  @inlinable public static var host: CSLVariable { CSLVariable(known: "host", ordinal: 85) }
  @inlinable public static var illustrator: CSLVariable { CSLVariable(known: "illustrator", ordinal: 86) }
  @inlinable public static var interviewer: CSLVariable { CSLVariable(known: "interviewer", ordinal: 87) }
  @inlinable public static var narrator: CSLVariable { CSLVariable(known: "narrator", ordinal: 88) }
  @inlinable public static var organizer: CSLVariable { CSLVariable(known: "organizer", ordinal: 89) }
  @inlinable public static var originalAuthor: CSLVariable { CSLVariable(known: "original-author", ordinal: 90) }
  @inlinable public static var performer: CSLVariable { CSLVariable(known: "performer", ordinal: 91) }
  @inlinable public static var producer: CSLVariable { CSLVariable(known: "producer", ordinal: 92) }
  @inlinable public static var recipient: CSLVariable { CSLVariable(known: "recipient", ordinal: 93) }
  @inlinable public static var reviewedAuthor: CSLVariable { CSLVariable(known: "reviewed-author", ordinal: 94) }
  @inlinable public static var scriptWriter: CSLVariable { CSLVariable(known: "script-writer", ordinal: 95) }
  @inlinable public static var seriesCreator: CSLVariable { CSLVariable(known: "series-creator", ordinal: 96) }
  @inlinable public static var translator: CSLVariable { CSLVariable(known: "translator", ordinal: 97) }
}
