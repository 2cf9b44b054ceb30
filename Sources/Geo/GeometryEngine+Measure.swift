internal import CGEOS

extension GeometryEngine {
  /// Planar area as GEOS computes it, in squared coordinate units.
  public func area(of geometry: Geometry) throws -> Double {
    try with([geometry]) { handles in
      var area = 0.0
      // GEOSArea_r returns 0 on error, 1 on success.
      guard GEOSArea_r(handle, handles[0], &area) == 1 else { throw context.failure("area") }
      return area
    }
  }

  /// The geometry grown (positive) or shrunk (negative) by `distance`, areal result.
  /// - Parameter quadrantSegments: segments per quarter circle on round joins.
  public func buffer(
    _ geometry: Geometry, distance: Double, quadrantSegments: Int = 8
  ) throws
    -> MultiPolygon
  {
    try with([geometry]) { handles in
      try takeAreal(GEOSBuffer_r(handle, handles[0], distance, Int32(quadrantSegments)), "buffer")
    }
  }

  /// A simplified geometry whose topology is kept (Douglas–Peucker, topology-preserving).
  public func simplify(_ geometry: Geometry, tolerance: Double) throws -> Geometry {
    try with([geometry]) { handles in
      try take(GEOSTopologyPreserveSimplify_r(handle, handles[0], tolerance), "simplify")
    }
  }
}
