import Geo
import Scenario

/// The validated inputs of a scenario as RFC 7946 layers, styled per the simplestyle-spec
/// (github.com/mapbox/simplestyle-spec, 1.1.0) so they show at once in common viewers.
public enum InputLayers {
  /// Parcel fill colours by land use.
  static let landUseColours: [LandUse: String] = [
    .factory: "#b07aa1", .warehouse: "#9c755f", .office: "#4e79a7", .yard: "#bab0ac", .road: "#7f7f7f",
    .port: "#76b7b2", .utility: "#edc948", .residential: "#ff9da7", .green: "#59a14f", .water: "#a0cbe8",
    .other: "#d3d3d3",
  ]
  static let structureColours: [StructureKind: String] = [.tower: "#e15759", .rooftop: "#f28e2b", .pole: "#59a14f"]

  /// One feature per parcel, with its zone, use, class, workers and area in the metric CRS.
  public static func parcels(_ scenario: ScenarioModel) -> String {
    GeoJSON.featureCollection(parcelFeatures(scenario))
  }

  /// The features of `parcels.geojson`, zone by zone.
  public static func parcelFeatures(_ scenario: ScenarioModel) -> [OutputFeature] {
    scenario.zones.flatMap { zone in
      zone.parcels.map { parcel in
        OutputFeature(
          geometry: .multiPolygon(parcel.outlineLonLat),
          properties: [
            ("id", .string(parcel.id)), ("name", .string(parcel.name)), ("zone", .string(zone.id)),
            ("land_use", .string(parcel.landUse.rawValue)), ("building_class", .string(parcel.buildingClass)),
            ("workers", .number(parcel.workers)), ("demand", .number(parcel.demand)),
            ("area_ha", hectares(parcel.areaM2)),
            ("fill", .string(landUseColours[parcel.landUse] ?? "#d3d3d3")), ("fill-opacity", .number(0.5)),
            ("stroke", .string("#555555")), ("stroke-width", .number(1)),
          ])
      }
    }
  }

  /// One feature per zone: its outline (or, without one, its parcels' union), with its
  /// province and measured and published areas.
  public static func zones(_ scenario: ScenarioModel) throws -> String {
    GeoJSON.featureCollection(try zoneFeatures(scenario))
  }

  /// The features of `zones.geojson`, in scenario order.
  public static func zoneFeatures(_ scenario: ScenarioModel) throws -> [OutputFeature] {
    let engine = GeometryEngine()
    return try scenario.zones.map { zone in
      let shape = try zone.outlineLonLat ?? engine.coverageUnion(zone.parcels.map(\.outlineLonLat))
      return OutputFeature(
        geometry: .multiPolygon(shape),
        properties: [
          ("id", .string(zone.id)), ("name", .string(zone.name)),
          ("province", zone.province.map { .string($0) } ?? .null), ("area_ha", hectares(zone.areaHa * 10_000)),
          ("published_area_ha", zone.publishedAreaHa.map { .number($0) } ?? .null),
          ("parcels", .number(Double(zone.parcels.count))), ("outline_given", .bool(zone.outline != nil)),
          ("fill-opacity", .number(0)), ("stroke", .string("#222222")), ("stroke-width", .number(2)),
        ])
    }
  }

  /// One point per structure, with its tenants today.
  public static func structures(_ scenario: ScenarioModel) -> String {
    GeoJSON.featureCollection(structureFeatures(scenario))
  }

  /// The features of `structures.geojson`, in scenario order.
  public static func structureFeatures(_ scenario: ScenarioModel) -> [OutputFeature] {
    let tenants = ScenarioSummary.tenants(of: scenario)
    return scenario.structures.map { structure in
      let carriers = (tenants[structure.id] ?? []).sorted()
      return OutputFeature(
        geometry: .point(structure.positionLonLat),
        properties: [
          ("id", .string(structure.id)), ("kind", .string(structure.kind.rawValue)),
          ("height_m", .number(structure.heightM)), ("owner", .string(structure.owner)),
          ("free_slots", .number(Double(structure.freeSlots))),
          ("rent_vnd_month", .number(structure.rentVNDPerMonth)),
          ("building_height_m", structure.buildingHeightM.map { .number($0) } ?? .null),
          ("rooftop_permit", structure.isNonBulkyRooftopMast.map { .string($0 ? "non-bulky" : "permit") } ?? .null),
          ("tenants", .array(carriers.map { .string($0) })), ("tenant_count", .number(Double(carriers.count))),
          ("marker-color", .string(structureColours[structure.kind] ?? "#7f7f7f")),
          ("marker-symbol", .string(structure.kind == .tower ? "communications-tower" : "triangle")),
        ])
    }
  }

  /// One point per site (a carrier on a structure), listing its sectors.
  public static func sites(_ scenario: ScenarioModel) -> String {
    GeoJSON.featureCollection(siteFeatures(scenario))
  }

  /// The features of `sites.geojson`, by carrier then structure.
  public static func siteFeatures(_ scenario: ScenarioModel) -> [OutputFeature] {
    let groups = Dictionary(grouping: scenario.sectors) { SiteKey(carrier: $0.carrierID, structure: $0.structureID) }
    return groups.keys.sorted().compactMap { key in
      guard let structure = scenario.structure(key.structure), let sectors = groups[key] else { return nil }
      let ordered = sectors.sorted { $0.id < $1.id }
      return OutputFeature(
        geometry: .point(structure.positionLonLat),
        properties: [
          ("id", .string("\(key.carrier)@\(key.structure)")), ("carrier", .string(key.carrier)),
          ("structure", .string(key.structure)),
          ("layers", .array(Array(Set(ordered.map(\.layerID))).sorted().map { .string($0) })),
          ("sectors", .array(ordered.map { .string($0.id) })),
          ("azimuths_deg", .array(ordered.map { .number($0.azimuthDeg) })),
        ])
    }
  }
}

/// A site: one carrier on one structure.
struct SiteKey: Hashable, Comparable {
  let carrier: String
  let structure: String

  static func < (lhs: SiteKey, rhs: SiteKey) -> Bool {
    (lhs.carrier, lhs.structure) < (rhs.carrier, rhs.structure)
  }
}
