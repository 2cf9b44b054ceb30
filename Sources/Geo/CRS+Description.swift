internal import CPROJ

/// What PROJ knows about a CRS.
public struct CRSDescription: Hashable, Sendable {
  public let crs: CRS
  /// PROJ's name, e.g. "WGS 84 / UTM zone 48N" or "VN-2000 / TM-3 105-45".
  public let name: String
  /// Whether it is a projected CRS (planar, usable for computation).
  public let isProjected: Bool
  /// Whether its axes are in metres.
  public let unitIsMetre: Bool
}

extension CRS {
  /// Looks the CRS up in PROJ's database.
  /// - Throws: `ProjectionError.unknownCRS` with PROJ's message.
  public func describe() throws -> CRSDescription {
    let context = ProjContext()
    let object = try context.create(self)
    defer { proj_destroy(object) }
    let name = proj_get_name(object).map { String(cString: $0) } ?? identifier
    let isProjected = proj_get_type(object) == PJ_TYPE_PROJECTED_CRS
    var unitIsMetre = false
    if let system = proj_crs_get_coordinate_system(context.handle, object) {
      defer { proj_destroy(system) }
      var conversion = 0.0
      if proj_cs_get_axis_info(
        context.handle, system, 0, nil, nil, nil, &conversion, nil, nil, nil) == 1
      {
        unitIsMetre = abs(conversion - 1) < 1e-12
      }
    }
    return CRSDescription(crs: self, name: name, isProjected: isProjected, unitIsMetre: unitIsMetre)
  }
}
