import Coverage
import Geo
import Planning
import Scenario

/// The few lines `cosite run` prints before its file list (and `report.html` shows first):
/// zones and people, people meeting the target per carrier, every carrier and at least one,
/// the busy hour's top service class indoors and overloaded sectors, and the worst parcels. People count once, by the one definition of meeting the target
/// (`BoardHeadline.definition`: a parcel meets it when its covered share reaches the
/// target's), exactly as `comparison.md`'s "today" row counts them.
public enum RunHeadline {
  /// How many parcels the worst-parcels line names.
  static let worstCount = 3

  public static func lines(_ scenario: ScenarioModel, coverage: CoverageResult) -> [String] {
    let carriers = Array(scenario.carriers.indices)
    let today = OptionOutcome.today(scenario, coverage: coverage, carriers: carriers)
    let summary = ScenarioSummary(scenario)
    let workers = summary.workers
    let areaHa = summary.parcelAreaHa
    func count(_ value: Double) -> String { JSONWriter.fixed(value, decimals: 0) }
    func share(_ value: Double) -> String {
      workers > 0 ? " (" + JSONWriter.fixed(value / workers * 100, decimals: 1) + " %)" : ""
    }
    let target = scenario.coverage.target
    var lines = [
      "\(scenario.zones.count) zone\(scenario.zones.count == 1 ? "" : "s"), \(scenario.parcels.count) parcels, \(JSONWriter.fixed(areaHa, decimals: 0)) ha, \(count(workers)) workers.",
      "Workers in parcels meeting the target (≥ \(JSONWriter.fixed(target.minimumShare * 100, decimals: 0)) % of the area at RSRP ≥ \(JSONWriter.number(target.rsrpDBm)) dBm\(target.indoor ? " indoors" : ""), \(JSONWriter.fixed(target.reliability * 100, decimals: 0)) % reliability):",
    ]
    for figures in today.carriers {
      let id = scenario.carriers[figures.carrierIndex].id
      lines.append("  \(id): \(count(figures.target.workers))\(share(figures.target.workers))")
    }
    if carriers.count > 1 {
      lines.append("  every carrier: \(count(today.everyCarrier.workers))\(share(today.everyCarrier.workers))")
      lines.append("  at least one: \(count(today.anyCarrier.workers))\(share(today.anyCarrier.workers))")
    }
    if let top = coverage.settings.serviceClassesBestFirst.first {
      let shares = coverage.carriers.map { carrier in
        "\(carrier.carrierID) \(JSONWriter.fixed(BusyHourSummary.workerShares(carrier.serviceIndoor, coverage)[0] * 100, decimals: 1)) %"
      }
      let sectors = coverage.layers.flatMap(\.sectorLoads)
      lines.append(
        "Busy hour, workers indoors in \(BusyHourSummary.classLabel(top)): \(shares.joined(separator: ", ")); "
          + "\(sectors.filter(\.isOverloaded).count) of \(sectors.count) serving sectors overloaded (summary.md, Busy hour)."
      )
    }
    let worst = worstParcels(coverage)
    if !worst.isEmpty {
      lines.append(
        "Worst parcels (most workers left out on every carrier): "
          + worst.map {
            "\($0.id) (\(count($0.workers)) workers, \(JSONWriter.fixed($0.share * 100, decimals: 0)) % of its area meets it)"
          }
          .joined(separator: ", "))
    }
    return lines
  }

  /// Parcels missing the target for every carrier, by workers left out (workers × the
  /// uncovered share on the best carrier), largest first; ties by scenario order.
  static func worstParcels(_ coverage: CoverageResult) -> [(id: String, share: Double, workers: Double)] {
    var candidates: [(id: String, share: Double, workers: Double, left: Double, index: Int)] = []
    for (index, parcel) in coverage.parcels.enumerated() where parcel.workers > 0 {
      let shares = coverage.carriers.compactMap { coverage.coveredShare($0, parcel: index) }
      guard let best = shares.max(), best < coverage.settings.target.minimumShare else { continue }
      candidates.append((parcel.id, best, parcel.workers, parcel.workers * (1 - best), index))
    }
    candidates.sort { $0.left != $1.left ? $0.left > $1.left : $0.index < $1.index }
    return candidates.prefix(worstCount).map { ($0.id, $0.share, $0.workers) }
  }
}
