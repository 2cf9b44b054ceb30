import Coverage
import Foundation
import Geo
import Report
import Scenario

/// `cosite run`: loads a scenario, computes its coverage and writes every output
/// (`RunOutputs` lists them).
public enum RunJob {
  /// Loads, validates, computes and writes atomically to `directory`.
  /// - Parameters:
  ///   - threads: worker threads of the field engine and of the writers (outputs do not depend
  ///     on it).
  ///   - maxCells: a cell budget overriding the scenario's (`--max-cells`).
  ///   - warn: receives the scenario's warnings.
  ///   - modelWarning: receives each model used outside its validity range (`summary.md`
  ///     and `summary.json` keep them too).
  ///   - note: receives the sentence stating the reliability the figures were judged at.
  ///   - progress: called with the stage and the share done, for a terminal display.
  /// - Returns: the names of the files written and the headline (`RunHeadline`) to print
  ///   before them.
  @discardableResult
  public static func run(
    scenarioPath: String, outputDirectory: URL, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    maxCells: Int? = nil, warn: (ScenarioIssue) -> Void = { _ in }, modelWarning: (String) -> Void = { _ in },
    note: (String) -> Void = { _ in }, progress: ((String, Double) -> Void)? = nil
  ) throws -> (names: [String], headline: [String]) {
    let leaflet = try LeafletLoader.load()
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, maxCells: maxCells, threads: threads, warn: warn)
    var rasters = RasterMaps(scenario: scenario, threads: threads)
    let coverage = try CoverageRun.run(
      scenario, threads: threads, progress: progress, cells: { try rasters.add($0) }, checked: true)
    coverage.validityWarnings.forEach(modelWarning)
    note(CoverageBasis.reliabilitySentence(coverage.settings))
    let outputs = try files(
      scenario, coverage: coverage, rasters: rasters, leaflet: leaflet, threads: threads, progress: progress)
    try outputs.write(to: outputDirectory)
    return (outputs.names, RunHeadline.lines(scenario, coverage: coverage))
  }

  /// The output set of a run from its coverage and rasters (`cosite run` and `cosite merge`
  /// alike): the drop-mode distributions are computed here, over the whole scenario.
  static func files(
    _ scenario: ScenarioModel, coverage: CoverageResult, rasters: RasterMaps, leaflet: LeafletAssets, threads: Int,
    progress: ((String, Double) -> Void)? = nil
  ) throws -> OutputSet {
    progress?("distributions: dropping users", 1)
    let distributions = MonteCarloDrops.run(scenario, threads: threads)
    var outputs = try RunOutputs.files(
      for: scenario, coverage: coverage, distributions: distributions, leaflet: leaflet, threads: threads)
    outputs.add(try rasters.outputs())
    return outputs
  }
}
