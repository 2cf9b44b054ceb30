import Geo

/// The CRS a vector input is read in: the scenario's `crs` for the file, else the file's own
/// (a GeoJSON `crs` member as QGIS and ogr2ogr write it: `GeoJSON.document`; a GeoPackage's
/// or FlatGeobuf's declared CRS, a Shapefile's `.prj`), else WGS 84 lon, lat (RFC 7946). A
/// file whose CRS contradicts the scenario, or that declares one Cosite cannot name, is an
/// error naming the file: a file in VN-2000 is never read as WGS 84.
enum FileCRS {
  /// A GeoJSON file's `crs` member.
  static func resolve(member: String?, declared: CRS?, file: String, diagnostics: Diagnostics) -> CRS? {
    guard let member else { return declared }
    guard let named = CRS(geoJSONName: member) else {
      diagnostics.report(
        file, .file,
        "'crs' member: expected a named EPSG code (urn:ogc:def:crs:EPSG::n) or CRS84, got \(Excerpt.quoted(member))")
      return declared
    }
    return agreed(named, "'crs' member names", declared: declared, file: file, diagnostics: diagnostics)
  }

  /// A layer or raster GDAL read: `epsg` as GDAL identified it, `name` as the file calls its
  /// CRS (nil when the file declares none). A vector file without one is WGS 84 (as GeoJSON
  /// is); a raster without one needs the scenario's word (`requireDeclared`): read as WGS 84
  /// a projected DEM would only fail later, as "does not cover the grid".
  static func resolve(
    epsg: Int?, name: String?, declared: CRS?, file: String, diagnostics: Diagnostics, requireDeclared: Bool = false
  ) -> CRS? {
    if epsg == nil, name == nil, declared == nil, requireDeclared {
      diagnostics.report(file, .file, "the raster declares no CRS: expected 'crs: EPSG:<code>' for it in the scenario")
      return nil
    }
    if let epsg {
      return agreed(CRS(epsg: epsg), "the file's CRS is", declared: declared, file: file, diagnostics: diagnostics)
    }
    // A CRS GDAL cannot match to one EPSG code: the scenario's word settles it.
    if let name, declared == nil {
      diagnostics.report(
        file, .file,
        "the file's CRS \(Excerpt.quoted(name)) matches no single EPSG code: expected 'crs: EPSG:<code>' for the file in the scenario"
      )
    }
    return declared
  }

  private static func agreed(
    _ named: CRS, _ what: String, declared: CRS?, file: String, diagnostics: Diagnostics
  ) -> CRS {
    if let declared, declared != named {
      diagnostics.report(
        file, .file,
        "\(what) \(named), but the scenario reads this file in \(declared): expected the two to agree (drop the scenario's crs for it, or reproject the file)"
      )
      return declared
    }
    return named
  }
}
