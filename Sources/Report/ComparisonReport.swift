import Geo
import Planning
import Scenario

/// `comparison.csv`/`.json`/`.md`: one row per sharing option (after "today") and per
/// carrier, with coverage, structures, tenancy, sharing rate, money and energy.
public enum ComparisonReport {
  /// One row group: today's network (no plan) or one option's plan.
  public struct Entry: Sendable {
    public let outcome: OptionOutcome
    /// nil for today's network.
    public let result: Recommender.Result?

    public init(outcome: OptionOutcome, result: Recommender.Result?) {
      self.outcome = outcome
      self.result = result
    }
  }

  static let header = [
    "option", "carrier", "target_area_ha", "target_parcels", "target_workers", "outdoor_area_ha", "outdoor_parcels",
    "outdoor_workers", "new_structures", "colocations", "structures", "tenancy_ratio", "sharing_rate", "capex_vnd",
    "opex_vnd_per_year", "npv_cost_vnd", "energy_kwh_per_year", "stations", "within_percent", "target_met",
    "any_carrier_workers", "target_buildings", "target_open_land_ha", "newly_covered_workers",
    "vnd_per_newly_covered_worker", "busy_hour_top_class_workers", "indoor_systems", "indoor_nodes",
    "indoor_buildings", "indoor_system_workers_every_carrier",
  ]

  /// Rows: per option, "all" (coverage met by every planned carrier) then each carrier.
  static func rows(_ entries: [Entry], scenario: ScenarioModel) -> [[(text: String, json: JSONValue)]] {
    func value(_ number: Double, _ decimals: Int) -> (String, JSONValue) {
      (JSONWriter.fixed(number, decimals: decimals), Report.number(number, decimals: decimals))
    }
    func count(_ number: Int) -> (String, JSONValue) { (String(number), .number(Double(number))) }
    func text(_ value: String) -> (String, JSONValue) { (CSVField.quoted(value), .string(value)) }
    let empty: (String, JSONValue) = ("", .null)
    var rows: [[(text: String, json: JSONValue)]] = []
    let todayWorkers = entries.first?.outcome.everyCarrier.workers ?? 0
    for entry in entries {
      let o = entry.outcome
      let newly = o.everyCarrier.workers - todayWorkers
      let perWorker = newly > 0 && o.lifetimeVND > 0 ? value(o.lifetimeVND / newly, 0) : empty
      let gap = entry.result.map { value($0.gap * 100, 2) } ?? empty
      let met =
        entry.result.map { result -> (String, JSONValue) in
          guard case .target = result.goal else { return empty }
          return (result.targetMet ? "yes" : "no", .bool(result.targetMet))
        } ?? empty
      rows.append(
        [
          text(o.name), text("all"), value(o.everyCarrier.areaHa, 2), count(o.everyCarrier.parcels),
          value(o.everyCarrier.workers, 0), value(o.everyCarrierOutdoor.areaHa, 2),
          count(o.everyCarrierOutdoor.parcels),
          value(o.everyCarrierOutdoor.workers, 0), count(o.newStructures), count(o.colocations), count(o.structures),
          value(o.tenancyRatio, 4), value(o.sharingRate, 4), value(o.capexVND, 0), value(o.opexVNDPerYear, 0),
          value(o.lifetimeVND, 0), value(o.energyKWhPerYear, 0), count(entry.result?.picks.count ?? 0), gap, met,
          value(o.anyCarrier.workers, 0), count(o.everyCarrier.buildings), value(o.everyCarrier.openLandHa, 2),
          value(newly, 0), perWorker, o.busyHour.map { value($0.everyCarrier, 0) } ?? empty,
          count(o.indoorSystems), count(o.indoorNodes), count(o.indoorBuildings),
          value(o.indoorWorkersEveryCarrier, 0),
        ])
      for (position, carrier) in o.carriers.enumerated() {
        rows.append(
          [
            text(o.name), text(scenario.carriers[carrier.carrierIndex].id), value(carrier.target.areaHa, 2),
            count(carrier.target.parcels), value(carrier.target.workers, 0), value(carrier.outdoor.areaHa, 2),
            count(carrier.outdoor.parcels), value(carrier.outdoor.workers, 0), count(carrier.newBuilds),
            count(carrier.colocations), empty, empty, empty, value(carrier.capexVND, 0),
            value(carrier.opexVNDPerYear, 0), value(carrier.lifetimeVND, 0), value(carrier.energyKWhPerYear, 0),
            empty, empty, empty, empty, count(carrier.target.buildings), value(carrier.target.openLandHa, 2), empty,
            empty, o.busyHour.map { value($0.perCarrier[position], 0) } ?? empty, empty, empty,
            count(carrier.indoorBuildings), empty,
          ])
      }
    }
    return rows
  }

