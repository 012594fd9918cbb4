import ArgumentParser
import CSLTestSuite
import Foundation
import Reports

/// `cited style test FIXTURE...`: runs CSL test-suite fixtures; ends with `N passed, M failed`.
struct StyleTestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "test", abstract: "Run CSL test-suite fixtures.")

  @Argument(help: "Fixture files (*.txt).") var fixtures: [String]
  @Flag(help: "Print expected and actual output for each failure.") var verbose = false
  @Option(help: "A directory of locales-TAG.xml files.") var locales: [String] = []
  @Option(help: "Seconds before a fixture counts as hung.") var timeout: Double = 10

  func run() throws {
    let runner = FixtureRunner(locales: InputFiles.locales(project: nil, extra: locales))
    var passed = 0
    var failed = 0
    for path in fixtures {
      let name = (path as NSString).lastPathComponent
      guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        print("FAIL \(name): unreadable")
        failed += 1
        continue
      }
      let fixture = Fixture.parse(text, name: name)
      guard let result = GuardedRun.run(seconds: timeout, { runner.run(fixture) }) else {
        print("FAIL \(name): timed out after \(timeout) s")
        failed += 1
        continue
      }
      if result.passed {
        passed += 1
        if verbose { print("PASS \(name)") }
      } else {
        failed += 1
        print("FAIL \(name)")
        if verbose {
          print("--- expected\n\(result.expected)\n+++ actual\n\(result.actual)")
        }
      }
    }
    print("\(passed) passed, \(failed) failed")
    if failed > 0 { throw ExitCode(1) }
  }
}

/// Runs work on its own thread and gives up waiting after a time limit (the thread is left
/// to finish; the process exits at the end of the run).
enum GuardedRun {
  final class Box<T>: @unchecked Sendable {
    var value: T?
  }

  static func run<T>(seconds: Double, _ work: @escaping () -> T) -> T? {
    let box = Box<T>()
    let semaphore = DispatchSemaphore(value: 0)
    nonisolated(unsafe) let job = work
    let thread = Thread {
      box.value = job()
      semaphore.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    guard semaphore.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
  }
}
