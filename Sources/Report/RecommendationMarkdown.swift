import Geo
import Planning
import Scenario

/// `recommendations.md`: what a planner reads first.
enum RecommendationMarkdown {
  static func text(
    _ rows: [RecommendationReport.Row], result: Recommender.Result, scenario: ScenarioModel,
    outcomes: (today: OptionOutcome, plan: OptionOutcome)
  ) -> String {
    let unit = result.weightByArea ? "ha" : "workers"
    func fixed(_ value: Double, _ decimals: Int) -> String { JSONWriter.fixed(value, decimals: decimals) }
    var lines = [
      "# Recommended stations — \(scenario.name)", "",
      "Target: RSRP ≥ \(JSONWriter.number(scenario.coverage.target.rsrpDBm)) dBm"
        + (scenario.coverage.target.indoor ? " indoors in buildings" : "")
        + ". Weight: \(unit). Sharing option: \(result.option.name).",
      "\(result.offerCount) candidates; \(rows.count) chosen, covering \(fixed(result.value, 1)) of the \(fixed(result.uncoveredWeight, 1)) \(unit) still missing the target, summed over the planned carriers (a worker missing it for two carriers counts twice), for \(fixed(result.cost / 1e9, 2)) bn VND over \(result.option.costs.horizonYears) years.",
    ]
    switch result.goal {
    case .budget:
      lines.append(
        result.status == "optimal"
          ? "**Optimal** (proven: upper bound \(fixed(result.bound, 1)) \(unit), \(result.boundMethod))."
          : "Within **\(fixed(result.gap * 100, 1)) %** of optimal (\(result.status); upper bound \(fixed(result.bound, 1)) \(unit), \(result.boundMethod))."
      )
    case .target(let share):
      lines.append(
        result.targetMet
          ? "Every carrier reaches \(fixed(share * 100, 1)) % of its \(unit) at "
            + (result.status == "optimal"
              ? "the **least possible cost** (proven: lower bound \(fixed(result.bound / 1e9, 2)) bn VND, \(result.boundMethod))."
              : "a cost within **\(fixed(result.gap * 100, 1)) %** of the least possible (\(result.status); lower bound \(fixed(result.bound / 1e9, 2)) bn VND, \(result.boundMethod)).")
          : "The candidates cannot bring every carrier to \(fixed(share * 100, 1)) % of its \(unit): the plan covers what they can."
      )
    }
    if let limit = result.stoppedBy {
      lines.append(
        limit == .timeLimit
          ? "CBC stopped at its time limit (`--time-limit-s`): another machine, or this one under another load, may find a different plan within the same proven gap."
          : "CBC stopped at its node limit (`--node-limit`): the same input gives the same plan on any machine with the same CBC build."
      )
    }
    let shares = result.carriers.indices.map { position -> String in
      let total = max(result.totalWeight[position], 1e-12)
      return
        "\(scenario.carriers[result.carriers[position]].id) \(fixed(result.coveredWeight[position] / total * 100, 1)) % → \(fixed(result.plannedWeight[position] / total * 100, 1)) %"
    }
    lines.append("Share of \(unit) meeting the target, today → planned: \(shares.joined(separator: "; ")).")
    lines += ["", "## People and buildings", ""]
    lines += BoardHeadline.table([outcomes.today, outcomes.plan], today: outcomes.today, scenario: scenario)
    lines += ["", "## Stations"]
    lines += [
      "",
      "| Rank | Carriers | Station | Kind | Newly covered ha | Parcels | Workers | One-off M VND | Yearly M VND | Lifetime M VND | Cumulative share |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows {
      let offer = row.pick.offer
      let share = result.uncoveredWeight > 0 ? row.cumulativeWeight / result.uncoveredWeight : 0
      lines.append(
        "| \(row.rank) | \(OfferText.carriers(offer, scenario: scenario)) | \(OfferText.id(offer, pool: result.pool, scenario: scenario)) | \(OfferText.kindWithNodes(offer, pool: result.pool)) | \(fixed(row.newHa, 2)) | \(row.parcels) | \(fixed(row.workers, 0)) | \(fixed(offer.cost.oneOffVND / 1e6, 0)) | \(fixed(offer.cost.yearlyVND / 1e6, 0)) | \(fixed(offer.cost.lifetimeVND / 1e6, 0)) | \(fixed(share * 100, 1)) % |"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
