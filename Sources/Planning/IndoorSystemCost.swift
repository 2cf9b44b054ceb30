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
    let moran = (factors.moranRadioExtraShare, factors.moranPowerExtraShare)
    ownLifetimeVND = nodes.map {
      $0.map { Self.cost(nodes: [$0], settings: settings, costs: costs, extraShares: moran).lifetimeVND }
    }
    let all = nodes.compactMap { $0 }
    guard all.count == nodes.count, let most = all.max() else {
      neutralHostNodes = nil
      neutralHostLifetimeVND = nil
      return
    }
    neutralHostNodes = most
    neutralHostLifetimeVND = Self.cost(nodes: all, settings: settings, costs: costs, extraShares: moran).lifetimeVND
  }

  /// One system carrying carriers whose own designs need `nodes` (one entry per carrier): a
  /// carrier alone is its own small cells; several are a neutral host of max(nodes) nodes,
  /// each further carrier adding `extraShares` of a node's radio and of its yearly cost and
  /// power draw.
  public static func cost(
    nodes: [Int], settings: IndoorSystemSettings, costs: CostParameters, extraShares: (radio: Double, power: Double)
  ) -> OfferCost {
    let count = Double(nodes.max() ?? 0)
    let extra = Double(max(0, nodes.count - 1))
    let oneOff = count * settings.smallCellVND * (1 + extra * extraShares.radio)
    let yearlyShare = 1 + extra * extraShares.power
    let annuity = CostModel.annuityFactor(discountRate: costs.discountRate, horizonYears: costs.horizonYears)
    let yearly = count * settings.smallCellVNDPerYear * yearlyShare
    return OfferCost(
      oneOffVND: oneOff, yearlyVND: yearly, lifetimeVND: oneOff + yearly * annuity,
      energyKWhPerYear: count * settings.nodeDrawKW * yearlyShare * 8_760)
  }

  /// One carrier's even share of the neutral host.
  public var neutralHostShareVND: Double? { neutralHostLifetimeVND.map { $0 / Double(max(1, nodes.count)) } }
}
