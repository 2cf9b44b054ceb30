internal import CGEOS

extension GeometryEngine {
  /// Reads Well-Known Text.
  public func geometry(wkt: String) throws -> Geometry {
    guard let reader = GEOSWKTReader_create_r(handle) else { throw context.failure("WKT reader") }
    defer { GEOSWKTReader_destroy_r(handle, reader) }
    guard let result = GEOSWKTReader_read_r(handle, reader, wkt) else {
      throw GeometryError.unreadable(format: "WKT", message: context.takeError() ?? "unknown error")
    }
    return try take(result, "read WKT")
  }

  /// Largest coordinate magnitude `wkt(_:)` writes. GEOS 3.11's trimmed WKT writer prints
  /// fixed notation with 16 decimals into a 128-byte stack buffer and overruns it from about
  /// 1e110 on (libgeos/geos#970; fixed upstream by libgeos/geos#973, after GEOS 3.12.0).
  public static let wktCoordinateLimit = 1e100

  /// Writes Well-Known Text, trimmed of trailing zeros.
  /// - Throws: `GeometryError.geos` for a finite coordinate beyond ±`wktCoordinateLimit`.
  public func wkt(_ geometry: Geometry) throws -> String {
    if let coordinate = geometry.coordinates.first(where: { Self.beyondWKTLimit($0.x) || Self.beyondWKTLimit($0.y) }) {
      throw GeometryError.geos(
        operation: "write WKT",
        message:
          "coordinate (\(coordinate.x), \(coordinate.y)) is beyond ±1e100, which GEOS's WKT writer cannot print")
    }
    return try with([geometry]) { handles in
      guard let writer = GEOSWKTWriter_create_r(handle) else { throw context.failure("WKT writer") }
      defer { GEOSWKTWriter_destroy_r(handle, writer) }
      GEOSWKTWriter_setTrim_r(handle, writer, 1)
      guard let text = GEOSWKTWriter_write_r(handle, writer, handles[0]) else {
        throw context.failure("write WKT")
      }
      defer { GEOSFree_r(handle, text) }
      return String(cString: text)
    }
  }

  /// Reads Well-Known Binary (either byte order).
  public func geometry(wkb: [UInt8]) throws -> Geometry {
    guard let reader = GEOSWKBReader_create_r(handle) else { throw context.failure("WKB reader") }
    defer { GEOSWKBReader_destroy_r(handle, reader) }
    guard let result = GEOSWKBReader_read_r(handle, reader, wkb, wkb.count) else {
      throw GeometryError.unreadable(format: "WKB", message: context.takeError() ?? "unknown error")
    }
    return try take(result, "read WKB")
  }

  /// Writes little-endian 2-D Well-Known Binary.
  public func wkb(_ geometry: Geometry) throws -> [UInt8] {
    try with([geometry]) { handles in
      guard let writer = GEOSWKBWriter_create_r(handle) else { throw context.failure("WKB writer") }
      defer { GEOSWKBWriter_destroy_r(handle, writer) }
      GEOSWKBWriter_setByteOrder_r(handle, writer, Int32(GEOS_WKB_NDR.rawValue))
      var size = 0
      guard let bytes = GEOSWKBWriter_write_r(handle, writer, handles[0], &size) else {
        throw context.failure("write WKB")
      }
      defer { GEOSFree_r(handle, bytes) }
      return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
  }

  private static func beyondWKTLimit(_ value: Double) -> Bool {
    value.isFinite && abs(value) > wktCoordinateLimit
  }
}

extension Geometry {
  /// Every coordinate, rings and parts in order.
  var coordinates: [Coordinate] {
    switch self {
    case .point(let point): return [point]
    case .lineString(let line): return line.coordinates
    case .polygon(let polygon): return polygon.rings.flatMap(\.coordinates)
    case .multiPolygon(let multiPolygon): return multiPolygon.polygons.flatMap { $0.rings.flatMap(\.coordinates) }
    }
  }
}
