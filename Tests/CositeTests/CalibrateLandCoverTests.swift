import Foundation
import Geo
import GeoIO
import Scenario
import Testing

/// `cosite calibrate` per land-cover class (#21, "per zone or land-use class where the data
/// supports it"): a synthetic drive test over Dinh Vu with a land-cover raster of three
/// classes and a known extra loss in two of them; the offsets come back, the tables
/// reconcile, and the fragment pasted into the scenario predicts every class without bias.
@Suite struct CalibrateLandCoverTests {
  /// Truth: ΔL = 6 dB + 3 dB/decade · log10(d / 1 km) everywhere, and 5 dB more on "tree
  /// cover", 3 dB less on "grassland"; σ 7 dB.
  static let truthDB = ["built-up": 6.0, "tree cover": 11, "grassland": 3]

  /// Dinh Vu with a land cover in the scenario's CRS: the roads' west third built-up (code
  /// 50, the scenario's Erceg B), the middle third tree cover (10, Erceg A), the east third
  /// grassland (30, Erceg C), by the road parcels' x extent; 25 m cells over the parcels and
  /// 3 km around them.
  static func scenario() throws -> URL {
    let base = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent(CalibrateCommandTests.scenario).path)
    let roads = base.parcels.filter { $0.landUse == .road }.compactMap(\.outline.bounds)
    let (west, east) = (roads.map(\.min.x).min() ?? 0, roads.map(\.max.x).max() ?? 0)
    let cellM = 25.0
    let (originX, originY, columns, rows) = Self.raster(around: base, cellM: cellM)
    var codes = [Int32](repeating: 0, count: columns * rows)
    for row in 0..<rows {
      for column in 0..<columns {
        let x = originX + (Double(column) + 0.5) * cellM
        let third = (x - west) / (east - west)
        codes[row * columns + column] = third < 1 / 3.0 ? 50 : third < 2 / 3.0 ? 10 : 30
      }
    }
    let text = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent(CalibrateCommandTests.scenario), encoding: .utf8)
    let path = try PostGISInputTests.writeScenario(
      text.replacingOccurrences(
        of: "\ncoverage:\n", with: "\ncoverage:\n  land_cover: { raster: cover.tif, crs: \"\(base.crs.identifier)\" }\n"
      ))
    try GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: columns, rows: rows, originX: originX, originY: originY, resolutionM: cellM, crs: base.crs,
        bands: [RasterBand(values: .int32(codes), noData: 255, description: "class")])
    ).write(to: path.deletingLastPathComponent().appendingPathComponent("cover.tif"))
    return path
  }

  /// A raster over the scenario's parcels and 3 km around them: its south-west corner (the
  /// scenario's CRS) and size in cells of `cellM`.
  static func raster(
    around scenario: ScenarioModel, cellM: Double
  ) -> (
    west: Double, south: Double, columns: Int, rows: Int
  ) {
    let bounds = scenario.parcels.compactMap(\.outline.bounds)
    let west = (bounds.map(\.min.x).min() ?? 0) - 3000
    let south = (bounds.map(\.min.y).min() ?? 0) - 3000
    let columns = Int((((bounds.map(\.max.x).max() ?? 0) + 3000 - west) / cellM).rounded(.up))
    let rows = Int((((bounds.map(\.max.y).max() ?? 0) + 3000 - south) / cellM).rounded(.up))
    return (west, south, columns, rows)
  }

  @Test func eachClassGetsItsOffsetBackAndTheFragmentPredictsItWithoutBias() throws {
    let scenario = try Self.scenario()
    let directory = scenario.deletingLastPathComponent()
    defer { try? FileManager.default.removeItem(at: directory) }
    let log = directory.appendingPathComponent("log")
    let made = try CLI.run([
      "synthesize", "drive-test", scenario.path, "--carrier", "viettel", "--layer", "lte1800", "--seed", "5",
      "--sigma-db", "7", "--land-cover-offset", "tree cover=5", "--land-cover-offset", "grassland=-3",
      "--out", log.path,
    ])
    #expect(made.status == 0, "\(made.standardError)")
    let readme = try String(contentsOf: log.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("5 dB more in land-cover class \"tree cover\""), "\(readme)")

    let (result, out) = try CalibrateCommandTests.calibrate(
      scenario.path, log: log.appendingPathComponent("drive-test.csv").path,
      mapping: log.appendingPathComponent("mapping.yaml").path)
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(result.status == 0, "\(result.standardError)")
    let fits = try CalibrateCommandTests.csv(out.appendingPathComponent("calibration-fit.csv"))
    let layer = try #require(fits.first { $0["land_cover"] == "" })
    // Two classes with a term of their own; the third is the reference the layer's offset holds for.
    let classes = fits.filter { $0["land_cover"] != "" }
    #expect(classes.count == 2, "\(fits)")
    let reference = try #require(Self.truthDB.keys.first { name in !classes.contains { $0["land_cover"] == name } })
    for (name, truth) in Self.truthDB {
      let row = classes.first { $0["land_cover"] == name } ?? layer
      let offset = try #require(Double(row["tuned_offset_db"] ?? ""))
      let error = try #require(Double(row["offset_se_db"] ?? ""))
      // Each offset within three of its standard errors, which are small enough to tell the
      // classes apart (six seeds: 0.18–0.32 dB, every offset within 0.42 dB; BENCHMARKS.md).
      #expect(error < 0.35, "\(name): se \(error)")
      #expect(abs(offset - truth) < 3 * error, "\(name): offset \(offset) ± \(error), truth \(truth)")
      guard name != reference else { continue }
      // What the class adds over the reference, "its own term T ± E dB" in the row's note.
      let note = (row["note"] ?? "").split(separator: " ")
      let term = try #require(note.firstIndex(of: "term").flatMap { Double(note[$0 + 1]) })
      let termError = try #require(note.firstIndex(of: "±").flatMap { Double(note[$0 + 1]) })
      let truthTerm = truth - Self.truthDB[reference]!
      #expect(abs(term - truthTerm) < 3 * termError, "\(name): \(term) ± \(termError) over \(reference)")
    }
    let slope = try #require(Double(layer["tuned_slope_db_per_decade"] ?? ""))
    #expect(abs(slope - 3) < 1, "slope \(slope)")
    for row in fits {
      let sigma = try #require(Double(row["sigma_db"] ?? ""))
      #expect(abs(sigma - 7) < 0.5, "\(row["land_cover"] ?? ""): σ \(sigma)")
    }

    // Each layer's classes add up to its local means, each class's mean error after the fit is 0.
    let bins = try #require(Int(layer["bins"] ?? ""))
    let errors = try CalibrateCommandTests.csv(out.appendingPathComponent("calibration-errors.csv"))
    let byClass = errors.filter { $0["scope"] == "land_cover" }
    #expect(Set(byClass.compactMap { $0["group"] }) == Set(Self.truthDB.keys))
    #expect(byClass.reduce(0) { $0 + (Int($1["bins"] ?? "") ?? 0) } == bins)
    for row in byClass {
      #expect(abs(Double(row["after_mean_error_db"] ?? "") ?? .nan) < 0.005, "\(row)")
    }
    let map = try String(contentsOf: out.appendingPathComponent("calibration-residuals.geojson"), encoding: .utf8)
    #expect(map.contains("\"land_cover\":\"tree cover\""))

    // The fragment pasted in: the tuned scenario's predictions have no mean error in any class.
    let fragment = try String(contentsOf: out.appendingPathComponent("scenario-fragment.yaml"), encoding: .utf8)
    for row in classes {
      #expect(fragment.contains("land_cover: \(row["land_cover"] ?? "")\n"), "\(fragment)")
    }
    #expect(!fragment.contains("land_cover: \(reference)\n"), "\(fragment)")
    let text = try String(contentsOf: scenario, encoding: .utf8)
    try (text + "\n" + fragment).write(to: scenario, atomically: true, encoding: .utf8)
    let validate = try CLI.run(["validate", scenario.path])
    #expect(validate.status == 0, "\(validate.standardError)")
    let (second, again) = try CalibrateCommandTests.calibrate(
      scenario.path, log: log.appendingPathComponent("drive-test.csv").path,
      mapping: log.appendingPathComponent("mapping.yaml").path)
    defer { try? FileManager.default.removeItem(at: again) }
    #expect(second.status == 0, "\(second.standardError)")
    let tuned = try CalibrateCommandTests.csv(again.appendingPathComponent("calibration-errors.csv"))
    for row in tuned where row["scope"] == "land_cover" {
      // The fragment's values are rounded to 0.01 dB.
      #expect(abs(Double(row["before_mean_error_db"] ?? "") ?? .nan) < 0.02, "\(row)")
    }
    let refits = try CalibrateCommandTests.csv(again.appendingPathComponent("calibration-fit.csv"))
    for row in fits {
      let refit = refits.first { $0["land_cover"] == row["land_cover"] }
      #expect(
        abs((Double(refit?["tuned_offset_db"] ?? "") ?? .nan) - (Double(row["tuned_offset_db"] ?? "") ?? .nan))
          <= 0.011, "\(row["land_cover"] ?? "")")
    }
  }

  /// A `land_cover:` entry must name a class of the scenario's land cover, once per layer; a
  /// scenario without land cover takes none. Errors name the line.
  @Test(arguments: [
    (
      "  - { carrier: viettel, layer: lte1800, land_cover: forest, offset_db: 2 }\n",
      "'calibration[0].land_cover': no land-cover class 'forest' (expected one of: "
    ),
    (
      "  - { carrier: viettel, layer: lte1800, land_cover: grassland, offset_db: 2 }\n"
        + "  - { carrier: viettel, layer: lte1800, land_cover: grassland, offset_db: 3 }\n",
      "'calibration[1]': layer 'lte1800' of 'viettel' on land cover 'grassland' is tuned twice"
    ),
  ])
  func badClassEntriesAreRefused(entries: String, message: String) throws {
    let scenario = try Self.scenario()
    defer { try? FileManager.default.removeItem(at: scenario.deletingLastPathComponent()) }
    let text = try String(contentsOf: scenario, encoding: .utf8)
    try (text + "\ncalibration:\n" + entries).write(to: scenario, atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", scenario.path])
    #expect(result.status != 0)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(result.standardError.contains("scenario.yaml:"), "\(result.standardError)")
  }

  @Test func aClassEntryNeedsALandCover() throws {
    let text = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent(CalibrateCommandTests.scenario), encoding: .utf8)
    let scenario = try PostGISInputTests.writeScenario(
      text + "\ncalibration:\n  - { carrier: viettel, layer: lte1800, land_cover: grassland, offset_db: 2 }\n")
    defer { try? FileManager.default.removeItem(at: scenario.deletingLastPathComponent()) }
    let result = try CLI.run(["validate", scenario.path])
    #expect(result.status != 0)
    #expect(
      result.standardError.contains("'calibration[0].land_cover': the scenario has no coverage.land_cover"),
      "\(result.standardError)")
  }
}
