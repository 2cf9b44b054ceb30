import Geo

/// What a parcel is used for; decides clutter and where gaps matter.
public enum LandUse: String, Hashable, Sendable, CaseIterable {
  case factory, warehouse, office, yard, road, port, utility, residential, green, water, other
}

/// A parcel of land inside a zone: a factory lot, a warehouse, a road, a pond.
public struct Parcel: Hashable, Sendable {
  public let id: String
  public let name: String
  public let zoneID: String
  public let landUse: LandUse
  /// Name of a `BuildingClass` of the scenario; decides the indoor loss.
  public let buildingClass: String
  public let workers: Double
  /// Demand weight for planning; defaults to the worker count.
  public let demand: Double
  /// Outline in WGS84 `lon, lat` (after repair, if the scenario asked for it).
  public let outlineLonLat: MultiPolygon
  /// Outline in the scenario's metric CRS, metres.
  public let outline: MultiPolygon

  public init(
    id: String, name: String, zoneID: String, landUse: LandUse, buildingClass: String,
    workers: Double, demand: Double, outlineLonLat: MultiPolygon, outline: MultiPolygon
  ) {
    self.id = id
    self.name = name
    self.zoneID = zoneID
    self.landUse = landUse
    self.buildingClass = buildingClass
    self.workers = workers
    self.demand = demand
    self.outlineLonLat = outlineLonLat
    self.outline = outline
  }

  /// Planar area in the metric CRS, m².
  public var areaM2: Double { outline.area }
}

/// An industrial zone or park (or one separate part of one) and its parcels.
public struct Zone: Hashable, Sendable {
  public let id: String
  public let name: String
  public let province: String?
  /// The published area, for comparison with the outline; nil when unknown.
  public let publishedAreaHa: Double?
  public let parcels: [Parcel]
  /// The zone's boundary as the scenario gives it (WGS84 and metric); nil = the parcels'
  /// union stands for it. Every parcel lies inside it (checked at load).
  public let outlineLonLat: MultiPolygon?
  public let outline: MultiPolygon?
  /// The zone's own propagation model; nil = the scenario's.
  public let propagation: Propagation?

  public init(
    id: String, name: String, province: String?, publishedAreaHa: Double?, parcels: [Parcel],
    outlineLonLat: MultiPolygon? = nil, outline: MultiPolygon? = nil, propagation: Propagation? = nil
  ) {
    self.id = id
    self.name = name
    self.province = province
    self.publishedAreaHa = publishedAreaHa
    self.parcels = parcels
    self.outlineLonLat = outlineLonLat
    self.outline = outline
    self.propagation = propagation
  }

  /// Sum of parcel areas, hectares.
  public var parcelAreaHa: Double { parcels.reduce(0) { $0 + $1.areaM2 } / 10_000 }

  /// The zone's area, hectares: its outline's when given, else the sum of its parcels.
  public var areaHa: Double { outline.map { $0.area / 10_000 } ?? parcelAreaHa }
}
