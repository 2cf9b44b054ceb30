import Coverage
import Foundation
import Report
import Scenario

/// The first steps every job shares, all before any computation: the output directory can
/// take the outputs, the scenario loads and validates, and its grids fit the cell budget and
/// the terrain.
public enum JobInput {
  /// - Parameters:
  ///   - maxCells: a cell budget that overrides the scenario's (`--max-cells`).
  ///   - warn: receives each warning of the scenario (plausible mistakes that do not stop a run).
  ///   - threads: workers that sample the terrain under each grid for the check.
  public static func load(
    scenarioPath: String, outputDirectory: URL?, maxCells: Int? = nil, threads: Int = 1,
    warn: (ScenarioIssue) -> Void = { _ in }
  ) throws -> ScenarioModel {
    if let outputDirectory { try OutputDestination.check(outputDirectory) }
    var scenario = try ScenarioLoader.load(path: scenarioPath)
    if let maxCells { scenario.grid.maxCells = maxCells }
    scenario.warnings.forEach(warn)
    try Preflight.check(scenario, threads: threads)
    return scenario
  }
}
