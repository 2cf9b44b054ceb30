import App
import ArgumentParser
import Foundation
import Planning
import Report

/// `cosite recommend SCENARIO --out DIR`: the stations each carrier should add.
struct Recommend: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Recommend co-locations, new builds and indoor systems to close coverage gaps at least cost.",
    discussion: """
      Computes today's coverage, makes a candidate station for every free slot of every structure whose owner \
      admits the carrier (within its height window and structural budget), for every listed new build and for \
      new towers on a lattice over uncovered parcels, and (under an indoor target, unless --no-indoor) the indoor \
      systems of every building still missing the target — small cells, a neutral host, a DAS — computes each one's newly covered cells \
      once, and chooses \
      either the most newly covered demand within --budget-vnd / --max-stations (lazy greedy by gain per cost, \
      best single, partial enumeration, with an upper bound), or the least cost at which every carrier reaches \
      --target (greedy partial cover with an LP lower bound). Costs are lifetime costs: one-off plus the present \
      value of yearly costs over the scenario's horizon. Without --budget-vnd or --target the scenario's \
      sharing.compare applies, else no budget. Writes recommendations.csv/.json/.md, \
      recommended-stations.geojson, recommended-indoor-systems.geojson (when it has any) and \
      newly-covered-<carrier>.geojson.
      """)

  @OptionGroup var plan: PlanArguments

  @Option(help: "Sharing option: standalone, passive (default), moran, mocn, neutral-host or one the scenario defines.")
  var option = "passive"

  func run() throws {
    let start = Date()
    let (written, result) = try reportingScenarioErrors {
      try RecommendJob.run(
        scenarioPath: plan.scenario, outputDirectory: URL(fileURLWithPath: plan.out), request: plan.request,
        optionName: option, warn: printWarning)
    }
    for name in written { print("wrote \((plan.out as NSString).appendingPathComponent(name))") }
    let seconds = String(format: "%.1f", Date().timeIntervalSince(start))
    let gap = String(format: "%.1f", result.gap * 100)
    switch result.goal {
    case .budget:
      print(
        "\(result.picks.count) stations of \(result.offerCount) candidates; "
          + (result.status == "optimal"
            ? "optimal (proven, \(result.boundMethod))"
            : "within \(gap) % of optimal (\(result.status), \(result.boundMethod) bound)")
          + solverTime(result) + "; \(seconds) s"
      )
    case .target:
      print(
        result.targetMet
          ? "\(result.picks.count) stations of \(result.offerCount) candidates reach the target; "
            + (result.status == "optimal"
              ? "least possible cost (proven, \(result.boundMethod))"
              : "cost within \(gap) % of the least possible (\(result.status), \(result.boundMethod) bound)")
            + solverTime(result) + "; \(seconds) s"
          : "target not reachable with these candidates"
            + (result.status == "infeasible" ? " (proven by CBC)" : "")
            + ": \(result.picks.count) stations cover what they can" + solverTime(result) + "; \(seconds) s"
      )
    }
  }
}

/// CBC's share of the time, for the terminal only (files stay byte-identical).
func solverTime(_ result: Recommender.Result) -> String {
  guard let seconds = result.solverSeconds else { return "" }
  let nodes = result.solverNodes.map { ", \($0) nodes" } ?? ""
  let stop = result.stoppedBy.map { ", stopped at its \($0 == .timeLimit ? "time" : "node") limit" } ?? ""
  return String(format: " (CBC %.2f s", seconds) + nodes + stop + ")"
}
