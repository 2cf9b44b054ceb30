import Foundation
import Testing

/// The CLI end to end, as the foundation issue's acceptance describes it.
@Suite struct ValidateAndRunTests {
  static let haiPhong = "scenarios/hai-phong-dinh-vu.yaml"

  @Test func validateReportsAllFiveMistakesWithLocations() throws {
    let result = try CLI.run(["validate", "scenario.yaml"], in: CLI.fixtures.appendingPathComponent("five-mistakes"))
    #expect(result.status == 1)
    let lines = result.standardError.split(separator: "\n").map(String.init)
    let expected = [
      "scenario.yaml:4: 'crs': PROJ does not know EPSG:999999",
      "scenario.yaml:6: 'grid.resolution_m': expected a cell size in m, got 'ten'",
      "scenario.yaml:11: file not found: missing-parcels.geojson",
      "parcels.geojson: feature index 1 (id 'bowtie'): invalid geometry: Self-intersection",
      "sites.csv:3: column 'structure': unknown structure 'T9'",
    ]
    #expect(lines.first == "found 5 problems:")
    #expect(Array(lines.dropFirst()).count == 5)
    for (line, prefix) in zip(lines.dropFirst(), expected) {
      #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix(prefix), "\(line)")
    }
    #expect(!result.standardError.contains("Fatal"))
  }

  @Test func runWithMistakesWritesNothing() throws {
    let out = CLI.temporaryDirectory()
    let result = try CLI.run(
      ["run", "scenario.yaml", "--out", out.path], in: CLI.fixtures.appendingPathComponent("five-mistakes"))
    #expect(result.status == 1)
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func validatePrintsTheSummary() throws {
    let result = try CLI.run(["validate", Self.haiPhong])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("CRS: EPSG:32648 WGS 84 / UTM zone 48N"))
    #expect(result.standardOutput.contains("Zones: 3"))
    #expect(result.standardOutput.contains("Carriers: 3"))
  }

  /// Every file `cosite run` writes for the Hai Phong scenario.
  static let outputs: [String] = {
    var names = ["zones.geojson", "parcels.geojson", "structures.geojson", "sites.geojson", "summary.json"]
    let layers = [("viettel", "nr2600"), ("vnpt", "nr3700"), ("mobifone", "nr3800")].flatMap { carrier, nr in
      [(carrier, "lte1800"), (carrier, "lte2100"), (carrier, nr)]
    }
    names += layers.flatMap {
      ["coverage-\($0)-\($1).geojson", "best-server-\($0)-\($1).geojson", "distributions-\($0)-\($1).csv"]
    }
    names += ["viettel", "vnpt", "mobifone"].map { "gaps-\($0).geojson" }
    return names + [
      "parcel-coverage.csv", "parcel-coverage.json", "sectors.csv", "indoor-nodes.csv", "summary.md", "cosite.gpkg",
      "cosite.kmz",
      "report.html",
    ]
  }()

  /// A 1 m grid on Dinh Vu (9 × 10⁷ cells) used to be accepted and to run for many minutes at
  /// 3 GB; `validate` now names the cells against the budget, in a fraction of a second.
  @Test func aOneMetreGridOnDinhVuIsOverTheCellBudget() throws {
    let directory = CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let source = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml"), encoding: .utf8)
    let scenario = directory.appendingPathComponent("dinh-vu-1m.yaml")
    try source.replacingOccurrences(of: "resolution_m: 10", with: "resolution_m: 1")
      .replacingOccurrences(of: "../geodata/", with: CLI.repositoryRoot.appendingPathComponent("geodata").path + "/")
      .write(to: scenario, atomically: true, encoding: .utf8)
    let result = try CLI.run(["validate", scenario.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("above the cell budget of 25000000"), "\(result.standardError)")
    // 10 m gives 1214 × 742 cells; 1 m ten times as many each side, less up to 9 of the
    // 10 m grid's snapping on each edge: 12,122–12,140 × 7,402–7,420.
    let numbers = result.standardError.split(separator: "need ").last?.split(separator: " ").prefix(5) ?? []
    let columns = Int(numbers.first ?? "") ?? 0
    let rows = Int(numbers.dropFirst(2).first ?? "") ?? 0
    #expect((12_122...12_140).contains(columns) && (7_402...7_420).contains(rows), "\(numbers)")
    #expect(result.standardError.contains("= \(columns * rows) cells at 1 m"))
  }

  @Test func runWithOneThreadAndAllThreadsGivesIdenticalRFC7946Outputs() throws {
    let first = CLI.temporaryDirectory()
    let second = CLI.temporaryDirectory()
    for (out, threads) in [(first, "1"), (second, "\(ProcessInfo.processInfo.activeProcessorCount + 1)")] {
      let result = try CLI.run(["run", Self.haiPhong, "--out", out.path, "--threads", threads])
      #expect(result.status == 0, "\(result.standardError)")
    }
    let written = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
    // The outputs and the marker of a Cosite output directory, and no temporary files left behind.
    #expect(written == (Self.outputs + [".cosite-output", "rasters"]).sorted())
    // Per carrier layer four COGs and the server table (Dinh Vu is one zone group: no mosaic).
    let rasters = try FileManager.default.contentsOfDirectory(atPath: first.appendingPathComponent("rasters").path)
    #expect(rasters.count == 9 * 5)
    for name in Self.outputs + rasters.map({ "rasters/\($0)" }) {
      let a = try Data(contentsOf: first.appendingPathComponent(name))
      let b = try Data(contentsOf: second.appendingPathComponent(name))
      #expect(a == b, "\(name) differs between 1 thread and all threads")
      if name.hasSuffix(".geojson") {
        #expect(try RFC7946.violations(in: String(decoding: a, as: UTF8.self)) == [], "\(name)")
      }
    }
    try CoverageOutputChecks.check(first)
    try IndoorNodeChecks.check(first)
    try IndoorNodeChecks.checkSummary(first)
  }

  @Test func helpListsEveryCommandAndOption() throws {
    let root = try CLI.run(["--help"])
    #expect(root.standardOutput.contains("validate") && root.standardOutput.contains("run"))
    let run = try CLI.run(["run", "--help"])
    #expect(run.standardOutput.contains("--out <out>"))
  }
}
