internal import CGDAL
import Foundation

extension GeoIO {
  /// Cloud-Optimized GeoTIFF bytes of `image`, byte-identical for equal input in any process and
  /// on any thread.
  ///
  /// The image is put into a MEM dataset and copied by GDAL's COG driver (GDAL docs,
  /// drivers/raster/cog.html) to a private `/vsimem/` file, whose bytes are returned:
  /// - 512 × 512 tiles, DEFLATE with the predictor (2 for integers, 3 for floats), level 3,
  ///   for the image and its overviews (on `northern-vn-all` level 6 took 15.4–15.9 s of the
  ///   run's wall time for 65.5 MB of rasters, level 3 11.8–13.5 s for 71.3 MB: BENCHMARKS.md);
  /// - overviews `AUTO` (halving until the image fits one tile), resampled `NEAREST`: cells hold
  ///   dBm levels or class codes, and an average of dBm (or of codes) is a value no cell has —
  ///   nearest keeps every overview cell a real cell, and nodata stays nodata;
  /// - nodata, band description and unit; dataset metadata (GDAL lists it sorted by key);
  /// - each band's statistics over its valid cells (`BandStatistics`), set as `STATISTICS_*`
  ///   band metadata, which the GTiff writer stores in the file's `GDAL_METADATA` tag, so
  ///   `gdalinfo -stats` shows them without computing and without a `.aux.xml`;
  /// - `NUM_THREADS=threads`: GDAL compresses tiles (and computes overviews) on that many
  ///   threads and writes the tiles in order, so the bytes do not depend on it (checked with
  ///   1, 2 and 4 in the tests). With more than one, a failure inside a compression thread
  ///   (in practice: memory) is reported on that thread, outside this call's error log (GDAL's
  ///   handler is per thread);
  /// - the driver's temporary overview file compressed with PACKBITS
  ///   (`fastTemporaryCompression`); GeoTIFF writes no date tag unless asked (`TIFFTAG_DATETIME`).
  ///
  /// - Throws: `GeoIOError` if the sizes do not match, the bands mix value types, the CRS is
  ///   unknown, or GDAL fails.
  public static func cloudOptimizedGeoTIFF(_ image: RasterImage, threads: Int = 1) throws -> Data {
    try cloudOptimizedGeoTIFF(image, temporaryCompression: fastTemporaryCompression, threads: threads)
  }

  /// How the COG driver compresses its temporary overview file. GDAL 3.6 uses ZSTD (at level 9)
  /// when it has it: a seventh of all encoding time at the scenarios' sizes, for a file that
  /// is written once, read back once and deleted. PACKBITS costs next to nothing, and the file
  /// written is the same byte for byte: GDAL builds the overviews of any compressed
  /// pixel-interleaved GeoTIFF by one path (`GDALRegenerateOverviewsMultiBand`); only an
  /// uncompressed one takes another (band by band), whose NEAREST picks differ — hence not NONE.
  static let fastTemporaryCompression = "PACKBITS"

  /// `cloudOptimizedGeoTIFF` with the temporary overview file compressed by
  /// `temporaryCompression` (nil: GDAL's own choice).
  static func cloudOptimizedGeoTIFF(
    _ image: RasterImage, temporaryCompression: String?, threads: Int = 1
  ) throws -> Data {
    let dataType = try validatedDataType(image)
    return try withThreadConfiguration("COG_TMP_COMPRESSION", temporaryCompression) {
      try encodedCOG(image, dataType: dataType, threads: max(1, threads))
    }
  }

  /// Runs `body` with a GDAL configuration option set for this thread only (nil: left as it
  /// is), restoring the thread's previous value after.
  static func withThreadConfiguration<T>(_ key: String, _ value: String?, _ body: () throws -> T) rethrows -> T {
    guard let value else { return try body() }
    let previous = threadConfiguration(key)
    CPLSetThreadLocalConfigOption(key, value)
    defer { CPLSetThreadLocalConfigOption(key, previous) }
    return try body()
  }

  /// This thread's own value of a GDAL configuration option; nil when it has none.
  static func threadConfiguration(_ key: String) -> String? {
    CPLGetThreadLocalConfigOption(key, nil).map { String(cString: $0) }
  }

  /// The COG bytes of a validated image.
  private static func encodedCOG(_ image: RasterImage, dataType: GDALDataType, threads: Int) throws -> Data {
    try GDALRuntime.withErrorLog { log in
      try VSIMemDirectory.withDirectory { directory in
        let source = try memoryDataset(image, dataType: dataType, log: log)
        defer { source.close() }
        guard let driver = GDALGetDriverByName("COG") else { throw log.error("GDAL has no COG driver") }
        let path = directory.file("image.tif")
        let options = [
          "BLOCKSIZE=512", "COMPRESS=DEFLATE", "LEVEL=3", "PREDICTOR=YES",
          "OVERVIEWS=AUTO", "OVERVIEW_RESAMPLING=NEAREST", "OVERVIEW_COMPRESS=DEFLATE", "OVERVIEW_PREDICTOR=YES",
          "NUM_THREADS=\(threads)", "BIGTIFF=IF_NEEDED",
        ]
        let copied = withCStringList(options) { list in
          GDALCreateCopy(driver, path, source.openHandle, 0, list, nil, nil)
        }
        guard let copied else { throw log.error("the COG driver could not write the GeoTIFF") }
        GDALDataset(copied).close()
        try log.throwIfFailed("the COG driver failed while writing the GeoTIFF")
        return try directory.read(path)
      }
    }
  }

