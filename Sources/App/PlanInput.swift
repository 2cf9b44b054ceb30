import Coverage
import Foundation
import Planning
import Report
import Scenario

/// The scenario and today's coverage for `cosite recommend` and `compare`: the coverage
/// computed here, or read from a tiled run (`--tiles DIR`, planned with `--candidates`)
/// together with the candidate fields its tasks computed, so that only the generated new
/// builds' and the indoor systems' fields, the optimisation and (compare) each plan's
/// busy-hour run are computed here (issue #22).
struct PlanInput {
  let scenario: ScenarioModel
  let tiled: TiledInput?

  static func load(
    scenarioPath: String, outputDirectory: URL, request: PlanRequest, warn: (ScenarioIssue) -> Void
  ) throws -> PlanInput {
    var header: TilePlanFile.Header?
    if let tiles = request.tilesDirectory {
      let read = try TiledInput.header(tiles)
      guard read.candidates else {
        throw TileError(
          file: TileJob.planPath(tiles),
          message: "planned without candidate fields: run cosite plan-tiles --candidates and the tiles again")
      }
      try OutputDestination.check(outputDirectory, holdsNone: [tiles.path])
      header = read
    }
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, maxCells: request.maxCells ?? header?.maxCells,
      threads: request.threads, warn: warn)
    guard let tiles = request.tilesDirectory, let header else { return PlanInput(scenario: scenario, tiled: nil) }
    return PlanInput(scenario: scenario, tiled: try TiledInput.read(tiles, header: header, scenario: scenario))
  }

  /// Today's coverage, and the candidate fields of the planned `carriers` when the tiles
  /// computed them.
  func coverage(
    threads: Int, carriers: [Int], fields: FieldStore? = nil
  ) throws -> (CoverageResult, CandidatePool.KnownFields?) {
    if let tiled { return (tiled.coverage(scenario), try tiled.candidateFields(scenario, carriers: carriers)) }
    return (try CoverageRun.run(scenario, threads: threads, fields: fields, checked: true), nil)
  }
}
