internal import CGDAL
import Geo

/// Builds OGR geometries from `Geo.Geometry` values (OGR C API, ogr_api.h), coordinates as
/// given: x = easting or longitude, y = northing or latitude (the layer's spatial reference
/// uses the traditional GIS axis order), rings in their given orientation (Cosite writes
/// RFC 7946 order: exteriors counter-clockwise).
enum OGRGeometryBuilder {
  /// The OGR type of a layer's geometry column.
  static func layerType(_ kind: VectorLayer.GeometryKind) -> OGRwkbGeometryType {
    switch kind {
    case .point: return wkbPoint
    case .lineString: return wkbLineString
    case .multiPolygon: return wkbMultiPolygon
    }
  }

  /// A new OGR geometry (owned by the caller) for a feature of a layer of `kind`; a polygon is
  /// promoted to a one-part multipolygon in a multipolygon layer.
  /// - Throws: `GeoIOError` if the geometry does not fit the layer's kind.
  static func make(_ geometry: Geometry, kind: VectorLayer.GeometryKind) throws -> OGRGeometryH {
    switch (geometry, kind) {
    case (.point(let point), .point):
      let made = try create(wkbPoint)
      OGR_G_SetPoint_2D(made, 0, point.x, point.y)
      return made
    case (.lineString(let line), .lineString):
      return try path(wkbLineString, line.coordinates)
    case (.polygon(let polygon), .multiPolygon):
      return try multiPolygon([polygon])
    case (.multiPolygon(let multi), .multiPolygon):
      return try multiPolygon(multi.polygons)
    default:
      throw GeoIOError("a \(name(of: geometry)) cannot go into a \(kind) layer")
    }
  }

  private static func multiPolygon(_ polygons: [Polygon]) throws -> OGRGeometryH {
    let multi = try create(wkbMultiPolygon)
    for polygon in polygons {
      let part = try create(wkbPolygon)
      for ring in polygon.rings {
        OGR_G_AddGeometryDirectly(part, try path(wkbLinearRing, ring.coordinates))
      }
      OGR_G_AddGeometryDirectly(multi, part)
    }
    return multi
  }

  private static func path(_ type: OGRwkbGeometryType, _ coordinates: [Coordinate]) throws -> OGRGeometryH {
    let made = try create(type)
    OGR_G_SetPointCount(made, Int32(coordinates.count))
    for (index, coordinate) in coordinates.enumerated() {
      OGR_G_SetPoint_2D(made, Int32(index), coordinate.x, coordinate.y)
    }
    return made
  }

  private static func create(_ type: OGRwkbGeometryType) throws -> OGRGeometryH {
    guard let made = OGR_G_CreateGeometry(type) else { throw GeoIOError("OGR_G_CreateGeometry failed") }
    return made
  }

  private static func name(of geometry: Geometry) -> String {
    switch geometry {
    case .point: return "point"
    case .lineString: return "line string"
    case .polygon: return "polygon"
    case .multiPolygon: return "multipolygon"
    }
  }
}
