import Coverage
import Foundation
import Planning
import Report
import Scenario

/// What a tiled run's tasks wrote (`cosite run --tiles`), read back and checked: every
/// tile's coverage for `cosite merge`, `recommend --tiles` and `compare --tiles`, and its
/// candidate fields for the latter two.
struct TiledInput {
  let directory: URL
  let header: TilePlanFile.Header
  let plan: TilePlan
  /// Per zone group: its result and the directory of the tile that computed it.
  let results: [CoverageResult]
  let tileDirectoryOfGroup: [URL]

  /// The plan's header, for the cell budget to load the scenario with.
  static func header(_ directory: URL) throws -> TilePlanFile.Header { try TileJob.readHeader(directory) }

  /// Every tile of the plan in `directory`, for `scenario` (which must be the one planned).
  static func read(
    _ directory: URL, header: TilePlanFile.Header, scenario: ScenarioModel,
    progress: ((String, Double) -> Void)? = nil
  ) throws -> TiledInput {
    let plan = try TileJob.checkedPlan(scenario, header: header, tilesDirectory: directory)
    var results = [CoverageResult?](repeating: nil, count: plan.groups.count)
    var tileDirectoryOfGroup = [URL](repeating: directory, count: plan.groups.count)
    for tile in plan.tiles {
      progress?("reading tile \(tile.index + 1)/\(plan.tiles.count)", Double(tile.index) / Double(plan.tiles.count))
      let tileDirectory = directory.appendingPathComponent("tile-\(tile.index)")
      let path = tileDirectory.appendingPathComponent(TileJob.archiveName).path
      let parts = try TileArchive.decode(
        try bytes(path, tile: tile.index), name: path, scenario: scenario, groups: plan.groups,
        scenarioDigest: header.scenarioDigest, build: BuildIdentity.current)
      try check(parts.map(\.group), tile: tile, path: path)
      for (group, result) in parts {
        results[group] = result
        tileDirectoryOfGroup[group] = tileDirectory
      }
    }
    return TiledInput(
      directory: directory, header: header, plan: plan, results: results.compactMap { $0 },
      tileDirectoryOfGroup: tileDirectoryOfGroup)
  }

  /// The run's coverage, as a single run assembles it.
  func coverage(_ scenario: ScenarioModel) -> CoverageResult {
    CoverageRun.assemble(results, groups: plan.groups, scenario: scenario)
  }

  /// The candidate fields every tile computed, by station id, per cell map of the assembled
  /// coverage (one per zone group, in group order): only the stations of `carriers` (scenario
  /// indices) are kept; a station the scenario does not have as a candidate is refused.
  func candidateFields(_ scenario: ScenarioModel, carriers: [Int]) throws -> CandidatePool.KnownFields {
    guard header.candidates else {
      throw TileError(
        file: TileJob.planPath(directory),
        message: "planned without candidate fields: run cosite plan-tiles --candidates and the tiles again")
    }
    var carrierOfStation: [String: Int] = [:]
    let defaults = RadioDefaults(scenario)
    for (index, site) in CandidatePool.fixedSites(scenario).enumerated() {
      for carrier in scenario.carriers.indices {
        if let station = CandidatePool.station(
          scenario, site, siteIndex: index, carrierIndex: carrier, defaults: defaults)
        {
          carrierOfStation[station.id] = carrier
        }
      }
    }
    let planned = Set(carriers)
    let empty = [[Int32]](repeating: [], count: plan.groups.count)
    var known: CandidatePool.KnownFields = [:]
    for tile in plan.tiles {
      let path = directory.appendingPathComponent("tile-\(tile.index)").appendingPathComponent(TileJob.candidatesName)
        .path
      let bytes = try Self.bytes(
        path, tile: tile.index, missing: "tile \(tile.index) ran without candidate fields or has not finished")
      let parts = try CandidateArchive.decode(
        bytes, name: path, groups: plan.groups, scenarioDigest: header.scenarioDigest, build: BuildIdentity.current)
      try Self.check(parts.map(\.group), tile: tile, path: path)
      for (group, entries) in parts {
        for entry in entries {
          guard let carrier = carrierOfStation[entry.id] else {
            throw TileError(
              file: path,
              message:
                "zone group \(group): station '\(entry.id)' is not a candidate of this scenario: run tile \(tile.index) again"
            )
          }
          guard planned.contains(carrier) else { continue }
          known[entry.id, default: (empty, empty)].target[group] = entry.target
          known[entry.id, default: (empty, empty)].outdoor[group] = entry.outdoor
        }
      }
    }
    return known
  }

  /// A tile's file holds the groups the plan gives it.
  private static func check(_ groups: [Int], tile: TilePlan.Tile, path: String) throws {
    guard groups == tile.groups else {
      throw TileError(
        file: path,
        message:
          "holds zone groups \(groups), the plan gives tile \(tile.index) groups \(tile.groups): run the tile again"
      )
    }
  }

  /// A tile's file; missing, it is an error saying which tile to run again.
  static func bytes(_ path: String, tile: Int, missing: String? = nil) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TileError(
        file: path,
        message:
          "missing: \(missing ?? "tile \(tile) has not finished"); run it again (cosite run … --tiles … --tile \(tile))"
      )
    }
    return [UInt8](data)
  }
}
