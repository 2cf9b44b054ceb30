import Coverage
import Foundation
import Geo
import Scenario

/// `cosite run`: loads a scenario, computes its coverage and writes every output.
///
/// Outputs: the validated inputs (`zones.geojson`, `parcels.geojson`, `structures.geojson`,
/// `sites.geojson`),
/// `summary.json`; per carrier layer `coverage-<carrier>-<layer>.geojson` and
/// `best-server-<carrier>-<layer>.geojson`; per carrier `gaps-<carrier>.geojson`;
/// `parcel-coverage.csv`, `parcel-coverage.json` and `summary.md`.
public enum RunJob {
  /// Builds every output in memory; nothing is written.
  public static func outputs(for scenario: ScenarioModel, coverage: CoverageResult) throws -> OutputSet {
    var outputs = OutputSet()
    outputs.add("zones.geojson", text: try InputLayers.zones(scenario))
    outputs.add("parcels.geojson", text: InputLayers.parcels(scenario))
    outputs.add("structures.geojson", text: InputLayers.structures(scenario))
    outputs.add("sites.geojson", text: InputLayers.sites(scenario))
    outputs.add("summary.json", text: SummaryJSON.text(ScenarioSummary(scenario)))
    let converter = LonLatConverter(transform: try CoordinateTransform(from: scenario.crs, to: .wgs84))
    for layer in coverage.layers {
      let name = "\(layer.carrierID)-\(layer.layer.id)"
      outputs.add(
        "coverage-\(name).geojson", text: try CoverageMaps.coverage(layer, result: coverage, toLonLat: converter))
      outputs.add(
        "best-server-\(name).geojson",
        text: try CoverageMaps.bestServer(layer, scenario: scenario, result: coverage, toLonLat: converter))
    }
    for carrier in coverage.carriers {
      outputs.add(
        "gaps-\(carrier.carrierID).geojson",
        text: try CoverageMaps.gaps(carrier, scenario: scenario, result: coverage, toLonLat: converter))
    }
    outputs.add("parcel-coverage.csv", text: ParcelCoverageTable.csv(coverage, scenario: scenario))
    outputs.add("parcel-coverage.json", text: ParcelCoverageTable.json(coverage, scenario: scenario))
    outputs.add("summary.md", text: CoverageSummary.markdown(coverage, scenario: scenario))
    return outputs
  }

  /// Loads, validates, computes and writes atomically to `directory`.
  /// - Parameters:
  ///   - threads: worker threads of the field engine (outputs do not depend on it).
  ///   - maxCells: a cell budget overriding the scenario's (`--max-cells`).
  ///   - warn: receives the scenario's warnings.
  ///   - progress: called with the stage and the share done, for a terminal display.
  /// - Returns: the names of the files written.
  @discardableResult
  public static func run(
    scenarioPath: String, outputDirectory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    maxCells: Int? = nil, warn: (ScenarioIssue) -> Void = { _ in }, progress: ((String, Double) -> Void)? = nil
  ) throws -> [String] {
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, maxCells: maxCells, warn: warn)
    let coverage = try CoverageRun.run(scenario, threads: threads, progress: progress)
    let outputs = try outputs(for: scenario, coverage: coverage)
    try outputs.write(to: outputDirectory)
    return outputs.names
  }
}
