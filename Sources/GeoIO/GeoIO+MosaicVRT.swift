import Foundation

extension GeoIO {
  /// A VRT mosaic (XML text) of single-grid rasters on one grid: equal resolution, CRS, band
  /// count and value type, origins on a common multiple of the resolution.
  ///
  /// Written by hand after GDAL's VRT format specification (GDAL docs, drivers/raster/vrt.html):
  /// the union of the sources' extents; per band a `ComplexSource` per source with its `NODATA`,
  /// so a source's nodata cells do not hide an earlier source's data (later sources win where
  /// data overlap); source paths `relativeToVRT="1"`; `SourceProperties` with the 512 × 512 blocks
  /// of `cloudOptimizedGeoTIFF`, so GDAL need not open every source to plan a read. The band
  /// description, unit and nodata are those of the first source. Deterministic: the same sources
  /// give the same text.
  ///
  /// - Parameter sources: relative path and header of each raster (the bands' values may be
  ///   empty; only sizes, type, descriptions, units and nodata are used).
  /// - Throws: `GeoIOError` if the sources are empty or do not share one grid.
  public static func mosaicVRT(_ sources: [(path: String, image: RasterImage)]) throws -> String {
    guard let first = sources.first?.image else { throw GeoIOError("a VRT mosaic needs at least one source") }
    let dataType = try validatedDataType(first, valuesRequired: false)
    let resolution = first.resolutionM
    for (path, image) in sources {
      guard try validatedDataType(image, valuesRequired: false) == dataType else {
        throw GeoIOError("\(path): value type differs from the first source's")
      }
      guard image.crs == first.crs else { throw GeoIOError("\(path): \(image.crs), not \(first.crs)") }
      guard image.bands.count == first.bands.count else {
        throw GeoIOError("\(path): \(image.bands.count) bands, not \(first.bands.count)")
      }
      guard abs(image.resolutionM - resolution) <= 1e-9 * resolution else {
        throw GeoIOError("\(path): resolution \(image.resolutionM) m, not \(resolution) m")
      }
    }
    let west = sources.map(\.image.originX).min() ?? first.originX
    let north = sources.map(\.image.northY).max() ?? first.northY
    let east = sources.map { $0.image.originX + Double($0.image.columns) * resolution }.max() ?? west
    let south = sources.map(\.image.originY).min() ?? first.originY
    let columns = try cellCount((east - west) / resolution, what: "mosaic width")
    let rows = try cellCount((north - south) / resolution, what: "mosaic height")
    let (wkt, axisMapping) = try GDALRuntime.withErrorLog { log in
      try SpatialReference.with(epsg: first.crs.epsg, log: log) { (try $0.wkt(), $0.dataAxisMapping) }
    }
    let typeName = first.bands[0].values.gdalTypeName
    var xml = "<VRTDataset rasterXSize=\"\(columns)\" rasterYSize=\"\(rows)\">\n"
    let mapping = axisMapping.map(String.init).joined(separator: ",")
    xml += "  <SRS dataAxisToSRSAxisMapping=\"\(mapping)\">\(xmlEscaped(wkt))</SRS>\n"
    xml += "  <GeoTransform>\(west), \(resolution), 0, \(north), 0, \(-resolution)</GeoTransform>\n"
    for (bandIndex, band) in first.bands.enumerated() {
      xml += "  <VRTRasterBand dataType=\"\(typeName)\" band=\"\(bandIndex + 1)\">\n"
      xml += "    <Description>\(xmlEscaped(band.description))</Description>\n"
      xml += "    <NoDataValue>\(band.noData)</NoDataValue>\n"
      if let unit = band.unit { xml += "    <UnitType>\(xmlEscaped(unit))</UnitType>\n" }
      for (path, image) in sources {
        let columnOffset = try cellCount((image.originX - west) / resolution, what: "\(path) column offset")
        let rowOffset = try cellCount((north - image.northY) / resolution, what: "\(path) row offset")
        xml += """
              <ComplexSource>
                <SourceFilename relativeToVRT="1">\(xmlEscaped(path))</SourceFilename>
                <SourceBand>\(bandIndex + 1)</SourceBand>
                <SourceProperties RasterXSize="\(image.columns)" RasterYSize="\(image.rows)" \
          DataType="\(typeName)" BlockXSize="512" BlockYSize="512" />
                <SrcRect xOff="0" yOff="0" xSize="\(image.columns)" ySize="\(image.rows)" />
                <DstRect xOff="\(columnOffset)" yOff="\(rowOffset)" xSize="\(image.columns)" ySize="\(image.rows)" />
                <NODATA>\(image.bands[bandIndex].noData)</NODATA>
              </ComplexSource>

          """
      }
      xml += "  </VRTRasterBand>\n"
    }
    xml += "</VRTDataset>\n"
    return xml
  }

  /// `cells` rounded to an integer, if it is one within 10⁻⁶ of a cell (sources on one grid).
  private static func cellCount(_ cells: Double, what: String) throws -> Int {
    let rounded = cells.rounded()
    guard abs(cells - rounded) <= 1e-6, rounded >= 0, rounded < Double(Int32.max) else {
      throw GeoIOError("\(what) is \(cells) cells: the sources are not on one grid")
    }
    return Int(rounded)
  }

  /// Text with XML's five special characters escaped (XML 1.0 §2.4).
  static func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}

extension RasterBand.Values {
  /// GDAL's name of the type (`GDALGetDataTypeName`), as VRT's `dataType` attribute.
  var gdalTypeName: String {
    switch self {
    case .float32: return "Float32"
    case .int32: return "Int32"
    }
  }
}
