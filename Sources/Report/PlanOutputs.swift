import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// The files of one plan (`cosite recommend`, and each option of `cosite compare`).
public enum PlanOutputs {
  /// `cosite recommend`'s files: the list (CSV, JSON, Markdown), the stations and the newly
  /// covered areas.
  public static func recommendation(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult
  ) throws -> OutputSet {
    var outputs = OutputSet()
    let rows = try add(result, scenario: scenario, coverage: coverage, to: &outputs, prefix: "")
    let outcomes = (
      today: OptionOutcome.today(scenario, coverage: coverage, carriers: result.carriers),
      plan: OptionOutcome(result, scenario: scenario, coverage: coverage)
    )
    outputs.add(
      "recommendations.md",
      text: RecommendationMarkdown.text(rows, result: result, scenario: scenario, outcomes: outcomes))
    return outputs
  }

  /// `cosite compare`'s files: `comparison.*` and each option's list and maps (prefixed
  /// with the option's name). `entries` start with today's network.
  public static func comparison(
    _ entries: [ComparisonReport.Entry], scenario: ScenarioModel, coverage: CoverageResult, goal: Recommender.Goal
  ) throws -> OutputSet {
    var outputs = OutputSet()
    for entry in entries {
      guard let result = entry.result else { continue }
      try add(result, scenario: scenario, coverage: coverage, to: &outputs, prefix: "\(result.option.name)-")
    }
    let basis: String
    switch goal {
    case .budget(let budget?): basis = "a budget of \(JSONWriter.fixed(budget / 1e9, decimals: 2)) bn VND"
    case .budget(nil): basis = "no budget (every station that adds coverage)"
    case .target(let share):
      basis = "\(JSONWriter.fixed(share * 100, decimals: 1)) % of each carrier's demand meeting the target"
    }
    outputs.add("comparison.csv", text: ComparisonReport.csv(entries, scenario: scenario))
    outputs.add("comparison.json", text: ComparisonReport.json(entries, scenario: scenario, basis: basis))
    outputs.add("comparison.md", text: ComparisonReport.markdown(entries, scenario: scenario, basis: basis))
    return outputs
  }

  /// The list (CSV, JSON), the stations and the newly covered areas, each name prefixed
  /// (`compare` writes one set per option); returns the list's rows.
  @discardableResult
  static func add(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult, to outputs: inout OutputSet,
    prefix: String
  ) throws -> [RecommendationReport.Row] {
    let transform = try CoordinateTransform(from: scenario.crs, to: .wgs84)
    let rows = try RecommendationReport.rows(result, scenario: scenario, coverage: coverage, toLonLat: transform)
    outputs.add(
      prefix + "recommendations.csv", text: RecommendationReport.csv(rows, result: result, scenario: scenario))
    outputs.add(
      prefix + "recommendations.json", text: RecommendationReport.json(rows, result: result, scenario: scenario))
    let stations = rows.map { row in
      let offer = row.pick.offer
      let isNew = result.pool.sites[offer.siteIndex].isNew
      return OutputFeature(
        geometry: .point(row.lonLat),
        properties: [
          ("rank", .number(Double(row.rank))), ("option", .string(result.option.name)),
          ("carrier", .string(OfferText.carriers(offer, scenario: scenario))),
          ("candidate", .string(OfferText.id(offer, pool: result.pool, scenario: scenario))),
          ("kind", .string(OfferText.kind(offer, pool: result.pool))),
          ("newly_covered_ha", number(row.newHa, decimals: 2)),
          ("lifetime_vnd", number(offer.cost.lifetimeVND, decimals: 0)),
          ("marker-color", .string(isNew ? "#d73027" : "#1a9850")),
        ])
    }
    outputs.add(prefix + "recommended-stations.geojson", text: GeoJSON.featureCollection(stations))
    let converter = LonLatConverter(transform: transform)
    for (position, carrier) in result.carriers.enumerated() {
      var features: [OutputFeature] = []
      for (mapIndex, map) in coverage.cellMaps.enumerated() {
        var classes = [Int32](repeating: -1, count: map.grid.cellCount)
        for pick in result.picks {
          for cell in pick.newCells[position][mapIndex] { classes[Int(cell)] = 0 }
        }
        for shape in Polygoniser.polygons(classes: classes, grid: map.grid) {
          features.append(
            OutputFeature(
              geometry: .multiPolygon(try converter.convert(shape.shape)),
              properties: [
                ("carrier", .string(scenario.carriers[carrier].id)), ("area_ha", hectares(shape.shape.area)),
                ("fill", .string("#1a9850")), ("fill-opacity", .number(0.5)),
              ]))
        }
      }
      outputs.add(
        prefix + "newly-covered-\(scenario.carriers[carrier].id).geojson", text: GeoJSON.featureCollection(features))
    }
    return rows
  }
}
