import Coverage
import Geo
import Scenario

/// `sectors.csv`: per sector that serves busy-hour users, on each grid it serves them: its
/// downlink load, demand ÷ capacity, active users in service and without it (below the RSRP
/// or the SINR floor), and
/// whether it is overloaded (demand ≥ capacity). Rows in layer order, then grid, then sector.
enum SectorLoadTable {
  static let fileName = "sectors.csv"

  static func csv(_ result: CoverageResult, scenario: ScenarioModel) -> [UInt8] {
    let header = [
      "sector", "structure", "carrier", "layer", "zone_group", "downlink_load", "demand_to_capacity", "active_users",
      "out_of_service_users", "overloaded",
    ]
    var bytes = Array(header.joined(separator: ",").utf8)
    bytes.append(UInt8(ascii: "\n"))
    for layer in result.layers {
      for row in layer.sectorLoads {
        let sector = scenario.sectors[row.sectorIndex]
        for text in [sector.id, sector.structureID, row.carrierID, row.layerID, row.groupZoneID ?? ""] {
          CSVField.append(text, to: &bytes)
          bytes.append(UInt8(ascii: ","))
        }
        DecimalText.appendFixed(row.load, decimals: 4, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        DecimalText.appendFixed(row.demandToCapacityRatio, decimals: 4, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        DecimalText.appendFixed(row.activeUsers, decimals: 2, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        DecimalText.appendFixed(row.outOfServiceUsers, decimals: 2, to: &bytes)
        bytes.append(contentsOf: (row.isOverloaded ? ",yes\n" : ",no\n").utf8)
      }
    }
    return bytes
  }
}
