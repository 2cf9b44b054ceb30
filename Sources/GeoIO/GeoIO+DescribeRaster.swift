internal import CGDAL
import Foundation

extension GeoIO {
  /// What GDAL reads from raster file bytes: size, geotransform, EPSG code, bands (type, nodata,
  /// description, unit, `STATISTICS_*` metadata, overviews, block size), every value, and the
  /// dataset's metadata. The bytes are opened from a private `/vsimem/` file with PAM off, so
  /// everything reported comes from the file itself, never from a `.aux.xml` sidecar.
  ///
  /// - Parameter overviewLevel: read this overview (0 = the first, half size) instead of the full
  ///   resolution (GDAL's `OVERVIEW_LEVEL` open option).
  public static func describeRaster(_ data: Data, overviewLevel: Int? = nil) throws -> RasterDescription {
    try GDALRuntime.withErrorLog { log in
      try VSIMemDirectory.withDirectory { directory in
        let path = try directory.write(data, to: "raster")
        return try describeRaster(path: path, overviewLevel: overviewLevel, log: log)
      }
    }
  }

  /// What GDAL reads from a raster file on disk (or any GDAL path, e.g. a VRT whose sources are
  /// relative to it); as `describeRaster(_:overviewLevel:)`.
  public static func describeRaster(atPath path: String, overviewLevel: Int? = nil) throws -> RasterDescription {
    try GDALRuntime.withErrorLog { log in try describeRaster(path: path, overviewLevel: overviewLevel, log: log) }
  }

  private static func describeRaster(
    path: String, overviewLevel: Int?, log: GDALErrorLog
  ) throws -> RasterDescription {
    let options = overviewLevel.map { ["OVERVIEW_LEVEL=\($0)"] } ?? []
    let dataset = try GDALDataset.open(path, flags: GDAL_OF_RASTER, log: log, options: options)
    defer { dataset.close() }
    let handle = dataset.openHandle
    let columns = Int(GDALGetRasterXSize(handle))
    let rows = Int(GDALGetRasterYSize(handle))
    var transform = [Double](repeating: 0, count: 6)
    if GDALGetGeoTransform(handle, &transform) != CE_None { transform = [] }
    var bands: [BandDescription] = []
    var values: [[Double]] = []
    for index in 1..<(Int(GDALGetRasterCount(handle)) + 1) {
      guard let band = GDALGetRasterBand(handle, Int32(index)) else { throw log.error("no band \(index)") }
      bands.append(describe(band))
      values.append(try readValues(band, columns: columns, rows: rows, log: log))
    }
    try log.throwIfFailed("GDAL failed while reading \(path)")
    return RasterDescription(
      columns: columns, rows: rows, geoTransform: transform, epsg: epsgCode(of: GDALGetSpatialRef(handle)),
      bands: bands, overviewCount: bands.first?.overviewCount ?? 0, values: values,
      metadata: metadata(handle, domain: nil), imageStructure: metadata(handle, domain: "IMAGE_STRUCTURE"))
  }

  private static func describe(_ band: GDALRasterBandH) -> BandDescription {
    var hasNoData: Int32 = 0
    let noData = GDALGetRasterNoDataValue(band, &hasNoData)
    func statistic(_ name: String) -> Double? {
      GDALGetMetadataItem(band, "STATISTICS_\(name)", nil).flatMap { Double(String(cString: $0)) }
    }
    var blockColumns: Int32 = 0
    var blockRows: Int32 = 0
    GDALGetBlockSize(band, &blockColumns, &blockRows)
    return BandDescription(
      dataType: String(cString: GDALGetDataTypeName(GDALGetRasterDataType(band))),
      noData: hasNoData != 0 ? noData : nil,
      description: String(cString: GDALGetDescription(band)),
      unit: String(cString: GDALGetRasterUnitType(band)),
      minimum: statistic("MINIMUM"), maximum: statistic("MAXIMUM"), mean: statistic("MEAN"),
      stdDev: statistic("STDDEV"), overviewCount: Int(GDALGetOverviewCount(band)),
      blockColumns: Int(blockColumns), blockRows: Int(blockRows))
  }

  /// The band's values as Double, top row first (`GDALRasterIO` converting to Float64).
  private static func readValues(
    _ band: GDALRasterBandH, columns: Int, rows: Int, log: GDALErrorLog
  ) throws -> [Double] {
    var values = [Double](repeating: 0, count: columns * rows)
    let status = GDALRasterIO(
      band, GF_Read, 0, 0, Int32(columns), Int32(rows), &values, Int32(columns), Int32(rows), GDT_Float64, 0, 0)
    guard status == CE_None else { throw log.error("could not read band values") }
    return values
  }

  /// A dataset's metadata items in `domain` (nil: the default domain), as GDAL lists them.
  private static func metadata(_ handle: GDALDatasetH, domain: String?) -> [String: String] {
    var items: [String: String] = [:]
    for item in stringList(GDALGetMetadata(handle, domain)) {
      guard let equals = item.firstIndex(of: "=") else { continue }
      items[String(item[..<equals])] = String(item[item.index(after: equals)...])
    }
    return items
  }

  /// The text of GDAL's `gdalinfo` (the `GDALInfo()` library call, gdal_utils.h) for raster file
  /// bytes, with every warning and failure GDAL reported meanwhile.
  ///
  /// With `statistics`, `-stats` is passed, and PAM is enabled for this call only (a
  /// thread-local configuration option), as for a user running `gdalinfo -stats file.tif`:
  /// statistics missing from the file would be computed and saved to a `.aux.xml` sidecar. If
  /// such a sidecar appears, a warning says so.
  public static func gdalInfo(_ data: Data, statistics: Bool) throws -> (text: String, warnings: [String]) {
    try GDALRuntime.withErrorLog { log in
      try VSIMemDirectory.withDirectory { directory in
        let path = try directory.write(data, to: "raster.tif")
        if statistics { CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", "YES") }
        defer { if statistics { CPLSetThreadLocalConfigOption("GDAL_PAM_ENABLED", nil) } }
        let dataset = try GDALDataset.open(path, flags: GDAL_OF_RASTER, log: log)
        defer { dataset.close() }
        let arguments = statistics ? ["-stats"] : []
        let options = withCStringList(arguments) { GDALInfoOptionsNew($0, nil) }
        defer { GDALInfoOptionsFree(options) }
        guard let text = GDALInfo(dataset.openHandle, options) else { throw log.error("GDALInfo failed") }
        defer { VSIFree(text) }
        dataset.close()
        var warnings = log.warnings + log.failures
        if directory.exists(path + ".aux.xml") {
          warnings.append("GDAL wrote \(path).aux.xml: the statistics were not in the file")
        }
        return (String(cString: text), warnings)
      }
    }
  }
}
