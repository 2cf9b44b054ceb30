import Foundation
import Geo
import GeoIO
import Scenario
import Testing

/// `cosite calibrate` on a scenario with terrain (#21): the predictions hold the diffraction
/// the run adds, so a drive over hills gives the true coefficients back, where a flat-earth
/// fit of the same log puts the drive's average diffraction into its offset; the fragment is
/// marked as fitted over terrain and pastes back without the flat-fit warning.
@Suite struct CalibrateTerrainTests {
  /// Dinh Vu at 30 m cells over a DEM of Gaussian hills (200 m high, σ 250 m) on a 1 km
  /// lattice over ground at 3 m, 30 m samples over the parcels and 3 km around them.
  static func scenario(terrain: Bool) throws -> URL {
    let base = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent(CalibrateCommandTests.scenario).path)
    let cellM = 30.0
    let (west, south, columns, rows) = CalibrateLandCoverTests.raster(around: base, cellM: cellM)
    var heights = [Float](repeating: 0, count: columns * rows)
    for row in 0..<rows {
      for column in 0..<columns {
        // Row 0 is the southern row (`RasterImage`).
        let x = west + (Double(column) + 0.5) * cellM
        let y = south + (Double(row) + 0.5) * cellM
        let dx = (x - west).truncatingRemainder(dividingBy: 1000) - 500
        let dy = (y - south).truncatingRemainder(dividingBy: 1000) - 500
        heights[row * columns + column] = Float(3 + 200 * exp(-(dx * dx + dy * dy) / (2 * 250 * 250)))
      }
    }
    var text = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent(CalibrateCommandTests.scenario), encoding: .utf8
    ).replacingOccurrences(of: "  resolution_m: 10\n", with: "  resolution_m: 30\n")
    if terrain {
      text = text.replacingOccurrences(of: "\ncoverage:\n", with: "\ncoverage:\n  terrain: { dem: hills.tif }\n")
    }
    let path = try PostGISInputTests.writeScenario(text)
    try GeoIO.cloudOptimizedGeoTIFF(
      RasterImage(
        columns: columns, rows: rows, originX: west, originY: south, resolutionM: cellM, crs: base.crs,
        bands: [RasterBand(values: .float32(heights), noData: -9999, description: "height")])
    ).write(to: path.deletingLastPathComponent().appendingPathComponent("hills.tif"))
    return path
  }

  @Test func aDriveOverHillsGivesItsTruthBack() throws {
    let hills = try Self.scenario(terrain: true)
    let flat = try Self.scenario(terrain: false)
    defer {
      try? FileManager.default.removeItem(at: hills.deletingLastPathComponent())
      try? FileManager.default.removeItem(at: flat.deletingLastPathComponent())
    }
    let log = hills.deletingLastPathComponent().appendingPathComponent("log")
    let made = try CLI.run([
      "synthesize", "drive-test", hills.path, "--carrier", "viettel", "--layer", "lte1800", "--seed", "3",
      "--sigma-db", "7", "--out", log.path,
    ])
    #expect(made.status == 0, "\(made.standardError)")
    let csv = log.appendingPathComponent("drive-test.csv").path
    let mapping = log.appendingPathComponent("mapping.yaml").path

    let (result, out) = try CalibrateCommandTests.calibrate(hills.path, log: csv, mapping: mapping)
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(result.status == 0, "\(result.standardError)")
    let fit = try #require(try CalibrateCommandTests.csv(out.appendingPathComponent("calibration-fit.csv")).first)
    let (offset, slope, sigma) = try CalibrateCommandTests.tuned(fit)
    // The tolerances, truth 6 dB, 3 dB/decade, σ 7 dB.
    #expect(abs(offset - 6) < 0.5, "offset \(offset)")
    #expect(abs(slope - 3) < 1, "slope \(slope)")
    #expect(abs(sigma - 7) < 0.5, "σ \(sigma)")
    // The residual map gives each local mean's diffraction.
    let map = try String(contentsOf: out.appendingPathComponent("calibration-residuals.geojson"), encoding: .utf8)
    let losses = map.components(separatedBy: "\"terrain_loss_db\":").dropFirst().compactMap {
      Double($0.prefix { "0123456789.-".contains($0) })
    }
    #expect(losses.count == Int(fit["bins"] ?? "") && losses.contains { $0 > 6 })

    // The same log on flat earth: with the hills left out of the predictions (their diffraction
    // and the antenna's gain toward ground up to 200 m above the site's) the fit misses the
    // truth and leaves more spread.
    let (flatResult, flatOut) = try CalibrateCommandTests.calibrate(flat.path, log: csv, mapping: mapping)
    defer { try? FileManager.default.removeItem(at: flatOut) }
    #expect(flatResult.status == 0, "\(flatResult.standardError)")
    let flatFit = try #require(
      try CalibrateCommandTests.csv(flatOut.appendingPathComponent("calibration-fit.csv")).first)
    let flatOffset = try #require(Double(flatFit["tuned_offset_db"] ?? ""))
    let flatSigma = try #require(Double(flatFit["sigma_db"] ?? ""))
    #expect(abs(flatOffset - 6) > 1 && flatSigma > sigma + 1, "flat: offset \(flatOffset), σ \(flatSigma)")

    // Pasted back: no warning of a flat fit, and the tuned scenario predicts the log without bias.
    let fragment = try String(contentsOf: out.appendingPathComponent("scenario-fragment.yaml"), encoding: .utf8)
    #expect(fragment.contains("    terrain: true"), "\(fragment)")
    try (try String(contentsOf: hills, encoding: .utf8) + "\n" + fragment).write(
      to: hills, atomically: true, encoding: .utf8)
    let validate = try CLI.run(["validate", hills.path])
    #expect(validate.status == 0 && !validate.standardError.contains("tuning fitted"), "\(validate.standardError)")
    let (second, again) = try CalibrateCommandTests.calibrate(hills.path, log: csv, mapping: mapping)
    defer { try? FileManager.default.removeItem(at: again) }
    #expect(second.status == 0, "\(second.standardError)")
    let errors = try #require(
      try CalibrateCommandTests.csv(again.appendingPathComponent("calibration-errors.csv")).first)
    #expect(abs(Double(errors["before_mean_error_db"] ?? "") ?? .nan) < 0.02, "\(errors)")
    // On flat earth the same fragment is fitted beside a diffraction that is not there: a warning.
    try (try String(contentsOf: flat, encoding: .utf8) + "\n" + fragment).write(
      to: flat, atomically: true, encoding: .utf8)
    let flatValidate = try CLI.run(["validate", flat.path])
    #expect(flatValidate.standardError.contains("a tuning fitted over terrain"), "\(flatValidate.standardError)")
  }
}
