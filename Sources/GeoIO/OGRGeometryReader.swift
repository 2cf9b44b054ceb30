internal import CGDAL
import Geo

/// Reads OGR geometries into `Geo.Geometry` values (OGR C API, ogr_api.h): the inverse of
/// `OGRGeometryBuilder` for the types Cosite reads — points, polygons and multipolygons —
/// coordinates as stored (x = easting or longitude), Z and M dropped, rings as given.
enum OGRGeometryReader {
  /// The geometry of a feature (not owned: the feature's), or why it is not one Cosite reads.
  static func geometry(_ geometry: OGRGeometryH?) -> Result<Geometry, GeometryError> {
    guard let geometry else { return .failure(.unreadable(format: "the feature", message: "it has no geometry")) }
    // Curves (CurvePolygon, MultiSurface in a GeoPackage) as the straight segments GDAL
    // approximates them with at its default step (`OGR_G_GetLinearGeometry`, 4° of arc).
    if OGR_G_HasCurveGeometry(geometry, 0) != 0 {
      guard let linear = OGR_G_GetLinearGeometry(geometry, 0, nil) else {
        return .failure(.unreadable(format: "a curved geometry", message: "GDAL could not linearise it"))
      }
      defer { OGR_G_DestroyGeometry(linear) }
      return read(linear)
    }
    return read(geometry)
  }

  private static func read(_ geometry: OGRGeometryH) -> Result<Geometry, GeometryError> {
    let type = OGR_GT_Flatten(OGR_G_GetGeometryType(geometry))
    do {
      switch type {
      case wkbPoint:
        guard OGR_G_IsEmpty(geometry) == 0 else { return .failure(.tooFewCoordinates(expected: 1, got: 0)) }
        let point = Coordinate(x: OGR_G_GetX(geometry, 0), y: OGR_G_GetY(geometry, 0))
        guard point.x.isFinite, point.y.isFinite else { return .failure(.nonFiniteCoordinate) }
        return .success(.point(point))
      case wkbPolygon:
        return .success(.polygon(try polygon(geometry)))
      case wkbMultiPolygon:
        let parts = try (0..<OGR_G_GetGeometryCount(geometry)).map { index in
          try polygon(OGR_G_GetGeometryRef(geometry, index))
        }
        return .success(.multiPolygon(MultiPolygon(parts)))
      default:
        let name = String(cString: OGRGeometryTypeToName(type))
        return .failure(.unreadable(format: "the geometry", message: "a \(name)"))
      }
    } catch let error as GeometryError {
      return .failure(error)
    } catch {
      return .failure(.unreadable(format: "the geometry", message: "\(error)"))
    }
  }

  private static func polygon(_ polygon: OGRGeometryH?) throws -> Polygon {
    guard let polygon, OGR_G_GetGeometryCount(polygon) > 0 else {
      throw GeometryError.tooFewCoordinates(expected: 4, got: 0)
    }
    let rings = try (0..<OGR_G_GetGeometryCount(polygon)).map { index in
      try ring(OGR_G_GetGeometryRef(polygon, index))
    }
    return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
  }

  private static func ring(_ ring: OGRGeometryH?) throws -> LinearRing {
    guard let ring else { throw GeometryError.tooFewCoordinates(expected: 4, got: 0) }
    let count = OGR_G_GetPointCount(ring)
    return try LinearRing(
      (0..<count).map { index in Coordinate(x: OGR_G_GetX(ring, index), y: OGR_G_GetY(ring, index)) })
  }
}