  static func csv(_ entries: [Entry], scenario: ScenarioModel) -> String {
    let lines =
      [header.joined(separator: ",")]
      + rows(entries, scenario: scenario).map {
        $0.map(\.text).joined(separator: ",")
      }
    return lines.joined(separator: "\n") + "\n"
  }

  static func json(_ entries: [Entry], scenario: ScenarioModel, basis: String) -> String {
    let value: JSONValue = .object([
      ("scenario", .string(scenario.name)), ("basis", .string(basis)),
      ("sharing_rate_target", scenario.sharing.sharingRateTarget.map { number($0, decimals: 4) } ?? .null),
      (
        "rows",
        .array(rows(entries, scenario: scenario).map { row in .object(zip(header, row).map { ($0, $1.json) }) })
      ),
    ])
    return JSONWriter.text(value, pretty: true) + "\n"
  }

  static func markdown(_ entries: [Entry], scenario: ScenarioModel, basis: String) -> String {
    func fixed(_ value: Double, _ decimals: Int) -> String { JSONWriter.fixed(value, decimals: decimals) }
    func percent(_ value: Double) -> String { fixed(value * 100, 1) + " %" }
    let target = scenario.coverage.target
    var lines = [
      "# Sharing options compared — \(scenario.name)", "",
      "Each option is planned for \(basis). Coverage target: RSRP ≥ \(JSONWriter.number(target.rsrpDBm)) dBm"
        + (target.indoor ? " indoors" : "")
        + " on at least \(fixed(target.minimumShare * 100, 0)) % of a parcel; \"every carrier\" counts parcels that meet it for all of them. Money over \(scenario.costs.horizonYears) years at \(fixed(scenario.costs.discountRate * 100, 1)) %. The plans maximise (or reach a share of) demand meeting the target cell by cell; the tables count whole parcels as defined below.",
    ]
    if let goal = scenario.sharing.sharingRateTarget {
      lines.append("The province's passive sharing-rate target: \(percent(goal)).")
    }
    if let today = entries.first?.outcome {
      lines += ["", "## People and buildings", ""]
      lines += BoardHeadline.table(entries.map(\.outcome), today: today, scenario: scenario)
      if let busy = BusyHourComparison.table(entries.map(\.outcome), scenario: scenario) {
        lines += ["", "## Busy hour", "", BusyHourComparison.sentence(scenario), "", CoverageSummary.row(busy.header)]
        lines.append(CoverageSummary.row(Array(repeating: "---", count: busy.header.count)))
        lines += busy.rows.map(CoverageSummary.row)
      }
      lines += ["", "## Options side by side"]
    }
    lines += [
      "",
      "| Option | Parcels meeting target (every carrier) | Workers | New structures | Co-locations | Indoor systems (nodes) | Structures | Tenancy | Sharing rate | CAPEX bn VND | OPEX bn VND/yr | NPV of cost bn VND | Energy MWh/yr | Goal met |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for entry in entries {
      let o = entry.outcome
      var met = "—"
      if let result = entry.result {
        if case .target = result.goal { met = result.targetMet ? "yes" : "no" } else { met = "budget" }
      }
      lines.append(
        "| \(o.name) | \(o.everyCarrier.parcels) | \(fixed(o.everyCarrier.workers, 0)) | \(o.newStructures) | \(o.colocations) | \(o.indoorSystems) (\(o.indoorNodes)) | \(o.structures) | \(fixed(o.tenancyRatio, 2)) | \(percent(o.sharingRate)) | \(fixed(o.capexVND / 1e9, 2)) | \(fixed(o.opexVNDPerYear / 1e9, 2)) | \(fixed(o.lifetimeVND / 1e9, 2)) | \(fixed(o.energyKWhPerYear / 1e3, 0)) | \(met) |"
      )
    }
    lines += [
      "", "Per carrier (target indoors / outdoors; money split evenly among the carriers a shared station serves):", "",
      "| Option | Carrier | Parcels in / out | Workers in / out | New builds | Co-locations | Buildings with indoor systems | CAPEX bn VND | OPEX bn VND/yr | NPV of cost bn VND |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for entry in entries {
      for carrier in entry.outcome.carriers {
        lines.append(
          "| \(entry.outcome.name) | \(scenario.carriers[carrier.carrierIndex].id) | \(carrier.target.parcels) / \(carrier.outdoor.parcels) | \(fixed(carrier.target.workers, 0)) / \(fixed(carrier.outdoor.workers, 0)) | \(carrier.newBuilds) | \(carrier.colocations) | \(carrier.indoorBuildings) | \(fixed(carrier.capexVND / 1e9, 2)) | \(fixed(carrier.opexVNDPerYear / 1e9, 2)) | \(fixed(carrier.lifetimeVND / 1e9, 2)) |"
        )
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
