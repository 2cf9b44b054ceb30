/// Indoor nodes (small cells inside the buildings) and what they cost: the scenario's
/// `indoor_systems` section.
public struct IndoorSystemSettings: Hashable, Sendable {
  /// One node's radio [K]: 24 dBm (250 mW) per carrier through a 2 dBi omni ceiling antenna,
  /// no cable loss after the node (a small cell, or an active DAS's remote unit).
  public var nodePowerDBm = 24.0
  public var nodeAntennaGainDBi = 2.0
  public var nodeCableLossDB = 0.0
  /// One carrier's small cell, installed: 120 M VND, a tenth of a macro co-location with three
  /// sectors (150 M + 3 × 350 M VND, `CostParameters`): Senza Fili ("The economics of small
  /// cells and Wi-Fi offload") puts an indoor small cell's TCO at 10–25 % of a macro cell's;
  /// the low end for an enterprise node.
  public var smallCellVND = 120_000_000.0
  /// Its yearly O&M, power and backhaul: a tenth of a macro site's O&M and three sectors'
  /// power (40 M + 3 kW × 8,760 h × 2,500 VND = 105.7 M VND), 10.6 M VND.
  public var smallCellVNDPerYear = 10_570_000.0
  /// What one node draws from the mains, kW [K]: on the same basis as its yearly cost, a tenth
  /// of a macro site's three sectors (3 × 1 kW, `CostParameters.powerPerSectorKW`).
  public var nodeDrawKW = 0.3

  public init() {}
}
