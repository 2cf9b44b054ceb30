internal import CGEOS

extension GeometryEngine {
  /// The part of `a` that is also in `b` (areal parts only).
  public func intersection(_ a: Geometry, _ b: Geometry) throws -> MultiPolygon {
    try with([a, b]) { handles in
      try takeAreal(GEOSIntersection_r(handle, handles[0], handles[1]), "intersection")
    }
  }

  /// The part of `a` that is not in `b` (areal parts only).
  public func difference(_ a: Geometry, _ b: Geometry) throws -> MultiPolygon {
    try with([a, b]) { handles in
      try takeAreal(GEOSDifference_r(handle, handles[0], handles[1]), "difference")
    }
  }
}
