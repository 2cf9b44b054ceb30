import Coverage
import Geo
import Planning
import Scenario

/// `indoor-nodes.csv`: per building parcel (a class with an O2I loss, on a land use with an
/// indoor environment) and carrier, the indoor nodes that would bring the coverage target
/// inside: the environment (TR 38.901 InF/InH, `IndoorEnvironment`), the floor (parcel area ×
/// floor share), whether the parcel meets the target from outside today, and on the
/// carrier's layer needing the fewest nodes, a node's radius and the node count
/// (`IndoorNodeCoverage`). Rows in scenario order of parcels, then carriers.
enum IndoorNodeTable {
  static let fileName = "indoor-nodes.csv"

  static let header = [
    "zone", "parcel", "land_use", "building_class", "indoor_model", "node_height_m", "floor_area_m2", "workers",
    "carrier", "meets_target_today", "layer", "radius_m", "nodes",
  ]

  static func csv(_ result: CoverageResult, scenario: ScenarioModel) -> [UInt8] {
    var lines = [header.joined(separator: ",")]
    let settings = scenario.coverage
    let node = IndoorNodeSettings()
    for (index, parcel) in result.parcels.enumerated() {
      guard let environment = scenario.buildingClass(parcel.buildingClass)?.indoorEnvironment(landUse: parcel.landUse)
      else { continue }
      let floorM2 = parcel.outline.area * environment.floorShare
      for (carrierIndex, carrier) in scenario.carriers.enumerated() {
        // The layer whose nodes reach farthest (the fewest nodes); the first of equals.
        var best: (layer: RadioLayer, coverage: IndoorNodeCoverage)?
        for layer in carrier.layers {
          let coverage = IndoorNodeCoverage(
            environment: environment, layer: layer, node: node, ueHeightM: settings.ueHeightM, target: settings.target)
          if coverage.radiusM > (best?.coverage.radiusM ?? -1) { best = (layer, coverage) }
        }
        let meets =
          result.coveredShare(result.carriers[carrierIndex], parcel: index).map {
            $0 >= settings.target.minimumShare ? "yes" : "no"
          } ?? ""
        let fields = [
          CSVField.quoted(parcel.zoneID), CSVField.quoted(parcel.id), parcel.landUse.rawValue,
          CSVField.quoted(parcel.buildingClass), environment.scenario.rawValue,
          JSONWriter.fixed(environment.nodeHeightM, decimals: 1), JSONWriter.fixed(floorM2, decimals: 0),
          JSONWriter.fixed(parcel.workers, decimals: 1), CSVField.quoted(carrier.id), meets,
          best.map { CSVField.quoted($0.layer.id) } ?? "",
          best.map { JSONWriter.fixed($0.coverage.radiusM, decimals: 1) } ?? "",
          best.flatMap { $0.coverage.nodes(floorAreaM2: floorM2) }.map(String.init) ?? "",
        ]
        lines.append(fields.joined(separator: ","))
      }
    }
    return Array((lines.joined(separator: "\n") + "\n").utf8)
  }
}
