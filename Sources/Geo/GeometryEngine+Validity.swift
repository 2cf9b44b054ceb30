internal import CGEOS

/// Why a geometry is invalid, as GEOS reports it (OGC Simple Features validity).
public struct InvalidityReason: Hashable, Sendable, CustomStringConvertible {
  /// GEOS's reason text, e.g. "Self-intersection" or "Ring Self-intersection".
  public let reason: String
  /// Where GEOS found the problem, if it says.
  public let location: Coordinate?

  public var description: String {
    guard let location else { return reason }
    return "\(reason) at (\(JSONWriter.fixed(location.x, decimals: 7)), \(JSONWriter.fixed(location.y, decimals: 7)))"
  }
}

extension GeometryEngine {
  /// Nil when `geometry` is valid; otherwise GEOS's reason and location.
  public func invalidity(of geometry: Geometry) throws -> InvalidityReason? {
    try with([geometry]) { handles in
      var reasonPointer: UnsafeMutablePointer<CChar>?
      var locationPointer: OpaquePointer?
      let result = GEOSisValidDetail_r(handle, handles[0], 0, &reasonPointer, &locationPointer)
      defer {
        if let reasonPointer { GEOSFree_r(handle, reasonPointer) }
        if let locationPointer { GEOSGeom_destroy_r(handle, locationPointer) }
      }
      switch result {
      case 1: return nil
      case 0:
        let reason = reasonPointer.map { String(cString: $0) } ?? "invalid geometry"
        var location: Coordinate?
        if let locationPointer, case .point(let point) = try? context.value(of: locationPointer) {
          location = point
        }
        return InvalidityReason(reason: reason, location: location)
      default:
        throw context.failure("validity check")
      }
    }
  }

  /// A valid areal version of `geometry` (GEOS MakeValid), keeping only polygon parts.
  public func makeValid(_ geometry: Geometry) throws -> MultiPolygon {
    try with([geometry]) { handles in
      try takeAreal(GEOSMakeValid_r(handle, handles[0]), "make-valid")
    }
  }
}
