import App
import ArgumentParser
import Foundation

/// `cosite plan-tiles SCENARIO --tile-km K --out DIR`: splits a run into tiles for a job array.
struct PlanTiles: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan-tiles",
    abstract: "Split a run into tiles for a job array (Slurm, Kubernetes Indexed Jobs).",
    discussion: """
      Writes DIR/tiles.json: square tiles of K km in the computation CRS, each owning the zone groups \\
      (one grid per group of nearby zones, as cosite run computes them) whose grid centre lies in it, \\
      numbered from 0. Each tile is then computed by `cosite run SCENARIO --tiles DIR --out DIR/tile-N` \\
      (N from --tile or the job array), and `cosite merge DIR --out OUT` joins them into the files \\
      cosite run writes, byte for byte. A zone group is never cut, so a tile is at least its largest \\
      group. With --candidates each tile also computes the fields of the scenario's candidate stations, \\
      and `cosite recommend|compare SCENARIO --tiles DIR` then plans from the tiles. Planning again \\
      replaces DIR and every tile result in it. See scripts/slurm/.
      """)

  @Argument(help: "The scenario YAML file.")
  var scenario: String

  @Option(name: .customLong("tile-km"), help: "Tile side in km.")
  var tileKM: Double = 20

  @Option(name: .long, help: "Directory for the plan and, later, the tiles' results.")
  var out: String

  @Option(name: .customLong("max-cells"), help: maxCellsHelp)
  var maxCells: Int?

  @Flag(
    name: .long,
    help:
      "Each tile also computes the fields of the candidate stations on existing structures and listed new builds, for cosite recommend/compare --tiles DIR."
  )
  var candidates = false

  func validate() throws {
    guard tileKM.isFinite, tileKM >= 1, tileKM <= 10_000 else {
      throw ValidationError("--tile-km must be between 1 and 10000")
    }
    try checkMaxCells(maxCells)
  }

  func run() throws {
    let planned = try reportingScenarioErrors {
      try TileJob.plan(
        scenarioPath: scenario, tileKM: tileKM, directory: URL(fileURLWithPath: out), maxCells: maxCells,
        candidates: candidates, warn: printWarning)
    }
    for line in planned.lines { print(line) }
    printWritten(planned.names, out: out)
  }
}

/// `cosite merge DIR --out OUT`: the tiles of a plan joined into a run's outputs.
struct Merge: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Join the tiles of a plan (cosite plan-tiles) into the outputs cosite run writes.",
    discussion: """
      Reads DIR/tiles.json, the scenario it names (which must not have changed), and every \\
      DIR/tile-N; writes to OUT the same files, byte for byte, that cosite run writes for the \\
      scenario. A missing or unfinished tile is an error naming it; nothing is written.
      """)

  @Argument(help: "The directory of the plan and its tiles.")
  var tiles: String

  @Option(name: .long, help: "Output directory (created if missing).")
  var out: String

  @Option(
    name: .customLong("threads"),
    help: ArgumentHelp("Worker threads for the writers (default: all cores).", valueName: "threads"))
  var threadsOption: Int?

  func validate() throws { try checkThreads(threadsOption) }

  func run() throws {
    let progress = TerminalProgress()
    let written = try reportingScenarioErrors {
      defer { progress.clear() }
      return try MergeJob.merge(
        tilesDirectory: URL(fileURLWithPath: tiles), outputDirectory: URL(fileURLWithPath: out),
        threads: threadsOption ?? ProcessInfo.processInfo.activeProcessorCount,
        warn: progress.warn, modelWarning: progress.modelWarning, note: progress.note, progress: progress.callback)
    }
    for line in written.headline { print(line) }
    printWritten(written.names, out: out)
  }
}
