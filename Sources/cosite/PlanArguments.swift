import App
import ArgumentParser
import Foundation
import Planning
import Report

/// The options `cosite recommend` and `cosite compare` share.
struct PlanArguments: ParsableArguments {
  @Argument(help: "The scenario YAML file.")
  var scenario: String

  @Option(name: .long, help: "Plan for this carrier only (repeatable; default: all carriers, jointly).")
  var carrier: [String] = []

  @Flag(name: .long, help: "Plan for all carriers jointly: they compete for the same free slots (the default).")
  var all = false

  @Option(
    name: .customLong("budget-vnd"),
    help: "Budget over the horizon (one-off + present value of yearly), \(MoneyArgument.help).")
  var budget: MoneyArgument?
  var budgetVND: Double? { budget?.vnd }

  @Option(
    help: ArgumentHelp(
      "Reach this share of each carrier's demand meeting the coverage target, at least cost: 0.9 or 90%.",
      valueName: "share"))
  var target: String?

  @Option(name: .customLong("max-stations"), help: "Largest number of stations.")
  var maxStations: Int?

  @Option(help: "Seed-set size of the partial enumeration (3 gives 1 − 1/e with a budget; larger instances afford 1).")
  var depth: Int = 1

  @Option(help: "Weight of newly covered cells: workers (parcel demand) or area.")
  var weight: String = "workers"

  @Option(name: .customLong("spacing-m"), help: "Spacing of generated new-build points, m; 0 = listed new builds only.")
  var spacingM: Double = 500

  @Flag(
    name: .customLong("no-indoor"),
    help: "Leave indoor systems (small cells, neutral hosts in the buildings) out of the candidates.")
  var noIndoor = false

  @Option(name: .long, help: "Output directory (created if missing).")
  var out: String

  @Option(
    name: .customLong("threads"), help: ArgumentHelp("Worker threads (default: all cores).", valueName: "threads"))
  var threadsOption: Int?
  var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

  @Option(name: .customLong("max-cells"), help: maxCellsHelp)
  var maxCells: Int?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Today's coverage and the candidates' fields from a tiled run (cosite plan-tiles --candidates, then its tiles) instead of computing them here.",
      valueName: "dir"))
  var tiles: String?

  @Option(
    name: .customLong("time-limit-s"),
    help: "Seconds the exact solver (CBC) may search per plan, a safety net; 0 = heuristics only (default 60).")
  var timeLimitS: Double = 60

  @Option(
    name: .customLong("node-limit"),
    help: "Branch-and-bound nodes CBC may explore per plan; a stop here is reproducible; 0 = no limit (default 1000).")
  var nodeLimit: Int?

  /// CBC's default node limit (BENCHMARKS.md, *A reproducible limit for CBC*).
  static let defaultNodeLimit = 1000

  /// `--target` as a share in (0, 1].
  var targetShare: Double? {
    guard let target else { return nil }
    let text = target.trimmingCharacters(in: .whitespaces)
    if text.hasSuffix("%") { return Double(text.dropLast()).map { $0 / 100 } }
    return Double(text)
  }

  func validate() throws {
    try checkThreads(threadsOption)
    try checkMaxCells(maxCells)
    guard timeLimitS >= 0, timeLimitS <= 86_400 else { throw ValidationError("--time-limit-s must be 0 to 86400") }
    guard (0...Int(Int32.max)).contains(nodeLimit ?? Self.defaultNodeLimit) else {
      throw ValidationError("--node-limit must be 0 (no limit) to \(Int32.max)")
    }
    guard nodeLimit == nil || timeLimitS > 0 else {
      throw ValidationError("--node-limit limits CBC, which --time-limit-s 0 turns off: give one or the other")
    }
    guard depth >= 0 && depth <= 3 else { throw ValidationError("--depth must be 0 to 3") }
    guard ["workers", "area"].contains(weight) else { throw ValidationError("--weight must be workers or area") }
    guard budgetVND.map({ $0 > 0 }) ?? true else { throw ValidationError("--budget-vnd must be positive") }
    guard maxStations.map({ $0 >= 1 }) ?? true else { throw ValidationError("--max-stations must be at least 1") }
    guard spacingM == 0 || spacingM >= 50 else { throw ValidationError("--spacing-m must be 0 or at least 50") }
    guard !(all && !carrier.isEmpty) else { throw ValidationError("give --carrier or --all, not both") }
    guard !(budgetVND != nil && target != nil) else { throw ValidationError("give --budget-vnd or --target, not both") }
    if target != nil {
      guard let share = targetShare, share > 0, share <= 1 else {
        throw ValidationError("--target must be a share such as 0.9 or 90%, above 0 and at most 1")
      }
    }
  }

  var request: PlanRequest {
    var request = PlanRequest()
    request.carrierIDs = carrier
    if let share = targetShare {
      request.goal = .target(share)
    } else if let budgetVND {
      request.goal = .budget(budgetVND)
    }
    request.maxStations = maxStations
    request.depth = depth
    request.weightByArea = weight == "area"
    request.newBuildSpacingM = spacingM
    request.indoorSystems = !noIndoor
    request.threads = threads
    request.maxCells = maxCells
    request.tilesDirectory = tiles.map { URL(fileURLWithPath: $0) }
    request.timeLimitSeconds = timeLimitS > 0 ? timeLimitS : nil
    let nodes = nodeLimit ?? Self.defaultNodeLimit
    request.nodeLimit = nodes > 0 ? nodes : nil
    return request
  }
}
