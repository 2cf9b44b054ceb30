import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// `summary.md`: a readable table per zone and carrier.
enum CoverageSummary {
  /// - Parameter indoorDesigns: `BuildingIndoorDesign.all(scenario)` when the caller has it.
  static func markdown(
    _ result: CoverageResult, scenario: ScenarioModel, indoorDesigns: [BuildingIndoorDesign]? = nil
  ) -> String {
    let settings = result.settings
    let target = settings.target
    var lines = ["# Coverage — \(scenario.name)", ""]
    let place = target.indoor ? "indoors in buildings, outdoors elsewhere" : "outdoors"
    lines.append(
      "Target: RSRP ≥ \(CoverageMaps.format(target.rsrpDBm)) dBm on any of the carrier's layers, \(place); a parcel meets it when at least \(percent(target.minimumShare)) of its area does."
    )
    lines.append(CoverageBasis.reliabilitySentence(settings))
    lines.append(
      "\(gridText(result)) in \(scenario.crs) (\(scenario.crsName)); model \(settings.propagation.model.rawValue) (LOS state \(settings.propagation.lineOfSight.rawValue), shadow-fading σ \(settings.propagation.shadowSigmaDB.map { JSONWriter.number($0) + " dB" } ?? CoverageBasis.sigmaSource(settings.propagation))) unless a zone names its own."
    )
    if let tuned = CoverageBasis.tuningSentence(scenario) { lines.append(tuned) }
    if !result.validityWarnings.isEmpty {
      lines += ["", "Models used outside their validity range:", ""] + result.validityWarnings.map { "- \($0)" } + [""]
    }
    lines.append("Shares are of area unless marked *workers*. \(BusyHourSummary.classSentence(settings))")
    let services =
      settings.serviceClassesBestFirst.map { BusyHourSummary.classLabel($0) } + ["none"]
    for (zoneIndex, zone) in scenario.zones.enumerated() {
      let parcels = result.parcels(inZone: zoneIndex)
      let areaHa = parcels.reduce(0.0) { $0 + Double(result.parcelCells[$1]) } * result.cellAreaM2 / 1e4
      let workers = parcels.reduce(0.0) { $0 + result.parcels[$1].workers }
      lines += [
        "", "## \(zone.name) (`\(zone.id)`)", "",
        "\(parcels.count) parcels, \(JSONWriter.fixed(areaHa, decimals: 1)) ha, \(JSONWriter.number(workers)) workers.",
        "",
      ]
      lines.append(
        row(
          ["Carrier", "Target met", "Target met (*workers*)", "Parcels below target"]
            + services.map { "Indoor \($0) (*workers*)" }))
      lines.append(row(Array(repeating: "---", count: 4 + services.count)))
      for carrier in result.carriers {
        let covered = result.coveredShare(carrier, zone: zoneIndex)
        let missing = parcels.filter { result.missesTarget(carrier, parcel: $0) }.count
        let service = result.shares(carrier.serviceIndoor, zone: zoneIndex).workers
        lines.append(
          row(
            [carrier.carrierID, percent(covered.area), percent(covered.workers), "\(missing)"] + service.map(percent)))
      }
      let bands = layerTable(result, zone: zoneIndex)
      lines += ["", row(bands.header), row(Array(repeating: "---", count: bands.header.count))]
      lines += bands.rows.map(row)
    }
    lines += BusyHourSummary.lines(result, scenario: scenario)
    lines += IndoorSystemsSummary.lines(
      result, scenario: scenario, designs: indoorDesigns ?? BuildingIndoorDesign.all(scenario))
    return lines.joined(separator: "\n") + "\n"
  }

  /// Per layer, outdoors and indoors: the zone's area shares per RSRP bin, SINR bin, and
  /// where the uplink limits the service class.
  static func layerTable(_ result: CoverageResult, zone: Int) -> (header: [String], rows: [[String]]) {
    let settings = result.settings
    let header =
      ["Carrier", "Layer", "Where"] + BinLabels.legend(settings.rsrpBinsDBm, unit: "dBm")
      + BinLabels.legend(settings.sinrBinsDB, unit: "dB").map { "SINR \($0)" } + ["Uplink-limited"]
    var rows: [[String]] = []
    for layer in result.layers {
      for (place, rsrp, sinr, limited) in [
        ("outdoor", layer.rsrpOutdoor, layer.sinrOutdoor, layer.uplinkLimitedOutdoor),
        ("indoor", layer.rsrpIndoor, layer.sinrIndoor, layer.uplinkLimitedIndoor),
      ] {
        let values =
          result.shares(rsrp, zone: zone).area + result.shares(sinr, zone: zone).area
          + [result.shares(limited, zone: zone).area[0]]
        rows.append([layer.carrierID, layer.layer.id, place] + values.map(percent))
      }
    }
    return (header, rows)
  }

  /// "Grid: 1214 × 742 cells of 10 m", or for several zone groups each grid's size.
  static func gridText(_ result: CoverageResult) -> String {
    let sizes = result.grids.map { "\($0.columns) × \($0.rows)" }
    let size = JSONWriter.number(result.resolutionM)
    guard sizes.count > 1 else { return "Grid: \(sizes[0]) cells of \(size) m" }
    return
      "Grids: one per group of nearby zones, \(sizes.joined(separator: ", ")) cells (\(result.cellCount) in all) of \(size) m"
  }

  static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

  static func percent(_ share: Double) -> String { JSONWriter.fixed(share * 100, decimals: 1) + " %" }
}