  /// The GDAL data type shared by all bands, after checking sizes.
  static func validatedDataType(_ image: RasterImage, valuesRequired: Bool = true) throws -> GDALDataType {
    guard image.columns > 0, image.rows > 0, image.columns <= Int(Int32.max), image.rows <= Int(Int32.max) else {
      throw GeoIOError("raster size \(image.columns) × \(image.rows) is not positive")
    }
    guard image.resolutionM > 0, image.resolutionM.isFinite, image.originX.isFinite, image.originY.isFinite else {
      throw GeoIOError("raster origin and resolution must be finite, resolution positive")
    }
    guard let first = image.bands.first else { throw GeoIOError("a raster needs at least one band") }
    let dataType = first.values.gdalDataType
    for (index, band) in image.bands.enumerated() {
      guard band.values.gdalDataType == dataType else {
        throw GeoIOError("band \(index + 1) is not of the same value type as band 1 (all bands must be)")
      }
      if valuesRequired, band.values.count != image.columns * image.rows {
        throw GeoIOError(
          "band \(index + 1) has \(band.values.count) values for \(image.columns) × \(image.rows) cells")
      }
    }
    return dataType
  }

  /// A MEM dataset holding `image` north-up, with CRS, metadata, nodata, descriptions, units and
  /// statistics.
  private static func memoryDataset(
    _ image: RasterImage, dataType: GDALDataType, log: GDALErrorLog
  ) throws -> GDALDataset {
    guard let driver = GDALGetDriverByName("MEM") else { throw log.error("GDAL has no MEM driver") }
    guard
      let handle = GDALCreate(
        driver, "", Int32(image.columns), Int32(image.rows), Int32(image.bands.count), dataType, nil)
    else { throw log.error("could not create a \(image.columns) × \(image.rows) MEM dataset") }
    let dataset = GDALDataset(handle)
    var transform = image.geoTransform
    guard GDALSetGeoTransform(handle, &transform) == CE_None else { throw log.error("could not set the geotransform") }
    try SpatialReference.with(epsg: image.crs.epsg, log: log) { reference in
      guard GDALSetSpatialRef(handle, reference.handle) == CE_None else { throw log.error("could not set the CRS") }
    }
    for item in image.metadata {
      guard GDALSetMetadataItem(handle, item.key, item.value, nil) == CE_None else {
        throw log.error("could not set metadata item \(item.key)")
      }
    }
    for (index, band) in image.bands.enumerated() {
      guard let bandHandle = GDALGetRasterBand(handle, Int32(index + 1)) else {
        throw log.error("MEM dataset has no band \(index + 1)")
      }
      try write(band, to: bandHandle, columns: image.columns, rows: image.rows, log: log)
    }
    return dataset
  }

  /// Writes the values (south row first in Swift, so rows are flipped to GDAL's north-up order)
  /// and the band's nodata, description, unit and statistics.
  private static func write(
    _ band: RasterBand, to handle: GDALRasterBandH, columns: Int, rows: Int, log: GDALErrorLog
  ) throws {
    let status: CPLErr
    switch band.values {
    case .float32(let values):
      var northUp = flippedRows(values, columns: columns, rows: rows)
      status = GDALRasterIO(
        handle, GF_Write, 0, 0, Int32(columns), Int32(rows), &northUp, Int32(columns), Int32(rows), GDT_Float32,
        0, 0)
    case .int32(let values):
      var northUp = flippedRows(values, columns: columns, rows: rows)
      status = GDALRasterIO(
        handle, GF_Write, 0, 0, Int32(columns), Int32(rows), &northUp, Int32(columns), Int32(rows), GDT_Int32, 0, 0)
    }
    guard status == CE_None else { throw log.error("could not write band values") }
    guard GDALSetRasterNoDataValue(handle, band.noData) == CE_None else { throw log.error("could not set nodata") }
    GDALSetDescription(handle, band.description)
    if let unit = band.unit {
      guard GDALSetRasterUnitType(handle, unit) == CE_None else { throw log.error("could not set the unit") }
    }
    if let statistics = BandStatistics(band.values, noData: band.noData) {
      for item in statistics.metadataItems {
        guard GDALSetMetadataItem(handle, item.key, item.value, nil) == CE_None else {
          throw log.error("could not set \(item.key)")
        }
      }
    }
  }

  /// The rows in reverse order (row-major, `columns` per row).
  static func flippedRows<T>(_ values: [T], columns: Int, rows: Int) -> [T] {
    var flipped: [T] = []
    flipped.reserveCapacity(values.count)
    for row in stride(from: rows - 1, through: 0, by: -1) {
      flipped.append(contentsOf: values[row * columns..<(row + 1) * columns])
    }
    return flipped
  }
}

extension RasterBand.Values {
  /// GDAL's type for the values.
  var gdalDataType: GDALDataType {
    switch self {
    case .float32: return GDT_Float32
    case .int32: return GDT_Int32
    }
  }
}
