import Coverage
import Geo
import Planning
import Scenario

/// The indoor-systems part of `summary.md`: per carrier, the buildings missing the target
/// from outside and the small cells that would bring it inside; and one neutral host per
/// building where any carrier misses it (`BuildingIndoorDesign`, `indoor-nodes.csv`).
enum IndoorSystemsSummary {
  static func lines(_ result: CoverageResult, scenario: ScenarioModel, designs: [BuildingIndoorDesign]) -> [String] {
    guard !designs.isEmpty else { return [] }
    func misses(_ design: BuildingIndoorDesign, _ carrier: Int) -> Bool {
      result.missesTarget(result.carriers[carrier], parcel: design.parcelIndex)
    }
    func bn(_ vnd: Double) -> String { JSONWriter.fixed(vnd / 1e9, decimals: 2) }
    var rows: [[String]] = []
    for (carrier, spec) in scenario.carriers.enumerated() {
      let missing = designs.filter { misses($0, carrier) }
      let served = missing.filter { $0.carriers[carrier].nodes != nil }
      rows.append([
        spec.id, "\(missing.count)", workers(missing, result),
        "\(served.reduce(0) { $0 + $1.carriers[carrier].nodes! })",
        bn(served.reduce(0) { $0 + $1.cost.ownLifetimeVND[carrier]! }),
      ])
    }
    let any = designs.filter { design in scenario.carriers.indices.contains { misses(design, $0) } }
    let hosted = any.filter { $0.cost.neutralHostNodes != nil }
    rows.append([
      "neutral host (every carrier)", "\(any.count)", workers(any, result),
      "\(hosted.reduce(0) { $0 + $1.cost.neutralHostNodes! })",
      bn(hosted.reduce(0) { $0 + $1.cost.neutralHostLifetimeVND! }),
    ])
    let header = ["Carrier", "Buildings missing the target", "Their workers", "Indoor nodes", "NPV of cost, bn VND"]
    // Indoor models used outside their validity (a layer below 0.5 GHz), once each.
    var outside: [String] = []
    for design in designs {
      for (carrier, own) in zip(scenario.carriers, design.carriers) {
        guard let layer = own.layer, let coverage = own.coverage, !coverage.outsideValidity.isEmpty else { continue }
        let text =
          "\(design.environment.scenario.rawValue) for \(carrier.id) \(layer.id) (\(coverage.outsideValidity.names.joined(separator: ", ")))"
        if !outside.contains(text) { outside.append(text) }
      }
    }
    let warning =
      outside.isEmpty
      ? [] : ["", "Warning: indoor models used outside their validity: \(outside.joined(separator: "; "))."]
    return [
      "", "## Indoor systems", "",
      "Buildings (\(designs.count) parcels with an indoor environment) that miss the target from outside, and the indoor nodes that would bring it inside: each carrier its own small cells, or one neutral host carrying every carrier in each building where any carrier misses it (nodes as many as the carrier needing most; shared as MORAN shares a radio). Nodes for coverage (TR 38.901's indoor models) or for the busy-hour demand, whichever is more; per building in `indoor-nodes.csv`.",
      "", CoverageSummary.row(header), CoverageSummary.row(Array(repeating: "---", count: header.count)),
    ] + rows.map(CoverageSummary.row) + warning
  }

  static func workers(_ designs: [BuildingIndoorDesign], _ result: CoverageResult) -> String {
    JSONWriter.fixed(designs.reduce(0) { $0 + result.parcels[$1.parcelIndex].workers }, decimals: 0)
  }
}
