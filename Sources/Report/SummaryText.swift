import Coverage
import Foundation
import Geo
import Scenario

/// The summary `cosite validate` prints: what was read, in planner's units.
public enum SummaryText {
  public static func text(_ summary: ScenarioSummary) -> String {
    var lines: [String] = []
    lines.append("Scenario: \(summary.name)")
    let how = summary.crsIsAutomatic ? " (auto: UTM zone of the scenario's centre)" : ""
    lines.append("CRS: \(summary.crs) \(summary.crsName)\(how)")
    lines.append("Zones: \(summary.zones.count)")
    let idWidth = summary.zones.map(\.id.count).max() ?? 0
    for zone in summary.zones {
      let published = zone.publishedAreaHa.map { " (published \(grouped($0, decimals: 0)) ha)" } ?? ""
      lines.append(
        "  \(zone.id.padding(toLength: idWidth, withPad: " ", startingAt: 0))  \(zone.name): \(zone.parcels) parcels, \(grouped(zone.areaHa, decimals: 1)) ha\(published)"
      )
    }
    lines.append(
      "Parcels: \(summary.parcelCount), \(grouped(summary.parcelAreaHa, decimals: 1)) ha, \(grouped(summary.workers, decimals: 0)) workers"
    )
    lines.append("Carriers: \(summary.carriers.count)")
    for carrier in summary.carriers {
      let layers = carrier.layers.map {
        "\($0.id) (\($0.technology.rawValue) \($0.band), \(JSONWriter.number($0.frequencyMHz)) MHz, \(JSONWriter.number($0.bandwidthMHz)) MHz wide)"
      }
      lines.append("  \(carrier.id) \(carrier.name): \(layers.joined(separator: ", "))")
    }
    let kinds = summary.structuresByKind.filter { $0.1 > 0 }.map { "\($0.0.rawValue) \($0.1)" }
    lines.append("Structures: \(summary.structureCount)" + (kinds.isEmpty ? "" : " (\(kinds.joined(separator: ", ")))"))
    if summary.nonBulkyRooftopCount + summary.permitRooftopCount > 0 {
      lines.append(
        "  rooftop masts: \(summary.nonBulkyRooftopCount) non-bulky (≤ 3 m and ≤ 20 % of the building: no permit, JC 15/2016), \(summary.permitRooftopCount) needing a building permit"
      )
    }
    lines.append("Sites: \(summary.siteCount) with \(summary.sectorCount) sectors")
    lines.append(
      "Shared structures: \(summary.sharedStructureCount) of \(summary.structureCount) (passive sharing rate \(grouped(summary.passiveSharingRate * 100, decimals: 1))%"
        + (summary.sharingRateTarget.map { "; target \(grouped($0 * 100, decimals: 1))%" } ?? "") + ")")
    if summary.plannedSiteCount > 0 { lines.append("Planned new-build places: \(summary.plannedSiteCount)") }
    lines.append(
      "Sharing options: \((["standalone", "passive", "moran", "mocn", "neutral-host"] + summary.extraOptions).joined(separator: ", "))"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// The grids a run would use against the cell budget: one line, plus one per grid when several.
  public static func grids(_ grids: [Preflight.GridEstimate], budget: Int) -> String {
    let cells = grids.reduce(0) { $0 + $1.cells }
    let bytes = grids.map(\.bytes).max() ?? 0
    let count = grids.count == 1 ? "1 grid" : "\(grids.count) grids (one per group of nearby zones)"
    var lines = [
      "Grid: \(count), \(grouped(Double(cells), decimals: 0)) cells in all, about \(grouped(Double(bytes) / 1e6, decimals: 0)) MB for the largest; budget \(grouped(Double(budget), decimals: 0)) cells per grid"
    ]
    if grids.count > 1 {
      for grid in grids {
        lines.append(
          "  \(grid.zoneIDs.joined(separator: ", ")): \(grid.grid.columns) × \(grid.grid.rows) = \(grouped(Double(grid.cells), decimals: 0)) cells"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `value` with thousands separators and a fixed number of decimals: 12,702.5.
  static func grouped(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(decimals)f", value)
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    var integer = String(parts[0])
    let negative = integer.hasPrefix("-")
    if negative { integer.removeFirst() }
    var groups: [String] = []
    while integer.count > 3 {
      groups.insert(String(integer.suffix(3)), at: 0)
      integer.removeLast(3)
    }
    groups.insert(integer, at: 0)
    let head = (negative ? "-" : "") + groups.joined(separator: ",")
    return parts.count > 1 ? head + "." + parts[1] : head
  }
}
