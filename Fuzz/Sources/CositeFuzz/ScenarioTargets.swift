import Foundation
import Scenario

/// The whole load, `ScenarioLoader.load(path:)`: YAML, every file it references, the checks
/// (GEOS) and the projection (PROJ). Its fixture is a folder in the temporary directory with
/// the Phu Tho sample's files under short names (see `Fixture`); the target writes its input
/// into one of them and loads scenario.yaml from there.
enum ScenarioTargets {
  static let all: [FuzzTarget] = [
    target(
      "scenario", file: "scenario.yaml", dictionary: "scenario",
      covers: "Scenario: ScenarioLoader.load(path:) with the input as scenario.yaml, beside the Phu Tho sample's "
        + "files (outline.geojson, parcels.geojson, structures.csv, new-builds.csv, sites.csv, sites-pattern.csv, "
        + "panel.msi, terrain.asc)",
      maxLength: 8_192),
    target(
      "scenario-parcels", file: "parcels.geojson", dictionary: "geojson",
      covers: "Scenario: the whole load with the input as the zone's parcels GeoJSON (ParcelsFile, geometry checks, "
        + "projection); the scenario is Fuzz/corpus/scenario/phu-tho.yaml",
      maxLength: 32_768),
    target(
      "scenario-structures", file: "structures.csv", dictionary: "csv",
      covers: "Scenario: the whole load with the input as the structures CSV (StructuresFile, CSVRecord, the "
        + "references from sites)",
      maxLength: 8_192),
    target(
      "scenario-sites", file: "sites.csv", dictionary: "csv",
      covers: "Scenario: the whole load with the input as the sites CSV (SectorsFile, antenna_pattern files, the "
        + "checks of carriers, layers and structures)",
      maxLength: 16_384),
  ]

  private static func target(
    _ name: String, file: String, dictionary: String, covers: String, maxLength: Int
  ) -> FuzzTarget {
    FuzzTarget(
      name: name, covers: covers, maxLength: maxLength, dictionary: dictionary,
      setUp: { Fixture.shared = Fixture(replacing: file) },
      run: { bytes in
        guard let fixture = Fixture.shared else { return }
        fixture.load(bytes)
      })
  }
}

/// The scenario folder a scenario target loads from.
final class Fixture {
  nonisolated(unsafe) static var shared: Fixture?
  /// COSITE_FUZZ_VERBOSE=1: print what each load answered (to check seeds: `-runs=0`).
  static let verbose = ProcessInfo.processInfo.environment["COSITE_FUZZ_VERBOSE"] == "1"
  /// The folder to remove at exit.
  nonisolated(unsafe) static var leftover: String?

  let directory: URL
  /// The file each input replaces.
  let input: URL
  let scenario: URL

  init(replacing file: String) {
    let root = Repository.root
    var template = Array(
      FileManager.default.temporaryDirectory.appendingPathComponent("cosite-fuzz.XXXXXX").path.utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      fatalError("cosite-fuzz: cannot make a temporary folder")
    }
    directory = URL(fileURLWithPath: String(cString: made))
    input = directory.appendingPathComponent(file)
    scenario = directory.appendingPathComponent("scenario.yaml")
    let sample = root.appendingPathComponent("geodata/phu-tho/thang-long-vinh-phuc")
    func read(_ url: URL) -> String {
      guard let text = try? String(contentsOf: url, encoding: .utf8) else {
        fatalError("cosite-fuzz: cannot read \(url.path) (set COSITE_FUZZ_ROOT to the repository)")
      }
      return text
    }
    let structures = read(URL(fileURLWithPath: sample.path + "-structures.csv"))
    let sites = read(URL(fileURLWithPath: sample.path + "-sites.csv"))
    let files: [(String, String)] = [
      ("scenario.yaml", read(root.appendingPathComponent("Fuzz/corpus/scenario/phu-tho.yaml"))),
      ("outline.geojson", read(URL(fileURLWithPath: sample.path + "-outline.geojson"))),
      ("parcels.geojson", Self.firstFeatures(read(URL(fileURLWithPath: sample.path + ".geojson")), 8)),
      ("structures.csv", structures),
      ("new-builds.csv", Self.newBuilds(from: structures)),
      ("sites.csv", Self.firstLines(sites, 13)),
      ("sites-pattern.csv", Self.withPattern(sites)),
      ("panel.msi", Self.pattern),
      ("terrain.asc", Self.terrain),
    ]
    for (name, text) in files {
      do {
        try text.write(to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
      } catch {
        fatalError("cosite-fuzz: cannot write the fixture \(name): \(error)")
      }
    }
    // Left behind when libFuzzer stops on a crash (it does not run exit handlers then):
    // scripts/fuzz.sh points TMPDIR at its own folder and empties it.
    Fixture.leftover = directory.path
    atexit { if let folder = Fixture.leftover { try? FileManager.default.removeItem(atPath: folder) } }
  }

  func load(_ bytes: UnsafeRawBufferPointer) {
    do {
      try Data(bytes).write(to: input)
      _ = try ScenarioLoader.load(path: scenario.path)
    } catch {
      // A ScenarioError (or a write failure) is the normal answer to a bad input.
      if Self.verbose { FileHandle.standardError.write(Data("\(error)\n".utf8)) }
      return
    }
    if Self.verbose { FileHandle.standardError.write(Data("loaded\n".utf8)) }
  }

  // The fixture is kept small (8 parcels, 12 sites, a coarse pattern): a load takes a few ms,
  // and the fuzzer's input is what varies.

  /// The first `count` features of a FeatureCollection written one feature per line.
  static func firstFeatures(_ collection: String, _ count: Int) -> String {
    let lines = collection.split(separator: "\n").map(String.init)
    let features = lines.dropFirst().filter { $0.hasPrefix("{") }.prefix(count).map {
      $0.hasSuffix(",") ? String($0.dropLast()) : $0
    }
    return lines[0] + "\n" + features.joined(separator: ",\n") + "\n]}\n"
  }

  static func firstLines(_ text: String, _ count: Int) -> String {
    text.split(separator: "\n").prefix(count).joined(separator: "\n") + "\n"
  }

  /// Places for new builds: the structures again under other ids.
  static func newBuilds(from structures: String) -> String {
    let lines = structures.split(separator: "\n").map(String.init)
    return ([lines[0]] + lines.dropFirst().prefix(4).map { "new-" + $0 }).joined(separator: "\n") + "\n"
  }

  /// The first sites with an MSI pattern file (relative to the CSV) and new ids.
  static func withPattern(_ sites: String) -> String {
    let lines = sites.split(separator: "\n").map(String.init)
    return ([lines[0] + ",antenna_pattern"] + lines.dropFirst().prefix(3).map { "p-" + $0 + ",panel.msi" })
      .joined(separator: "\n") + "\n"
  }

  /// A coarse 65° panel (the MSI target reads the full sample file).
  static let pattern = """
    NAME coarse panel
    FREQUENCY 1800
    GAIN 15.35 dBd
    HORIZONTAL 8
    0 0
    30 3
    60 11
    90 20
    180 25
    270 20
    300 11
    330 3
    VERTICAL 6
    0 0
    10 12
    90 25
    180 25
    270 25
    350 12

    """

  /// A coarse DEM over the park (WGS84, 0.02° cells).
  static let terrain = """
    ncols 5
    nrows 4
    xllcorner 105.62
    yllcorner 21.33
    cellsize 0.02
    NODATA_value -9999
    12 14 15 17 20
    11 13 -9999 16 18
    10 12 13 15 16
    9 10 12 13 14

    """
}
