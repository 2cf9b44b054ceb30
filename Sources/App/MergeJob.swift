import Coverage
import Foundation
import Report
import Scenario

/// `cosite merge`: every tile's results joined into the output set `cosite run` writes for
/// the same scenario, byte for byte — the zone groups' results assembled as a single run
/// assembles them, the rasters copied and mosaicked, the tables, maps, summaries and the
/// drop-mode distributions computed once over the merged result.
public enum MergeJob {
  /// - Returns: the files written and the run's headline.
  @discardableResult
  public static func merge(
    tilesDirectory: URL, outputDirectory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    warn: (ScenarioIssue) -> Void = { _ in }, modelWarning: (String) -> Void = { _ in },
    note: (String) -> Void = { _ in }, progress: ((String, Double) -> Void)? = nil
  ) throws -> (names: [String], headline: [String]) {
    let leaflet = try LeafletLoader.load()
    let header = try TileJob.readHeader(tilesDirectory)
    try OutputDestination.check(outputDirectory, holdsNone: [tilesDirectory.path, header.scenarioPath])
    let scenario = try JobInput.load(
      scenarioPath: header.scenarioPath, outputDirectory: outputDirectory, maxCells: header.maxCells, warn: warn)
    let plan = try TileJob.checkedPlan(scenario, header: header, tilesDirectory: tilesDirectory)
    var results = [CoverageResult?](repeating: nil, count: plan.groups.count)
    var rasters = RasterMaps(scenario: scenario, threads: threads)
    var tileDirectoryOfGroup = [URL](repeating: tilesDirectory, count: plan.groups.count)
    for tile in plan.tiles {
      progress?("reading tile \(tile.index + 1)/\(plan.tiles.count)", Double(tile.index) / Double(plan.tiles.count))
      let directory = tilesDirectory.appendingPathComponent("tile-\(tile.index)")
      let path = directory.appendingPathComponent(TileJob.archiveName).path
      let parts = try TileArchive.decode(
        try bytes(path, tile: tile.index), name: path, scenario: scenario, groups: plan.groups,
        scenarioDigest: header.scenarioDigest)
      guard parts.map(\.group) == tile.groups else {
        throw TileError(
          file: path,
          message:
            "holds zone groups \(parts.map(\.group)), the plan gives tile \(tile.index) groups \(tile.groups): run the tile again"
        )
      }
      for (group, result) in parts {
        results[group] = result
        tileDirectoryOfGroup[group] = directory
      }
    }
    // The rasters in the order a single run adds them: group by group, layer by layer.
    let named = plan.groups.count > 1
    for (group, cluster) in plan.groups.enumerated() {
      let part = CoverageRun.scenario(scenario, group: group, of: plan.groups)
      let zoneID = named ? part.zones.first?.id : nil
      for layer in results[group]?.layers ?? [] {
        let names = RasterMaps.fileNames(carrierID: layer.carrierID, layerID: layer.layer.id, groupZoneID: zoneID)
        let contents = try names.map { name in
          let path = tileDirectoryOfGroup[group].appendingPathComponent(name).path
          return Data(try bytes(path, tile: plan.tile(ofGroup: group)?.index ?? 0))
        }
        rasters.addEncoded(
          contents, grid: cluster.grid, carrierID: layer.carrierID, layerID: layer.layer.id, groupZoneID: zoneID)
      }
    }
    let coverage = CoverageRun.assemble(results.compactMap { $0 }, groups: plan.groups, scenario: scenario)
    coverage.validityWarnings.forEach(modelWarning)
    note(CoverageBasis.reliabilitySentence(coverage.settings))
    let outputs = try RunJob.files(
      scenario, coverage: coverage, rasters: rasters, leaflet: leaflet, threads: threads, progress: progress)
    try outputs.write(to: outputDirectory)
    return (outputs.names, RunHeadline.lines(scenario, coverage: coverage))
  }

  /// A tile's file; missing, it is an error saying which tile to run again.
  private static func bytes(_ path: String, tile: Int) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw TileError(
        file: path, message: "missing: tile \(tile) has not finished; run it again (cosite run … --tile \(tile))")
    }
    return [UInt8](data)
  }
}
