import Foundation
import Scenario

/// `cosite run`: loads a scenario and writes its outputs.
///
/// At this stage the outputs are the validated, reprojected inputs (`parcels.geojson`,
/// `structures.geojson`, `sites.geojson`) and `summary.json`.
public enum RunJob {
  /// Builds every output in memory; nothing is written.
  public static func outputs(for scenario: ScenarioModel) -> OutputSet {
    var outputs = OutputSet()
    outputs.add("parcels.geojson", text: InputLayers.parcels(scenario))
    outputs.add("structures.geojson", text: InputLayers.structures(scenario))
    outputs.add("sites.geojson", text: InputLayers.sites(scenario))
    outputs.add("summary.json", text: SummaryJSON.text(ScenarioSummary(scenario)))
    return outputs
  }

  /// Loads, validates, computes and writes atomically to `directory`.
  /// - Returns: the names of the files written.
  @discardableResult
  public static func run(scenarioPath: String, outputDirectory: URL) throws -> [String] {
    let scenario = try ScenarioLoader.load(path: scenarioPath)
    let outputs = outputs(for: scenario)
    try outputs.write(to: outputDirectory)
    return outputs.names
  }
}
