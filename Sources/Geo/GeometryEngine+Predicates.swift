internal import CGEOS

extension GeometryEngine {
  /// Whether `a` contains `b` (no point of `b` outside `a`, interiors meet).
  public func contains(_ a: Geometry, _ b: Geometry) throws -> Bool {
    try predicate("contains", a, b, GEOSContains_r)
  }

  /// Whether `a` and `b` share at least one point.
  public func intersects(_ a: Geometry, _ b: Geometry) throws -> Bool {
    try predicate("intersects", a, b, GEOSIntersects_r)
  }

  private func predicate(
    _ name: String, _ a: Geometry, _ b: Geometry,
    _ function: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar
  ) throws -> Bool {
    try with([a, b]) { handles in
      // GEOS predicates return 1 true, 0 false, 2 on exception.
      switch function(handle, handles[0], handles[1]) {
      case 1: return true
      case 0: return false
      default: throw context.failure(name)
      }
    }
  }
}
