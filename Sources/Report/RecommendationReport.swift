import Coverage
import Geo
import Planning
import Scenario

/// The files of `cosite recommend`: the ranked list (CSV, JSON with the coverage-vs-cost
/// curve and the optimality bound, Markdown), the stations as points and the newly covered
/// area per carrier.
enum RecommendationReport {
  struct Row {
    let rank: Int
    let pick: Recommender.Pick
    let lonLat: Coordinate
    /// Area, parcels and workers newly meeting the target for at least one of its carriers.
    let newHa: Double
    let parcels: Int
    let workers: Double
    let cumulativeWeight: Double
    let cumulativeLifetimeVND: Double
  }

  static func rows(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult, toLonLat: CoordinateTransform
  ) throws -> [Row] {
    let parcels = scenario.parcels
    var weight = 0.0
    var money = 0.0
    return try result.picks.enumerated().map { rank, pick in
      var touched = Set<Int>()
      var workers = 0.0
      var cells = 0
      for mapIndex in coverage.cellMaps.indices {
        let map = coverage.cellMaps[mapIndex]
        for cell in Set(pick.newCells.flatMap { $0[mapIndex] }).sorted() {
          let parcel = Int(map.parcelIndex[Int(cell)])
          touched.insert(parcel)
          workers += parcels[parcel].workers / Double(max(1, coverage.parcelCells[parcel]))
          cells += 1
        }
      }
      weight += pick.gain
      money += pick.offer.cost.lifetimeVND
      return Row(
        rank: rank + 1, pick: pick, lonLat: try OfferText.lonLat(pick.offer, pool: result.pool, toLonLat: toLonLat),
        newHa: Double(cells) * coverage.cellAreaM2 / 10_000, parcels: touched.count, workers: workers,
        cumulativeWeight: weight, cumulativeLifetimeVND: money)
    }
  }

  static let header = [
    "rank", "option", "carrier", "candidate", "structure", "kind", "structure_kind", "lon", "lat",
    "newly_covered_ha", "parcels", "workers", "one_off_vnd", "yearly_vnd", "lifetime_vnd", "gain",
    "gain_per_billion_vnd", "cumulative_gain", "cumulative_share", "cumulative_lifetime_vnd", "indoor_nodes",
  ]

  static func csv(_ rows: [Row], result: Recommender.Result, scenario: ScenarioModel) -> String {
    var lines = [header.joined(separator: ",")]
    for row in rows {
      lines.append(fields(row, result: result, scenario: scenario).map(\.text).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One row's values, as CSV text and as JSON.
  static func fields(
    _ row: Row, result: Recommender.Result, scenario: ScenarioModel
  ) -> [(text: String, json: JSONValue)] {
    let offer = row.pick.offer
    let site = result.pool.sites[offer.siteIndex]
    func value(_ number: Double, _ decimals: Int) -> (String, JSONValue) {
      (JSONWriter.fixed(number, decimals: decimals), Report.number(number, decimals: decimals))
    }
    func text(_ value: String) -> (String, JSONValue) { (CSVField.quoted(value), .string(value)) }
    let cost = offer.cost
    return [
      (String(row.rank), .number(Double(row.rank))), text(result.option.name),
      text(OfferText.carriers(offer, scenario: scenario)),
      text(OfferText.id(offer, pool: result.pool, scenario: scenario)),
      text(
        site.origin == .generated ? "" : site.building.map { scenario.parcels[$0.parcelIndex].id } ?? site.structure.id),
      text(OfferText.kind(offer, pool: result.pool)), text(site.isIndoor ? "building" : site.structure.kind.rawValue),
      value(row.lonLat.x, 7), value(row.lonLat.y, 7), value(row.newHa, 2),
      (String(row.parcels), .number(Double(row.parcels))), value(row.workers, 1), value(cost.oneOffVND, 0),
      value(cost.yearlyVND, 0), value(cost.lifetimeVND, 0), value(row.pick.gain, 3),
      value(row.pick.gain / cost.lifetimeVND * 1e9, 4), value(row.cumulativeWeight, 3),
      value(result.uncoveredWeight > 0 ? row.cumulativeWeight / result.uncoveredWeight : 0, 4),
      value(row.cumulativeLifetimeVND, 0), (String(offer.nodes), .number(Double(offer.nodes))),
    ]
  }

  static func json(_ rows: [Row], result: Recommender.Result, scenario: ScenarioModel) -> String {
    var goal: [(String, JSONValue)]
    switch result.goal {
    case .budget(let budget):
      goal = [("goal", .string("budget")), ("budget_vnd", budget.map { number($0, decimals: 0) } ?? .null)]
      goal += [
        ("upper_bound", number(result.bound, decimals: 3)),
        ("within_percent_of_optimal", number(result.gap * 100, decimals: 2)),
        ("enumeration_depth", .number(Double(result.depth))),
        // Khuller–Moss–Naor's guarantee holds only for a budget alone: null otherwise.
        ("a_priori_guarantee", result.apriorGuarantee.map { number($0, decimals: 4) } ?? .null),
      ]
    case .target(let share):
      goal = [
        ("goal", .string("target")), ("target_share", number(share, decimals: 4)),
        ("target_met", .bool(result.targetMet)), ("cost_lower_bound_vnd", number(result.bound, decimals: 0)),
        ("within_percent_of_least_cost", number(result.gap * 100, decimals: 2)),
      ]
    }
    let value: JSONValue = .object(
      [
        ("scenario", .string(scenario.name)), ("option", .string(result.option.name)),
        ("weight", .string(result.weightByArea ? "area_ha" : "demand")),
        ("candidates", .number(Double(result.offerCount))),
        ("uncovered_weight", number(result.uncoveredWeight, decimals: 3)),
        ("covered_weight", number(result.value, decimals: 3)),
        ("lifetime_vnd", number(result.cost, decimals: 0)), ("bound_method", .string(result.boundMethod)),
        ("status", .string(result.status)),
        // "node_limit" is reproducible; "time_limit" depends on the machine (README).
        ("solver_stopped_by", result.stoppedBy.map { .string($0.rawValue) } ?? .null),
        ("lp_relaxation_bound", result.relaxationBound.map { number($0, decimals: 3) } ?? .null),
        ("mocn_pooled_site_carriers", .number(Double(result.pooling.pairs))),
        ("mocn_pooling_vnd", number(result.pooling.vnd, decimals: 0)),
      ] + goal + [
        (
          "carriers",
          .array(
            result.carriers.indices.map { position in
              let total = result.totalWeight[position]
              return .object([
                ("id", .string(scenario.carriers[result.carriers[position]].id)),
                ("weight", number(total, decimals: 3)),
                ("today_share", number(total > 0 ? result.coveredWeight[position] / total : 0, decimals: 4)),
                ("planned_share", number(total > 0 ? result.plannedWeight[position] / total : 0, decimals: 4)),
              ])
            })
        ),
        (
          "stations",
          .array(
            rows.map { row in
              .object(zip(header, fields(row, result: result, scenario: scenario)).map { ($0, $1.json) })
            })
        ),
        (
          "curve",
          .array(
            [.object([("lifetime_vnd", .number(0)), ("covered_weight", .number(0))])]
              + rows.map { row in
                .object([
                  ("lifetime_vnd", number(row.cumulativeLifetimeVND, decimals: 0)),
                  ("covered_weight", number(row.cumulativeWeight, decimals: 3)),
                ])
              })
        ),
      ])
    return JSONWriter.text(value, pretty: true) + "\n"
  }
}
