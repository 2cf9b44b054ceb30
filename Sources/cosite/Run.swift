import App
import ArgumentParser
import Foundation
import Report

/// `cosite run SCENARIO --out DIR`: the main job.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a scenario: coverage maps, per-parcel figures and a summary in a directory.",
    discussion: """
      Writes the validated inputs (parcels, structures, sites as RFC 7946 GeoJSON) and summary.json; \
      per carrier layer coverage-<carrier>-<layer>.geojson (RSRP bands) and best-server-<carrier>-<layer>.geojson; \
      per carrier gaps-<carrier>.geojson (parcels below the coverage target); parcel-coverage.csv and .json; \
      summary.md. Files are written atomically; if the scenario has any problem, nothing is written. The same \
      input always gives byte-identical files, whatever the number of threads.
      """)

  @Argument(help: "The scenario YAML file.")
  var scenario: String

  @Option(name: .long, help: "Output directory (created if missing).")
  var out: String

  @Option(help: "Worker threads for the field engine (default: all cores).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  @Option(name: .customLong("max-cells"), help: maxCellsHelp)
  var maxCells: Int?

  func validate() throws {
    try checkThreads(threads)
    try checkMaxCells(maxCells)
  }

  func run() throws {
    let progress = TerminalProgress()
    defer { progress.clear() }
    let callback: ((String, Double) -> Void)? = progress.isShown ? { progress.show($0, $1) } : nil
    let written = try reportingScenarioErrors {
      try RunJob.run(
        scenarioPath: scenario, outputDirectory: URL(fileURLWithPath: out), threads: threads, maxCells: maxCells,
        warn: { issue in
          progress.clear()
          printWarning(issue)
        },
        modelWarning: { text in
          progress.clear()
          printError("warning: \(text)")
        },
        note: { text in
          progress.clear()
          print(text)
        }, progress: callback)
    }
    for name in written { print("wrote \((out as NSString).appendingPathComponent(name))") }
  }
}

/// Threads beyond this are refused: a typo such as 80000 would otherwise start that many.
let maximumThreads = 1024

func checkThreads(_ threads: Int) throws {
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
}
