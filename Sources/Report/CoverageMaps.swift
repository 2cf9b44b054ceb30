import Coverage
import Geo
import Scenario

/// The coverage maps of a run as RFC 7946 layers with simplestyle-spec colours and a
/// legend-friendly `properties` block (carrier, layer, bin, min/max dBm, area ha).
public enum CoverageMaps {
  /// RdYlGn-like ramp from strong (green) to weak (red), ColorBrewer 2.0.
  static let signalColours = ["#1a9850", "#66bd63", "#a6d96a", "#d9ef8b", "#fee08b", "#fdae61", "#f46d43", "#d73027"]
  /// Tableau 10 categorical colours for best-server areas.
  static let categoryColours = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac",
  ]

  /// Colour of bin `index` of `count`, spread over the ramp.
  static func signalColour(_ index: Int, of count: Int) -> String {
    signalColours[count > 1 ? index * (signalColours.count - 1) / (count - 1) : 0]
  }

  /// `coverage-<carrier>-<layer>.geojson`: one feature per RSRP band, outdoors.
  static func coverage(_ layer: LayerCoverage, result: CoverageResult, toLonLat: LonLatConverter) throws -> String {
    GeoJSON.featureCollection(try coverageFeatures(layer, result: result, toLonLat: toLonLat))
  }

  /// The features of `coverage-<carrier>-<layer>.geojson`, strongest band first.
  static func coverageFeatures(
    _ layer: LayerCoverage, result: CoverageResult, toLonLat: LonLatConverter
  ) throws -> [OutputFeature] {
    let bins = result.settings.rsrpBinsDBm
    return try layer.rsrpBands.map { band in
      let low = bins[band.bin]
      let high: Double? = band.bin > 0 ? bins[band.bin - 1] : nil
      let label = high.map { "\(format(low)) to \(format($0)) dBm" } ?? "≥ \(format(low)) dBm"
      return OutputFeature(
        geometry: .multiPolygon(try toLonLat.convert(band.shape)),
        properties: [
          ("carrier", .string(layer.carrierID)), ("layer", .string(layer.layer.id)),
          ("technology", .string(layer.layer.technology.rawValue)), ("band", .string(layer.layer.band)),
          ("frequency_mhz", .number(layer.layer.frequencyMHz)), ("bin", .string(label)),
          ("min_dbm", .number(low)), ("max_dbm", high.map { .number($0) } ?? .null), ("where", .string("outdoor")),
          ("area_ha", hectares(band.shape.area)), ("fill", .string(signalColour(band.bin, of: bins.count))),
          ("fill-opacity", .number(0.5)), ("stroke-width", .number(0)),
        ])
    }
  }

  /// `best-server-<carrier>-<layer>.geojson`: one feature per serving sector.
  static func bestServer(
    _ layer: LayerCoverage, scenario: ScenarioModel, result: CoverageResult, toLonLat: LonLatConverter
  ) throws -> String {
    GeoJSON.featureCollection(try bestServerFeatures(layer, scenario: scenario, result: result, toLonLat: toLonLat))
  }

  /// The features of `best-server-<carrier>-<layer>.geojson`, in sector order.
  static func bestServerFeatures(
    _ layer: LayerCoverage, scenario: ScenarioModel, result: CoverageResult, toLonLat: LonLatConverter
  ) throws -> [OutputFeature] {
    try layer.bestServer.map { area in
      let sector = scenario.sectors[area.sectorIndex]
      return OutputFeature(
        geometry: .multiPolygon(try toLonLat.convert(area.shape)),
        properties: [
          ("carrier", .string(layer.carrierID)), ("layer", .string(layer.layer.id)), ("sector", .string(sector.id)),
          ("structure", .string(sector.structureID)), ("azimuth_deg", .number(sector.azimuthDeg)),
          ("min_dbm", .number(result.settings.rsrpBinsDBm.last ?? -.infinity)), ("area_ha", hectares(area.shape.area)),
          ("fill", .string(categoryColours[area.sectorIndex % categoryColours.count])), ("fill-opacity", .number(0.5)),
          ("stroke", .string("#333333")), ("stroke-width", .number(0.5)),
        ])
    }
  }

  /// `gaps-<carrier>.geojson`: the uncovered part of each parcel that misses the target.
  static func gaps(
    _ carrier: CarrierCoverage, scenario: ScenarioModel, result: CoverageResult, toLonLat: LonLatConverter
  ) throws -> String {
    GeoJSON.featureCollection(try gapFeatures(carrier, scenario: scenario, result: result, toLonLat: toLonLat))
  }

  /// The features of `gaps-<carrier>.geojson`, in parcel order.
  static func gapFeatures(
    _ carrier: CarrierCoverage, scenario: ScenarioModel, result: CoverageResult, toLonLat: LonLatConverter
  ) throws -> [OutputFeature] {
    let target = result.settings.target
    return try carrier.gaps.map { gap in
      let parcel = result.parcels[gap.parcelIndex]
      return OutputFeature(
        geometry: .multiPolygon(try toLonLat.convert(gap.shape)),
        properties: [
          ("carrier", .string(carrier.carrierID)), ("zone", .string(parcel.zoneID)), ("parcel", .string(parcel.id)),
          ("parcel_name", .string(parcel.name)), ("land_use", .string(parcel.landUse.rawValue)),
          ("covered_share", number(result.coveredShare(carrier, parcel: gap.parcelIndex) ?? 0, decimals: 4)),
          ("uncovered_ha", hectares(gap.shape.area)), ("workers", .number(parcel.workers)),
          ("target_rsrp_dbm", .number(target.rsrpDBm)), ("indoor", .bool(target.indoor)),
          ("min_share", .number(target.minimumShare)), ("fill", .string("#d73027")), ("fill-opacity", .number(0.6)),
          ("stroke", .string("#7f0000")), ("stroke-width", .number(1)),
        ])
    }
  }

  static func format(_ value: Double) -> String { JSONWriter.number(value).replacingOccurrences(of: "-", with: "−") }
}

/// Converts metric polygons to WGS84 `lon, lat` with one PROJ call per polygon set.
struct LonLatConverter {
  let transform: CoordinateTransform

  func convert(_ shape: MultiPolygon) throws -> MultiPolygon {
    let points = shape.polygons.flatMap { $0.rings.flatMap(\.coordinates) }
    let converted = try transform.forward(points)
    var offset = 0
    func next(_ ring: LinearRing) throws -> LinearRing {
      defer { offset += ring.coordinates.count }
      return try LinearRing(Array(converted[offset..<(offset + ring.coordinates.count)]))
    }
    return MultiPolygon(
      try shape.polygons.map { polygon in
        Polygon(exterior: try next(polygon.exterior), holes: try polygon.holes.map(next))
      })
  }
}
