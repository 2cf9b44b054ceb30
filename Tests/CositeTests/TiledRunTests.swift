import Foundation
import Testing

/// `cosite plan-tiles`, `cosite run --tiles` and `cosite merge` as a planner runs them, each
/// a process of its own (as the tasks of a job array are): the merged outputs are the single
/// run's, byte for byte (issue #22).
@Suite(.serialized) struct TiledRunTests {
  /// scenarios/hai-phong.yaml has six zone groups (its parks are far enough apart that
  /// their grids do not touch); with 5 km tiles each group's grid centre falls in a tile of
  /// its own, so the plan has six tiles.
  static let scenario = "scenarios/hai-phong.yaml"

  @Test func mergedTilesEqualTheSingleRunByteForByte() throws {
    let root = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let tiles = root.appendingPathComponent("tiles")
    // With the candidates' fields too, for recommend and compare below.
    let plan = try CLI.run(["plan-tiles", Self.scenario, "--tile-km", "5", "--candidates", "--out", tiles.path])
    #expect(plan.status == 0, "\(plan.standardError)")
    #expect(plan.standardOutput.hasPrefix("6 tiles of 5 km holding 6 zone groups"))
    for index in 0..<6 {
      let tile = try runTile(index, tiles)
      #expect(tile.status == 0, "\(tile.standardError)")
    }
    let merged = root.appendingPathComponent("merged")
    let merge = try CLI.run(["merge", tiles.path, "--out", merged.path, "--threads", "1"])
    #expect(merge.status == 0, "\(merge.standardError)")
    let single = root.appendingPathComponent("single")
    let run = try CLI.run(["run", Self.scenario, "--out", single.path])
    #expect(run.status == 0, "\(run.standardError)")
    let expected = try Self.files(under: single)
    #expect(expected.count > 20)
    #expect(try Self.files(under: merged) == expected)
    // The same headline as the single run prints.
    #expect(merge.standardOutput.split(separator: "\n").first == run.standardOutput.split(separator: "\n").first)

    // A task killed and run again (its directory lost) gives the same merged result; until
    // it is run again the merge names it and writes nothing.
    try FileManager.default.removeItem(at: tiles.appendingPathComponent("tile-3"))
    let broken = root.appendingPathComponent("broken")
    let missing = try CLI.run(["merge", tiles.path, "--out", broken.path])
    #expect(missing.status == 1)
    #expect(
      missing.standardError.contains(
        "tile-3/tile.cosite: missing: tile 3 has not finished; run it again (cosite run … --tiles … --tile 3)"))
    #expect(!FileManager.default.fileExists(atPath: broken.path))
    #expect(try runTile(3, tiles, environment: true).status == 0)
    let again = root.appendingPathComponent("again")
    #expect(try CLI.run(["merge", tiles.path, "--out", again.path]).status == 0)
    #expect(try Self.files(under: again) == expected)
    try aTileOfAnotherBuildIsRefused(tiles, root: root)
    try plansFromTheTilesEqualTheSingleMachines(tiles, root: root)
  }

  /// A tile computed by another build of Cosite (here: its archive's record of the
  /// executable's fingerprint changed by one hex digit) is refused by the merge, naming
  /// both builds; each tile's tile.json names the build that computed it.
  func aTileOfAnotherBuildIsRefused(_ tiles: URL, root: URL) throws {
    let report = try String(
      contentsOf: tiles.appendingPathComponent("tile-2/tile.json"), encoding: .utf8)
    let build = try #require(report.split(separator: "\n").first { $0.contains("\"build\"") })
    #expect(build.contains("\"cosite ") && build.contains(", GDAL ") && build.contains(", PROJ "))
    let archive = tiles.appendingPathComponent("tile-2/tile.cosite")
    let bytes = try [UInt8](Data(contentsOf: archive))
    let marker = Array(", GDAL ".utf8)
    let at = try #require(
      bytes.indices.first { bytes[$0...].starts(with: marker) }, "no build record in the archive")
    var other = bytes
    other[at - 1] = bytes[at - 1] == UInt8(ascii: "0") ? UInt8(ascii: "1") : UInt8(ascii: "0")
    try Data(other).write(to: archive)
    defer { try? Data(bytes).write(to: archive) }
    let merge = try CLI.run(["merge", tiles.path, "--out", root.appendingPathComponent("foreign").path])
    #expect(merge.status == 1)
    #expect(merge.standardError.contains("tile-2/tile.cosite: computed by another build (cosite "))
    #expect(merge.standardError.contains("run the tile again with this one"))
  }

  /// `recommend --tiles` and `compare --tiles` (today's coverage and the candidates' fields
  /// from the tiles; the generated new builds, indoor systems and the optimisation here)
  /// write the single machine's files byte for byte; a tile's candidate fields missing,
  /// they name it.
  func plansFromTheTilesEqualTheSingleMachines(_ tiles: URL, root: URL) throws {
    for command in [
      ["recommend", "--carrier", "vnpt"], ["compare", "--carrier", "vnpt", "--options", "standalone,passive"],
    ] {
      let arguments = [command[0], Self.scenario] + command.dropFirst()
      let fromTiles = root.appendingPathComponent(command[0] + "-tiles")
      let tiled = try CLI.run(arguments + ["--tiles", tiles.path, "--out", fromTiles.path, "--threads", "2"])
      #expect(tiled.status == 0, "\(tiled.standardError)")
      let single = root.appendingPathComponent(command[0] + "-single")
      let run = try CLI.run(arguments + ["--out", single.path, "--threads", "2"])
      #expect(run.status == 0, "\(run.standardError)")
      let expected = try Self.files(under: single)
      #expect(expected.count >= 5, "\(expected.keys.sorted())")
      #expect(try Self.files(under: fromTiles) == expected, "\(command[0])")
    }
    try FileManager.default.removeItem(at: tiles.appendingPathComponent("tile-2/candidates.cosite"))
    let missing = try CLI.run([
      "recommend", Self.scenario, "--carrier", "vnpt", "--tiles", tiles.path, "--out", root.path + "/none",
    ])
    #expect(missing.status == 1)
    #expect(
      missing.standardError.contains(
        "tile-2/candidates.cosite: missing: tile 2 ran without candidate fields or has not finished"))
    #expect(!FileManager.default.fileExists(atPath: root.path + "/none"))
    // A station the scenario does not have as a candidate (a file from elsewhere, say) is
    // refused, naming it: the archive written by hand in its format (CandidateArchive).
    let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: tiles.appendingPathComponent("tiles.json")))
    let digest = try #require((plan as? [String: Any])?["scenario_digest"] as? String)
    let group = try #require(
      ((plan as? [String: Any])?["tiles"] as? [[String: Any]])?[2]["zone_groups"] as? [Int])
    let report = try JSONSerialization.jsonObject(
      with: Data(contentsOf: tiles.appendingPathComponent("tile-2/tile.json")))
    let build = try #require((report as? [String: Any])?["build"] as? String)
    var bytes = Data()
    func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) } }
    func text(_ value: String) {
      int(value.utf8.count)
      bytes.append(contentsOf: Array(value.utf8))
    }
    text("cosite tile candidates\n")
    int(2)
    text(digest)
    text(build)
    int(1)
    int(group[0])
    int(1)
    text("nobody@nowhere")
    int(0)
    int(0)
    try bytes.write(to: tiles.appendingPathComponent("tile-2/candidates.cosite"))
    let foreign = try CLI.run([
      "recommend", Self.scenario, "--carrier", "vnpt", "--tiles", tiles.path, "--out", root.path + "/none",
    ])
    #expect(foreign.status == 1)
    #expect(foreign.standardError.contains("station 'nobody@nowhere' is not a candidate of this scenario"))
  }

  @Test func aTileOfAnotherVersionOfTheScenarioIsRefused() throws {
    let root = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let text = try String(contentsOf: CLI.repositoryRoot.appendingPathComponent(Self.scenario), encoding: .utf8)
    let scenario = try PostGISInputTests.writeScenario(text, at: root.appendingPathComponent("scenario.yaml"))
    let tiles = root.appendingPathComponent("tiles")
    #expect(try CLI.run(["plan-tiles", scenario.path, "--tile-km", "5", "--out", tiles.path]).status == 0)
    // One value changed after planning: the target RSRP.
    let edited = text.replacingOccurrences(of: "rsrp_dbm: -105", with: "rsrp_dbm: -104")
    #expect(edited != text)
    _ = try PostGISInputTests.writeScenario(edited, at: scenario)
    let tile = try CLI.run([
      "run", scenario.path, "--tiles", tiles.path, "--tile", "0", "--out", tiles.path + "/tile-0",
    ])
    #expect(tile.status == 1)
    #expect(tile.standardError.contains("tiles.json: planned for another version of the scenario"))
    // An index outside the plan, and no index at all, are refused with what to do.
    _ = try PostGISInputTests.writeScenario(text, at: scenario)
    let outside = try CLI.run(["run", scenario.path, "--tiles", tiles.path, "--tile", "6", "--out", root.path + "/x"])
    #expect(outside.standardError.contains("tile 6 does not exist: the plan has tiles 0 to 5"))
    let none = try CLI.run(["run", scenario.path, "--tiles", tiles.path, "--out", root.path + "/x"])
    #expect(none.standardError.contains("which tile? give --tile N"))
    #expect(!FileManager.default.fileExists(atPath: root.path + "/x"))
    // A tile written over the plan's own directory would delete the plan and every tile.
    let over = try CLI.run(["run", scenario.path, "--tiles", tiles.path, "--tile", "0", "--out", tiles.path])
    #expect(over.status == 1)
    #expect(over.standardError.contains("it holds the input"), "\(over.standardError)")
    #expect(FileManager.default.fileExists(atPath: tiles.appendingPathComponent("tiles.json").path))
  }

  /// A cell budget given to plan-tiles is the plan's: its tiles and its merge use it without
  /// being told again (the digest leaves the budget out).
  @Test func thePlansCellBudgetReachesItsTiles() throws {
    let root = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    let tiles = root.appendingPathComponent("tiles")
    let plan = try CLI.run([
      "plan-tiles", Self.scenario, "--tile-km", "5", "--max-cells", "30000000", "--out", tiles.path,
    ])
    #expect(plan.status == 0, "\(plan.standardError)")
    let text = try String(contentsOf: tiles.appendingPathComponent("tiles.json"), encoding: .utf8)
    #expect(text.contains("\"max_cells\": 30000000"), "\(text)")
    let tile = try runTile(0, tiles)
    #expect(tile.status == 0, "\(tile.standardError)")
    // Planned without --candidates, the tiles cannot feed a plan.
    let recommend = try CLI.run(["recommend", Self.scenario, "--tiles", tiles.path, "--out", root.path + "/r"])
    #expect(recommend.status == 1)
    #expect(
      recommend.standardError.contains(
        "tiles.json: planned without candidate fields: run cosite plan-tiles --candidates"))
    #expect(!FileManager.default.fileExists(atPath: root.path + "/r"))
  }

  /// Tile `index`, by `--tile` or (as a Slurm array task) by SLURM_ARRAY_TASK_ID.
  func runTile(_ index: Int, _ tiles: URL, environment: Bool = false) throws -> CLI.Result {
    let out = tiles.appendingPathComponent("tile-\(index)").path
    guard environment else {
      return try CLI.run(
        ["run", Self.scenario, "--tiles", tiles.path, "--tile", String(index), "--out", out, "--threads", "2"])
    }
    return try CLI.run(
      ["run", Self.scenario, "--tiles", tiles.path, "--out", out], environment: ["SLURM_ARRAY_TASK_ID": String(index)])
  }

  /// Every file under `directory` by its relative path, with its bytes.
  static func files(under directory: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = directory.standardizedFileURL.path + "/"
    guard let walker = FileManager.default.enumerator(atPath: directory.path) else { return [:] }
    for case let relative as String in walker {
      let path = base + relative
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
    }
    return files
  }
}
