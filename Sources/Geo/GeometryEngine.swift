internal import CGEOS

/// The GEOS operations the planner needs, on Swift values.
///
/// Each engine owns one GEOS context. An engine is deliberately not `Sendable`: create
/// one per task (they are cheap) and pass only the value types between tasks.
///
/// ```swift
/// let engine = GeometryEngine()
/// let merged = try engine.union([parcelA, parcelB])
/// ```
public final class GeometryEngine {
  let context: GEOSContext

  public init() {
    context = GEOSContext()
  }

  var handle: GEOSContextHandle_t { context.handle }

  /// Runs `body` on GEOS handles of `geometries`, converting and releasing them.
  func with<Result>(
    _ geometries: [Geometry], _ body: ([OpaquePointer]) throws -> Result
  ) throws -> Result {
    let handles = try geometries.map { try context.make($0) }
    return try withExtendedLifetime(handles) { try body(handles.map(\.pointer)) }
  }

  /// Reads an owned GEOS result into a Swift value and destroys it.
  func take(_ result: OpaquePointer?, _ operation: String) throws -> Geometry {
    guard let result else { throw context.failure(operation) }
    defer { GEOSGeom_destroy_r(handle, result) }
    return try context.value(of: result)
  }

  /// Like `take`, keeping only the areal parts.
  func takeAreal(_ result: OpaquePointer?, _ operation: String) throws -> MultiPolygon {
    guard let result else { throw context.failure(operation) }
    defer { GEOSGeom_destroy_r(handle, result) }
    return try context.arealParts(of: result)
  }

  /// A GEOMETRYCOLLECTION of the given polygons, owned by the caller.
  func makeCollection(of polygons: [Polygon]) throws -> GEOSGeometryHandle {
    var parts = try polygons.map { try context.makeRaw(.polygon($0)) } as [OpaquePointer?]
    let count = UInt32(parts.count)
    guard
      let pointer = parts.withUnsafeMutableBufferPointer({ buffer in
        GEOSGeom_createCollection_r(handle, Int32(GEOS_GEOMETRYCOLLECTION.rawValue), buffer.baseAddress, count)
      })
    else {
      parts.forEach { GEOSGeom_destroy_r(handle, $0) }
      throw context.failure("create collection")
    }
    return GEOSGeometryHandle(context: context, pointer: pointer)
  }
}
