import Foundation
import Geo
import GeoIO
import TestSupport
import Testing

/// Bad inputs through the built `cosite` binary, as a planner meets them: exit status 1, the
/// problem with its place on standard error, and nothing written (no `--out`, and no hidden
/// staging sibling `.<out>.cosite-*` beside it). The cell budget and the terrain's reach are
/// checked by `Preflight`, which only the commands run.
@Suite struct BadInputCLITests {
  // The valid fixture's files (TestSupport): each case changes one of them.
  static let scenario = ScenarioFixture.validScenario
  static let parcels = ScenarioFixture.validParcels
  static let structures = ScenarioFixture.validStructures
  static let sites = ScenarioFixture.validSites
  static let pattern =
    "NAME T\nGAIN 15 dBd\nHORIZONTAL 4\n0 0\n90 10\n180 25\n270 10\nVERTICAL 4\n0 0\n90 20\n180 25\n270 20\n"

  struct Failure: Sendable, CustomTestStringConvertible {
    let name: String
    /// The command and its options; the scenario (`scenario.yaml`) and `--out out` are added.
    let command: [String]
    /// Files of the scenario folder that differ from the valid ones, with their bytes.
    let files: [String: [UInt8]]
    /// The start of the line on standard error that reports the problem.
    let line: String
    /// How many problems `found N problems:` announces, where that is meaningful.
    let count: Int?
    /// Texts of the input that the output may not show.
    let absent: [String]

    init(
      _ name: String, _ command: [String], _ files: [String: String], bytes: [String: [UInt8]] = [:],
      line: String, count: Int? = 1, absent: [String] = []
    ) {
      self.name = name
      self.command = command
      self.files = files.mapValues { Array($0.utf8) }.merging(bytes) { _, raw in raw }
      self.line = line
      self.count = count
      self.absent = absent
    }

    var testDescription: String { name }
    var writes: Bool { command.first != "validate" }
  }

  static let bowtie = parcels.replacingOccurrences(
    of: "[106.76,20.83],[106.76,20.84],[106.75,20.84]", with: "[106.76,20.84],[106.76,20.83],[106.75,20.84]")
  static let terrain = "\ncoverage:\n  terrain: { dem: dem.asc, crs: EPSG:32648 }"
  static let smallDEM = "ncols 3\nnrows 2\nxllcorner 684000\nyllcorner 2304000\ncellsize 100\n10 11 12\n13 14 15\n"
  static let latin1Scenario: [UInt8] =
    Array("cosite: 1\nname: Fix".utf8) + [0xE9] + Array("ture\n".utf8)
    + Array(scenario.dropFirst("cosite: 1\nname: Fixture\n".count).utf8)
  static let budget = ["--budget-vnd", "1000000000"]

  static let failures: [Failure] = [
    Failure(
      "validate: a grid over its cell budget", ["validate"], ["scenario.yaml": scenario + "\ngrid:\n  max_cells: 1"],
      line: "scenario.yaml:17: 'grid': zones z1 need"),
    Failure(
      "run: a grid over its cell budget", ["run"], ["scenario.yaml": scenario + "\ngrid:\n  max_cells: 1"],
      line: "scenario.yaml:17: 'grid': zones z1 need"),
    Failure(
      "validate: terrain that does not cover the grid", ["validate"],
      ["scenario.yaml": scenario + terrain, "dem.asc": smallDEM],
      line: "dem.asc: the terrain does not cover the grid of zones z1"),
    Failure(
      "run: terrain that does not cover the grid", ["run"],
      ["scenario.yaml": scenario + terrain, "dem.asc": smallDEM],
      line: "dem.asc: the terrain does not cover the grid of zones z1"),
    Failure(
      "run: a self-intersecting parcel", ["run"], ["parcels.geojson": bowtie],
      line: "parcels.geojson: feature index 0 (id 'P1'): invalid geometry: Self-intersection at (106.755, 20.835)"),
    Failure(
      "run: an environment file named as the structures", ["run"],
      ["structures.csv": "PATH=/usr/bin\nHOME=/root\nAPI_TOKEN=s3cr3t-value\n"],
      line: "structures.csv:1: line 1 is not a header with the columns id, kind, height_m, owner, free_slots",
      count: nil,
      absent: ["HOME", "/root", "s3cr3t"]),
    Failure(
      "recommend: stations that would cost nothing", ["recommend"] + budget,
      ["scenario.yaml": scenario + "\ncosts:\n  colocation_install_vnd: 0\n  operations_vnd_per_site_year: 0"],
      line: "scenario.yaml:17: 'costs': colocation_install_vnd and operations_vnd_per_site_year are both 0"),
    Failure(
      "compare: a sharing option named to leave --out", ["compare"] + budget,
      ["scenario.yaml": scenario + "\nsharing:\n  options:\n    - { name: ../escape, base: passive }"],
      line: "scenario.yaml:18: 'sharing.options[0].name': '../escape' cannot name output files"),
    Failure(
      "validate: a Latin-1 byte in the scenario", ["validate"], [:], bytes: ["scenario.yaml": latin1Scenario],
      line: "scenario.yaml:2: not UTF-8 text: byte 0xE9 at byte offset 19"),
    Failure(
      "run: a sector pattern with a NaN attenuation", ["run"],
      [
        "sites.csv": sites.replacingOccurrences(of: "power_dbm", with: "power_dbm,antenna_pattern")
          .replacingOccurrences(of: "38,43", with: "38,43,pattern.msi").replacingOccurrences(
            of: "35,43", with: "35,43,"),
        "pattern.msi": pattern.replacingOccurrences(of: "90 20", with: "90 nan"),
      ], line: "pattern.msi:10: expected 'angle attenuation' in the VERTICAL block"),
    Failure(
      "run: parcels in a file GDAL cannot read", ["run"],
      ["scenario.yaml": scenario.replacingOccurrences(of: "parcels.geojson", with: "parcels.gpkg")],
      bytes: ["parcels.gpkg": Array("SQLite format 3\0 but not really".utf8)],
      line: "parcels.gpkg: GDAL could not open"),
    Failure(
      "run: a terrain raster GDAL cannot read", ["run"],
      ["scenario.yaml": scenario + "\ncoverage:\n  terrain: { dem: dem.tif }"],
      bytes: ["dem.tif": Array("II*\0 truncated".utf8)], line: "dem.tif: GDAL could not open"),
    Failure(
      "validate: a terrain raster with a height out of range", ["validate"],
      ["scenario.yaml": scenario + "\ncoverage:\n  terrain: { dem: dem.tif }"], bytes: ["dem.tif": badHeightTIFF],
      line: "dem.tif: pixel (column 1, row 0): height 99999.0: expected metres from −20,000 to 20,000"),
    Failure(
      "validate: a land-cover raster with a code that is not a whole number", ["validate"],
      ["scenario.yaml": scenario + "\ncoverage:\n  land_cover: { raster: cover.tif }"],
      bytes: ["cover.tif": badClassTIFF],
      line: "cover.tif: pixel (column 2, row 1): value 40.5: expected a class code"),
    Failure(
      "run: a land-cover raster that does not cover the grid", ["run"],
      ["scenario.yaml": scenario + "\ncoverage:\n  land_cover: { raster: cover.tif }"],
      bytes: ["cover.tif": smallClassTIFF],
      line: "cover.tif: the land cover does not cover the grid of zones z1"),
  ]

