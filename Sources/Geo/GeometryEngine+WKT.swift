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

  /// Writes Well-Known Text, trimmed of trailing zeros.
  public func wkt(_ geometry: Geometry) throws -> String {
    try with([geometry]) { handles in
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
}
