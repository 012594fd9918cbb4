import ArgumentParser

/// `cited bib pull --server URL [--file F]`: runs `cited-server bib pull` (the network side lives there).
struct BibPullCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pull",
    abstract: "Merge a cited serve library into a bibliography file (token in CITED_TOKEN; see Docs/server.md).")
  @Argument(parsing: .captureForPassthrough, help: "--server URL [--file FILE] [--project DIR]")
  var arguments: [String] = []
  func run() throws { try ServeCommand.exec(["bib", "pull"] + arguments, command: "cited bib pull") }
}

/// `cited bib push --server URL [--file F]`: runs `cited-server bib push`.
struct BibPushCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "push",
    abstract: "Pull, then send a bibliography file's changes to a cited serve library with version checks.")
  @Argument(parsing: .captureForPassthrough, help: "--server URL [--file FILE] [--project DIR]")
  var arguments: [String] = []
  func run() throws { try ServeCommand.exec(["bib", "push"] + arguments, command: "cited bib push") }
}
