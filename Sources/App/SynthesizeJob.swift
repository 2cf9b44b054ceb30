import Coverage
import Foundation
import Report
import Scenario

/// `cosite synthesize drive-test`: a synthetic drive test of one layer, its mapping and its
/// truth, written as one set.
public enum SynthesizeJob {
  public static func driveTest(
    scenarioPath: String, carrierID: String, layerID: String, truth: SyntheticDriveTest.Truth,
    options: SyntheticDriveTest.Options, speedKmh: Double, outputDirectory: URL, command: String
  ) throws -> (rows: Int, names: [String]) {
    try OutputDestination.check(outputDirectory, holdsNone: [scenarioPath])
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory,
      threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
    guard let carrier = scenario.carriers.first(where: { $0.id == carrierID }) else {
      throw CalibrateJob.Refusal(
        description:
          "--carrier: no carrier \(carrierID) in \(scenarioPath) (it has \(scenario.carriers.map(\.id).joined(separator: ", ")))"
      )
    }
    guard carrier.layer(layerID) != nil else {
      throw CalibrateJob.Refusal(
        description:
          "--layer: carrier \(carrierID) has no layer \(layerID) (it has \(carrier.layers.map(\.id).joined(separator: ", ")))"
      )
    }
    let unknown = options.zoneIDs.filter { id in !scenario.zones.contains { $0.id == id } }
    guard unknown.isEmpty else {
      throw CalibrateJob.Refusal(description: "--zones: no zone \(unknown.joined(separator: ", ")) in \(scenarioPath)")
    }
    let classNames = Set(scenario.landCover?.classes.values.map(\.name) ?? [])
    let unknownClasses = truth.landCoverOffsetsDB.keys.filter { !classNames.contains($0) }.sorted()
    guard unknownClasses.isEmpty else {
      let known =
        classNames.isEmpty ? "it has no coverage.land_cover" : "it has \(classNames.sorted().joined(separator: ", "))"
      throw CalibrateJob.Refusal(
        description:
          "--land-cover-offset: no land-cover class \(unknownClasses.joined(separator: ", ")) in \(scenarioPath) (\(known))"
      )
    }
    let rows = try SyntheticDriveTest.rows(
      scenario, carrierID: carrierID, layerID: layerID, truth: truth, options: options,
      threads: max(1, ProcessInfo.processInfo.activeProcessorCount))
    guard !rows.isEmpty else {
      throw CalibrateJob.Refusal(
        description: "no rows: the zones have no road parcels the layer's sectors reach above the noise floor")
    }
    var outputs = OutputSet()
    outputs.add("drive-test.csv", text: try DriveTestLog.csv(rows, scenario: scenario, speedKmh: speedKmh))
    outputs.add("mapping.yaml", text: DriveTestLog.mapping(carrierID: carrierID, layerID: layerID))
    outputs.add(
      "README.md",
      text: DriveTestLog.readme(
        scenarioName: scenario.name, carrierID: carrierID, layerID: layerID, truth: truth, options: options,
        rowCount: rows.count, command: command))
    try outputs.write(to: outputDirectory)
    return (rows.count, outputs.names)
  }
}
