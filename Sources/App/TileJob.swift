import Coverage
import Foundation
import Geo
import Planning
import Report
import Scenario

/// `cosite plan-tiles` and `cosite run --tiles`: a run split into tiles for a job array
/// (`TilePlan`), each tile computed by its own process into its own directory.
public enum TileJob {
  /// The archive of a tile's coverage (`TileArchive`) and its report, in the tile's directory.
  public static let archiveName = "tile.cosite"
  public static let reportName = "tile.json"
  /// The candidate stations' fields (`CandidateArchive`), when the plan asks for them.
  public static let candidatesName = "candidates.cosite"

  /// Plans the tiles of a scenario and writes `tiles.json` to `directory` (replacing any
  /// earlier plan and its tiles' results).
  /// - Returns: the files written and lines describing the plan.
  @discardableResult
  public static func plan(
    scenarioPath: String, tileKM: Double, directory: URL, maxCells: Int? = nil, candidates: Bool = false,
    warn: (ScenarioIssue) -> Void = { _ in }
  ) throws -> (names: [String], lines: [String]) {
    try OutputDestination.check(directory, holdsNone: [scenarioPath])
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: directory, maxCells: maxCells,
      threads: ProcessInfo.processInfo.activeProcessorCount, warn: warn)
    let plan = TilePlan(scenario, tileSizeM: tileKM * 1000)
    let absolute = URL(fileURLWithPath: scenarioPath).standardizedFileURL.path
    var outputs = OutputSet()
    outputs.add(
      TilePlanFile.name,
      text: TilePlanFile.text(
        plan, scenario: scenario, scenarioPath: absolute, digest: scenario.digest, candidates: candidates))
    try outputs.write(to: directory)
    var lines = [
      "\(plan.tiles.count) tile\(plan.tiles.count == 1 ? "" : "s") of \(JSONWriter.number(tileKM)) km holding \(plan.groups.count) zone group\(plan.groups.count == 1 ? "" : "s"); largest tile grid \(plan.tiles.map(\.largestGridCells).max() ?? 0) cells"
    ]
    if let largest = plan.tiles.max(by: { $0.cells < $1.cells }) {
      lines.append(
        "largest tile: \(largest.index) (\(largest.cells) cells, \(largest.sectorsInReach) sectors in reach); its tile.json gives the peak memory to ask per task"
      )
    }
    let oversized = plan.tiles.filter(\.isOversized).map { String($0.index) }
    if !oversized.isEmpty {
      let one = oversized.count == 1
      lines.append(
        "note: tile\(one ? "" : "s") \(oversized.joined(separator: ", ")) hold\(one ? "s a zone group" : " zone groups") larger than the tile (a group is never cut)"
      )
    }
    return (outputs.names, lines)
  }

  /// Computes tile `index` of the plan in `tilesDirectory` and writes its results to
  /// `outputDirectory` (one transaction: a tile killed half-way leaves nothing, and running
  /// it again replaces its directory).
  @discardableResult
  public static func run(
    scenarioPath: String, tilesDirectory: URL, index: Int, outputDirectory: URL,
    threads: Int = ProcessInfo.processInfo.activeProcessorCount, maxCells: Int? = nil,
    warn: (ScenarioIssue) -> Void = { _ in }, progress: ((String, Double) -> Void)? = nil
  ) throws -> (names: [String], lines: [String]) {
    let start = DispatchTime.now()
    let header = try readHeader(tilesDirectory)
    // Never the plan's own directory (replacing it would delete the plan and every tile).
    try OutputDestination.check(outputDirectory, holdsNone: [planPath(tilesDirectory), scenarioPath])
    let scenario = try JobInput.load(
      scenarioPath: scenarioPath, outputDirectory: outputDirectory, maxCells: maxCells ?? header.maxCells,
      threads: threads, warn: warn)
    let plan = try checkedPlan(scenario, header: header, tilesDirectory: tilesDirectory)
    guard plan.tiles.indices.contains(index) else {
      throw TileError(
        file: planPath(tilesDirectory),
        message: "tile \(index) does not exist: the plan has tiles 0 to \(plan.tiles.count - 1)")
    }
    let tile = plan.tiles[index]
    var rasters = RasterMaps(scenario: scenario, threads: threads)
    let parts = try CoverageRun.run(
      scenario, groups: plan.groups, only: tile.groups, threads: threads, progress: progress
    ) { try rasters.add($0) }
    var outputs = rasters.encodedFiles()
    outputs.add(
      archiveName, bytes: TileArchive.encode(parts, scenarioDigest: header.scenarioDigest, build: BuildIdentity.current)
    )
    if header.candidates {
      progress?("candidate fields", 1)
      let sites = CandidatePool.fixedSites(scenario)
      let defaults = RadioDefaults(scenario)
      let fields = parts.map { group, result in
        (
          group,
          FixedCandidateFields.compute(
            scenario, sites: sites, defaults: defaults,
            part: CoverageRun.scenario(scenario, group: group, of: plan.groups),
            coverage: result, threads: threads)
        )
      }
      outputs.add(
        candidatesName,
        bytes: CandidateArchive.encode(
          fields, scenarioDigest: header.scenarioDigest, build: BuildIdentity.current))
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let peak = ProcessMemory.peakBytes()
    outputs.add(
      reportName,
      text: TilePlanFile.tileReport(
        tile, plan: plan, scenario: scenario, threads: threads, seconds: seconds, peakMemoryBytes: peak,
        build: BuildIdentity.current))
    try outputs.write(to: outputDirectory)
    let line =
      "tile \(index) of \(plan.tiles.count): \(tile.groups.count) zone group\(tile.groups.count == 1 ? "" : "s"), \(tile.cells) cells, \(String(format: "%.1f", seconds)) s, peak memory \(peak / 1_000_000) MB"
    return (outputs.names, [line])
  }

  /// The tile index of this process: `--tile`, else a job array's variable (Slurm's
  /// `SLURM_ARRAY_TASK_ID`, Kubernetes Indexed Jobs' `JOB_COMPLETION_INDEX`).
  public static func index(
    flag: Int?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws
    -> Int
  {
    if let flag { return flag }
    for name in ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"] {
      guard let text = environment[name] else { continue }
      guard let value = Int(text), value >= 0 else {
        throw TileError(file: "$\(name)", message: "'\(text.prefix(40))': expected a tile index (0, 1, …)")
      }
      return value
    }
    throw TileError(
      file: "--tiles",
      message: "which tile? give --tile N, or run it as a job array (SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)")
  }

  static func planPath(_ directory: URL) -> String { directory.appendingPathComponent(TilePlanFile.name).path }

  /// The plan file's header; a missing or unreadable file is an error naming it.
  static func readHeader(_ directory: URL) throws -> TilePlanFile.Header {
    let path = planPath(directory)
    let text: String
    do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
      throw TileError(file: path, message: "cannot read it (\(FileProblem.reason(error))): run cosite plan-tiles first")
    }
    return try TilePlanFile.header(text, file: path)
  }

  /// The plan again from the scenario, checked to be the one in the plan file.
  static func checkedPlan(
    _ scenario: ScenarioModel, header: TilePlanFile.Header, tilesDirectory: URL
  ) throws
    -> TilePlan
  {
    let digest = scenario.digest
    guard digest == header.scenarioDigest else {
      throw TileError(
        file: planPath(tilesDirectory),
        message:
          "planned for another version of the scenario (digest \(header.scenarioDigest), now \(digest)): run cosite plan-tiles again"
      )
    }
    let plan = TilePlan(scenario, tileSizeM: header.tileSizeM)
    guard plan.tiles.map(\.groups) == header.tileGroups else {
      throw TileError(
        file: planPath(tilesDirectory),
        message:
          "lists \(header.tileCount) tiles whose zone groups differ from the \(plan.tiles.count) the scenario gives: run cosite plan-tiles again"
      )
    }
    return plan
  }
}
