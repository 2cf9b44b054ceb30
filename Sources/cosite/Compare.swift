import App
import ArgumentParser
import Foundation
import Report

/// `cosite compare SCENARIO --out DIR`: sharing options side by side.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Compare sharing options (standalone, passive, MORAN, MOCN, neutral host and the scenario's own) side by side.",
    discussion: """
      Plans each option with the recommender on one candidate pool (fields computed once) at the same budget or \
      the same coverage target (--budget-vnd / --target, else the scenario's sharing.compare), then reports per \
      option and carrier: coverage of the target indoors and outdoors (area, parcels, workers), new structures, \
      co-locations, indoor systems (small cells, neutral hosts, DAS) with their nodes, tenancy ratio, passive \
      sharing rate, CAPEX, OPEX per year, NPV of cost over the horizon and energy. Writes \
      comparison.csv/.json/.md and, per option, <option>-recommendations.csv/.json, \
      <option>-recommended-stations.geojson, <option>-recommended-indoor-systems.geojson (when it has any) and \
      <option>-newly-covered-<carrier>.geojson.
      """)

  @OptionGroup var plan: PlanArguments

  @Option(help: "Options to compare, comma-separated (default: all, built-in and the scenario's).")
  var options: String?

  func run() throws {
    let start = Date()
    let names = options.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
    let (written, outcomes) = try reportingScenarioErrors {
      try CompareJob.run(
        scenarioPath: plan.scenario, outputDirectory: URL(fileURLWithPath: plan.out), request: plan.request,
        optionNames: names, warn: printWarning)
    }
    for name in written { print("wrote \((plan.out as NSString).appendingPathComponent(name))") }
    for outcome in outcomes {
      print(
        "\(outcome.name): \(outcome.everyCarrier.parcels) parcels for every carrier, \(outcome.newStructures) new structures, \(outcome.colocations) co-locations, sharing rate \(String(format: "%.1f", outcome.sharingRate * 100)) %, NPV of cost \(String(format: "%.2f", outcome.lifetimeVND / 1e9)) bn VND"
      )
    }
    print(String(format: "%.1f s", Date().timeIntervalSince(start)))
  }
}
