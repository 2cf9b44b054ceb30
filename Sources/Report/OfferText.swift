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

  /// "co-locate" on an existing structure, else "new build".
  static func kind(_ offer: StationOffer, pool: CandidatePool) -> String {
    pool.sites[offer.siteIndex].isNew ? "new build" : "co-locate"
  }

  /// WGS84 position; generated sites only know their metric position.
  static func lonLat(_ offer: StationOffer, pool: CandidatePool, toLonLat: CoordinateTransform) throws -> Coordinate {
    let site = pool.sites[offer.siteIndex]
    return site.origin == .generated ? try toLonLat.forward(site.structure.position) : site.structure.positionLonLat
  }
}
