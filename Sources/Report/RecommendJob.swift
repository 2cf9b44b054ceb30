import Coverage
import Foundation
import Geo
import Planning
import Scenario

/// A carrier named on the command line that the scenario does not have.
public struct UnknownCarrierError: Error, CustomStringConvertible {
  public let id: String
  public let known: [String]
  public var description: String { "unknown carrier '\(id)' (the scenario has: \(known.joined(separator: ", ")))" }
}

/// `cosite recommend`: today's coverage, candidates, their fields, the optimiser, the files.
///
/// Outputs: `recommendations.csv`, `.json` (with the coverage-vs-cost curve and the bound),
/// `.md`, `recommended-stations.geojson` and `newly-covered-<carrier>.geojson`.
public enum RecommendJob {
  /// - Parameter carrierIDs: the carriers to plan for, jointly; empty = all of them.
  @discardableResult
  public static func run(
    scenarioPath: String, outputDirectory: URL, carrierIDs: [String], budgetVND: Double?, maxStations: Int?,
    depth: Int, weightByArea: Bool, newBuildSpacingM: Double,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount
  ) throws -> (names: [String], result: Recommender.Result) {
    let scenario = try ScenarioLoader.load(path: scenarioPath)
    let known = scenario.carriers.map(\.id)
    let carriers = try (carrierIDs.isEmpty ? known : carrierIDs).map { id in
      guard let index = known.firstIndex(of: id) else { throw UnknownCarrierError(id: id, known: known) }
      return index
    }
    let coverage = try CoverageRun.run(scenario, threads: threads)
    var options = Recommender.Options(carriers: carriers, budgetVND: budgetVND, maxStations: maxStations)
    options.depth = depth
    options.weightByArea = weightByArea
    options.newBuildSpacingM = newBuildSpacingM
    options.threads = threads
    let result = Recommender.recommend(scenario, coverage: coverage, options: options)
    let outputs = try outputs(result, scenario: scenario, coverage: coverage, carriers: carriers)
    try outputs.write(to: outputDirectory)
    return (outputs.names, result)
  }

  static func outputs(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult, carriers: [Int]
  ) throws -> OutputSet {
    let transform = try CoordinateTransform(from: scenario.crs, to: .wgs84)
    let rows = try RecommendationReport.rows(result, scenario: scenario, coverage: coverage, toLonLat: transform)
    var outputs = OutputSet()
    outputs.add("recommendations.csv", text: RecommendationReport.csv(rows, result: result, scenario: scenario))
    outputs.add("recommendations.json", text: RecommendationReport.json(rows, result: result, scenario: scenario))
    outputs.add("recommendations.md", text: RecommendationMarkdown.text(rows, result: result, scenario: scenario))
    let stations = rows.map { row in
      OutputFeature(
        geometry: .point(row.lonLat),
        properties: [
          ("rank", .number(Double(row.rank))),
          ("carrier", .string(scenario.carriers[row.pick.candidate.carrierIndex].id)),
          ("candidate", .string(row.pick.candidate.id)), ("kind", .string(row.pick.candidate.kind.rawValue)),
          ("newly_covered_ha", number(row.newHa, decimals: 2)),
          ("lifetime_vnd", number(row.pick.candidate.lifetimeVND, decimals: 0)),
          ("marker-color", .string(row.pick.candidate.kind == .newBuild ? "#d73027" : "#1a9850")),
        ])
    }
    outputs.add("recommended-stations.geojson", text: GeoJSON.featureCollection(stations))
    let converter = LonLatConverter(transform: transform)
    for carrier in carriers {
      var features: [OutputFeature] = []
      for (mapIndex, map) in coverage.cellMaps.enumerated() {
        var classes = [Int32](repeating: -1, count: map.grid.cellCount)
        for pick in result.picks where pick.candidate.carrierIndex == carrier {
          for cell in pick.newCells[mapIndex] { classes[Int(cell)] = 0 }
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
        "newly-covered-\(scenario.carriers[carrier].id).geojson", text: GeoJSON.featureCollection(features))
    }
    return outputs
  }
}