  /// A 3 × 2 land-cover GeoTIFF of 100 m cells in UTM 48N: 300 m × 200 m, far smaller than
  /// the fixture's grid.
  static let smallClassTIFF: [UInt8] = Array(
    try! GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: 3, rows: 2, originX: 684000, originY: 2304000, resolutionM: 100, crs: CRS(epsg: 32648),
        bands: [RasterBand(values: .int32([50, 50, 40, 50, 50, 50]), noData: 255, description: "class")])))

  /// A 3 × 2 land-cover GeoTIFF whose south-eastern cell holds 40.5 (rows from the south: index 2).
  static let badClassTIFF: [UInt8] = Array(
    try! GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: 3, rows: 2, originX: 684000, originY: 2304000, resolutionM: 100, crs: CRS(epsg: 32648),
        bands: [RasterBand(values: .float32([50, 50, 40.5, 50, 50, 50]), noData: 255, description: "class")])))

  /// A 3 × 2 GeoTIFF in UTM 48N whose northern middle cell holds 99,999 m (RasterImage rows
  /// run from the south: index 4 is row 1 from the south, the northern one, column 1).
  static let badHeightTIFF: [UInt8] = Array(
    try! GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: 3, rows: 2, originX: 684000, originY: 2304000, resolutionM: 100, crs: CRS(epsg: 32648),
        bands: [RasterBand(values: .float32([10, 11, 12, 13, 99999, 15]), noData: -9999, description: "height")])))

  /// A scenario folder: the valid files with `files` over them.
  static func folder(_ files: [String: [UInt8]]) throws -> URL {
    let folder = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let valid = [
      "scenario.yaml": scenario, "parcels.geojson": parcels, "structures.csv": structures, "sites.csv": sites,
    ]
    for (name, bytes) in valid.mapValues({ Array($0.utf8) }).merging(files, uniquingKeysWith: { _, new in new }) {
      try Data(bytes).write(to: folder.appendingPathComponent(name))
    }
    return folder
  }

  @Test(.timeLimit(.minutes(2)), arguments: failures)
  func exitsWithTheProblemOnStandardErrorAndWritesNothing(_ failure: Failure) throws {
    let folder = try Self.folder(failure.files)
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = failure.command.prefix(1) + ["scenario.yaml"] + failure.command.dropFirst()
    let result = try CLI.run(Array(arguments) + (failure.writes ? ["--out", "out"] : []), in: folder)
    let lines = result.standardError.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(result.status == 1, "stderr:\n\(result.standardError)")
    #expect(lines.contains { $0.hasPrefix(failure.line) }, "expected \(failure.line)\nstderr:\n\(result.standardError)")
    if let count = failure.count {
      #expect(lines.first == "found \(count) problem\(count == 1 ? "" : "s"):", "stderr:\n\(result.standardError)")
    }
    for text in failure.absent {
      #expect(!(result.standardError + result.standardOutput).contains(text), "the output shows \(text)")
    }
    #expect(!result.standardError.contains("Fatal error"))
    let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(!left.contains("out"), "--out was written: \(left)")
    #expect(!left.contains { $0.hasPrefix(".out.cosite-") }, "a staging folder is left: \(left)")
  }

  @Test func aMissingScenarioIsReportedAsSuch() throws {
    let folder = try Self.folder([:])
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLI.run(["run", "nowhere.yaml", "--out", "out"], in: folder)
    #expect(result.status == 1)
    #expect(result.standardError.contains("nowhere.yaml: file not found"), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }
}
