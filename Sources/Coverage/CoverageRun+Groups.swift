import Foundation
import Geo
import Scenario

/// A run as a list of zone groups, each computed on its own grid and independently of the
/// others: `cosite run` computes them one after another, a tiled run (`TilePlan`) some of
/// them per tile, and `assemble` joins the results the same way in both.
extension CoverageRun {
  /// The zone groups of a run: one per `ZoneClusters` group when there are several, else one
  /// group of every zone on the grid over all parcels (a 1 × 1 grid when there are none).
  public static func groups(of scenario: ScenarioModel, clustering: Bool = true) -> [ZoneCluster] {
    let clusters = clustering ? ZoneClusters.of(scenario) : []
    if clusters.count > 1 { return clusters }
    let grid =
      gridCovering(scenario)
      ?? CoverageGrid(originX: 0, originY: 0, resolutionM: scenario.grid.resolutionM, columns: 1, rows: 1)
    return [ZoneCluster(zoneIndices: Array(scenario.zones.indices), grid: grid)]
  }

  /// The scenario a group is computed on: its zones alone, or the whole scenario when the run
  /// has one group (zones without parcels included, as a single grid always had them).
  public static func scenario(_ scenario: ScenarioModel, group: Int, of groups: [ZoneCluster]) -> ScenarioModel {
    groups.count > 1 ? scenario.keepingZones(groups[group].zoneIndices) : scenario
  }

  /// Computes the groups `only` (indices into `groups`, in that order). Each group's rasters
  /// and stored fields carry its first zone's id when the run has several groups.
  public static func run(
    _ scenario: ScenarioModel, groups: [ZoneCluster], only: [Int],
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, progress: ((String, Double) -> Void)? = nil,
    cells: ((LayerCells) throws -> Void)? = nil, fields: FieldStore? = nil
  ) throws -> [(group: Int, result: CoverageResult)] {
    var results: [(group: Int, result: CoverageResult)] = []
    for (position, index) in only.enumerated() {
      let part = self.scenario(scenario, group: index, of: groups)
      let share = 1 / Double(only.count)
      let named = groups.count > 1
      let result = try run(
        part, grid: groups[index].grid, threads: threads,
        progress: { stage, done in
          let prefix = named ? "zone group \(index + 1)/\(groups.count): " : ""
          progress?(prefix + stage, (Double(position) + done) * share)
        }, group: named ? part.zones.first?.id : nil, cells: cells, fields: fields)
      results.append((index, result))
    }
    return results
  }

  /// The run's result from every group's, given in the order of `groups`.
  public static func assemble(
    _ results: [CoverageResult], groups: [ZoneCluster], scenario: ScenarioModel
  ) -> CoverageResult {
    precondition(results.count == groups.count, "one result per zone group")
    guard groups.count > 1 else { return results[0] }
    return merge(Array(zip(groups, results)).map { (cluster: $0.0, result: $0.1) }, scenario: scenario)
  }
}
