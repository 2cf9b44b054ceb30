import ArgumentParser
import Bench
import Foundation
import Radio

/// `cosite bench site`: one site over hills or flat ground (issue #17's terrain benchmark).
struct SiteBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract:
      "Time the field of one site (30 m antenna, LTE 1800 MHz) over synthetic Gaussian hills up to 300 m, or flat ground."
  )

  @Option(help: "hills (a seeded synthetic DEM built in memory) or flat (no DEM).")
  var terrain: SingleSiteBenchmark.Terrain = .hills

  @Option(name: .customLong("radius-km"), help: "Radius of the grid and the site's reach (default: 20 hills, 10 flat).")
  var radiusKm: Double?

  @Option(name: .customLong("resolution-m"), help: "Cell size (default: 30 hills, 10 flat).")
  var resolutionM: Double?

  @Option(help: "Diffraction over the DEM: delta-bullington (radials) or deygout (every cell's own profile).")
  var diffraction: DiffractionMethod = .deltaBullington

  @Option(help: "1 (an omnidirectional antenna) or 3 (65° panels at 0°, 120°, 240°).")
  var sectors = 1

  @Flag(
    name: .customLong("radial-error"),
    help: "Also compare each cell's radial delta-Bullington loss with its own profile's (hills).")
  var radialError = false

  @Option(name: .customLong("error-stride"), help: "With --radial-error: compare every n-th cell.")
  var errorStride = 1

  @Option(name: .customLong("arc-cells"), help: "With --radial-error: radials this many cells apart at the reach.")
  var arcCells = 1.0

  @Option(
    name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: all cores).", valueName: "threads"))
  var threadsOption: Int?
  var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

  func validate() throws {
    guard sectors == 1 || sectors == 3 else { throw ValidationError("--sectors: expected 1 or 3, got \(sectors)") }
    if let radiusKm, !(0.5...100).contains(radiusKm) {
      throw ValidationError("--radius-km: expected 0.5 to 100 km, got \(radiusKm)")
    }
    if let resolutionM, !(1...1_000).contains(resolutionM) {
      throw ValidationError("--resolution-m: expected 1 to 1000 m, got \(resolutionM)")
    }
    guard errorStride >= 1 else { throw ValidationError("--error-stride: expected 1 or more, got \(errorStride)") }
    guard (0.05...100).contains(arcCells) else {
      throw ValidationError("--arc-cells: expected 0.05 to 100, got \(arcCells)")
    }
    guard (1...1_024).contains(threads) else { throw ValidationError("--threads: expected 1 to 1024, got \(threads)") }
  }

  func run() throws {
    let radius = (radiusKm ?? (terrain == .hills ? 20 : 10)) * 1000
    let resolution = resolutionM ?? (terrain == .hills ? 30 : 10)
    let result = try SingleSiteBenchmark.run(
      terrain: terrain, radiusM: radius, resolutionM: resolution, diffraction: diffraction, sectors: sectors,
      threads: threads)
    print("\(result.label), \(threads) thread(s)")
    print(
      String(
        format: "  %d cells  field %.3f s  run %.3f s (processor %.3f s)  %.1f M evaluations/s  peak memory %.0f MB",
        result.cells, result.fieldSeconds, result.runSeconds, result.runCPUSeconds, result.evaluationsPerSecond / 1e6,
        Double(result.peakMemoryBytes) / 1e6))
    let stages = result.stages
    print(
      String(
        format: "  stages: rasterise %.3f s  field %.3f s  busy hour %.3f s  reduce %.3f s  polygonise %.3f s",
        stages.rasteriseSeconds, stages.fieldSeconds, stages.loadSeconds, stages.reduceSeconds,
        stages.polygoniseSeconds))
    guard radialError, terrain == .hills,
      let errors = try SingleSiteBenchmark.radialErrors(
        radiusM: radius, resolutionM: resolution, cellStride: errorStride, arcCells: arcCells, threads: threads)
    else { return }
    print(
      String(
        format:
          "  radials vs each cell's own profile (%d cells): mean %.3f dB, 95th percentile %.3f dB, max %.2f dB (deepest loss %.1f dB); %d radials × %d samples, %.1f MB",
        errors.cells, errors.meanDB, errors.percentile95DB, errors.maxDB, errors.largestLossDB, errors.radials,
        errors.samplesPerRadial, Double(errors.tableBytes) / 1e6))
  }
}

extension SingleSiteBenchmark.Terrain: ExpressibleByArgument {}
extension DiffractionMethod: ExpressibleByArgument {}
