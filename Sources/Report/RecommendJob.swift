import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// `cosite recommend`: today's coverage, candidates, their fields, the optimiser, the files.
///
/// Outputs: `recommendations.csv`, `.json` (with the coverage-vs-cost curve and the bound),
/// `.md`, `recommended-stations.geojson` and `newly-covered-<carrier>.geojson`.
public enum RecommendJob {
  @discardableResult
  public static func run(
    scenarioPath: String, outputDirectory: URL, request: PlanRequest, optionName: String = "passive",
    warn: (ScenarioIssue) -> Void = { _ in }
  ) throws -> (names: [String], result: Recommender.Result) {
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, maxCells: request.maxCells, warn: warn)
    let carriers = try request.carriers(in: scenario)
    let option = try PlanRequest.option(named: optionName, in: scenario)
    try PlanRequest.check([option], carriers: carriers)
    let coverage = try CoverageRun.run(scenario, threads: request.threads)
    let result = Recommender.recommend(
      scenario, coverage: coverage, options: request.options(carriers: carriers, scenario: scenario), option: option)
    var outputs = OutputSet()
    let rows = try add(result, scenario: scenario, coverage: coverage, to: &outputs, prefix: "")
    let outcomes = (
      today: OptionOutcome.today(scenario, coverage: coverage, carriers: result.carriers),
      plan: OptionOutcome(result, scenario: scenario, coverage: coverage)
    )
    outputs.add(
      "recommendations.md",
      text: RecommendationMarkdown.text(rows, result: result, scenario: scenario, outcomes: outcomes))
    try outputs.write(to: outputDirectory)
    return (outputs.names, result)
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
