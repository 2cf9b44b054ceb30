internal import CGEOS

extension GeometryEngine {
  /// The union of areal geometries, dissolved into non-overlapping polygons.
  public func union(_ geometries: [MultiPolygon]) throws -> MultiPolygon {
    let collection = try makeCollection(of: geometries.flatMap(\.polygons))
    return try withExtendedLifetime(collection) {
      try takeAreal(GEOSUnaryUnion_r(handle, collection.pointer), "union")
    }
  }

  /// The union of polygons that only touch edge to edge (a polygonal coverage).
  ///
  /// Uses GEOS coverage union, which is much faster on such input; GEOS 3.11 wrongly
  /// rejects some valid coverages (e.g. a 5×5 checkerboard), so a failure falls back to
  /// the general union.
  public func coverageUnion(_ geometries: [MultiPolygon]) throws -> MultiPolygon {
    let collection = try makeCollection(of: geometries.flatMap(\.polygons))
    let fast: MultiPolygon? = withExtendedLifetime(collection) {
      guard let result = GEOSCoverageUnion_r(handle, collection.pointer) else {
        _ = context.takeError()
        return nil
      }
      defer { GEOSGeom_destroy_r(handle, result) }
      return try? context.arealParts(of: result)
    }
    if let fast { return fast }
    return try union(geometries)
  }
}
