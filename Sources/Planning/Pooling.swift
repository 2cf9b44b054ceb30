import Scenario

/// What MOCN's pooling of today's sites costs: every site of a planned carrier is to serve
/// every planned carrier, so each (site, carrier not yet on it) pair needs radio software,
/// licences and integration. A one-off cost of the option, before any new station.
public struct Pooling: Sendable, Hashable {
  /// (site, added carrier) pairs, per planned carrier (in the plan's carrier order).
  public let pairsByCarrier: [Int]
  /// VND per pair (`sharing.mocn_pooling_vnd_per_site_carrier`, or its default).
  public let vndPerPair: Double

  public var pairs: Int { pairsByCarrier.reduce(0, +) }
  public var vnd: Double { Double(pairs) * vndPerPair }

  /// No pooling (every option but MOCN).
  static let none = Pooling(pairsByCarrier: [], vndPerPair: 0)

  static func of(_ option: SharingOption, scenario: ScenarioModel, carriers: [Int]) -> Pooling {
    guard option.rules == .mocn else { return .none }
    let planned = carriers.map { scenario.carriers[$0].id }
    let tenants = ScenarioSummary.tenants(of: scenario)
    var pairs = [Int](repeating: 0, count: carriers.count)
    for structure in scenario.structures {
      let present = tenants[structure.id] ?? []
      guard !present.isDisjoint(with: planned) else { continue }
      for (position, id) in planned.enumerated() where !present.contains(id) { pairs[position] += 1 }
    }
    // Default: as a carrier joining a shared radio pays (three sectors at the MOCN share).
    let perPair =
      option.factors.mocnPoolingVNDPerSiteCarrier
      ?? option.factors.mocnRadioExtraShare * option.costs.radioEquipmentPerSectorVND * 3
    return Pooling(pairsByCarrier: pairs, vndPerPair: perPair)
  }
}
