import App
import ArgumentParser
import Coverage
import Foundation
import Report
import Scenario

/// `cosite calibrate SCENARIO --measurements FILE --out DIR`.
struct Calibrate: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Tune the scenario's propagation models to a drive test; report the errors before and after.",
    discussion: """
      The drive test (CSV; comma, semicolon, tab or bar separated) gives per sample a position (lon/lat, or x/y), \
      the measured cell (a sector id, or PCI and channel through the sites' pci and channel columns) and the RSRP \
      in dBm; a log with other column names is read through --mapping (README, *Model tuning from drive tests*). \
      Samples outside the distance window are dropped, the rest averaged into local means over 40 wavelengths \
      of route (Lee), local means below the noise floor dropped, and per layer ΔL = offset + slope·log10(d / 1 km) is fitted by least \
      squares, with an offset of its own for each land-cover class the log covers well enough (10 local means in \
      two 500 m squares; --layer-wide: none) and, with --height-term, a correction per decade of antenna height. \
      Over terrain the predictions hold the run's diffraction. Writes the fit and error tables, the residuals map, plots and scenario-fragment.yaml (the \
      'calibration' section to paste into the scenario). Every bad row is named by its line; nothing is written \
      on any error.
      """)

  @Argument(help: "The scenario YAML file.")
  var scenario: String

  @Option(name: .customLong("measurements"), help: "The drive-test log (CSV).")
  var measurements: String

  @Option(name: .customLong("mapping"), help: "A mapping file for the log's columns (YAML).")
  var mapping: String?

  @Option(name: .customLong("out"), help: "Directory for the calibration report.")
  var out: String

  @Option(
    name: .customLong("min-distance-m"),
    help: ArgumentHelp("Drop samples nearer to their sector (default 100).", valueName: "m"))
  var minDistanceM: Double?

  @Option(
    name: .customLong("max-distance-m"),
    help: ArgumentHelp("Drop samples farther from their sector (default: the scenario's max_radius_m).", valueName: "m")
  )
  var maxDistanceM: Double?

  @Option(
    name: .customLong("floor-dbm"),
    help: ArgumentHelp(
      "Drop local means below this RSRP (default: the layer's noise per resource element).", valueName: "dBm"))
  var floorDBm: Double?

  @Option(
    name: .customLong("window-m"),
    help: ArgumentHelp("Route length averaged into one local mean (default: 40 wavelengths).", valueName: "m"))
  var windowM: Double?

  @Flag(
    name: .customLong("height-term"),
    help: "Fit a correction per decade of antenna height too, where the log's sites span a factor of 2 in height.")
  var heightTerm = false

  @Flag(
    name: .customLong("layer-wide"),
    help:
      "One offset per layer: no land-cover class gets an offset of its own (they do by default where the data supports it)."
  )
  var layerWide = false

  @Option(
    name: .customLong("threads"),
    help: ArgumentHelp("Worker threads for rasterising the parcels (default: all cores).", valueName: "threads"))
  var threadsOption: Int?

  func validate() throws {
    if let minDistanceM, !(0...100_000).contains(minDistanceM) {
      throw ValidationError("--min-distance-m must be between 0 and 100000")
    }
    if let maxDistanceM, !(1...100_000).contains(maxDistanceM) || maxDistanceM <= (minDistanceM ?? 100) {
      throw ValidationError("--max-distance-m must be between 1 and 100000 and above the minimum distance")
    }
    if let floorDBm, !(-200...0).contains(floorDBm) { throw ValidationError("--floor-dbm must be between -200 and 0") }
    if let windowM, !(0.1...10_000).contains(windowM) {
      throw ValidationError("--window-m must be between 0.1 and 10000")
    }
    if let threadsOption, threadsOption < 1 { throw ValidationError("--threads must be at least 1") }
  }

  func run() throws {
    var settings = CalibrationSettings()
    if let minDistanceM { settings.minDistanceM = minDistanceM }
    settings.maxDistanceM = maxDistanceM
    settings.floorDBm = floorDBm
    settings.landCoverClasses = !layerWide
    settings.heightTerm = heightTerm
    settings.windowM = windowM
    let request = CalibrateJob.Request(
      scenarioPath: scenario, measurementsPath: measurements, mappingPath: mapping,
      outputDirectory: URL(fileURLWithPath: out), settings: settings,
      threads: threadsOption ?? ProcessInfo.processInfo.activeProcessorCount)
    let (result, names) = try reportingScenarioErrors { try CalibrateJob.run(request, warn: printWarning) }
    for layer in result.layers {
      let fitted =
        layer.tuned.map { tuned in
          String(format: "offset %+.2f dB, slope %+.2f dB/decade, ", tuned.offsetDB, tuned.slopeDBPerDecade)
            + (tuned.sigmaDB.map { String(format: "σ %.2f dB", $0) } ?? "σ not handed on (a LOS mixture)")
        } ?? "not fitted (\(layer.note ?? ""))"
      print(
        "\(layer.carrierID) \(layer.layerID): \(layer.binCount) local means of \(layer.sampleCount) samples; \(fitted)")
    }
    for name in names { print("wrote \((out as NSString).appendingPathComponent(name))") }
  }
}
