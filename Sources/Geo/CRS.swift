import Foundation

/// A coordinate reference system named by its EPSG code.
///
/// ```swift
/// let vn2000 = try CRS(parsing: "EPSG:9210")   // VN-2000 / TM-3 zone 105°45'
/// let utm = CRS.utmZone(containing: Coordinate(lon: 106.78, lat: 20.85))  // EPSG:32648
/// ```
public struct CRS: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let epsg: Int

  public init(epsg: Int) {
    self.epsg = epsg
  }

  /// WGS 84 geographic, in `lon, lat` order after normalisation (RFC 7946).
  public static let wgs84 = CRS(epsg: 4326)

  /// Parses `EPSG:n` (case-insensitive); whether PROJ knows the code is checked later.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].uppercased() == "EPSG", let code = Int(parts[1]), code > 0 else {
      throw ProjectionError.malformedCRS(text)
    }
    self.init(epsg: code)
  }

  /// The CRS a GeoJSON `crs` member names: `urn:ogc:def:crs:EPSG::n` (or with a version
  /// between the colons), `EPSG:n`, and OGC's CRS84 (`urn:ogc:def:crs:OGC:1.3:CRS84`, WGS 84
  /// in lon, lat order) as WGS 84; nil for anything else.
  public init?(geoJSONName name: String) {
    let text = name.trimmingCharacters(in: .whitespaces)
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.uppercased() }
    if parts.last == "CRS84" {
      self = .wgs84
    } else if parts.count == 2, parts[0] == "EPSG", let code = Int(parts[1]), code > 0 {
      self.init(epsg: code)
    } else if parts.count == 7, parts[0...4] == ["URN", "OGC", "DEF", "CRS", "EPSG"], let code = Int(parts[6]),
      code > 0
    {
      self.init(epsg: code)
    } else {
      return nil
    }
  }

  /// The WGS 84 / UTM zone containing a `lon, lat` point: EPSG 326zz north, 327zz south.
  /// Zones are 6° wide from 180° W (Snyder, Map Projections — A Working Manual, p. 57);
  /// the Norway and Svalbard exceptions do not apply to the areas Cosite plans.
  public static func utmZone(containing point: Coordinate) -> CRS {
    let zone = min(max(Int(((point.x + 180) / 6).rounded(.down)) + 1, 1), 60)
    return CRS(epsg: (point.y >= 0 ? 32600 : 32700) + zone)
  }

  public var identifier: String { "EPSG:\(epsg)" }
  public var description: String { identifier }

  public static func < (lhs: CRS, rhs: CRS) -> Bool { lhs.epsg < rhs.epsg }
}
