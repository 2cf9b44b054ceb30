import App
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

  @Option(name: .customLong("max-cells"), help: maxCellsHelp)
  var maxCells: Int?

  func validate() throws { try checkMaxCells(maxCells) }

  func run() throws {
    let model = try reportingScenarioErrors {
      try JobInput.load(scenarioPath: scenario, outputDirectory: nil, maxCells: maxCells, warn: printWarning)
    }
    print(SummaryText.text(ScenarioSummary(model)), terminator: "")
    print(SummaryText.grids(Preflight.grids(model), budget: model.grid.cellBudget), terminator: "")
    let warnings = model.warnings.count
    print(
      warnings == 0
        ? "OK: no problems found." : "OK: no problems found; \(warnings) warning\(warnings == 1 ? "" : "s") above.")
  }
}

/// Runs `body`; an error for bad input or a bad `--out` is printed to standard error and ends
/// the process with exit code 1, without a stack trace.
func reportingScenarioErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as ScenarioError {
    printError(error.description)
    throw ExitCode(1)
  } catch let error as PlannerError {
    printError("error: \(error)")
    throw ExitCode(1)
  }
}

/// Prints a scenario's warning to standard error.
func printWarning(_ issue: ScenarioIssue) {
  printError("warning: \(issue)")
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

let maxCellsHelp = ArgumentHelp(
  "Cell budget of one grid, overriding the scenario's grid.max_cells (default \(GridSpec.defaultMaxCells)).",
  valueName: "cells")

func checkMaxCells(_ maxCells: Int?) throws {
  guard maxCells.map({ (1...GridSpec.maximumCells).contains($0) }) ?? true else {
    throw ValidationError("--max-cells must be between 1 and \(GridSpec.maximumCells)")
  }
}
