internal import CGEOS

extension GEOSContext {
  /// Builds a GEOS geometry from a Swift value. The result is owned by the caller.
  func make(_ geometry: Geometry) throws -> GEOSGeometryHandle {
    GEOSGeometryHandle(context: self, pointer: try makeRaw(geometry))
  }

  func makeRaw(_ geometry: Geometry) throws -> OpaquePointer {
    switch geometry {
    case .point(let point):
      guard let pointer = GEOSGeom_createPointFromXY_r(handle, point.x, point.y) else {
        throw failure("create point")
      }
      return pointer
    case .lineString(let line):
      let sequence = try makeSequence(line.coordinates)
      guard let pointer = GEOSGeom_createLineString_r(handle, sequence) else { throw failure("create line") }
      return pointer
    case .polygon(let polygon):
      return try makePolygon(polygon)
    case .multiPolygon(let multiPolygon):
      var parts: [OpaquePointer?] = try multiPolygon.polygons.map { try makePolygon($0) }
      let count = UInt32(parts.count)
      // createCollection takes ownership of the parts, not of the array.
      guard
        let pointer = parts.withUnsafeMutableBufferPointer({ buffer in
          GEOSGeom_createCollection_r(handle, Int32(GEOS_MULTIPOLYGON.rawValue), buffer.baseAddress, count)
        })
      else {
        parts.forEach { GEOSGeom_destroy_r(handle, $0) }
        throw failure("create multipolygon")
      }
      return pointer
    }
  }

  private func makeSequence(_ coordinates: [Coordinate]) throws -> OpaquePointer {
    var flat: [Double] = []
    flat.reserveCapacity(coordinates.count * 2)
    for coordinate in coordinates {
      flat.append(coordinate.x)
      flat.append(coordinate.y)
    }
    guard let sequence = GEOSCoordSeq_copyFromBuffer_r(handle, flat, UInt32(coordinates.count), 0, 0) else {
      throw failure("create coordinate sequence")
    }
    return sequence
  }

  private func makeRing(_ ring: LinearRing) throws -> OpaquePointer {
    let sequence = try makeSequence(ring.coordinates)
    guard let pointer = GEOSGeom_createLinearRing_r(handle, sequence) else { throw failure("create ring") }
    return pointer
  }

  private func makePolygon(_ polygon: Polygon) throws -> OpaquePointer {
    let shell = try makeRing(polygon.exterior)
    var holes: [OpaquePointer?] = []
    do {
      for hole in polygon.holes { holes.append(try makeRing(hole)) }
    } catch {
      GEOSGeom_destroy_r(handle, shell)
      holes.forEach { GEOSGeom_destroy_r(handle, $0) }
      throw error
    }
    let count = UInt32(holes.count)
    guard
      let pointer = holes.withUnsafeMutableBufferPointer({ buffer in
        GEOSGeom_createPolygon_r(handle, shell, buffer.baseAddress, count)
      })
    else { throw failure("create polygon") }
    return pointer
  }

  /// Reads a GEOS geometry back into a Swift value. Collections keep their areal parts
  /// as a multipolygon; a geometry with none of the supported kinds throws.
  func value(of geometry: OpaquePointer) throws -> Geometry {
    switch GEOSGeomTypeId_r(handle, geometry) {
    case Int32(GEOS_POINT.rawValue):
      var x = 0.0
      var y = 0.0
      guard GEOSGeomGetX_r(handle, geometry, &x) == 1, GEOSGeomGetY_r(handle, geometry, &y) == 1 else {
        throw failure("read point")
      }
      return .point(Coordinate(x: x, y: y))
    case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
      return .lineString(LineString(unchecked: try coordinates(of: geometry)))
    case Int32(GEOS_POLYGON.rawValue):
      return .polygon(try polygon(of: geometry))
    default:
      return .multiPolygon(try arealParts(of: geometry))
    }
  }

  /// The polygons of any geometry (nested collections included), in GEOS order.
  func arealParts(of geometry: OpaquePointer) throws -> MultiPolygon {
    var polygons: [Polygon] = []
    try collectPolygons(geometry, into: &polygons)
    return MultiPolygon(polygons)
  }

  private func collectPolygons(_ geometry: OpaquePointer, into polygons: inout [Polygon]) throws {
    let type = GEOSGeomTypeId_r(handle, geometry)
    if type == Int32(GEOS_POLYGON.rawValue) {
      if GEOSisEmpty_r(handle, geometry) == 0 { polygons.append(try polygon(of: geometry)) }
      return
    }
    guard
      type == Int32(GEOS_MULTIPOLYGON.rawValue) || type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue)
    else { return }
    for index in 0..<GEOSGetNumGeometries_r(handle, geometry) {
      guard let part = GEOSGetGeometryN_r(handle, geometry, index) else { throw failure("read part") }
      try collectPolygons(part, into: &polygons)
    }
  }

  private func polygon(of geometry: OpaquePointer) throws -> Polygon {
    guard let shell = GEOSGetExteriorRing_r(handle, geometry) else { throw failure("read shell") }
    let exterior = LinearRing(unchecked: try coordinates(of: shell))
    var holes: [LinearRing] = []
    let holeCount = GEOSGetNumInteriorRings_r(handle, geometry)
    for index in 0..<max(holeCount, 0) {
      guard let ring = GEOSGetInteriorRingN_r(handle, geometry, index) else { throw failure("read hole") }
      holes.append(LinearRing(unchecked: try coordinates(of: ring)))
    }
    return Polygon(exterior: exterior, holes: holes)
  }

  private func coordinates(of geometry: OpaquePointer) throws -> [Coordinate] {
    guard let sequence = GEOSGeom_getCoordSeq_r(handle, geometry) else { throw failure("read coordinates") }
    var size: UInt32 = 0
    guard GEOSCoordSeq_getSize_r(handle, sequence, &size) == 1 else { throw failure("read coordinates") }
    var flat = [Double](repeating: 0, count: Int(size) * 2)
    guard GEOSCoordSeq_copyToBuffer_r(handle, sequence, &flat, 0, 0) == 1 else {
      throw failure("read coordinates")
    }
    return (0..<Int(size)).map { Coordinate(x: flat[2 * $0], y: flat[2 * $0 + 1]) }
  }
}
