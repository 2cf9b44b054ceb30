import Coverage
import Geo
import Scenario

/// Indoor systems as candidates beside the macro stations: one site per building parcel with
/// an indoor environment (`BuildingIndoorDesign`), and on it one station per planned carrier
/// whose nodes reach the target. A station's target cells are every cell of the parcel still
/// missing the target for its carrier: the design sizes the nodes to hold the target over the
/// whole floor, at the scenario's RSRP and location reliability, the same test a macro cell
/// passes. It has no outdoor cells: a node's signal leaking out of the hall is not counted
/// (walls of steel-clad halls take 20–30 dB; what leaks is interference, not coverage).
///
/// Only under an indoor target: under an outdoor one a building's cells are judged outside,
/// where the nodes do not count.
struct IndoorCandidates {
  var sites: [CandidateSite] = []
  /// Per site, its stations: the carrier and the cells it brings to the target per map.
  var stations: [[(carrierIndex: Int, target: [[Int32]])]] = []

  init(_ scenario: ScenarioModel, coverage: CoverageResult, carriers: [Int], threads: Int = 1) {
    guard scenario.coverage.target.indoor else { return }
    let designs = BuildingIndoorDesign.all(scenario, threads: threads)
    guard !designs.isEmpty else { return }
    let wanted = Set(designs.map(\.parcelIndex))
    // Each building parcel's cells, per map, in one pass over the maps.
    var cells: [Int: [[Int32]]] = [:]
    var sums: [Int: (x: Double, y: Double, count: Double)] = [:]
    for (mapIndex, map) in coverage.cellMaps.enumerated() {
      for (cell, parcel) in map.parcelIndex.enumerated() where parcel >= 0 && wanted.contains(Int(parcel)) {
        let index = Int(parcel)
        cells[index, default: Array(repeating: [], count: coverage.cellMaps.count)][mapIndex].append(Int32(cell))
        let centre = map.grid.centre(row: cell / map.grid.columns, column: cell % map.grid.columns)
        let sum = sums[index, default: (0, 0, 0)]
        sums[index] = (sum.x + centre.x, sum.y + centre.y, sum.count + 1)
      }
    }
    for design in designs {
      guard let parcelCells = cells[design.parcelIndex], let sum = sums[design.parcelIndex] else { continue }
      var found: [(carrierIndex: Int, target: [[Int32]])] = []
      for carrier in carriers where design.carriers[carrier].nodes != nil {
        let missing = parcelCells.enumerated().map { mapIndex, list in
          list.filter { coverage.cellMaps[mapIndex].coveredByCarrier[carrier][Int($0)] == 0 }
        }
        if missing.contains(where: { !$0.isEmpty }) { found.append((carrier, missing)) }
      }
      guard !found.isEmpty else { continue }
      // The centre of the parcel's cells marks the system (its footprint is the parcel's).
      let centre = Coordinate(x: sum.x / sum.count, y: sum.y / sum.count)
      let parcel = scenario.parcels[design.parcelIndex]
      let structure = Structure(
        id: "indoor-\(parcel.id)", kind: .rooftop, positionLonLat: centre, position: centre,
        heightM: design.environment.nodeHeightM, owner: "", freeSlots: 0, rentVNDPerMonth: 0)
      sites.append(CandidateSite(structure: structure, origin: .indoor, tenants: [], building: design))
      stations.append(found)
    }
  }
}
