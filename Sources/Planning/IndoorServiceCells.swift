import Coverage
import Geo
import Scenario

/// The busy-hour service classes a plan's indoor systems give the cells of their buildings
/// (`IndoorServiceClasses`), for `BusyHourReach`: a cell counts in the better of what the
/// macro network and the building's system give it.
public struct IndoorServiceCells: Sendable {
  /// Per carrier of the planned network's run (its index there), per map, cell → class.
  public let byCarrier: [Int: [Int: [Int: UInt16]]]
  public static let none = IndoorServiceCells(byCarrier: [:])

  init(byCarrier: [Int: [Int: [Int: UInt16]]]) { self.byCarrier = byCarrier }

  /// - Parameters:
  ///   - coverage: the planned network's run (its cells are the scenario's grid).
  ///   - carrierIndex: per carrier of the plan (`result.carriers` order), its index in
  ///     `coverage`; under MOCN every carrier is the pooled one, which then takes the worst of
  ///     their classes at a cell (each carrier's users on its own spectrum, as MORAN: the pool's
  ///     trunking gain is left out, which errs low).
  public init(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult, carrierIndex: [Int],
    threads: Int = 1
  ) {
    let systems = result.picks.compactMap { pick -> (BuildingIndoorDesign, IndoorSystemPlan)? in
      guard let building = result.pool.sites[pick.offer.siteIndex].building,
        let plan = IndoorSystemPlan(pick.offer, building: building, pool: result.pool)
      else { return nil }
      return (building, plan)
    }
    guard !systems.isEmpty else {
      self.init(byCarrier: [:])
      return
    }
    // Each building's cells, per map, in one pass over the maps.
    let wanted = Set(systems.map(\.0.parcelIndex))
    var cells: [Int: [(map: Int, cell: Int, centre: Coordinate)]] = [:]
    for (mapIndex, map) in coverage.cellMaps.enumerated() {
      for (cell, parcel) in map.parcelIndex.enumerated() where parcel >= 0 && wanted.contains(Int(parcel)) {
        let centre = map.grid.centre(row: cell / map.grid.columns, column: cell % map.grid.columns)
        cells[Int(parcel), default: []].append((mapIndex, cell, centre))
      }
    }
    let runCarrier = Dictionary(uniqueKeysWithValues: zip(result.carriers, carrierIndex))
    let buildingCells = cells
    let classes = StridedWork.map(systems.count, threads: threads, state: {}) { index, _ -> [[Int]] in
      let (building, plan) = systems[index]
      return IndoorServiceClasses.classes(
        plan: plan, building: building, points: (buildingCells[building.parcelIndex] ?? []).map(\.centre),
        workers: scenario.parcels[building.parcelIndex].workers, scenario: scenario)
    }
    var byCarrier: [Int: [Int: [Int: UInt16]]] = [:]
    for ((building, plan), perCarrier) in zip(systems, classes) {
      let own = cells[building.parcelIndex] ?? []
      var system: [Int: [Int: [Int: UInt16]]] = [:]
      for (carrier, values) in zip(plan.carriers, perCarrier) {
        guard let run = runCarrier[carrier.index] else { continue }
        for (point, value) in zip(own, values) {
          // Carriers pooled into one run carrier: the worst of theirs.
          let previous = system[run]?[point.map]?[point.cell] ?? 0
          system[run, default: [:]][point.map, default: [:]][point.cell] = max(previous, UInt16(value))
        }
      }
      // Systems of one building for different carriers: the best for each.
      for (run, maps) in system {
        for (map, values) in maps {
          for (cell, value) in values {
            let previous = byCarrier[run]?[map]?[cell] ?? .max
            byCarrier[run, default: [:]][map, default: [:]][cell] = min(previous, value)
          }
        }
      }
    }
    self.init(byCarrier: byCarrier)
  }
}
