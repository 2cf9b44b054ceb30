import Coverage
import Geo
import Scenario

/// The coverage section of the report: the basis of the figures and, per zone, the tables of
/// `summary.md` (target met per carrier; RSRP and SINR shares per layer), from the same
/// `CoverageResult` figures.
enum CoverageTables {
  static func html(_ result: CoverageResult, scenario: ScenarioModel) -> String {
    let settings = result.settings
    var lines = [
      "<section id=\"coverage\">", "<h2>Coverage today</h2>",
      paragraph(BoardHeadline.definition(scenario)),
      paragraph(CoverageBasis.reliabilitySentence(settings)),
      paragraph(
        "\(CoverageSummary.gridText(result)) in \(scenario.crs) (\(scenario.crsName)). Shares are of area unless marked workers. \(BusyHourSummary.classSentence(settings))"
      ),
    ]
    if !result.validityWarnings.isEmpty {
      lines.append("<p>Models used outside their validity range:</p>")
      lines.append("<ul>" + result.validityWarnings.map { "<li>\(HTMLText.escaped($0))</li>" }.joined() + "</ul>")
    }
    let services = settings.serviceClassesBestFirst.map { BusyHourSummary.classLabel($0) } + ["none"]
    let percent = CoverageSummary.percent
    for (zoneIndex, zone) in scenario.zones.enumerated() {
      let parcels = result.parcels(inZone: zoneIndex)
      let areaHa = parcels.reduce(0.0) { $0 + Double(result.parcelCells[$1]) } * result.cellAreaM2 / 1e4
      let workers = parcels.reduce(0.0) { $0 + result.parcels[$1].workers }
      lines.append("<h3>\(HTMLText.escaped(zone.name)) <code>\(HTMLText.escaped(zone.id))</code></h3>")
      lines.append(
        paragraph(
          "\(parcels.count) parcels, \(JSONWriter.fixed(areaHa, decimals: 1)) ha, \(JSONWriter.number(workers)) workers."
        ))
      var targets = HTMLTable(
        header: ["Carrier", "Target met", "Target met (workers)", "Parcels below target"]
          + services.map { "Indoor \($0) (workers)" })
      for carrier in result.carriers {
        let covered = result.coveredShare(carrier, zone: zoneIndex)
        let missing = parcels.filter { result.missesTarget(carrier, parcel: $0) }.count
        let service = result.shares(carrier.serviceIndoor, zone: zoneIndex).workers
        targets.rows.append(
          [carrier.carrierID, percent(covered.area), percent(covered.workers), "\(missing)"] + service.map(percent))
      }
      lines.append(targets.html)
      let layerTable = CoverageSummary.layerTable(result, zone: zoneIndex)
      var bands = HTMLTable(header: layerTable.header, numericFrom: 3)
      bands.rows = layerTable.rows
      lines.append("<details><summary>RSRP, SINR and the uplink by layer</summary>")
      lines.append(bands.html)
      lines.append("</details>")
    }
    let busyHour = BusyHourSummary.table(result)
    var loads = HTMLTable(header: busyHour.header, numericFrom: 2)
    loads.rows = busyHour.rows
    lines.append("<h3>Busy hour</h3>")
    lines.append(paragraph(BusyHourSummary.introduction(result, scenario: scenario)))
    lines.append(loads.html)
    let directions = BusyHourSummary.directionTable(result)
    var byDirection = HTMLTable(header: directions.header, numericFrom: 1)
    byDirection.rows = directions.rows
    lines.append(paragraph("Workers indoors by service class: both directions, the downlink alone, the uplink alone."))
    lines.append(byDirection.html)
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }

  static func paragraph(_ text: String) -> String { "<p>\(HTMLText.escaped(text))</p>" }
}
