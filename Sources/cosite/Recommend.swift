import ArgumentParser
import Foundation
import Report

/// `cosite recommend SCENARIO --out DIR`: the stations each carrier should add.
struct Recommend: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Recommend co-locations (and new builds where none will do) to close coverage gaps at least cost.",
    discussion: """
      Computes today's coverage, makes a candidate for every free slot of every structure for every carrier not \
      yet on it and new towers on a lattice over uncovered parcels, computes each candidate's newly covered cells, \
      and chooses by budgeted maximum coverage (lazy greedy by gain per cost, best single, partial enumeration) \
      with an upper bound. Costs are lifetime costs: one-off plus the present value of yearly costs over the \
      scenario's horizon. Writes recommendations.csv/.json/.md, recommended-stations.geojson and \
      newly-covered-<carrier>.geojson.
      """)

  @Argument(help: "The scenario YAML file.")
  var scenario: String

  @Option(name: .long, help: "Plan for this carrier only (repeatable; default: all carriers, jointly).")
  var carrier: [String] = []

  @Flag(name: .long, help: "Plan for all carriers jointly: they compete for the same free slots (the default).")
  var all = false

  @Option(name: .customLong("budget-vnd"), help: "Budget over the horizon, VND (one-off + present value of yearly).")
  var budgetVND: Double?

  @Option(name: .customLong("max-stations"), help: "Largest number of stations.")
  var maxStations: Int?

  @Option(help: "Seed-set size of the partial enumeration (3 gives 1 − 1/e with a budget; larger instances afford 1).")
  var depth: Int = 1

  @Option(help: "Weight of newly covered cells: workers (parcel demand) or area.")
  var weight: String = "workers"

  @Option(name: .customLong("spacing-m"), help: "Spacing of generated new-build points, m.")
  var spacingM: Double = 500

  @Option(name: .long, help: "Output directory (created if missing).")
  var out: String

  @Option(help: "Worker threads (default: all cores).")
  var threads: Int = ProcessInfo.processInfo.activeProcessorCount

  func validate() throws {
    guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    guard depth >= 0 && depth <= 3 else { throw ValidationError("--depth must be 0 to 3") }
    guard ["workers", "area"].contains(weight) else { throw ValidationError("--weight must be workers or area") }
    guard budgetVND.map({ $0 > 0 }) ?? true else { throw ValidationError("--budget-vnd must be positive") }
    guard maxStations.map({ $0 >= 1 }) ?? true else { throw ValidationError("--max-stations must be at least 1") }
    guard spacingM >= 50 else { throw ValidationError("--spacing-m must be at least 50") }
    guard !(all && !carrier.isEmpty) else { throw ValidationError("give --carrier or --all, not both") }
  }

  func run() throws {
    let start = Date()
    let (written, result) = try reportingScenarioErrors {
      try RecommendJob.run(
        scenarioPath: scenario, outputDirectory: URL(fileURLWithPath: out), carrierIDs: carrier,
        budgetVND: budgetVND, maxStations: maxStations, depth: depth, weightByArea: weight == "area",
        newBuildSpacingM: spacingM, threads: threads)
    }
    for name in written { print("wrote \((out as NSString).appendingPathComponent(name))") }
    let solution = result.solution
    print(
      "\(result.picks.count) stations of \(result.candidateCount) candidates; within \(String(format: "%.1f", solution.gap * 100)) % of optimal (\(solution.boundMethod) bound); \(String(format: "%.1f", Date().timeIntervalSince(start))) s"
    )
  }
}
