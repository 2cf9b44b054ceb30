import App
import ArgumentParser
import Foundation
import Report
import Scenario

/// `cosite run SCENARIO --out DIR`: the main job.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario: coverage maps, per-parcel figures and a summary in a directory.",
    discussion: """
      Writes the validated inputs (parcels, structures, sites as RFC 7946 GeoJSON) and summary.json; \
      per carrier layer coverage-<carrier>-<layer>.geojson (RSRP bands) and best-server-<carrier>-<layer>.geojson; \
      per carrier gaps-<carrier>.geojson (parcels below the coverage target); parcel-coverage.csv and .json; \
      summary.md; every map layer with its styles in cosite.gpkg (QGIS) and cosite.kmz (Google Earth); \
      report.html (one offline page: map, tables); and under rasters/ per carrier layer Cloud-Optimized GeoTIFFs \
      of best RSRP, SINR, coverage probability and best server (indoor and outdoor bands). Files are written atomically; if the scenario has any problem, nothing is written. The same \
      input always gives byte-identical files, whatever the number of threads.

      With --tiles DIR (a plan from cosite plan-tiles) it computes one tile of the run — the tile \
      --tile N, or the job array's SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX — into --out \
      (conventionally DIR/tile-N); cosite merge DIR joins the tiles into the files above.
      """)

  @Argument(help: "The scenario YAML file.")
  var scenario: String

  @Option(name: .long, help: "Output directory (created if missing).")
  var out: String

  @Option(
    name: .customLong("threads"),
    help: ArgumentHelp("Worker threads for the field engine (default: all cores).", valueName: "threads"))
  var threadsOption: Int?
  var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

  @Option(name: .customLong("max-cells"), help: maxCellsHelp)
  var maxCells: Int?

  @Option(name: .long, help: ArgumentHelp("Compute one tile of the plan in this directory.", valueName: "dir"))
  var tiles: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The tile to compute (default: SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).", valueName: "index"))
  var tile: Int?

  func validate() throws {
    try checkThreads(threadsOption)
    try checkMaxCells(maxCells)
    if tile != nil, tiles == nil { throw ValidationError("--tile needs --tiles DIR (a plan from cosite plan-tiles)") }
    if let tile, tile < 0 { throw ValidationError("--tile must be 0 or more") }
  }

  func run() throws {
    if let tiles { return try runTile(tiles) }
    let progress = TerminalProgress()
    let written = try reportingScenarioErrors {
      // The progress line goes before anything else prints, an error included.
      defer { progress.clear() }
      return try RunJob.run(
        scenarioPath: scenario, outputDirectory: URL(fileURLWithPath: out), threads: threads, maxCells: maxCells,
        warn: progress.warn, modelWarning: progress.modelWarning, note: progress.note, progress: progress.callback)
    }
    for line in written.headline { print(line) }
    printWritten(written.names, out: out)
  }
}

extension Run {
  /// One tile of a tiled run.
  func runTile(_ tiles: String) throws {
    let progress = TerminalProgress()
    let written = try reportingScenarioErrors {
      defer { progress.clear() }
      return try TileJob.run(
        scenarioPath: scenario, tilesDirectory: URL(fileURLWithPath: tiles), index: try TileJob.index(flag: tile),
        outputDirectory: URL(fileURLWithPath: out), threads: threads, maxCells: maxCells,
        warn: progress.warn, progress: progress.callback)
    }
    for line in written.lines { print(line) }
    printWritten(written.names, out: out)
  }
}

/// "wrote DIR/NAME" per file; the files of a folder (rasters/) as one line with their count.
func printWritten(_ names: [String], out: String) {
  var folders: [(name: String, count: Int)] = []
  for name in names {
    guard let slash = name.firstIndex(of: "/") else {
      print("wrote \((out as NSString).appendingPathComponent(name))")
      continue
    }
    let folder = String(name[..<slash])
    if let index = folders.firstIndex(where: { $0.name == folder }) {
      folders[index].count += 1
    } else {
      folders.append((folder, 1))
    }
  }
  for folder in folders {
    print("wrote \((out as NSString).appendingPathComponent(folder.name))/ (\(folder.count) files)")
  }
}

/// Threads beyond this are refused: a typo such as 80000 would otherwise start that many.
let maximumThreads = 1024

func checkThreads(_ threads: Int?) throws {
  guard let threads else { return }
  guard (1...maximumThreads).contains(threads) else {
    throw ValidationError("--threads must be between 1 and \(maximumThreads)")
  }
}

/// A one-line progress display on standard error, only when it is a terminal.
struct TerminalProgress {
  let isShown = isatty(STDERR_FILENO) != 0

  func show(_ stage: String, _ share: Double) {
    let line = "\r\u{1B}[K" + String(format: "%3.0f%%", share * 100) + "  " + stage
    FileHandle.standardError.write(Data(line.utf8))
  }

  func clear() {
    if isShown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }

  /// The jobs' progress callback: nil when nothing is shown.
  var callback: ((String, Double) -> Void)? { isShown ? { show($0, $1) } : nil }

  /// A scenario warning, a model warning and a note, each below a cleared progress line.
  func warn(_ issue: ScenarioIssue) {
    clear()
    printWarning(issue)
  }

  func modelWarning(_ text: String) {
    clear()
    printError("warning: \(text)")
  }

  func note(_ text: String) {
    clear()
    print(text)
  }
}
