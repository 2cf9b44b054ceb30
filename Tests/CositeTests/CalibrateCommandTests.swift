import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `cosite calibrate` end to end (#21): the bundled synthetic drive test, its files and how
/// they reconcile, the fragment pasted back into the scenario, and bad logs refused by line
/// with nothing written.
@Suite struct CalibrateCommandTests {
  static let sample = "geodata/drive-tests/dinh-vu-viettel-lte1800"
  static let scenario = "scenarios/hai-phong-dinh-vu.yaml"

  static func calibrate(
    _ scenario: String = Self.scenario, log: String, mapping: String? = nil
  ) throws -> (
    CLI.Result, URL
  ) {
    let out = CLI.temporaryDirectory()
    let result = try CLI.run(
      ["calibrate", scenario, "--measurements", log, "--out", out.path] + (mapping.map { ["--mapping", $0] } ?? []))
    return (result, out)
  }

  static func csv(_ url: URL) throws -> [[String: String]] {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
    let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return lines.dropFirst().map { line in
      Dictionary(
        uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
      )
    }
  }

  /// A fit row's tuned offset and slope and its σ.
  static func tuned(_ row: [String: String]) throws -> (offset: Double, slope: Double, sigma: Double) {
    (
      try #require(Double(row["tuned_offset_db"] ?? "")), try #require(Double(row["tuned_slope_db_per_decade"] ?? "")),
      try #require(Double(row["sigma_db"] ?? ""))
    )
  }

  /// The sample was made with ΔL = 6 dB + 3 dB/decade · log10(d / 1 km) and σ 7 dB (its
  /// README); the issue's tolerances: 0.5 dB, 1 dB/decade, 0.5 dB.
  @Test func theBundledDriveTestGivesItsTruthBackAndItsTablesReconcile() throws {
    let (result, out) = try Self.calibrate(
      log: "\(Self.sample)/drive-test.csv", mapping: "\(Self.sample)/mapping.yaml")
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(result.status == 0, "\(result.standardError)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.sorted()
    #expect(
      names == [
        "calibration-errors.csv", "calibration-fit.csv", "calibration-residuals.geojson", "calibration.md",
        "error-vs-distance-viettel-lte1800.svg", "measured-vs-predicted-viettel-lte1800.svg", "scenario-fragment.yaml",
      ])
    let fit = try #require(try Self.csv(out.appendingPathComponent("calibration-fit.csv")).first)
    let (offset, slope, sigma) = try Self.tuned(fit)
    #expect(abs(offset - 6) < 0.5, "offset \(offset)")
    #expect(abs(slope - 3) < 1, "slope \(slope)")
    #expect(abs(sigma - 7) < 0.5, "σ \(sigma)")

    // Every local mean is in one zone row and one distance row of its layer, and on the map.
    let bins = try #require(Int(fit["bins"] ?? ""))
    let rows = try Self.csv(out.appendingPathComponent("calibration-errors.csv"))
    let count = { (scope: String) in
      rows.filter { $0["scope"] == scope }.reduce(0) { $0 + (Int($1["bins"] ?? "") ?? 0) }
    }
    #expect(count("layer") == bins && count("zone") == bins && count("distance") == bins)
    let map = try String(contentsOf: out.appendingPathComponent("calibration-residuals.geojson"), encoding: .utf8)
    #expect(map.components(separatedBy: "\"type\":\"Feature\"").count - 1 == bins)
    // After the fit the layer's mean error is 0 (least squares with an intercept).
    let all = try #require(rows.first { $0["scope"] == "layer" })
    #expect(abs(Double(all["after_mean_error_db"] ?? "") ?? .nan) < 0.005)
    #expect((Double(all["after_rmse_db"] ?? "") ?? .nan) < (Double(all["before_rmse_db"] ?? "") ?? .nan))
    for plot in names where plot.hasSuffix(".svg") {
      let parser = XMLParser(data: try Data(contentsOf: out.appendingPathComponent(plot)))
      #expect(parser.parse(), "\(plot) is not well-formed XML")
    }
  }

  /// The fragment pasted into the scenario: validate and run accept it, and calibrating the
  /// tuned scenario against the same log fits nothing more (the tuning is applied exactly
  /// where the predictions are made) and keeps the same tuning.
  @Test func theFragmentPastesIntoTheScenario() throws {
    let (first, out) = try Self.calibrate(
      log: "\(Self.sample)/drive-test.csv", mapping: "\(Self.sample)/mapping.yaml")
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(first.status == 0, "\(first.standardError)")
    let fragment = try String(contentsOf: out.appendingPathComponent("scenario-fragment.yaml"), encoding: .utf8)
    let text = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(Self.scenario), encoding: .utf8)
    // A layer tuned before but not in the log must survive the second round's fragment.
    let tuned = try PostGISInputTests.writeScenario(
      text + "\n" + fragment + "  - { carrier: vnpt, layer: lte1800, offset_db: 1.5, slope_db_per_decade: -0.5 }\n")
    defer { try? FileManager.default.removeItem(at: tuned.deletingLastPathComponent()) }
    let validate = try CLI.run(["validate", tuned.path])
    #expect(validate.status == 0, "\(validate.standardError)")

    let (second, again) = try Self.calibrate(
      tuned.path, log: "\(Self.sample)/drive-test.csv", mapping: "\(Self.sample)/mapping.yaml")
    defer { try? FileManager.default.removeItem(at: again) }
    #expect(second.status == 0, "\(second.standardError)")
    let before = try #require(try Self.csv(out.appendingPathComponent("calibration-fit.csv")).first)
    let after = try #require(try Self.csv(again.appendingPathComponent("calibration-fit.csv")).first)
    // The tuned scenario predicts the log without bias: its mean error before the second fit is 0.
    let errors = try #require(try Self.csv(again.appendingPathComponent("calibration-errors.csv")).first)
    #expect(abs(Double(errors["before_mean_error_db"] ?? "") ?? .nan) < 0.005, "\(errors)")
    for key in ["offset_db", "slope_db_per_decade", "tuned_offset_db", "tuned_slope_db_per_decade", "sigma_db"] {
      #expect(abs((Double(after[key] ?? "") ?? .nan) - (Double(before[key] ?? "") ?? .nan)) <= 0.011, "\(key)")
    }

    let kept = try String(contentsOf: again.appendingPathComponent("scenario-fragment.yaml"), encoding: .utf8)
    #expect(
      kept.contains(
        "- carrier: vnpt\n    layer: lte1800\n    offset_db: 1.5   # kept: not fitted this time\n    slope_db_per_decade: -0.5\n"
      ), "\(kept)")

    let run = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: run) }
    let ran = try CLI.run(["run", tuned.path, "--out", run.path])
    #expect(ran.status == 0, "\(ran.standardError)")
    // summary.json names the tuning on the layer (the fragment's values, to 2 decimals).
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("summary.json")))
        as? [String: Any])
    let carriers = try #require(summary["carriers"] as? [[String: Any]])
    let viettel = try #require(carriers.first { $0["id"] as? String == "viettel" }?["layers"] as? [[String: Any]])
    let calibration = try #require(viettel.first { $0["id"] as? String == "lte1800" }?["calibration"] as? [String: Any])
    #expect((calibration["offset_db"] as? Double) == Double(before["tuned_offset_db"] ?? ""), "\(calibration)")
    #expect(viettel.filter { $0["calibration"] != nil }.count == 1)
  }

  /// `cosite synthesize drive-test` with the README's arguments makes the committed files.
  @Test func theSampleIsReproducedByteForByte() throws {
    let readme = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("\(Self.sample)/README.md"), encoding: .utf8)
    let command = try #require(readme.split(separator: "`").first { $0.hasPrefix("cosite synthesize") })
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run(command.split(separator: " ").dropFirst().map(String.init) + ["--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    for name in ["drive-test.csv", "mapping.yaml", "README.md"] {
      let committed = try Data(contentsOf: CLI.repositoryRoot.appendingPathComponent("\(Self.sample)/\(name)"))
      #expect(try Data(contentsOf: out.appendingPathComponent(name)) == committed, "\(name) differs")
    }
  }

  /// A small log in Cosite's own columns, with one bad thing per case: the error names the
  /// file and line, and the output directory is never created.
  @Test(arguments: [
    (
      "unknown cell",
      "lon,lat,sector,rsrp_dbm\n106.7387903,20.8350381,viettel-deep-c-1-s07-lte1800-3,-90\n106.7388,20.83504,nope,-91\n",
      "drive.csv:3: unknown cell: no sector 'nope'"
    ),
    (
      "missing column", "lon,lat,sector,rsrp\n106.7387903,20.8350381,viettel-deep-c-1-s07-lte1800-3,-90\n",
      "drive.csv:1: header lacks column rsrp_dbm"
    ),
    (
      "RSRP as text", "lon,lat,sector,rsrp_dbm\n106.7387903,20.8350381,viettel-deep-c-1-s07-lte1800-3,strong\n",
      "drive.csv:2: column 'rsrp_dbm': expected an RSRP in dBm, got 'strong'"
    ),
    (
      "outside the grid",
      "lon,lat,sector,rsrp_dbm\n106.7387903,20.8350381,viettel-deep-c-1-s07-lte1800-3,-90\n105.5,21.5,viettel-deep-c-1-s07-lte1800-3,-120\n",
      "drive.csv:3: the position is outside the scenario's grids"
    ),
    (
      "wrong layer",
      "lon,lat,sector,layer,rsrp_dbm\n106.7387903,20.8350381,viettel-deep-c-1-s07-lte1800-3,nr2600,-90\n",
      "drive.csv:2: sector 'viettel-deep-c-1-s07-lte1800-3' is on layer 'lte1800', not 'nr2600'"
    ),
  ])
  func badLogsAreRefusedByLine(name: String, log: String, message: String) throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try log.write(to: directory.appendingPathComponent("drive.csv"), atomically: true, encoding: .utf8)
    let out = directory.appendingPathComponent("out")
    let result = try CLI.run(
      [
        "calibrate", CLI.repositoryRoot.appendingPathComponent(Self.scenario).path, "--measurements", "drive.csv",
        "--out", out.path,
      ], in: directory)
    #expect(result.status == 1, "\(name)")
    #expect(result.standardError.contains(message), "\(name): \(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: out.path), "\(name): --out was written")
  }

  /// A log naming cells by PCI and EARFCN (the sites' `pci` and `channel` columns), through a
  /// mapping with its own column names, semicolons and decimal commas; a PCI the carrier does
  /// not use on that channel is an unknown cell; PCI reuse resolves to the nearest sector.
  @Test func cellsByPCIAndChannel() throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // deep-c-1's sites with PCIs reused every 20 rows (so Viettel's LTE 1800 sectors share
    // them) and the LTE 1800 EARFCNs (TS 36.101 Table 5.7.3-1: N = 1200 + 10·(F − 1805), band 3).
    let original = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("geodata/hai-phong/deep-c-1-sites.csv"), encoding: .utf8)
    var lines = original.split(separator: "\n").map(String.init)
    let frequencies = ["viettel": 1815.0, "vnpt": 1835, "mobifone": 1860]
    var viettelSector = ""
    for index in lines.indices {
      if index == 0 {
        lines[0] += ",pci,channel"
        continue
      }
      let fields = lines[index].split(separator: ",").map(String.init)
      let channel = fields[2] == "lte1800" ? String(Int(1200 + 10 * ((frequencies[fields[1]] ?? 1805) - 1805))) : ""
      lines[index] += ",\(index % 20),\(channel)"
      if fields[1] == "viettel", fields[2] == "lte1800", viettelSector.isEmpty { viettelSector = "\(index % 20)" }
    }
    try (lines.joined(separator: "\n") + "\n").write(
      to: directory.appendingPathComponent("deep-c-1-sites.csv"), atomically: true, encoding: .utf8)
    let text = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(Self.scenario), encoding: .utf8)
      .replacingOccurrences(of: "../geodata/hai-phong/deep-c-1-sites.csv", with: "deep-c-1-sites.csv")
    let scenario = try PostGISInputTests.writeScenario(text, at: directory.appendingPathComponent("scenario.yaml"))
    let mapping =
      "separator: \";\"\ncarrier: viettel\ncolumns: { lon: Lon, lat: Lat, pci: PCI, channel: EARFCN, rsrp_dbm: RSRP }\n"
    try mapping.write(to: directory.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
    let rows = (0..<12).map { "106,7\(String(format: "%03d", 380 + $0))5;20,835;\(viettelSector);1300;-9\($0 % 10),5" }
    try ("Lon;Lat;PCI;EARFCN;RSRP\n" + rows.joined(separator: "\n") + "\n106,74;20,835;\(viettelSector);1350;-90\n")
      .write(
        to: directory.appendingPathComponent("drive.csv"), atomically: true, encoding: .utf8)
    let out = directory.appendingPathComponent("out")
    let bad = try CLI.run(
      ["calibrate", scenario.path, "--measurements", "drive.csv", "--mapping", "map.yaml", "--out", out.path],
      in: directory)
    #expect(bad.status == 1)
    #expect(
      bad.standardError.contains(
        "drive.csv:14: unknown cell: no sector of carrier 'viettel' has PCI \(viettelSector) on channel 1350"),
      "\(bad.standardError)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
    // Without the bad row the twelve samples are read and calibrated.
    try ("Lon;Lat;PCI;EARFCN;RSRP\n" + rows.joined(separator: "\n") + "\n").write(
      to: directory.appendingPathComponent("drive.csv"), atomically: true, encoding: .utf8)
    let good = try CLI.run(
      ["calibrate", scenario.path, "--measurements", "drive.csv", "--mapping", "map.yaml", "--out", out.path],
      in: directory)
    #expect(good.status == 0, "\(good.standardError)")
    #expect(good.standardOutput.contains("viettel lte1800:"), "\(good.standardOutput)")
    // PCI 10 on 1300 is Viettel's s01-lte1800-1 (row 10) and s07-lte1800-1 (row 50); by the
    // structures file s07 (106.7497971, 20.8427387) is ~1.5 km from the samples and s01
    // (106.752365, 20.8449613) ~1.8 km: every local mean is s07's.
    #expect(viettelSector == "10")
    let map = try String(contentsOf: out.appendingPathComponent("calibration-residuals.geojson"), encoding: .utf8)
    #expect(map.components(separatedBy: "\"sector\":\"viettel-deep-c-1-s07-lte1800-1\"").count - 1 == 12, "\(map)")
    #expect(!map.contains("s01-lte1800"))
  }

  /// Refusals of the mapping and of `--out`: each names its file (and line), nothing is written.
  @Test func badMappingsAndOutputsAreRefused() throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try "lon,lat,sector,rsrp_dbm\n106.7387903,20.8350381,viettel-deep-c-1-s07-lte1800-3,-90\n".write(
      to: directory.appendingPathComponent("drive.csv"), atomically: true, encoding: .utf8)
    let scenario = CLI.repositoryRoot.appendingPathComponent(Self.scenario).path
    let cases: [(mapping: String, message: String)] = [
      (
        "carrier: nope\ncolumns: { lon: lon, lat: lat, sector: sector, rsrp_dbm: rsrp_dbm }\n",
        "map.yaml:1: 'carrier': 'nope' is not in the scenario"
      ),
      (
        "carrier: viettel\nlayer: nr3700\ncolumns: { lon: lon, lat: lat, sector: sector, rsrp_dbm: rsrp_dbm }\n",
        "map.yaml:2: 'layer': 'nr3700' is not a layer of carrier 'viettel'"
      ),
      (
        "columns:\n  lon: lon\n  lat: lon\n  sector: sector\n  rsrp_dbm: rsrp_dbm\n",
        "map.yaml:3: 'columns.lat': column 'lon' is already 'lon'"
      ),
    ]
    for (mapping, message) in cases {
      try mapping.write(to: directory.appendingPathComponent("map.yaml"), atomically: true, encoding: .utf8)
      let out = directory.appendingPathComponent("out")
      let result = try CLI.run(
        ["calibrate", scenario, "--measurements", "drive.csv", "--mapping", "map.yaml", "--out", out.path],
        in: directory)
      #expect(result.status == 1 && result.standardError.contains(message), "\(result.standardError)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
    // An --out holding the log would be replaced by the report: refused, the log kept.
    let holding = try CLI.run(
      [
        "calibrate", scenario, "--measurements", directory.appendingPathComponent("drive.csv").path, "--out",
        directory.path,
      ])
    #expect(holding.status == 1 && holding.standardError.contains("holds the input"), "\(holding.standardError)")
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("drive.csv").path))
  }
}
