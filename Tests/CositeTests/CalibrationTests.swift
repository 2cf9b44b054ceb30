import Foundation
import Testing

/// The TR 38.901 §7.8.1 large-scale calibration (UMa, 6 GHz) reproduced: `cosite run` on the
/// bundled scenario against the mean of the 20 companies' curves in 3GPP R1-165974
/// (docs/calibration/r1-165974-uma-6ghz.csv, with its provenance in the header).
@Suite struct CalibrationTests {
  /// Each column of the published file averaged over the companies (its rows).
  static func publishedMeans() throws -> [String: Double] {
    let text = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("docs/calibration/r1-165974-uma-6ghz.csv"), encoding: .utf8)
    let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    let header = lines[0].split(separator: ",").map(String.init)
    var sums = [String: Double]()
    for line in lines.dropFirst() {
      for (name, value) in zip(header, line.split(separator: ",")).dropFirst() {
        sums[name, default: 0] += Double(value) ?? .nan
      }
    }
    return sums.mapValues { $0 / Double(lines.count - 1) }
  }

  @Test func couplingGainAndGeometryAreWithinOneDecibelOfR1165974() throws {
    let out = CLI.temporaryDirectory()
    let result = try CLI.run(["run", "scenarios/calibration-3gpp-uma.yaml", "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    let csv = try String(contentsOf: out.appendingPathComponent("distributions-operator-nr6000.csv"), encoding: .utf8)
    var ours = [Int: [Double]]()
    for line in csv.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { Double($0) ?? .nan }
      ours[Int(fields[0])] = Array(fields.dropFirst())
    }
    let published = try Self.publishedMeans()
    // Columns of distributions-*.csv: coupling_gain_db, rsrp_dbm, sinr_db, sir_db.
    for percent in [5, 50, 95] {
      let row = try #require(ours[percent])
      let checks = [("coupling_gain", row[0]), ("sir", row[3]), ("sinr", row[2])]
      for (name, value) in checks {
        let reference = try #require(published["\(name)_p\(percent)_db"])
        #expect(
          abs(value - reference) <= 1, "\(name) at \(percent) %: ours \(value) dB, R1-165974 mean \(reference) dB")
      }
    }
  }
}
