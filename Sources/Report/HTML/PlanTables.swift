import Geo
import Planning
import Scenario

/// The plan sections of the report: for `recommend` the plan's figures, its ranked list and
/// its coverage-vs-cost curve; for `compare` the option table, the per-carrier table, every
/// option's curve and ranked list. The figures are those of `recommendations.*` and
/// `comparison.*`.
enum PlanTables {
  /// One plan: its result and its ranked rows.
  typealias Plan = (result: Recommender.Result, rows: [RecommendationReport.Row])

  static func recommendation(
    _ plan: Plan, scenario: ScenarioModel, outcomes: (today: OptionOutcome, plan: OptionOutcome)
  ) -> String {
    let result = plan.result
    let unit = unit(result)
    var lines = [
      "<section id=\"plan\">", "<h2>Recommended stations — \(HTMLText.escaped(result.option.name))</h2>",
      paragraph(
        "\(result.offerCount) candidates; \(plan.rows.count) chosen, covering \(fixed(result.value, 1)) of the \(fixed(result.uncoveredWeight, 1)) \(unit) still missing the target, summed over the planned carriers, for \(fixed(result.cost / 1e9, 2)) bn VND over \(result.option.costs.horizonYears) years."
      ),
      paragraph(statusSentence(result, unit: unit)),
    ]
    var shares = HTMLTable(header: ["Carrier", "Meeting the target today", "Planned"])
    for position in result.carriers.indices {
      let total = result.totalWeight[position]
      func share(_ value: Double) -> String { CoverageSummary.percent(total > 0 ? value / total : 0) }
      shares.rows.append([
        scenario.carriers[result.carriers[position]].id, share(result.coveredWeight[position]),
        share(result.plannedWeight[position]),
      ])
    }
    lines.append(shares.html)
    lines.append("<h3>People and buildings</h3>")
    lines.append(peopleTable([outcomes.today, outcomes.plan], today: outcomes.today))
    lines.append("<h3>Ranked list</h3>")
    lines.append(rankedList(plan, scenario: scenario))
    lines.append("<h3>Coverage against cost</h3>")
    lines.append(
      CostCurveSVG.svg([CostCurveSVG.series(result.option.name, colour: "#4e79a7", rows: plan.rows)], unit: unit))
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }

  static func comparison(
    _ entries: [ComparisonReport.Entry], plans: [Plan], scenario: ScenarioModel, basis: String
  ) -> String {
    var lines = [
      "<section id=\"plan\">", "<h2>Sharing options compared</h2>",
      paragraph(
        "Each option is planned for \(basis). \"Every carrier\" counts parcels that meet the target for all planned carriers. Money over \(scenario.costs.horizonYears) years at \(fixed(scenario.costs.discountRate * 100, 1)) %."
      ),
    ]
    if let goal = scenario.sharing.sharingRateTarget {
      lines.append(paragraph("The province's passive sharing-rate target: \(CoverageSummary.percent(goal))."))
    }
    var options = HTMLTable(header: [
      "Option", "Parcels meeting target (every carrier)", "Workers", "New structures", "Co-locations",
      "Indoor systems (nodes)", "Structures", "Tenancy", "Sharing rate", "CAPEX bn VND", "OPEX bn VND/yr",
      "NPV of cost bn VND", "Energy MWh/yr", "Goal met",
    ])
    var carriers = HTMLTable(
      header: [
        "Option", "Carrier", "Parcels in / out", "Workers in / out", "New builds", "Co-locations",
        "Buildings with indoor systems", "CAPEX bn VND",
        "OPEX bn VND/yr", "NPV of cost bn VND",
      ], numericFrom: 2)
    for entry in entries {
      let o = entry.outcome
      var met = "—"
      if let result = entry.result {
        if case .target = result.goal { met = result.targetMet ? "yes" : "no" } else { met = "budget" }
      }
      options.rows.append([
        o.name, "\(o.everyCarrier.parcels)", fixed(o.everyCarrier.workers, 0), "\(o.newStructures)",
        "\(o.colocations)", "\(o.indoorSystems) (\(o.indoorNodes))", "\(o.structures)", fixed(o.tenancyRatio, 2),
        CoverageSummary.percent(o.sharingRate),
        fixed(o.capexVND / 1e9, 2), fixed(o.opexVNDPerYear / 1e9, 2), fixed(o.lifetimeVND / 1e9, 2),
        fixed(o.energyKWhPerYear / 1e3, 0), met,
      ])
      for carrier in o.carriers {
        carriers.rows.append([
          o.name, scenario.carriers[carrier.carrierIndex].id, "\(carrier.target.parcels) / \(carrier.outdoor.parcels)",
          "\(fixed(carrier.target.workers, 0)) / \(fixed(carrier.outdoor.workers, 0))", "\(carrier.newBuilds)",
          "\(carrier.colocations)", "\(carrier.indoorBuildings)", fixed(carrier.capexVND / 1e9, 2),
          fixed(carrier.opexVNDPerYear / 1e9, 2),
          fixed(carrier.lifetimeVND / 1e9, 2),
        ])
      }
    }
    lines.append(options.html)
    if let today = entries.first?.outcome {
      lines.append("<h3>People and buildings</h3>")
      lines.append(peopleTable(entries.map(\.outcome), today: today))
    }
    if let busy = BusyHourComparison.table(entries.map(\.outcome), scenario: scenario) {
      lines.append("<h3>Busy hour</h3>")
      lines.append(paragraph(BusyHourComparison.sentence(scenario)))
      lines.append(HTMLTable(header: busy.header, rows: busy.rows).html)
    }
    lines.append("<h3>Per carrier</h3>")
    lines.append(paragraph("Target indoors / outdoors; money split evenly among the carriers a shared station serves."))
    lines.append(carriers.html)
    if let first = plans.first {
      let colours = CoverageMaps.categoryColours
      lines.append("<h3>Coverage against cost</h3>")
      lines.append(
        CostCurveSVG.svg(
          plans.enumerated().map { index, plan in
            CostCurveSVG.series(plan.result.option.name, colour: colours[index % colours.count], rows: plan.rows)
          }, unit: unit(first.result)))
    }
    for plan in plans {
      lines.append(
        "<details><summary>\(HTMLText.escaped(plan.result.option.name)): ranked list, \(plan.rows.count) station\(plan.rows.count == 1 ? "" : "s")</summary>"
      )
      lines.append(paragraph(statusSentence(plan.result, unit: unit(plan.result))))
      lines.append(rankedList(plan, scenario: scenario))
      lines.append("</details>")
    }
    lines.append("</section>")
    return lines.joined(separator: "\n")
  }

