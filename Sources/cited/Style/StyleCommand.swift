import ArgumentParser

/// `cited style`: validate and test CSL styles.
struct StyleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "style", abstract: "Validate CSL styles and run CSL test fixtures.",
    subcommands: [StyleValidateCommand.self, StyleTestCommand.self])
}
