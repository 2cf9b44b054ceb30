import Coverage
import Dispatch
import Scenario

/// The fields of the candidates a scenario gives before any coverage is known (free slots
/// of existing structures and listed new builds, `CandidatePool.fixedSites`), for every
/// carrier, on one zone group's cell map: what a tiled run's task computes beside its
/// coverage when its plan asks for candidates, so that `cosite recommend --tiles` and
/// `compare --tiles` need not (issue #22).
///
/// A station's cells on a map depend on that map and its parcels alone (its grid,
/// propagation classes, terrain and today's coverage; each parcel's building class and
/// propagation, which `keepingZones` carries over with the parcels, land cover included;
/// `CandidateCoverage`), so a group's are the ones a single run's pool computes on it. Structures farther than `coverage.max_radius_m` from
/// the group's grid are skipped: no kernel reaches beyond it, so they would cover nothing.
public enum FixedCandidateFields {
  public typealias Entry = (id: String, target: [Int32], outdoor: [Int32])

  /// - Parameters:
  ///   - scenario: the whole scenario; `sites` its `CandidatePool.fixedSites`, `defaults`
  ///     its `RadioDefaults`.
  ///   - part: the group's scenario (`CoverageRun.scenario(_:group:of:)`), whose parcels
  ///     the group's `coverage` numbers.
  /// - Returns: the stations that newly cover some cell of the group's map (outdoors or by
  ///   the target), in the pool's order.
  public static func compute(
    _ scenario: ScenarioModel, sites all: [CandidateSite], defaults: RadioDefaults, part: ScenarioModel,
    coverage: CoverageResult, threads: Int
  ) -> [Entry] {
    precondition(coverage.cellMaps.count == 1, "one cell map per zone group")
    let grid = coverage.cellMaps[0].grid
    let reachM = scenario.coverage.maxRadiusM
    let sites = all.filter { grid.distanceM(to: $0.structure.position) <= reachM }
    let stations = sites.indices.flatMap { siteIndex in
      scenario.carriers.indices.compactMap {
        CandidatePool.station(scenario, sites[siteIndex], siteIndex: siteIndex, carrierIndex: $0, defaults: defaults)
      }
    }
    let field = CandidateCoverage(scenario: part, coverage: coverage)
    let entries: [Entry] = StridedWork.map(stations.count, threads: max(1, threads), state: {}) { index, _ in
      let station = stations[index]
      let cells = field.field(
        sectors: station.sectors, structure: sites[station.siteIndex].structure, carrierIndex: station.carrierIndex)
      return (station.id, cells.target[0], cells.outdoor[0])
    }
    return entries.filter { !$0.target.isEmpty || !$0.outdoor.isEmpty }
  }
}
