import Coverage
import Foundation
import Scenario
import Testing

/// A tile's sectors in reach (read from buckets of sites around its grids) against a test
/// of every sector of the scenario, on a bundled scenario with 6 groups and ~2,000 sectors.
struct TilePlanReachTests {
  @Test(arguments: [2.0, 5.0, 20.0]) func sectorsInReachEqualATestOfEverySector(tileKM: Double) throws {
    let scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong.yaml").path)
    let plan = TilePlan(scenario, tileSizeM: tileKM * 1000)
    let position = Dictionary(scenario.structures.map { ($0.id, $0.position) }, uniquingKeysWith: { a, _ in a })
    let reach = scenario.coverage.maxRadiusM
    var total = 0
    for tile in plan.tiles {
      let grids = tile.groups.map { plan.groups[$0].grid }
      let expected = scenario.sectors.filter { sector in
        guard let site = position[sector.structureID] else { return false }
        return grids.contains { $0.distanceM(to: site) <= reach }
      }.count
      #expect(tile.sectorsInReach == expected, "tile \(tile.index)")
      total += expected
    }
    #expect(total > 0)
  }
}
