import ArgumentParser
import Bench
import Foundation

/// `cosite bench`: measured speed of the hot paths.
struct Benchmark: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench", abstract: "Measure the speed of Cosite's hot paths (build with -c release).",
    subcommands: [CoverageBench.self, RecommendBench.self, RadioBench.self, SiteBench.self, CalibrationBench.self],
    defaultSubcommand: CoverageBench.self)
}

struct RadioBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "radio", abstract: "Path loss + 3-D antenna gain evaluations per second, one core and all cores.")

  @Option(help: "Number of evaluations.") var evaluations = 4_000_000

  func run() throws {
    let result = RadioBenchmark.run(evaluations: evaluations)
    print(
      "path loss (TR 38.901 UMa NLOS) + antenna gain (3GPP sector, mechanical tilt): \(result.evaluations) evaluations")
    print(
      String(
        format: "  1 core:   %.3f s  %.1f M evaluations/s", result.singleCoreSeconds, result.singleCorePerSecond / 1e6))
    print(
      String(
        format: "  %d cores:  %.3f s  %.1f M evaluations/s", result.cores, result.allCoresSeconds,
        result.allCoresPerSecond / 1e6))
    print(String(format: "  checksum %.6e", result.checksum))
  }
}

struct CoverageBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coverage",
    abstract: "Time each stage of a coverage run on a scenario and on a synthetic large grid.")

  @Option(help: "A scenario file to time (load, rasterise, field, reduce, polygonise, write).")
  var scenario = "scenarios/hai-phong-dinh-vu.yaml"

  @Option(help: "Cells per side of the synthetic grid (10 m cells); 0 skips it.")
  var cells = 5000

  @Option(help: "Sectors per carrier in the synthetic grid.")
  var sectors = 200

  @Option(help: "Carriers in the synthetic grid (one LTE layer each).")
  var carriers = 1

  @Option(
    help: ArgumentHelp(
      "An MSI antenna pattern file for every sector of the synthetic grid (default: the 3GPP parametric panel).",
      valueName: "file"))
  var pattern: String?

  @Option(help: ArgumentHelp("Cells per side of the polygonise benchmark's grid; 0 skips it.", valueName: "cells"))
  var polygonise = 2000

  @Option(
    name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: all cores).", valueName: "threads"))
  var threadsOption: Int?
  var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

  func validate() throws {
    if let pattern, !FileManager.default.isReadableFile(atPath: pattern) {
      throw ValidationError("cannot read the pattern file \(pattern)")
    }
  }

  func run() throws {
    if polygonise > 0 {
      let polygons = CoverageBenchmark.polygonise(side: polygonise)
      let megacells = Double(polygonise * polygonise) / 1e6
      print(
        String(
          format: "polygonise %d × %d: %.3f s smooth bands, %.3f s random classes (%.0f M cells/s)", polygonise,
          polygonise, polygons.smoothSeconds, polygons.raggedSeconds, megacells / polygons.smoothSeconds))
    }
    if !scenario.isEmpty {
      report(try reportingScenarioErrors { try CoverageBenchmark.scenario(path: scenario, threads: threads) })
    }
    if cells > 0 {
      report(
        try CoverageBenchmark.synthetic(
          cellsPerSide: cells, sectors: sectors, carriers: carriers, patternPath: pattern, threads: threads))
    }
  }

  private func report(_ result: CoverageBenchmark.Result) {
    let t = result.timings
    print("\(result.label): \(result.cells) cells, \(result.sectors) sectors, \(threads) thread(s)")
    print(
      String(
        format:
          "  load %.3f s  rasterise %.3f s  field %.3f s  busy hour %.3f s  reduce %.3f s  rasters %.3f s  polygonise %.3f s  write %.3f s",
        result.loadSeconds, t.rasteriseSeconds, t.fieldSeconds, t.loadSeconds, t.reduceSeconds, t.rastersSeconds,
        t.polygoniseSeconds, result.writeSeconds))
    print(
      String(
        format: "  field: %.1f M sector-cell evaluations, %.1f M evaluations/s; peak memory %.0f MB",
        Double(result.evaluations) / 1e6, result.evaluationsPerSecond / 1e6, Double(result.peakMemoryBytes) / 1e6))
  }
}

struct RecommendBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract: "Time cosite recommend: load, coverage, candidate fields, and the optimiser for every sharing option.")

  @Option(help: "The scenario file.")
  var scenario = "scenarios/hai-phong.yaml"

  @Option(name: .customLong("budget-vnd"), help: "Budget over the horizon, \(MoneyArgument.help).")
  var budget = MoneyArgument(vnd: 100e9)
  var budgetVND: Double { budget.vnd }

  @Option(
    name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: all cores).", valueName: "threads"))
  var threadsOption: Int?
  var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

  func run() throws {
    let result = try reportingScenarioErrors {
      try RecommendBenchmark.run(path: scenario, budgetVND: budgetVND, threads: threads)
    }
    print("\(scenario), budget \(String(format: "%.0f", budgetVND / 1e9)) bn VND, \(threads) thread(s)")
    print(
      String(
        format: "  load %.3f s  coverage %.3f s  candidate fields %.3f s (%d stations)", result.loadSeconds,
        result.coverageSeconds, result.poolSeconds, result.stations))
    for option in result.options {
      print(
        String(
          format: "  %@: %d offers, %d chosen, optimiser %.3f s, within %.1f %% of optimal", option.name, option.offers,
          option.chosen, option.seconds, option.gap * 100))
    }
  }
}

struct CalibrationBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calibrate",
    abstract: "cosite calibrate stage by stage on a synthetic drive test (true offset 6 dB, slope 3 dB/decade, σ 7 dB)."
  )

  @Option(help: "The scenario whose roads are driven.") var scenario = "scenarios/hai-phong-dinh-vu.yaml"
  @Option(help: "Carrier of the drive test.") var carrier = "viettel"
  @Option(help: "Layer of the drive test.") var layer = "lte1800"
  @Option(help: "Samples in the log.") var samples = 200_000
  @Option(
    name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: all cores).", valueName: "threads"))
  var threadsOption: Int?

  func validate() throws {
    guard (1...10_000_000).contains(samples) else { throw ValidationError("--samples must be between 1 and 10000000") }
    if let threadsOption, threadsOption < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    let result = try CalibrationBenchmark.run(
      path: scenario, carrierID: carrier, layerID: layer, samples: samples,
      threads: threadsOption ?? ProcessInfo.processInfo.activeProcessorCount)
    print("calibrate \(scenario), \(carrier) \(layer): \(result.samples) samples, \(result.layer.binCount) local means")
    for (stage, seconds) in [
      ("load scenario", result.loadSeconds), ("read log", result.readSeconds), ("fit", result.fitSeconds),
      ("render", result.renderSeconds), ("write", result.writeSeconds), ("total", result.totalSeconds),
    ] {
      print("  " + stage.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: "%7.3f s", seconds))
    }
    if let tuned = result.layer.tuned {
      print(
        String(
          format: "  fitted: offset %.2f dB, slope %.2f dB/decade, σ %.2f dB (true 6, 3, 7)", tuned.offsetDB,
          tuned.slopeDBPerDecade, tuned.sigmaDB ?? 0))
    }
  }
}
