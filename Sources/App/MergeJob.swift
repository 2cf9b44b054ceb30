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
      scenarioPath: header.scenarioPath, outputDirectory: outputDirectory, maxCells: header.maxCells, threads: threads,
      warn: warn)
    let tiled = try TiledInput.read(tilesDirectory, header: header, scenario: scenario, progress: progress)
    let plan = tiled.plan
    var rasters = RasterMaps(scenario: scenario, threads: threads)
    // The rasters in the order a single run adds them: group by group, layer by layer.
    let named = plan.groups.count > 1
    for (group, cluster) in plan.groups.enumerated() {
      let part = CoverageRun.scenario(scenario, group: group, of: plan.groups)
      let zoneID = named ? part.zones.first?.id : nil
      for layer in tiled.results[group].layers {
        let names = RasterMaps.fileNames(carrierID: layer.carrierID, layerID: layer.layer.id, groupZoneID: zoneID)
        let contents = try names.map { name in
          let path = tiled.tileDirectoryOfGroup[group].appendingPathComponent(name).path
          return Data(try TiledInput.bytes(path, tile: plan.tile(ofGroup: group)?.index ?? 0))
        }
        rasters.addEncoded(
          contents, grid: cluster.grid, carrierID: layer.carrierID, layerID: layer.layer.id, groupZoneID: zoneID)
      }
    }
    let coverage = tiled.coverage(scenario)
    coverage.validityWarnings.forEach(modelWarning)
    note(CoverageBasis.reliabilitySentence(coverage.settings))
    let outputs = try RunJob.files(
      scenario, coverage: coverage, rasters: rasters, leaflet: leaflet, threads: threads, progress: progress)
    try outputs.write(to: outputDirectory)
    return (outputs.names, RunHeadline.lines(scenario, coverage: coverage))
  }
}
