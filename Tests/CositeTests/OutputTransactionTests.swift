import Foundation
import Testing

/// `--out` as one transaction: checked before any work, replaced whole, and never left half
/// written by a failure or a kill (issue #13).
@Suite struct OutputTransactionTests {
  /// A two-parcel scenario; `carriers` picks which of viettel and vnpt it has. Cells of 2 m
  /// (about 10⁶) make the computation last a few tenths of a second, so that a kill can land
  /// in it.
  static func scenario(carriers: [String], in directory: URL) throws -> String {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let frequencies = ["viettel": 1815, "vnpt": 1835]
    let yaml = """
      cosite: 1
      name: Transaction fixture
      crs: auto
      grid: { resolution_m: 2 }
      zones:
        - id: z1
          parcels: parcels.geojson
      carriers:
      \(carriers.map { "  - id: \($0)\n    layers:\n      - { id: lte1800, technology: LTE, band: B3, frequency_mhz: \(frequencies[$0] ?? 1815), bandwidth_mhz: 20 }" }.joined(separator: "\n"))
      structures: structures.csv
      sites: sites.csv
      """
    let parcels = """
      {"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"id":"P1","land_use":"factory","building_class":"metal-clad","workers":120},"geometry":{"type":"Polygon","coordinates":[[[106.75,20.83],[106.76,20.83],[106.76,20.84],[106.75,20.84],[106.75,20.83]]]}},
      {"type":"Feature","properties":{"id":"P2","land_use":"road","building_class":"outdoor"},"geometry":{"type":"Polygon","coordinates":[[[106.76,20.83],[106.761,20.83],[106.761,20.84],[106.76,20.84],[106.76,20.83]]]}}
      ]}
      """
    let structures = "id,kind,lon,lat,height_m,owner,free_slots\nT1,tower,106.755,20.835,40,towerco,2\n"
    let sites =
      "id,carrier,layer,structure,azimuth_deg,height_m,power_dbm\n"
      + carriers.enumerated().map { "S\($0.offset),\($0.element),lte1800,T1,\($0.offset * 120),38,43" }
      .joined(separator: "\n") + "\n"
    for (name, text) in [
      "scenario.yaml": yaml, "parcels.geojson": parcels, "structures.csv": structures, "sites.csv": sites,
    ] {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return directory.appendingPathComponent("scenario.yaml").path
  }

  /// Every file of a directory (hidden ones included) with its bytes, those of its folders
  /// (`rasters/`) as `folder/name`.
  static func contents(of directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      let url = directory.appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
        for (inner, data) in try contents(of: url) { files["\(name)/\(inner)"] = data }
      } else {
        files[name] = try Data(contentsOf: url)
      }
    }
    return files
  }

  /// Staging folders `.<out>.cosite-*` next to `out`.
  static func leftovers(beside out: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
      .filter { $0.hasPrefix(".\(out.lastPathComponent).cosite-") }
  }

  @Test func aSmallerRunReplacesTheWholeEarlierSet() throws {
    let base = CLI.temporaryDirectory()
    let out = base.appendingPathComponent("out")
    let both = try Self.scenario(carriers: ["viettel", "vnpt"], in: base.appendingPathComponent("both"))
    let one = try Self.scenario(carriers: ["viettel"], in: base.appendingPathComponent("one"))
    #expect(try CLI.run(["run", both, "--out", out.path]).status == 0)
    #expect(try Self.contents(of: out).keys.contains("gaps-vnpt.geojson"))
    let result = try CLI.run(["run", one, "--out", out.path])
    #expect(result.status == 0, "\(result.standardError)")
    let names = try Self.contents(of: out).keys
    #expect(!names.contains { $0.contains("vnpt") }, "the earlier run's vnpt maps are gone: \(names.sorted())")
    #expect(names.contains("gaps-viettel.geojson"))
    #expect(try Self.leftovers(beside: out) == [])
  }

  @Test func anOutThatIsAFileOrHoldsForeignFilesFailsBeforeAnyWork() throws {
    let base = CLI.temporaryDirectory()
    let scenario = try Self.scenario(carriers: ["viettel"], in: base.appendingPathComponent("s"))
    let file = base.appendingPathComponent("a-file")
    try Data("keep me".utf8).write(to: file)
    let intoFile = try CLI.run(["run", scenario, "--out", file.path])
    #expect(intoFile.status == 1)
    #expect(intoFile.standardError.contains("it is a file: expected a directory"), "\(intoFile.standardError)")
    let foreign = base.appendingPathComponent("foreign")
    try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
    try Data("notes".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
    let intoForeign = try CLI.run(["compare", scenario, "--out", foreign.path])
    #expect(intoForeign.status == 1)
    #expect(intoForeign.standardError.contains("holds files that Cosite did not write"), "\(intoForeign.standardError)")
    #expect(try Data(contentsOf: file) == Data("keep me".utf8))
    #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["notes.txt"])
  }

  @Test func aRepeatedSharingOptionWritesNothing() throws {
    let base = CLI.temporaryDirectory()
    let scenario = try Self.scenario(carriers: ["viettel", "vnpt"], in: base.appendingPathComponent("s"))
    let out = base.appendingPathComponent("out")
    let result = try CLI.run(["compare", scenario, "--options", "passive,passive", "--out", out.path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("sharing option 'passive' is named twice"), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
    #expect(try Self.leftovers(beside: out) == [])
  }

  /// SIGTERM and SIGKILL at moments from loading to the middle of the write phase (stretched by
  /// a pause after each file): `--out` holds the previous complete set or the new complete
  /// set, never a mix; SIGTERM leaves no staging folder, and the next run clears SIGKILL's.
  @Test(arguments: [SIGTERM, SIGKILL])
  func aKilledRunLeavesTheOldOrTheNewSet(signal: Int32) throws {
    let base = CLI.temporaryDirectory()
    let old = try Self.scenario(carriers: ["viettel", "vnpt"], in: base.appendingPathComponent("old"))
    let new = try Self.scenario(carriers: ["viettel"], in: base.appendingPathComponent("new"))
    let reference = base.appendingPathComponent("reference")
    #expect(try CLI.run(["run", new, "--out", reference.path]).status == 0)
    let newSet = try Self.contents(of: reference)
    var outcomes: Set<String> = []
    // From 100 ms on: a test runner may start children with SIGTERM ignored, and a signal that
    // arrives before `cosite` installs its handler (a few ms) is then lost.
    for delayMS in [100, 400, 900, 1_400, 2_000, 2_600] {
      let out = base.appendingPathComponent("out-\(delayMS)")
      #expect(try CLI.run(["run", old, "--out", out.path]).status == 0)
      let oldSet = try Self.contents(of: out)
      let process = Process()
      process.executableURL = CLI.executable
      process.arguments = ["run", new, "--out", out.path, "--threads", "1"]
      process.environment = ProcessInfo.processInfo.environment.merging(["COSITE_TEST_WRITE_PAUSE_MS": "150"]) {
        $1
      }
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      Thread.sleep(forTimeInterval: Double(delayMS) / 1000)
      kill(process.processIdentifier, signal)
      process.waitUntilExit()
      let found = try Self.contents(of: out)
      #expect(found == oldSet || found == newSet, "killed after \(delayMS) ms: \(found.keys.sorted())")
      outcomes.insert(found == oldSet ? "old" : "new")
      if signal == SIGTERM {
        #expect(try Self.leftovers(beside: out) == [], "SIGTERM after \(delayMS) ms left a staging folder")
      } else {
        let rerun = try CLI.run(["run", new, "--out", out.path])
        #expect(rerun.status == 0, "the run after SIGKILL at \(delayMS) ms: \(rerun.standardError)")
        #expect(try Self.leftovers(beside: out) == [], "the next run clears what SIGKILL left")
        #expect(try Self.contents(of: out) == newSet)
      }
    }
    // The moments span the run: at least one kill came before the swap (the old set stayed).
    #expect(outcomes.contains("old"), "\(outcomes)")
  }
}
