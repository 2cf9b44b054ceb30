import App
import Coverage
import Dispatch
import Foundation
import Radio
import Report
import Scenario

/// Stage timings of a coverage run, sector–cell evaluations per second and peak memory.
public enum CoverageBenchmark {
  public struct Result: Sendable {
    public let label: String
    public let cells: Int
    public let sectors: Int
    public let loadSeconds: Double
    public let timings: StageTimings
    public let writeSeconds: Double
    public let evaluations: Int
    /// Peak resident memory of the process so far, bytes (Linux VmHWM).
    public let peakMemoryBytes: Int

    public var evaluationsPerSecond: Double { Double(evaluations) / timings.fieldSeconds }
  }

  /// Times `cosite run` stage by stage on a scenario file, writing to a temporary directory.
  public static func scenario(path: String, threads: Int) throws -> Result {
    let leaflet = try LeafletLoader.load()
    let start = DispatchTime.now()
    let scenario = try ScenarioLoader.load(path: path)
    let loaded = DispatchTime.now()
    var rasters = RasterMaps(scenario: scenario, threads: threads)
    let coverage = try CoverageRun.run(scenario, threads: threads, cells: { try rasters.add($0) })
    let computed = DispatchTime.now()
    var outputs = try RunOutputs.files(for: scenario, coverage: coverage, leaflet: leaflet, threads: threads)
    outputs.add(try rasters.outputs())
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cosite-bench-\(getpid())")
    try outputs.write(to: directory)
    let written = DispatchTime.now()
    try? FileManager.default.removeItem(at: directory)
    let writeSeconds = seconds(computed, written)
    return Result(
      label: (path as NSString).lastPathComponent, cells: coverage.cellCount, sectors: scenario.sectors.count,
      loadSeconds: seconds(start, loaded), timings: coverage.timings, writeSeconds: writeSeconds,
      evaluations: coverage.evaluations, peakMemoryBytes: peakMemoryBytes())
  }

  /// A synthetic scenario of `cellsPerSide`² cells at 10 m, `sectors` sectors per carrier,
  /// with the 3GPP parametric panel or the MSI pattern file at `patternPath`.
  public static func synthetic(
    cellsPerSide: Int, sectors: Int, carriers: Int, patternPath: String? = nil, threads: Int
  ) throws -> Result {
    let pattern = try patternPath.map { try MSIPattern(text: String(contentsOfFile: $0, encoding: .utf8)) }
    let scenario = SyntheticScenario.make(
      cellsPerSide: cellsPerSide, sectorsPerCarrier: sectors, carriers: carriers, pattern: pattern)
    let coverage = try CoverageRun.run(scenario, threads: threads)
    let antenna = patternPath.map { "pattern \(($0 as NSString).lastPathComponent)" } ?? "3GPP parametric panel"
    return Result(
      label: "synthetic \(cellsPerSide)×\(cellsPerSide), \(carriers) carrier(s), \(antenna)", cells: coverage.cellCount,
      sectors: scenario.sectors.count, loadSeconds: 0, timings: coverage.timings, writeSeconds: 0,
      evaluations: coverage.evaluations, peakMemoryBytes: peakMemoryBytes())
  }

  /// Seconds to polygonise a `side`² raster: concentric bands (smooth) and random classes (ragged).
  public static func polygonise(side: Int) -> (smoothSeconds: Double, raggedSeconds: Double) {
    let grid = CoverageGrid(originX: 0, originY: 0, resolutionM: 10, columns: side, rows: side)
    let centre = Double(side) / 2
    let smooth = (0..<grid.cellCount).map { cell -> Int32 in
      let dx = Double(cell % side) - centre
      let dy = Double(cell / side) - centre
      return Int32(min(4, (dx * dx + dy * dy).squareRoot() / (centre / 4)))
    }
    var state: UInt64 = 1
    let ragged = (0..<grid.cellCount).map { _ -> Int32 in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int32(truncatingIfNeeded: state >> 62) - 1
    }
    let start = DispatchTime.now()
    let first = Polygoniser.polygons(classes: smooth, grid: grid)
    let middle = DispatchTime.now()
    let second = Polygoniser.polygons(classes: ragged, grid: grid)
    let end = DispatchTime.now()
    precondition(!first.isEmpty && !second.isEmpty)
    return (seconds(start, middle), seconds(middle, end))
  }

  static func peakMemoryBytes() -> Int { ProcessMemory.peakBytes() }

  static func seconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
    Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }
}
