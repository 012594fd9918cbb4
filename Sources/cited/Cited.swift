import ArgumentParser

@main
struct Cited: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cited",
    abstract: "Keep research honest: sourced facts, CSL citations, cited reports.",
    subcommands: [
      BibCommand.self,
    ])
}
