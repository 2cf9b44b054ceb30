import Geo
import Planning
import Scenario

/// The busy-hour table of `comparison.md` and `report.html`: per option, the workers indoors
/// in the best service class once the plan is built, for every planned carrier at once and
/// for each.
enum BusyHourComparison {
  /// What the table counts, in one paragraph.
  static func sentence(_ scenario: ScenarioModel) -> String {
    let best = scenario.coverage.serviceClassesBestFirst.first.map(BusyHourSummary.classLabel) ?? "none"
    return
      "Workers indoors in the best service class, \(best), at the busy hour once each option's plan is built: a coverage run of the planned network with its loads (service classes as in `cosite run`). Under MOCN each carrier's users share every planned carrier's sites and spectrum, so one figure serves all. A cell counts for \"every carrier\" when each planned carrier gives it the class; each parcel's workers are spread over its cells, so none is counted twice. A building with an indoor system of the plan gives its cells the better of the macro network's class and the system's: its nodes as laid out on the floor plate, the building's users spread over them, coupled node loads, both directions (README, *Inside the halls*). Those buildings' users load the system, not the macro sectors, for the carriers it serves (under MOCN only where it serves every planned carrier). The last column gives the workers of the buildings where the plan's indoor systems serve every carrier; they are already counted in the columns before."
  }

  /// The table; nil when no outcome has busy-hour figures.
  static func table(_ outcomes: [OptionOutcome], scenario: ScenarioModel) -> (header: [String], rows: [[String]])? {
    guard let first = outcomes.first(where: { $0.busyHour != nil }) else { return nil }
    let ids = first.carriers.map { scenario.carriers[$0.carrierIndex].id }
    let header =
      ["Option", "Every carrier (*workers*)", "Share of workers"] + ids
      + ["In buildings with indoor systems for every carrier (*workers*, already in the columns before)"]
    let rows = outcomes.map { outcome -> [String] in
      let indoor = fixed(outcome.indoorWorkersEveryCarrier)
      guard let reach = outcome.busyHour else { return [outcome.name, "—", "—"] + ids.map { _ in "—" } + [indoor] }
      let share = reach.allWorkers > 0 ? reach.everyCarrier / reach.allWorkers : 0
      return [outcome.name, fixed(reach.everyCarrier), CoverageSummary.percent(share)] + reach.perCarrier.map(fixed)
        + [indoor]
    }
    return (header, rows)
  }

  static func fixed(_ value: Double) -> String { JSONWriter.fixed(value, decimals: 0) }
}
