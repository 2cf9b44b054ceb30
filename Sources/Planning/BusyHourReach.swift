import Coverage
import Scenario

/// Workers indoors in the best service class at the busy hour (`CoverageSettings
/// .serviceClassesBestFirst[0]`), per planned carrier and for every planned carrier at once:
/// the service KPI of `cosite compare`, from a coverage run of the network as it stands
/// (today) or as a plan builds it (`PlannedNetwork`).
public struct BusyHourReach: Sendable, Hashable {
  /// The class counted.
  public let className: String
  /// Per planned carrier (in the plan's carrier order).
  public let perCarrier: [Double]
  /// Where every planned carrier gives the class at once (cell by cell).
  public let everyCarrier: Double
  /// All workers of the zones: the shares' denominator.
  public let allWorkers: Double

  /// - Parameters:
  ///   - carrierIndex: per planned carrier, its index among `coverage`'s carriers.
  ///   - indoor: cells the plan's indoor systems serve better (`IndoorServiceCells`).
  public init(_ coverage: CoverageResult, carrierIndex: [Int], indoor: IndoorServiceCells = .none) {
    className = coverage.settings.serviceClassesBestFirst.first?.name ?? "none"
    let better = indoor.byCarrier
    perCarrier = carrierIndex.map { coverage.workersIndoors(atLeastClass: 0, everyOf: [$0], better: better) }
    everyCarrier = coverage.workersIndoors(
      atLeastClass: 0, everyOf: Array(Set(carrierIndex)).sorted(), better: better)
    allWorkers = coverage.parcels.indices.reduce(0) {
      $0 + (coverage.parcelCells[$1] > 0 ? coverage.parcels[$1].workers : 0)
    }
  }
}
