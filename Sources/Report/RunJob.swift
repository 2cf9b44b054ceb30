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
/// `parcel-coverage.csv`, `parcel-coverage.json` and `summary.md`; with the drop mode on,
/// per carrier layer `distributions-<carrier>-<layer>.csv`.
public enum RunJob {
  /// Builds every output in memory; nothing is written.
  public static func outputs(
    for scenario: ScenarioModel, coverage: CoverageResult, distributions: [LayerDistributions] = []
  ) throws -> OutputSet {
    var outputs = OutputSet()
    outputs.add("zones.geojson", text: try InputLayers.zones(scenario))
    outputs.add("parcels.geojson", text: InputLayers.parcels(scenario))
    outputs.add("structures.geojson", text: InputLayers.structures(scenario))
    outputs.add("sites.geojson", text: InputLayers.sites(scenario))
    outputs.add(
      "summary.json",
      text: SummaryJSON.text(ScenarioSummary(scenario), coverage: coverage, distributions: distributions))
    for layer in distributions {
      outputs.add("distributions-\(layer.carrierID)-\(layer.layerID).csv", text: DistributionsTable.csv(layer))
    }
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
  ///   - modelWarning: receives each model used outside its validity range (`summary.md`
  ///     and `summary.json` keep them too).
  ///   - note: receives the sentence stating the reliability the figures were judged at.
  ///   - progress: called with the stage and the share done, for a terminal display.
  /// - Returns: the names of the files written.
  @discardableResult
  public static func run(
    scenarioPath: String, outputDirectory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    maxCells: Int? = nil, warn: (ScenarioIssue) -> Void = { _ in }, modelWarning: (String) -> Void = { _ in },
    note: (String) -> Void = { _ in }, progress: ((String, Double) -> Void)? = nil
  ) throws -> [String] {
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, maxCells: maxCells, warn: warn)
    let coverage = try CoverageRun.run(scenario, threads: threads, progress: progress)
    coverage.validityWarnings.forEach(modelWarning)
    note(CoverageBasis.reliabilitySentence(coverage.settings))
    progress?("distributions: dropping users", 1)
    let distributions = MonteCarloDrops.run(scenario, threads: threads)
    let outputs = try outputs(for: scenario, coverage: coverage, distributions: distributions)
    try outputs.write(to: outputDirectory)
    return outputs.names
  }
}
