import Foundation
import Geo
import GeoIO
import TestSupport
import Testing

/// The "bring your own data" samples (#20, geodata/own-data, made by
/// scripts/geodata/own_data.py) give the figures of the native inputs they describe.
@Suite struct OwnDataTests {
  /// Dinh Vu's parcels and outlines from a GeoPackage (two layers per zone, a zone board's
  /// field names mapped by `fields:`) and Shapefiles (field names cut to ten characters), all
  /// in VN-2000 (EPSG:9210), and its sites from a cell export read through its mapping, against
  /// the GeoJSON in WGS 84 and Cosite's CSVs: the per-parcel figures are the
  /// same to the byte, and the run's summary the same apart from the scenario's name and the
  /// last digit of a few percentiles. (The coordinates went WGS 84 → VN-2000 → WGS 84 through
  /// PROJ, which moves them by well under a millimetre: no cell centre changes parcel, but the
  /// drop mode's users are drawn at continuous positions inside the parcels, and a handful of
  /// their percentiles, written to 0.01 dB, round the other way.)
  @Test func dinhVuFromAGeoPackageAndShapefilesInVN2000GivesTheSameFigures() throws {
    let own = CLI.temporaryDirectory()
    let native = CLI.temporaryDirectory()
    defer { for directory in [own, native] { try? FileManager.default.removeItem(at: directory) } }
    for (scenario, directory) in [("hai-phong-dinh-vu-own-data", own), ("hai-phong-dinh-vu", native)] {
      let run = try CLI.run(["run", "scenarios/\(scenario).yaml", "--out", directory.path])
      #expect(run.status == 0, "\(run.standardError)")
    }
    let parcels = "parcel-coverage.csv"
    let a = try Data(contentsOf: own.appendingPathComponent(parcels))
    let b = try Data(contentsOf: native.appendingPathComponent(parcels))
    #expect(a == b, "\(parcels) differs")
    #expect(a.count > 10_000)
    func summary(_ directory: URL) throws -> [String: Any] {
      var json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json")))
          as? [String: Any])
      json["scenario"] = nil
      return json
    }
    var ownSummary = try summary(own)
    var nativeSummary = try summary(native)
    let ownDrops = ownSummary.removeValue(forKey: "distributions")
    let nativeDrops = nativeSummary.removeValue(forKey: "distributions")
    #expect(ownDrops != nil && nativeDrops != nil)
    #expect(NSDictionary(dictionary: ownSummary).isEqual(to: nativeSummary), "summary.json differs")
    var worst = 0.0
    #expect(Self.sameShape(ownDrops ?? 0, nativeDrops ?? 1, worst: &worst), "the drop distributions differ in shape")
    #expect(worst <= 0.0100001, "a drop percentile differs by \(worst) dB")
  }

  /// The same synthetic hill as an ESRI ASCII grid (Cosite's own reader) and as a GeoTIFF
  /// (through GDAL), both in UTM 48N, under the fixture's two parcels: the same figures to the
  /// byte. The hill (60 m, σ 300 m) stands between the sites and the eastern parcel, so the
  /// figures differ from flat ground's (checked: the terrain is really read); heights are multiples of 1/8 m,
  /// exact both in the ASCII text and in Float32, so the two files hold the same numbers.
  @Test func aGeoTIFFTerrainGivesTheFiguresOfTheSameASCIIGrid() throws {
    let toUTM = try CoordinateTransform(from: .wgs84, to: CRS(epsg: 32648))
    let southWest = try toUTM.forward(Coordinate(lon: 106.735, lat: 20.815))
    let northEast = try toUTM.forward(Coordinate(lon: 106.776, lat: 20.855))
    let hill = try toUTM.forward(Coordinate(lon: 106.7585, lat: 20.835))
    let cellM = 30.0
    let west = (southWest.x / 100).rounded(.down) * 100
    let south = (southWest.y / 100).rounded(.down) * 100
    let columns = Int(((northEast.x - west) / cellM).rounded(.up))
    let rows = Int(((northEast.y - south) / cellM).rounded(.up))
    var heights: [Float] = []
    for row in 0..<rows {
      for column in 0..<columns {
        let x = west + (Double(column) + 0.5) * cellM - hill.x
        let y = south + (Double(rows - row) - 0.5) * cellM - hill.y
        let metres = 3 + 60 * exp(-(x * x + y * y) / (2 * 300 * 300))
        heights.append(Float((metres * 8).rounded() / 8))
      }
    }
    var ascii = "ncols \(columns)\nnrows \(rows)\nxllcorner \(west)\nyllcorner \(south)\ncellsize \(cellM)\n"
    for row in 0..<rows {
      ascii += heights[(row * columns)..<((row + 1) * columns)].map { "\($0)" }.joined(separator: " ") + "\n"
    }
    // RasterImage rows run from the south (the writer flips them into GDAL's north-up order).
    let southFirst = (0..<rows).reversed().flatMap { row in heights[(row * columns)..<((row + 1) * columns)] }
    let tiff = try GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: columns, rows: rows, originX: west, originY: south, resolutionM: cellM, crs: CRS(epsg: 32648),
        bands: [RasterBand(values: .float32(southFirst), noData: -9999, description: "height", unit: "m")]))
    var outputs: [Data] = []
    let cases = [("dem.asc", "{ dem: dem.asc, crs: EPSG:32648 }"), ("dem.tif", "{ dem: dem.tif }"), ("", "")]
    for (name, terrain) in cases {
      let fixture = try ScenarioFixture(
        scenario: ScenarioFixture.validScenario + (terrain.isEmpty ? "" : "\ncoverage:\n  terrain: \(terrain)"))
      defer { try? FileManager.default.removeItem(at: fixture.directory) }
      if !name.isEmpty {
        try (name == "dem.asc" ? Data(ascii.utf8) : tiff).write(to: fixture.directory.appendingPathComponent(name))
      }
      let out = fixture.directory.appendingPathComponent("out")
      let run = try CLI.run(["run", fixture.scenarioPath, "--out", out.path])
      #expect(run.status == 0, "\(run.standardError)")
      outputs.append(try Data(contentsOf: out.appendingPathComponent("parcel-coverage.csv")))
    }
    #expect(outputs[0] == outputs[1], "parcel-coverage.csv differs between the ASCII grid and the GeoTIFF")
    // The terrain is used: on flat ground (the third run) the figures differ.
    #expect(outputs[0] != outputs[2], "the hill changes nothing: the terrain was not read")
  }

  /// `cosite import sites` on the bundled export writes Cosite's two CSVs (669 sectors on the
  /// 67 structures carriers are on: the rows and the distinct `structure` values of the three
  /// native Dinh Vu sites files); with a mapping naming a column the export lacks it exits
  /// with status 1, says which, and writes nothing.
  @Test func importSitesWritesBothFilesOrNothing() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let export = "geodata/own-data/dinh-vu-cells-export.csv"
    let good = try CLI.run([
      "import", "sites", export, "--mapping", "geodata/own-data/dinh-vu-cells-mapping.yaml", "--out", out.path,
    ])
    #expect(good.status == 0, "\(good.standardError)")
    #expect(good.standardOutput.contains("669 sectors of mobifone, viettel, vnpt on 67 structures"))
    let sites = try String(contentsOf: out.appendingPathComponent("sites.csv"), encoding: .utf8)
    let structures = try String(contentsOf: out.appendingPathComponent("structures.csv"), encoding: .utf8)
    #expect(sites.split(separator: "\n").count == 670 && structures.split(separator: "\n").count == 68)
    let folder = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let mapping = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("geodata/own-data/dinh-vu-cells-mapping.yaml"),
      encoding: .utf8
    ).replacingOccurrences(of: "power: CONG_SUAT_W", with: "power: CONG_SUAT")
    try mapping.write(to: folder.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
    let bad = try CLI.run(
      [
        "import", "sites", CLI.repositoryRoot.appendingPathComponent(export).path, "--mapping", "map.yaml", "--out",
        "out",
      ],
      in: folder)
    #expect(bad.status == 1)
    #expect(
      bad.standardError.contains("dinh-vu-cells-export.csv:1: no column 'CONG_SUAT' (mapped to 'power')"),
      "\(bad.standardError)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
  }

  /// A land-cover raster over the fixture (0.001° cells in WGS 84, one class everywhere) as
  /// a GeoTIFF in `directory`.
  static func writeLandCover(code: Int32, to directory: URL) throws {
    let columns = 100
    let rows = 80
    try GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: columns, rows: rows, originX: 106.70, originY: 20.80, resolutionM: 0.001, crs: .wgs84,
        bands: [
          RasterBand(values: .int32([Int32](repeating: code, count: columns * rows)), noData: 255, description: "class")
        ])
    ).write(to: directory.appendingPathComponent("cover.tif"))
  }

  /// The fixture run with `scenario` (and a land-cover raster of `code`, if given): its parcel figures.
  static func parcelFigures(
    _ scenario: String, sites: String = ScenarioFixture.validSites, code: Int32? = nil
  ) throws
    -> Data
  {
    let fixture = try ScenarioFixture(scenario: scenario, sites: sites)
    defer { try? FileManager.default.removeItem(at: fixture.directory) }
    if let code { try writeLandCover(code: code, to: fixture.directory) }
    let out = fixture.directory.appendingPathComponent("out")
    let run = try CLI.run(["run", fixture.scenarioPath, "--out", out.path])
    #expect(run.status == 0, "\(run.standardError)")
    return try Data(contentsOf: out.appendingPathComponent("parcel-coverage.csv"))
  }

  /// Land cover (#20) gives each cell its class's propagation, with the figures of what it
  /// describes: ESA WorldCover's tree cover (10) everywhere equals the zone naming Erceg
  /// terrain A itself (the default class table: README, *Land cover*); built-up (50) keeps
  /// the scenario's model, so its figures are those of no land cover at all; and a class's
  /// 10 dB clutter loss everywhere gives the downlink of every sector transmitting 10 dB less
  /// (RSRP and SINR shift alike: the noise is the same in both runs, and each sector's reach
  /// ends where its loss passes the same margin below its peak) — but not its uplink: the
  /// phones' signal crosses the clutter too, so more of the parcels is uplink-limited.
  @Test func landCoverClassesGiveTheFiguresOfWhatTheyDescribe() throws {
    let base = ScenarioFixture.validScenario
    let cover = "\ncoverage:\n  land_cover: { raster: cover.tif }"
    let ercegA = try Self.parcelFigures(
      base.replacingOccurrences(
        of: "parcels: parcels.geojson", with: "parcels: parcels.geojson\n    propagation: { model: erceg-sui-a }"))
    let trees = try Self.parcelFigures(base + cover, code: 10)
    #expect(trees == ercegA, "tree cover differs from the zone's Erceg A")
    let plain = try Self.parcelFigures(base)
    let builtUp = try Self.parcelFigures(base + cover, code: 50)
    #expect(builtUp == plain, "built-up land cover changed the default model's figures")
    #expect(trees != plain, "the land cover changed nothing")
    let lossy = try Self.parcelFigures(
      base + "\ncoverage:\n  land_cover:\n    raster: cover.tif\n    classes: { 50: { clutter_loss_db: 10 } }", code: 50
    )
    let quieter = try Self.parcelFigures(
      base,
      sites: ScenarioFixture.validSites.replacingOccurrences(of: ",43\n", with: ",33\n")
        .replacingOccurrences(of: ",43", with: ",33"))
    // Identification, RSRP and SINR columns (through sinr_lt_0): the downlink.
    func table(_ data: Data) -> [[String]] {
      String(decoding: data, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    }
    let header = table(lossy)[0]
    let downlink = try #require(header.firstIndex(of: "sinr_lt_0")) + 1
    let uplink = try #require(header.firstIndex(of: "uplink_limited_share"))
    #expect(table(lossy).map { $0.prefix(downlink) } == table(quieter).map { $0.prefix(downlink) })
    let limited = { (data: Data) in table(data).dropFirst().reduce(0.0) { $0 + (Double($1[uplink]) ?? .nan) } }
    #expect(limited(lossy) > limited(quieter), "the clutter loss spared the uplink")
    #expect(lossy != plain)
  }

  /// Whether two JSON values have the same structure, text and counts, with numbers that may
  /// differ (the largest difference goes to `worst`).
  static func sameShape(_ a: Any, _ b: Any, worst: inout Double) -> Bool {
    switch (a, b) {
    case (let a as [String: Any], let b as [String: Any]):
      return a.keys.sorted() == b.keys.sorted() && a.keys.allSatisfy { sameShape(a[$0]!, b[$0]!, worst: &worst) }
    case (let a as [Any], let b as [Any]):
      return a.count == b.count && zip(a, b).allSatisfy { sameShape($0, $1, worst: &worst) }
    case (let a as NSNumber, let b as NSNumber):
      worst = max(worst, abs(a.doubleValue - b.doubleValue))
      return true
    case (let a as String, let b as String):
      return a == b
    default:
      return type(of: a) == type(of: b)
    }
  }
}
