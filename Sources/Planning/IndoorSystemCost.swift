import Scenario

/// What one building's indoor nodes cost, two ways: each carrier its own small cells, or one
/// neutral host whose nodes carry every carrier (MORAN-like: one node, each carrier its own
/// spectrum).
///
/// A carrier's small cells: n_c nodes × the installed cost, and n_c × the yearly cost. The
/// neutral host needs as many nodes as the carrier needing most (max n_c: every carrier must
/// reach the whole floor from the same nodes); each node's radio costs in full for the first
/// carrier and `moran_radio_extra_share` more per further carrier, its yearly cost
/// `moran_power_extra_share` more (the scenario's sharing factors, as for a shared macro
/// radio). The neutral host's cost is split evenly among the carriers, as every shared offer
/// is. Lifetime = one-off + yearly × the annuity factor of the scenario's discount rate and
/// horizon.
public struct IndoorSystemCost: Sendable, Hashable {
  /// Per carrier: its node count (nil where no node reaches the target) and the lifetime cost
  /// of its own small cells, VND.
  public let nodes: [Int?]
  public let ownLifetimeVND: [Double?]
  /// The neutral host's nodes and lifetime cost for every carrier; nil when some carrier's
  /// node reaches nowhere.
  public let neutralHostNodes: Int?
  public let neutralHostLifetimeVND: Double?

  public init(nodes: [Int?], settings: IndoorSystemSettings, costs: CostParameters, factors: SharingFactors) {
    self.nodes = nodes
    let annuity = CostModel.annuityFactor(discountRate: costs.discountRate, horizonYears: costs.horizonYears)
    func lifetime(nodes: Int, radioShare: Double, yearlyShare: Double) -> Double {
      Double(nodes) * (settings.smallCellVND * radioShare + settings.smallCellVNDPerYear * yearlyShare * annuity)
    }
    ownLifetimeVND = nodes.map { $0.map { lifetime(nodes: $0, radioShare: 1, yearlyShare: 1) } }
    let all = nodes.compactMap { $0 }
    guard all.count == nodes.count, let most = all.max() else {
      neutralHostNodes = nil
      neutralHostLifetimeVND = nil
      return
    }
    let extra = Double(nodes.count - 1)
    neutralHostNodes = most
    neutralHostLifetimeVND = lifetime(
      nodes: most, radioShare: 1 + extra * factors.moranRadioExtraShare,
      yearlyShare: 1 + extra * factors.moranPowerExtraShare)
  }

  /// One carrier's even share of the neutral host.
  public var neutralHostShareVND: Double? { neutralHostLifetimeVND.map { $0 / Double(max(1, nodes.count)) } }
}
