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
  /// A distributed antenna system (DAS): each antenna radiates this per carrier, dBm [K] — a
  /// passive DAS's ceiling antenna after the splitters and cable, well below a small cell's
  /// 24 dBm; antenna gain and loss after it as the nodes'.
  public var dasAntennaPowerDBm = 15.0
  /// A DAS antenna installed with its splitter and jumper, VND [K]: 10 M (about USD 400).
  public var dasAntennaVND = 10_000_000.0
  /// The DAS's cabling per m² of floor, VND [K]: 40,000 (USD 1.6), a tenth of Mobile Experts'
  /// all-in neutral-host DAS in an enterprise building (USD 135,000 for 90,000 sq ft = 8,361 m²,
  /// USD 16.1/m², via FierceWireless, 28 April 2014; 25,000 VND per USD): an open hall's few
  /// long runs, not an office floor's many short ones.
  public var dasCablingVNDPerM2 = 40_000.0
  /// One carrier's signal source for one DAS sector (a base station feeding the head-end), VND:
  /// one macro sector's radio, `CostParameters.radioEquipmentPerSectorVND`'s default.
  public var dasSourceVND = 350_000_000.0

  public init() {}
}
