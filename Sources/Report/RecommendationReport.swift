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
      for (mapIndex, list) in pick.newCells.enumerated() {
        let map = coverage.cellMaps[mapIndex]
        for cell in list {
          let parcel = Int(map.parcelIndex[Int(cell)])
          touched.insert(parcel)
          workers += parcels[parcel].workers / Double(max(1, coverage.parcelCells[parcel]))
          cells += 1
        }
      }
      weight += pick.gain
      money += pick.candidate.lifetimeVND
      let structure = pick.candidate.structure
      let lonLat =
        pick.candidate.kind == .newBuild ? try toLonLat.forward(structure.position) : structure.positionLonLat
      return Row(
        rank: rank + 1, pick: pick, lonLat: lonLat, newHa: Double(cells) * coverage.cellAreaM2 / 10_000,
        parcels: touched.count, workers: workers, cumulativeWeight: weight, cumulativeLifetimeVND: money)
    }
  }

  static let header = [
    "rank", "carrier", "candidate", "structure", "kind", "lon", "lat", "newly_covered_ha", "parcels", "workers",
    "one_off_vnd", "yearly_vnd", "lifetime_vnd", "gain", "gain_per_billion_vnd", "cumulative_gain",
    "cumulative_share", "cumulative_lifetime_vnd",
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
    let candidate = row.pick.candidate
    func value(_ number: Double, _ decimals: Int) -> (String, JSONValue) {
      (JSONWriter.fixed(number, decimals: decimals), Report.number(number, decimals: decimals))
    }
    func text(_ value: String) -> (String, JSONValue) { (CSVField.quoted(value), .string(value)) }
    return [
      (String(row.rank), .number(Double(row.rank))), text(scenario.carriers[candidate.carrierIndex].id),
      text(candidate.id), text(candidate.kind == .newBuild ? "" : candidate.structure.id),
      text(candidate.kind.rawValue),
      value(row.lonLat.x, 7), value(row.lonLat.y, 7), value(row.newHa, 2),
      (String(row.parcels), .number(Double(row.parcels))),
      value(row.workers, 1), value(candidate.oneOffVND, 0), value(candidate.yearlyVND, 0),
      value(candidate.lifetimeVND, 0), value(row.pick.gain, 3), value(row.pick.gain / candidate.lifetimeVND * 1e9, 4),
      value(row.cumulativeWeight, 3),
      value(result.uncoveredWeight > 0 ? row.cumulativeWeight / result.uncoveredWeight : 0, 4),
      value(row.cumulativeLifetimeVND, 0),
    ]
  }

  static func json(_ rows: [Row], result: Recommender.Result, scenario: ScenarioModel) -> String {
    let solution = result.solution
    let value: JSONValue = .object([
      ("scenario", .string(scenario.name)),
      ("weight", .string(result.weightByArea ? "area_ha" : "demand")),
      ("candidates", .number(Double(result.candidateCount))),
      ("uncovered_weight", number(result.uncoveredWeight, decimals: 3)),
      ("covered_weight", number(solution.value, decimals: 3)),
      ("lifetime_vnd", number(solution.cost, decimals: 0)),
      ("upper_bound", number(solution.upperBound, decimals: 3)),
      ("bound_method", .string(solution.boundMethod)),
      ("within_percent_of_optimal", number(solution.gap * 100, decimals: 2)),
      ("enumeration_depth", .number(Double(solution.depth))),
      ("a_priori_guarantee", number(solution.apriorGuarantee, decimals: 4)),
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
