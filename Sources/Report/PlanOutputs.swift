import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// The files of one plan (`cosite recommend`, and each option of `cosite compare`).
public enum PlanOutputs {
  /// `cosite recommend`'s files: the list (CSV, JSON, Markdown), the stations and the newly
  /// covered areas, and `cosite.gpkg`/`cosite.kmz` with today's maps and the plan's; with `leaflet`,
  /// `report.html` (`ReportPage`). The maps are built and written on up to `threads` threads;
  /// the files do not depend on it.
  public static func recommendation(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult, leaflet: LeafletAssets? = nil,
    threads: Int = 1
  ) throws -> OutputSet {
    var outputs = OutputSet()
    var maps = try MapCatalog.runLayers(scenario, coverage: coverage, threads: threads)
    let rows = try add(result, scenario: scenario, coverage: coverage, to: &outputs, maps: &maps, prefix: "")
    let outcomes = (
      today: OptionOutcome.today(scenario, coverage: coverage, carriers: result.carriers),
      plan: OptionOutcome(result, scenario: scenario, coverage: coverage)
    )
    outputs.add(
      "recommendations.md",
      text: RecommendationMarkdown.text(rows, result: result, scenario: scenario, outcomes: outcomes))
    try MapFiles.add(maps, scenario: scenario, to: &outputs, threads: threads)
    if let leaflet {
      outputs.add(
        ReportPage.fileName,
        bytes: try ReportPage.recommendation(
          (result, rows), outcomes: outcomes, scenario: scenario, coverage: coverage, files: outputs, maps: maps,
          headline: RunHeadline.lines(scenario, coverage: coverage), leaflet: leaflet))
    }
    return outputs
  }

  /// `cosite compare`'s files: `comparison.*` and each option's list and maps (prefixed
  /// with the option's name); with `leaflet`, `report.html`. `entries` start with today's
  /// network.
  public static func comparison(
    _ entries: [ComparisonReport.Entry], scenario: ScenarioModel, coverage: CoverageResult, goal: Recommender.Goal,
    leaflet: LeafletAssets? = nil, threads: Int = 1
  ) throws -> OutputSet {
    var outputs = OutputSet()
    var plans: [PlanTables.Plan] = []
    var maps = try MapCatalog.runLayers(scenario, coverage: coverage, threads: threads)
    for entry in entries {
      guard let result = entry.result else { continue }
      let rows = try add(
        result, scenario: scenario, coverage: coverage, to: &outputs, maps: &maps, prefix: "\(result.option.name)-")
      plans.append((result, rows))
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
    try MapFiles.add(maps, scenario: scenario, to: &outputs, threads: threads)
    if let leaflet {
      outputs.add(
        ReportPage.fileName,
        bytes: try ReportPage.comparison(
          entries, plans: plans, scenario: scenario, coverage: coverage, files: outputs, maps: maps, basis: basis,
          headline: RunHeadline.lines(scenario, coverage: coverage), leaflet: leaflet))
    }
    return outputs
  }

  /// The list (CSV, JSON), the stations and the newly covered areas, each name prefixed
  /// (`compare` writes one set per option), and the plan's maps appended to `maps` (for
  /// `cosite.gpkg` and `cosite.kmz`); returns the list's rows.
  @discardableResult
  static func add(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult, to outputs: inout OutputSet,
    maps: inout [MapLayer], prefix: String
  ) throws -> [RecommendationReport.Row] {
    let transform = try CoordinateTransform(from: scenario.crs, to: .wgs84)
    let rows = try RecommendationReport.rows(result, scenario: scenario, coverage: coverage, toLonLat: transform)
    outputs.add(
      prefix + "recommendations.csv", text: RecommendationReport.csv(rows, result: result, scenario: scenario))
    outputs.add(
      prefix + "recommendations.json", text: RecommendationReport.json(rows, result: result, scenario: scenario))
    let stations = stationFeatures(rows, result: result, scenario: scenario)
    outputs.add(prefix + "recommended-stations.geojson", text: GeoJSON.featureCollection(stations))
    let indoor = indoorSystemFeatures(rows, result: result, scenario: scenario)
    if !indoor.isEmpty {
      outputs.add(prefix + "recommended-indoor-systems.geojson", text: GeoJSON.featureCollection(indoor))
    }
    let indoorMaps = try IndoorCoverageMaps.features(rows, result: result, scenario: scenario, transform: transform)
    if !indoorMaps.nodes.isEmpty {
      outputs.add(prefix + "indoor-coverage.geojson", text: GeoJSON.featureCollection(indoorMaps.bands))
      outputs.add(prefix + "indoor-node-positions.geojson", text: GeoJSON.featureCollection(indoorMaps.nodes))
    }
    let newlyCovered = try newlyCoveredFeatures(
      result, scenario: scenario, coverage: coverage, toLonLat: LonLatConverter(transform: transform))
    for (carrierID, features) in newlyCovered {
      outputs.add(prefix + "newly-covered-\(carrierID).geojson", text: GeoJSON.featureCollection(features))
    }
    maps += MapCatalog.planLayers(
      option: result.option.name, prefix: prefix, stations: stations, indoorSystems: indoor,
      indoorMaps: indoorMaps, newlyCovered: newlyCovered)
    return rows
  }
}
