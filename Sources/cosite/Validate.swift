import ArgumentParser
import Coverage
import Foundation
import Geo
import Report
import Scenario

/// `cosite validate SCENARIO`: check everything, print a summary, write nothing.
struct Validate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a scenario and every file it references; print a summary.",
    discussion: "Every problem is listed with its file and line (or GeoJSON feature, or CSV line). Nothing is written.")

  @Argument(help: "The scenario YAML file.")
  var scenario: String

  func run() throws {
    let model = try reportingScenarioErrors { try ScenarioLoader.load(path: scenario) }
    print(SummaryText.text(ScenarioSummary(model)), terminator: "")
    print("OK: no problems found.")
  }
}

/// Runs `body`; a scenario or output error is printed to standard error and ends the
/// process with exit code 1, without a stack trace.
func reportingScenarioErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ScenarioError {
    printError(error.description)
    throw ExitCode(1)
  } catch let error as OutputError {
    printError("error: \(error)")
    throw ExitCode(1)
  } catch let error as CoverageError {
    printError("error: \(error)")
    throw ExitCode(1)
  } catch let error as ProjectionError {
    printError("error: \(error)")
    throw ExitCode(1)
  } catch let error as UnknownCarrierError {
    printError("error: \(error)")
    throw ExitCode(1)
  } catch let error as UnknownOptionError {
    printError("error: \(error)")
    throw ExitCode(1)
  }
}

func printError(_ text: String) {
  var standardError = StandardError()
  print(text, to: &standardError)
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(string.utf8))
  }
}
