import Geo
import Scenario

/// One planned indoor system as it hangs in its building: the nodes on a storey and, per
/// carrier it carries, the layer and the reach it is judged by.
///
/// The nodes are the layout of the carrier reaching least among those the system carries
/// (`IndoorNodeLayout`, which covers the plate at that reach, so at every carrier's), extended
/// to the system's node count on a storey — ⌈nodes ÷ storeys⌉, those the busy hour adds each at
/// the point of the plate farthest from the rest; a DAS the same with its antennas. Every
/// storey has the same plate and nodes.
public struct IndoorSystemPlan: Sendable {
  public struct Carrier: Sendable {
    /// The carrier's index in the scenario.
    public let index: Int
    public let layer: RadioLayer
    /// A node's (or DAS antenna's) reach and link budget on this layer.
    public let coverage: IndoorNodeCoverage
    /// A DAS's sectors for this carrier over the building (nil for small cells).
    public let dasSectors: Int?

    public init(index: Int, layer: RadioLayer, coverage: IndoorNodeCoverage, dasSectors: Int? = nil) {
      (self.index, self.layer, self.coverage, self.dasSectors) = (index, layer, coverage, dasSectors)
    }
  }

  public let layout: IndoorNodeLayout
  public let carriers: [Carrier]

  /// A system of these nodes and carriers (a test's by hand).
  init(layout: IndoorNodeLayout, carriers: [Carrier]) {
    self.layout = layout
    self.carriers = carriers
  }

  /// The plan of an indoor offer in `building` (`pool` the plan's); nil for a macro station.
  /// The nodes follow the carriers the offer is priced for (those with a station here, whose
  /// designs its node count is the largest of); it serves the offer's carriers that have a
  /// design in the building (under MOCN every planned carrier's users share it; one whose
  /// layer reaches nowhere here is not served).
  public init?(_ offer: StationOffer, building: BuildingIndoorDesign, pool: CandidatePool) {
    guard let served = Self.served(offer, building: building, pool: pool) else { return nil }
    let floors = building.environment.floors
    self.layout = served.layout.extended(to: (offer.nodes + floors - 1) / floors, in: building.plate)
    self.carriers = served.carriers
  }

  /// The carriers an indoor offer serves in `building` and the layout its nodes start from
  /// (before the busy hour's extra nodes); nil where `init` gives none.
  public static func served(
    _ offer: StationOffer, building: BuildingIndoorDesign, pool: CandidatePool
  ) -> (carriers: [Carrier], layout: IndoorNodeLayout)? {
    guard let kind = offer.indoorKind else { return nil }
    var carriers: [Carrier] = []
    for index in offer.carriers {
      let design = building.carriers[index]
      guard let layer = design.layer, let reach = kind == .das ? design.das?.coverage : design.coverage else {
        continue
      }
      carriers.append(
        Carrier(index: index, layer: layer, coverage: reach, dasSectors: kind == .das ? design.das?.sectors : nil))
    }
    let priced = offer.stations.map { building.carriers[pool.stations[$0].carrierIndex] }
    let layouts = priced.compactMap { kind == .das ? $0.das?.layout : $0.layout }
    guard !carriers.isEmpty, let shortest = layouts.min(by: { $0.radiusM < $1.radiusM }) else { return nil }
    return (carriers, shortest)
  }
}
