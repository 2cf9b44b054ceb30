import Coverage
import Foundation
import Geo
import Planning
import Report
import Scenario

/// `cosite recommend`: today's coverage, candidates, their fields, the optimiser, the files.
///
/// Outputs: `recommendations.csv`, `.json` (with the coverage-vs-cost curve and the bound),
/// `.md`, `recommended-stations.geojson`, `newly-covered-<carrier>.geojson` and `report.html`.
public enum RecommendJob {
  @discardableResult
  public static func run(
    scenarioPath: String, outputDirectory: URL, request: PlanRequest, optionName: String = "passive",
    warn: (ScenarioIssue) -> Void = { _ in }
  ) throws -> (names: [String], result: Recommender.Result) {
    let leaflet = try LeafletLoader.load()
    let input = try PlanInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, request: request, warn: warn)
    let scenario = input.scenario
    let carriers = try request.carriers(in: scenario)
    let option = try PlanRequest.option(named: optionName, in: scenario)
    try PlanRequest.check([option], carriers: carriers)
    let (coverage, known) = try input.coverage(threads: request.threads, carriers: carriers)
    let result = Recommender.recommend(
      scenario, coverage: coverage, options: request.options(carriers: carriers, scenario: scenario), option: option,
      known: known)
    let outputs = try PlanOutputs.recommendation(
      result, scenario: scenario, coverage: coverage, leaflet: leaflet, threads: request.threads)
    try outputs.write(to: outputDirectory)
    return (outputs.names, result)
  }
}