  /// The stations in rank order, as in `recommendations.md`.
  static func rankedList(_ plan: Plan, scenario: ScenarioModel) -> String {
    var table = HTMLTable(
      header: [
        "Rank", "Carriers", "Station", "Kind", "Newly covered ha", "Parcels", "Workers", "One-off M VND",
        "Yearly M VND", "Lifetime M VND", "Cumulative share",
      ], numericFrom: 4)
    let result = plan.result
    for row in plan.rows {
      let offer = row.pick.offer
      let share = result.uncoveredWeight > 0 ? row.cumulativeWeight / result.uncoveredWeight : 0
      table.rows.append([
        "\(row.rank)", OfferText.carriers(offer, scenario: scenario),
        OfferText.id(offer, pool: result.pool, scenario: scenario), OfferText.kindWithNodes(offer, pool: result.pool),
        fixed(row.newHa, 2), "\(row.parcels)", fixed(row.workers, 0), fixed(offer.cost.oneOffVND / 1e6, 0),
        fixed(offer.cost.yearlyVND / 1e6, 0), fixed(offer.cost.lifetimeVND / 1e6, 0), CoverageSummary.percent(share),
      ])
    }
    return table.html
  }

  /// Workers and buildings meeting the target per option, as `BoardHeadline.table`.
  static func peopleTable(_ outcomes: [OptionOutcome], today: OptionOutcome) -> String {
    var table = HTMLTable(header: [
      "Option", "Workers, every carrier", "Workers, at least one carrier", "Buildings, every carrier",
      "Newly covered workers (every carrier)", "M VND per newly covered worker",
      "Open land meeting it (roads, green, water), ha",
    ])
    for outcome in outcomes {
      let newly = outcome.everyCarrier.workers - today.everyCarrier.workers
      let perWorker = newly > 0 && outcome.lifetimeVND > 0 ? fixed(outcome.lifetimeVND / newly / 1e6, 1) : "—"
      table.rows.append([
        outcome.name, fixed(outcome.everyCarrier.workers, 0), fixed(outcome.anyCarrier.workers, 0),
        "\(outcome.everyCarrier.buildings)", fixed(newly, 0), perWorker, fixed(outcome.everyCarrier.openLandHa, 1),
      ])
    }
    return table.html
  }

  /// Whether the plan is proven optimal, or how far from its bound.
  static func statusSentence(_ result: Recommender.Result, unit: String) -> String {
    switch result.goal {
    case .budget:
      return result.status == "optimal"
        ? "Optimal (proven: upper bound \(fixed(result.bound, 1)) \(unit), \(result.boundMethod))."
        : "Within \(fixed(result.gap * 100, 1)) % of optimal (\(result.status); upper bound \(fixed(result.bound, 1)) \(unit), \(result.boundMethod))."
    case .target(let share):
      guard result.targetMet else {
        return
          "The candidates cannot bring every carrier to \(fixed(share * 100, 1)) % of its \(unit): the plan covers what they can."
      }
      return result.status == "optimal"
        ? "Every carrier reaches \(fixed(share * 100, 1)) % of its \(unit) at the least possible cost (proven: lower bound \(fixed(result.bound / 1e9, 2)) bn VND, \(result.boundMethod))."
        : "Every carrier reaches \(fixed(share * 100, 1)) % of its \(unit) at a cost within \(fixed(result.gap * 100, 1)) % of the least possible (\(result.status); lower bound \(fixed(result.bound / 1e9, 2)) bn VND, \(result.boundMethod))."
    }
  }

  static func unit(_ result: Recommender.Result) -> String { result.weightByArea ? "ha" : "workers" }
  static func fixed(_ value: Double, _ decimals: Int) -> String { JSONWriter.fixed(value, decimals: decimals) }
  static func paragraph(_ text: String) -> String { CoverageTables.paragraph(text) }
}
