import Geo
import Planning
import Scenario

/// The lines a zone board reads first, in people and buildings, with one definition of
/// meeting the target printed beside them (`comparison.md`, `recommendations.md`).
enum BoardHeadline {
  /// The definition every figure in people and parcels uses.
  static func definition(_ scenario: ScenarioModel) -> String {
    let target = scenario.coverage.target
    return
      "A parcel meets the target when at least \(JSONWriter.fixed(target.minimumShare * 100, decimals: 0)) % of its area has RSRP ≥ \(JSONWriter.number(target.rsrpDBm)) dBm"
      + (target.indoor ? " (indoors in buildings, with their O2I loss)" : "")
      + "; its workers then count once — for a carrier, for every planned carrier, or for at least one."
  }

  /// A table: per option, workers for every and for at least one carrier, buildings
  /// (factories, warehouses, offices) for every carrier, newly covered workers against today
  /// and the cost per newly covered worker; open land apart.
  static func table(_ outcomes: [OptionOutcome], today: OptionOutcome, scenario: ScenarioModel) -> [String] {
    let buildings = scenario.parcels.filter { CoverageFigures.buildingUses.contains($0.landUse) }.count
    let workers = scenario.parcels.reduce(0) { $0 + $1.workers }
    func fixed(_ value: Double, _ decimals: Int) -> String { JSONWriter.fixed(value, decimals: decimals) }
    var lines = [
      definition(scenario)
        + " The zones hold \(fixed(workers, 0)) workers and \(buildings) buildings (factories, warehouses, offices).",
      "",
      "| Option | Workers, every carrier | Workers, at least one carrier | Buildings, every carrier | Newly covered workers (every carrier) | M VND per newly covered worker | Open land meeting it (roads, green, water), ha |",
      "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for outcome in outcomes {
      let newly = outcome.everyCarrier.workers - today.everyCarrier.workers
      let perWorker = newly > 0 && outcome.lifetimeVND > 0 ? fixed(outcome.lifetimeVND / newly / 1e6, 1) : "—"
      lines.append(
        "| \(outcome.name) | \(fixed(outcome.everyCarrier.workers, 0)) | \(fixed(outcome.anyCarrier.workers, 0)) | \(outcome.everyCarrier.buildings) | \(fixed(newly, 0)) | \(perWorker) | \(fixed(outcome.everyCarrier.openLandHa, 1)) |"
      )
    }
    return lines
  }
}
