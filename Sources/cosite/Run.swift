import ArgumentParser
import Foundation
import Report

/// `cosite run SCENARIO --out DIR`: the main job.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario and write its outputs to a directory.",
    discussion:
      "Writes parcels.geojson, structures.geojson and sites.geojson (the validated inputs in WGS84, RFC 7946) and summary.json. Files are written atomically; if the scenario has any problem, nothing is written. The same input always gives byte-identical files."
  )

  @Argument(help: "The scenario YAML file.")
  var scenario: String

  @Option(name: .long, help: "Output directory (created if missing).")
  var out: String

  func run() throws {
    let written = try reportingScenarioErrors {
      try RunJob.run(scenarioPath: scenario, outputDirectory: URL(fileURLWithPath: out))
    }
    for name in written { print("wrote \((out as NSString).appendingPathComponent(name))") }
  }
}
