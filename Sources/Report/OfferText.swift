import Geo
import Planning
import Scenario

/// How an offer is named and placed in the outputs.
enum OfferText {
  /// `viettel+vnpt@new-45`: the carriers it serves and its site.
  static func id(_ offer: StationOffer, pool: CandidatePool, scenario: ScenarioModel) -> String {
    "\(carriers(offer, scenario: scenario))@\(pool.sites[offer.siteIndex].structure.id)"
  }

  static func carriers(_ offer: StationOffer, scenario: ScenarioModel) -> String {
    offer.carriers.map { scenario.carriers[$0].id }.joined(separator: "+")
  }

  /// "co-locate" on an existing structure, "new build", and in a building "indoor small
  /// cells" or a "DAS" (one carrier's own), "neutral-host small cells" or "neutral-host DAS"
  /// (one system for several).
  static func kind(_ offer: StationOffer, pool: CandidatePool) -> String {
    switch offer.indoorKind {
    case .smallCells: return offer.carriers.count > 1 ? "neutral-host small cells" : "indoor small cells"
    case .das: return offer.carriers.count > 1 ? "neutral-host DAS" : "DAS"
    case nil: return pool.sites[offer.siteIndex].isNew ? "new build" : "co-locate"
    }
  }

  /// The kind with an indoor system's node count, for the tables a board reads.
  static func kindWithNodes(_ offer: StationOffer, pool: CandidatePool) -> String {
    let kind = kind(offer, pool: pool)
    let noun = offer.indoorKind == .das ? "antenna" : "node"
    return offer.nodes > 0 ? "\(kind), \(offer.nodes) \(noun)\(offer.nodes == 1 ? "" : "s")" : kind
  }

  /// WGS84 position; generated sites and buildings' systems only know their metric position.
  static func lonLat(_ offer: StationOffer, pool: CandidatePool, toLonLat: CoordinateTransform) throws -> Coordinate {
    let site = pool.sites[offer.siteIndex]
    return site.origin == .generated || site.isIndoor
      ? try toLonLat.forward(site.structure.position) : site.structure.positionLonLat
  }
}
