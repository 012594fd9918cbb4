import ArgumentParser
import KnowledgeBase

/// `cited kb`: look into the knowledge base (list, show).
struct KBCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kb",
    abstract: "List the entities of the knowledge base and show one.",
    subcommands: [KBListCommand.self, KBShowCommand.self, KBGenerateCommand.self])
}

/// `cited kb list`: one line per entity.
struct KBListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List entities: id, kind, English label, number of statements.")

  @OptionGroup var input: KnowledgeInputOptions

  func run() throws {
    let loaded = try input.load()
    print(EntityFormatter.list(loaded.knowledge), terminator: "")
  }
}

/// `cited kb show ID`: an entity with its statements and the sources behind them.
struct KBShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show an entity: labels, former names, statements with qualifiers, ranks and sources.")

  @OptionGroup var input: KnowledgeInputOptions

  @Argument(help: "The entity's id.")
  var id: String

  func run() throws {
    let loaded = try input.load()
    guard let entity = loaded.knowledge.entity(id) else {
      let suggestion = Suggestions.closest(to: id, among: loaded.knowledge.entities.map(\.id))
      CLIOutput.error("no entity '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
      throw ExitCode(2)
    }
    print(
      EntityFormatter.show(entity, knowledge: loaded.knowledge, bibliography: loaded.bibliography), terminator: "")
  }
}
