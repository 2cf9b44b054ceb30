import Coverage
import Geo
import Planning
import Scenario

/// `indoor-nodes.csv`: per building parcel (a class with an O2I loss, on a land use with an
/// indoor environment) and carrier, the indoor nodes that would bring the coverage target
/// inside (`BuildingIndoorDesign`): the environment, the floor (parcel area × floor share),
/// whether the parcel meets the target from outside today, the carrier's layer reaching
/// farthest with a node's radius and the node count (the more of what coverage and the busy
/// hour need: the coverage count, the demand and a node's capacity alone and among loaded
/// neighbours are in the last columns), and the lifetime cost of the carrier's own small cells
/// against its share of a neutral host for every carrier; then the carrier's part of a DAS
/// instead (antennas and sectors, `DASCarrierDesign`). Rows in scenario order of parcels,
/// then carriers.
enum IndoorNodeTable {
  static let fileName = "indoor-nodes.csv"

  static let header = [
    "zone", "parcel", "land_use", "building_class", "indoor_model", "node_height_m", "floor_area_m2", "workers",
    "carrier", "meets_target_today", "layer", "radius_m", "nodes", "small_cells_npv_vnd", "neutral_host_nodes",
    "neutral_host_share_npv_vnd", "coverage_nodes", "busy_hour_demand_mbps", "node_alone_mbps", "node_among_six_mbps",
    "das_antennas", "das_sectors",
  ]

  /// - Parameter designs: `BuildingIndoorDesign.all(scenario)`, computed once per run.
  static func csv(_ result: CoverageResult, scenario: ScenarioModel, designs: [BuildingIndoorDesign]) -> [UInt8] {
    var lines = [header.joined(separator: ",")]
    func money(_ value: Double?) -> String { value.map { JSONWriter.fixed($0, decimals: 0) } ?? "" }
    func mbps(_ value: Double?) -> String { value.map { JSONWriter.fixed($0, decimals: 2) } ?? "" }
    for design in designs {
      let parcel = result.parcels[design.parcelIndex]
      for (carrierIndex, carrier) in scenario.carriers.enumerated() {
        let own = design.carriers[carrierIndex]
        // The run's own verdict (blank for a parcel without cells).
        let meets =
          result.parcelCells[design.parcelIndex] == 0
          ? "" : result.missesTarget(result.carriers[carrierIndex], parcel: design.parcelIndex) ? "no" : "yes"
        var fields: [String] = [
          CSVField.quoted(parcel.zoneID), CSVField.quoted(parcel.id), parcel.landUse.rawValue,
          CSVField.quoted(parcel.buildingClass), design.environment.scenario.rawValue,
          JSONWriter.fixed(design.environment.nodeHeightM, decimals: 1),
          JSONWriter.fixed(design.floorAreaM2, decimals: 0),
          JSONWriter.fixed(parcel.workers, decimals: 1), CSVField.quoted(carrier.id), meets,
          own.layer.map { CSVField.quoted($0.id) } ?? "",
          own.coverage.map { JSONWriter.fixed($0.radiusM, decimals: 1) } ?? "",
          own.nodes.map(String.init) ?? "", money(design.cost.ownLifetimeVND[carrierIndex]),
          design.cost.neutralHostNodes.map(String.init) ?? "", money(design.cost.neutralHostShareVND),
        ]
        fields += [
          own.coverageNodes.map(String.init) ?? "", mbps(own.capacity?.demandMbps),
          mbps(own.capacity?.capacityMbps[0]), mbps(own.capacity?.capacityMbps[6]),
          own.das.map { String($0.antennas) } ?? "", own.das.map { String($0.sectors) } ?? "",
        ]
        lines.append(fields.joined(separator: ","))
      }
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }
}
