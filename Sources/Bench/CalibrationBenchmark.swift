import App
import Coverage
import Dispatch
import Foundation
import Report
import Scenario

/// Times `cosite calibrate` stage by stage on a synthetic drive test of a bundled scenario:
/// the log is made (`SyntheticDriveTest`), written as a scanner export, then read back, fitted,
/// rendered and written as the command does.
public enum CalibrationBenchmark {
  public struct Result: Sendable {
    public let samples: Int
    public let loadSeconds: Double
    public let readSeconds: Double
    public let fitSeconds: Double
    public let renderSeconds: Double
    public let writeSeconds: Double
    public var totalSeconds: Double { loadSeconds + readSeconds + fitSeconds + renderSeconds + writeSeconds }
    public let layer: LayerCalibration
  }

  public static func run(path: String, carrierID: String, layerID: String, samples: Int, threads: Int) throws -> Result
  {
    func seconds(since start: DispatchTime) -> Double {
      Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cosite-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let setup = try ScenarioLoader.load(path: path)
    let truth = SyntheticDriveTest.Truth(offsetDB: 6, slopeDBPerDecade: 3, sigmaDB: 7, decorrelationM: 50)
    var options = SyntheticDriveTest.Options()
    // Positions every 0.5 m over all roads, cut at the sample count.
    options.spacingM = 0.5
    let rows = Array(
      try SyntheticDriveTest.rows(setup, carrierID: carrierID, layerID: layerID, truth: truth, options: options)
        .prefix(samples))
    let log = directory.appendingPathComponent("drive-test.csv")
    let mapping = directory.appendingPathComponent("mapping.yaml")
    try Data(try DriveTestLog.csv(rows, scenario: setup, speedKmh: 36).utf8).write(to: log)
    try Data(DriveTestLog.mapping(carrierID: carrierID, layerID: layerID).utf8).write(to: mapping)

    var clock = DispatchTime.now()
    let scenario = try JobInput.load(scenarioPath: path, outputDirectory: nil)
    let load = seconds(since: clock)
    clock = DispatchTime.now()
    let driveTest = try DriveTest.read(
      path: log.path, file: log.path, mappingPath: mapping.path, mappingFile: mapping.path, scenario: scenario)
    let read = seconds(since: clock)
    clock = DispatchTime.now()
    let result = try Calibration.run(scenario, driveTest: driveTest, threads: threads)
    let fit = seconds(since: clock)
    clock = DispatchTime.now()
    let outputs = try CalibrationOutputs.files(result, scenario: scenario, driveTest: log.path)
    let render = seconds(since: clock)
    clock = DispatchTime.now()
    try outputs.write(to: directory.appendingPathComponent("out"))
    let write = seconds(since: clock)
    guard let layer = result.layers.first else { throw CalibrateJob.Refusal(description: "no layer measured") }
    return Result(
      samples: driveTest.samples.count, loadSeconds: load, readSeconds: read, fitSeconds: fit, renderSeconds: render,
      writeSeconds: write, layer: layer)
  }
}
