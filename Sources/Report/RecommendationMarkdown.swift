import Geo
import Planning
import Scenario

/// `recommendations.md`: what a planner reads first.
enum RecommendationMarkdown {
  static func text(
    _ rows: [RecommendationReport.Row], result: Recommender.Result, scenario: ScenarioModel
  ) -> String {
    let solution = result.solution
    let unit = result.weightByArea ? "ha" : "workers"
    var lines = [
      "# Recommended stations — \(scenario.name)", "",
      "Target: RSRP ≥ \(JSONWriter.number(scenario.coverage.target.rsrpDBm)) dBm"
        + (scenario.coverage.target.indoor ? " indoors in buildings" : "") + ". Weight: \(unit).",
      "\(result.candidateCount) candidates; \(rows.count) chosen, covering \(JSONWriter.fixed(solution.value, decimals: 1)) of \(JSONWriter.fixed(result.uncoveredWeight, decimals: 1)) \(unit) still missing the target, for \(JSONWriter.fixed(solution.cost / 1e9, decimals: 2)) bn VND over \(scenario.costs.horizonYears) years.",
      "Within **\(JSONWriter.fixed(solution.gap * 100, decimals: 1)) %** of optimal (upper bound \(JSONWriter.fixed(solution.upperBound, decimals: 1)) \(unit), \(solution.boundMethod); enumeration depth \(solution.depth)).",
      "",
      "| Rank | Carrier | Station | Kind | Newly covered ha | Parcels | Workers | One-off M VND | Yearly M VND | Lifetime M VND | Cumulative share |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows {
      let candidate = row.pick.candidate
      let share = result.uncoveredWeight > 0 ? row.cumulativeWeight / result.uncoveredWeight : 0
      lines.append(
        "| \(row.rank) | \(scenario.carriers[candidate.carrierIndex].id) | \(candidate.id) | \(candidate.kind.rawValue) | \(JSONWriter.fixed(row.newHa, decimals: 2)) | \(row.parcels) | \(JSONWriter.fixed(row.workers, decimals: 0)) | \(JSONWriter.fixed(candidate.oneOffVND / 1e6, decimals: 0)) | \(JSONWriter.fixed(candidate.yearlyVND / 1e6, decimals: 0)) | \(JSONWriter.fixed(candidate.lifetimeVND / 1e6, decimals: 0)) | \(JSONWriter.fixed(share * 100, decimals: 1)) % |"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
