import Foundation
import Testing

/// `cosite calibrate --height-term` (#21, "height and clutter terms"): Dinh Vu's Viettel LTE
/// 1800 sectors hang at 11.5–49 m; a synthetic drive whose true model loses 8 dB less per
/// decade of antenna height than the scenario's gives that term back, and the fragment pasted
/// into the scenario predicts the log without bias.
@Suite struct CalibrateHeightTests {
  @Test func theHeightTermComesBackAndPastesIntoTheScenario() throws {
    let directory = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let log = directory.appendingPathComponent("log")
    let made = try CLI.run([
      "synthesize", "drive-test", CalibrateCommandTests.scenario, "--carrier", "viettel", "--layer", "lte1800",
      "--seed", "7", "--sigma-db", "7", "--height-db-per-decade=-8", "--out", log.path,
    ])
    #expect(made.status == 0, "\(made.standardError)")
    let csv = log.appendingPathComponent("drive-test.csv").path
    let mapping = log.appendingPathComponent("mapping.yaml").path
    let out = directory.appendingPathComponent("fit")
    let result = try CLI.run([
      "calibrate", CalibrateCommandTests.scenario, "--measurements", csv, "--mapping", mapping, "--height-term",
      "--out", out.path,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let fit = try #require(try CalibrateCommandTests.csv(out.appendingPathComponent("calibration-fit.csv")).first)
    let height = try #require(Double(fit["tuned_height_db_per_decade"] ?? ""))
    let error = try #require(Double(fit["height_se_db_per_decade"] ?? ""))
    // Truth −8 dB/decade: within three standard errors, which are small enough to matter.
    #expect(error < 2.5, "se \(error)")
    #expect(abs(height + 8) < 3 * error, "height \(height) ± \(error)")
    let (offset, slope, sigma) = try CalibrateCommandTests.tuned(fit)
    #expect(abs(offset - 6) < 3 * (Double(fit["offset_se_db"] ?? "") ?? 0), "offset \(offset)")
    #expect(abs(slope - 3) < 3 * (Double(fit["slope_se_db_per_decade"] ?? "") ?? 0), "slope \(slope)")
    #expect(abs(sigma - 7) < 0.5, "σ \(sigma)")

    let fragment = try String(contentsOf: out.appendingPathComponent("scenario-fragment.yaml"), encoding: .utf8)
    #expect(
      fragment.contains("    height_db_per_decade: ") && fragment.contains("    from_height_m: 11.5\n"), "\(fragment)")
    let text = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent(CalibrateCommandTests.scenario), encoding: .utf8)
    let tuned = try PostGISInputTests.writeScenario(text + "\n" + fragment)
    defer { try? FileManager.default.removeItem(at: tuned.deletingLastPathComponent()) }
    // Without --height-term the second round keeps the pasted height term and refits the rest.
    let again = directory.appendingPathComponent("again")
    let second = try CLI.run([
      "calibrate", tuned.path, "--measurements", csv, "--mapping", mapping, "--out", again.path,
    ])
    #expect(second.status == 0, "\(second.standardError)")
    let errors = try #require(
      try CalibrateCommandTests.csv(again.appendingPathComponent("calibration-errors.csv")).first)
    #expect(abs(Double(errors["before_mean_error_db"] ?? "") ?? .nan) < 0.02, "\(errors)")
    let refit = try #require(try CalibrateCommandTests.csv(again.appendingPathComponent("calibration-fit.csv")).first)
    #expect(abs((Double(refit["tuned_height_db_per_decade"] ?? "") ?? .nan) - height) <= 0.011)
    #expect(abs((Double(refit["tuned_offset_db"] ?? "") ?? .nan) - offset) <= 0.02)
  }
}
