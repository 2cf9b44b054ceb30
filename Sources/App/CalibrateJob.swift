import Coverage
import Foundation
import Report
import Scenario

/// `cosite calibrate`: the scenario and the drive test read and checked, the layers' models
/// fitted, the report written as one set (nothing on any error).
public enum CalibrateJob {
  /// A calibration that cannot be made for a reason outside the files' rows.
  public struct Refusal: PlannerError {
    public let description: String
    public init(description: String) { self.description = description }
  }

  public struct Request: Sendable {
    public let scenarioPath: String
    public let measurementsPath: String
    public let mappingPath: String?
    public let outputDirectory: URL
    public let settings: CalibrationSettings
    public let threads: Int

    public init(
      scenarioPath: String, measurementsPath: String, mappingPath: String?, outputDirectory: URL,
      settings: CalibrationSettings, threads: Int
    ) {
      self.scenarioPath = scenarioPath
      self.measurementsPath = measurementsPath
      self.mappingPath = mappingPath
      self.outputDirectory = outputDirectory
      self.settings = settings
      self.threads = threads
    }
  }

  /// Runs the calibration and writes its files; returns the result and the names written.
  public static func run(
    _ request: Request, warn: (ScenarioIssue) -> Void = { _ in }
  ) throws -> (result: CalibrationResult, names: [String]) {
    try OutputDestination.check(
      request.outputDirectory,
      holdsNone: [request.scenarioPath, request.measurementsPath] + (request.mappingPath.map { [$0] } ?? []))
    let scenario = try JobInput.load(
      scenarioPath: request.scenarioPath, outputDirectory: request.outputDirectory, threads: request.threads,
      warn: warn)
    let driveTest = try DriveTest.read(
      path: request.measurementsPath, file: request.measurementsPath, mappingPath: request.mappingPath,
      mappingFile: request.mappingPath, scenario: scenario)
    driveTest.warnings.forEach(warn)
    let result: CalibrationResult
    do {
      result = try Calibration.run(scenario, driveTest: driveTest, settings: request.settings, threads: request.threads)
    } catch Calibration.Problem.outsideGrid(let lines) {
      let shown = lines.prefix(DriveTest.maximumReportedRows)
      var issues = shown.map {
        ScenarioIssue(
          file: request.measurementsPath, location: .line($0),
          message:
            "the position is outside the scenario's grids (its zones and a margin of \(Int(scenario.grid.marginM)) m): no cell to predict"
        )
      }
      if lines.count > shown.count, let last = shown.last {
        issues.append(
          ScenarioIssue(
            file: request.measurementsPath, location: .line(last),
            message: "and \(lines.count - shown.count) more samples outside the grids"))
      }
      throw ScenarioError(issues: issues)
    }
    let outputs = try CalibrationOutputs.files(result, scenario: scenario, driveTest: request.measurementsPath)
    try outputs.write(to: request.outputDirectory)
    return (result, outputs.names)
  }
}
