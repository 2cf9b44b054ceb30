import Foundation
import Geo

/// One drive-test measurement as read: where (in the scenario's CRS), which sector it
/// measured, and the RSRP.
public struct DriveTestSample: Sendable, Hashable {
  /// Line of the log the sample was read from (1 is the header).
  public let line: Int
  public let x: Double
  public let y: Double
  /// Index into the scenario's sectors.
  public let sectorIndex: Int
  public let rsrpDBm: Double

  public init(line: Int, x: Double, y: Double, sectorIndex: Int, rsrpDBm: Double) {
    self.line = line
    self.x = x
    self.y = y
    self.sectorIndex = sectorIndex
    self.rsrpDBm = rsrpDBm
  }
}

/// A drive-test log read against a scenario: its samples in the log's order (the route's).
public struct DriveTest: Sendable {
  /// The log as shown to the planner.
  public let file: String
  public let samples: [DriveTestSample]
  /// Rows read with a remark (none so far stops the calibration).
  public let warnings: [ScenarioIssue]

  public init(file: String, samples: [DriveTestSample], warnings: [ScenarioIssue] = []) {
    self.file = file
    self.samples = samples
    self.warnings = warnings
  }

  /// RSRP a UE can report, dBm: TS 36.133 Table 9.1.4-1 (LTE, −140…−44) and TS 38.133
  /// Table 10.1.6.1-1 (NR, −156…−31); a value outside is a unit or column mistake.
  public static let reportableRSRPDBm = -156.0 ... -31.0
  /// After this many rows with problems the log is not read further (the list would only grow).
  public static let maximumReportedRows = 100

  /// Reads the log at `path` (shown as `file`), through the mapping file at `mappingPath`
  /// when given; throws a `ScenarioError` naming every bad row by its line.
  public static func read(
    path: String, file: String, mappingPath: String?, mappingFile: String?, scenario: ScenarioModel
  ) throws -> DriveTest {
    let diagnostics = Diagnostics()
    var mapping = DriveTestMapping()
    if let mappingPath {
      guard
        let read = DriveTestMapping.read(path: mappingPath, file: mappingFile ?? mappingPath, diagnostics: diagnostics)
      else { throw ScenarioError(issues: diagnostics.issues) }
      mapping = read
      guard diagnostics.issues.isEmpty else { throw ScenarioError(issues: diagnostics.issues) }
    }
    let text: String
    switch InputFile.text(path) {
    case .success(let read): text = read
    case .failure(let problem):
      throw ScenarioError(issues: [
        ScenarioIssue(
          file: file, location: problem.line.map(IssueLocation.line) ?? .file, message: problem.about("the drive test"))
      ])
    }
    let samples = DriveTestRows(mapping: mapping, scenario: scenario, file: file, diagnostics: diagnostics)
      .read(text)
    guard diagnostics.issues.isEmpty else { throw ScenarioError(issues: diagnostics.issues) }
    return DriveTest(file: file, samples: samples, warnings: diagnostics.warnings)
  }
}
