import Coverage
import Geo
import Planning
import Scenario

/// The features of a plan's maps, one source for its GeoJSON files, GeoPackage and KMZ.
extension PlanOutputs {
  /// `recommended-stations.geojson`: one point per pick, in rank order (an indoor system at
  /// the centre of its building's cells, with its node count).
  static func stationFeatures(
    _ rows: [RecommendationReport.Row], result: Recommender.Result, scenario: ScenarioModel
  ) -> [OutputFeature] {
    rows.map { row in
      let offer = row.pick.offer
      let site = result.pool.sites[offer.siteIndex]
      return OutputFeature(
        geometry: .point(row.lonLat),
        properties: [
          ("rank", .number(Double(row.rank))), ("option", .string(result.option.name)),
          ("carrier", .string(OfferText.carriers(offer, scenario: scenario))),
          ("candidate", .string(OfferText.id(offer, pool: result.pool, scenario: scenario))),
          ("kind", .string(OfferText.kind(offer, pool: result.pool))),
          ("newly_covered_ha", number(row.newHa, decimals: 2)),
          ("lifetime_vnd", number(offer.cost.lifetimeVND, decimals: 0)),
          ("nodes", .number(Double(offer.nodes))),
          ("marker-color", .string(site.isIndoor ? "#4575b4" : site.isNew ? "#d73027" : "#1a9850")),
        ])
    }
  }

  /// `recommended-indoor-systems.geojson`: each indoor system as its building's footprint,
  /// in rank order (a file of its own: a GeoPackage table or KML folder holds one geometry
  /// kind, and the stations are points).
  static func indoorSystemFeatures(
    _ rows: [RecommendationReport.Row], result: Recommender.Result, scenario: ScenarioModel
  ) -> [OutputFeature] {
    rows.compactMap { row in
      let offer = row.pick.offer
      guard let building = result.pool.sites[offer.siteIndex].building else { return nil }
      let parcel = scenario.parcels[building.parcelIndex]
      return OutputFeature(
        geometry: .multiPolygon(parcel.outlineLonLat),
        properties: [
          ("rank", .number(Double(row.rank))), ("option", .string(result.option.name)),
          ("carrier", .string(OfferText.carriers(offer, scenario: scenario))),
          ("candidate", .string(OfferText.id(offer, pool: result.pool, scenario: scenario))),
          ("kind", .string(OfferText.kind(offer, pool: result.pool))), ("parcel", .string(parcel.id)),
          ("indoor_model", .string(building.environment.scenario.rawValue)),
          ("floor_area_m2", number(building.floorAreaM2, decimals: 0)),
          ("storeys", .number(Double(building.environment.floors))), ("nodes", .number(Double(offer.nodes))),
          ("workers", number(parcel.workers, decimals: 1)),
          ("lifetime_vnd", number(offer.cost.lifetimeVND, decimals: 0)),
          ("fill", .string("#4575b4")), ("fill-opacity", .number(0.5)),
        ])
    }
  }

  /// `newly-covered-<carrier>.geojson` of each planned carrier, in the plan's carrier order:
  /// the cells the picks bring to the target, as polygons per grid.
  static func newlyCoveredFeatures(
    _ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult, toLonLat: LonLatConverter
  ) throws -> [(carrierID: String, features: [OutputFeature])] {
    try result.carriers.enumerated().map { position, carrier in
      var features: [OutputFeature] = []
      for (mapIndex, map) in coverage.cellMaps.enumerated() {
        var classes = [Int32](repeating: -1, count: map.grid.cellCount)
        for pick in result.picks {
          for cell in pick.newCells[position][mapIndex] { classes[Int(cell)] = 0 }
        }
        for shape in Polygoniser.polygons(classes: classes, grid: map.grid) {
          features.append(
            OutputFeature(
              geometry: .multiPolygon(try toLonLat.convert(shape.shape)),
              properties: [
                ("carrier", .string(scenario.carriers[carrier].id)), ("area_ha", hectares(shape.shape.area)),
                ("fill", .string("#1a9850")), ("fill-opacity", .number(0.5)),
              ]))
        }
      }
      return (scenario.carriers[carrier].id, features)
    }
  }
}
