import Geo

/// The CRS a GeoJSON input is read in: the scenario's `crs` for the file, else the file's own
/// `crs` member (as QGIS and ogr2ogr write it: `GeoJSON.document`), else WGS 84 lon, lat
/// (RFC 7946). A member that names another CRS than the scenario, or one that names none Cosite
/// reads, is an error naming the file: a file in VN-2000 is never read as WGS 84.
enum GeoJSONCRS {
  static func resolve(member: String?, declared: CRS?, file: String, diagnostics: Diagnostics) -> CRS? {
    guard let member else { return declared }
    guard let named = CRS(geoJSONName: member) else {
      diagnostics.report(
        file, .file,
        "'crs' member: expected a named EPSG code (urn:ogc:def:crs:EPSG::n) or CRS84, got \(Excerpt.quoted(member))")
      return declared
    }
    if let declared, declared != named {
      diagnostics.report(
        file, .file,
        "'crs' member names \(named), but the scenario reads this file in \(declared): expected the two to agree (drop the scenario's crs for it, or reproject the file)"
      )
      return declared
    }
    return named
  }
}
