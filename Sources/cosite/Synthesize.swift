import App
import ArgumentParser
import Coverage
import Foundation

/// `cosite synthesize drive-test SCENARIO --carrier C --layer L --out DIR`.
struct Synthesize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Make synthetic inputs for trying and testing a workflow.", subcommands: [SynthesizeDriveTest.self])
}

struct SynthesizeDriveTest: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drive-test",
    abstract: "A synthetic scanner drive test of one layer, from a known \"true\" model (for cosite calibrate).",
    discussion: """
      Drives the centre lines of the zones' road parcels; per position the strongest sectors by median, with \
      the true correction ΔL = offset + slope·log10(d / 1 km) added to the scenario's model, log-normal \
      shadowing per structure correlated along the route (Gudmundson) and Rayleigh fading. Writes \
      drive-test.csv (semicolons, decimal commas), mapping.yaml and README.md (the truth). Seeded: the same \
      arguments give the same bytes.
      """)

  @Argument(help: "The scenario YAML file.")
  var scenario: String
  @Option(name: .customLong("carrier"), help: "The carrier id.")
  var carrier: String
  @Option(name: .customLong("layer"), help: "The layer id of the carrier.")
  var layer: String
  @Option(name: .customLong("out"), help: "Directory for the drive test, its mapping and README.")
  var out: String
  @Option(name: .customLong("offset-db"), help: "True offset at 1 km, dB (default 6).")
  var offsetDB = 6.0
  @Option(name: .customLong("slope-db-per-decade"), help: "True slope correction, dB per decade (default 3).")
  var slopeDBPerDecade = 3.0
  @Option(name: .customLong("sigma-db"), help: "Shadow-fading σ, dB (default 7).")
  var sigmaDB = 7.0
  @Option(
    name: .customLong("decorrelation-m"),
    help: "Gudmundson's decorrelation distance, m (default 50: TR 38.901 Table 7.5-6, UMa NLOS).")
  var decorrelationM = 50.0
  @Option(name: .customLong("spacing-m"), help: "Distance between positions along the route, m (default 1).")
  var spacingM = 1.0
  @Option(name: .customLong("cells"), help: "Sectors logged per position (default 4).")
  var cells = 4
  @Option(name: .customLong("seed"), help: "Seed of the random draws (default 1).")
  var seed: UInt64 = 1
  @Option(name: .customLong("zones"), help: "Zones whose roads are driven, comma-separated (default: all).")
  var zones: String?
  @Option(name: .customLong("speed-kmh"), help: "Driving speed for the log's times, km/h (default 36).")
  var speedKmh = 36.0

  @Option(
    name: .customLong("height-db-per-decade"),
    help: "True correction per decade of antenna height above 30 m, dB (default 0).")
  var heightDBPerDecade = 0.0

  @Option(
    name: .customLong("land-cover-offset"),
    help: ArgumentHelp(
      "A true extra loss in one land-cover class of the scenario, NAME=dB (repeatable).", valueName: "name=dB"))
  var landCoverOffsets: [String] = []

  /// `--land-cover-offset` values by class name.
  var landCoverOffsetsDB: [String: Double] {
    get throws {
      var offsets: [String: Double] = [:]
      for text in landCoverOffsets {
        guard let equals = text.lastIndex(of: "="), let value = Double(text[text.index(after: equals)...]),
          (-40...40).contains(value), !text[..<equals].isEmpty
        else { throw ValidationError("--land-cover-offset \(text): expected NAME=dB, dB between -40 and 40") }
        offsets[String(text[..<equals])] = value
      }
      return offsets
    }
  }

  func validate() throws {
    guard (-40...40).contains(offsetDB), (-40...40).contains(slopeDBPerDecade), (-40...40).contains(heightDBPerDecade)
    else {
      throw ValidationError(
        "--offset-db, --slope-db-per-decade and --height-db-per-decade must be between -40 and 40")
    }
    guard (0...20).contains(sigmaDB) else { throw ValidationError("--sigma-db must be between 0 and 20") }
    guard (1...10_000).contains(decorrelationM) else {
      throw ValidationError("--decorrelation-m must be between 1 and 10000")
    }
    guard (0.01...1000).contains(spacingM) else { throw ValidationError("--spacing-m must be between 0.01 and 1000") }
    guard (1...32).contains(cells) else { throw ValidationError("--cells must be between 1 and 32") }
    guard (1...300).contains(speedKmh) else { throw ValidationError("--speed-kmh must be between 1 and 300") }
    _ = try landCoverOffsetsDB
  }

  func run() throws {
    var options = SyntheticDriveTest.Options()
    options.spacingM = spacingM
    options.cellsPerPosition = cells
    options.seed = seed
    options.zoneIDs = zones.map { $0.split(separator: ",").map(String.init) } ?? []
    let truth = SyntheticDriveTest.Truth(
      offsetDB: offsetDB, slopeDBPerDecade: slopeDBPerDecade, sigmaDB: sigmaDB, decorrelationM: decorrelationM,
      landCoverOffsetsDB: try landCoverOffsetsDB, heightDBPerDecade: heightDBPerDecade)
    // The command as given, without --out (the README must not depend on where it is written).
    var arguments: [String] = []
    var skip = false
    for argument in CommandLine.arguments.dropFirst() {
      defer { skip = argument == "--out" }
      guard !skip, argument != "--out", !argument.hasPrefix("--out=") else { continue }
      arguments.append(argument)
    }
    let command = (["cosite"] + arguments).joined(separator: " ")
    let (rows, names) = try reportingScenarioErrors {
      try SynthesizeJob.driveTest(
        scenarioPath: scenario, carrierID: carrier, layerID: layer, truth: truth, options: options,
        speedKmh: speedKmh, outputDirectory: URL(fileURLWithPath: out), command: command)
    }
    print("\(rows) rows of \(carrier) \(layer)")
    for name in names { print("wrote \((out as NSString).appendingPathComponent(name))") }
  }
}
