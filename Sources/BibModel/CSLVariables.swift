/// The CSL 1.0.2 taxonomy of variables, item types and locator types.
public enum CSLVariables {
  /// Name variables (lists of `Name`).
  public static let names: Set<CSLVariable> = [
    .author, .chair, .collectionEditor, .compiler, .composer, .containerAuthor, .contributor, .curator, .director,
    .editor, .editorialDirector, .editorTranslator, .executiveProducer, .guest, .host, .illustrator, .interviewer,
    .narrator, .organizer, .originalAuthor, .performer, .producer, .recipient, .reviewedAuthor, .scriptWriter,
    .seriesCreator, .translator,
  ]

  /// Date variables.
  public static let dates: Set<CSLVariable> = [
    .accessed, .availableDate, .eventDate, .issued, .originalDate, .submitted,
  ]

  /// Number variables (may hold numbers, ranges or text).
  public static let numbers: Set<CSLVariable> = [
    .chapterNumber, .citationNumber, .collectionNumber, .edition, .firstReferenceNoteNumber, .issue, .locator, .number,
    .numberOfPages, .numberOfVolumes, .page, .pageFirst, .partNumber, .printingNumber, .section, .supplementNumber,
    .version, .volume,
  ]

  /// Standard (string) variables.
  public static let standard: Set<CSLVariable> = [
    .abstract, .annote, .archive, .archiveCollection, .archiveLocation, .archivePlace, .authority, .callNumber,
    .citationKey, .citationLabel, .collectionTitle, .containerTitle, .containerTitleShort, .dimensions, .division, .doi,
    .event, .eventPlace, .eventTitle, .genre, .isbn, .issn, .jurisdiction, .keyword, .language, .license, .medium,
    .note, .originalPublisher, .originalPublisherPlace, .originalTitle, .partTitle, .pmcid, .pmid, .publisher,
    .publisherPlace, .references, .reviewedGenre, .reviewedTitle, .scale, .source, .status, .title, .titleShort, .url,
    .volumeTitle, .yearSuffix,
  ]

  /// The CSL 1.0.2 item types.
  public static let itemTypes = Set(ItemType.knownNames.map(ItemType.init(rawValue:)))

  /// CSL locator types (the `label` of a cite).
  public static let locatorTypes: Set<LocatorType> = [
    .act, .appendix, .articleLocator, .book, .canon, .chapter, .column, .elocation, .equation, .figure, .folio, .issue,
    .line, .note, .opus, .page, .paragraph, .part, .rule, .scene, .section, .subVerbo, .supplement, .table, .timestamp,
    .titleLocator, .verse, .version, .volume,
  ]
}
