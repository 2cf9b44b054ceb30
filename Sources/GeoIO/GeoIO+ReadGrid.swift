internal import CGDAL
import Foundation

/// One band of an input raster (a DEM, a land-cover map) as plain values, north-up.
public struct InputGrid: Sendable {
  /// The EPSG code of the raster's CRS (declared, or identified by GDAL); nil when it has none
  /// or GDAL cannot name one.
  public let epsg: Int?
  /// The CRS as the file names it (for messages), nil without one.
  public let crsName: String?
  public let columns: Int
  public let rows: Int
  /// Centre of the north-west cell, in the raster's CRS units.
  public let originX: Double
  public let originY: Double
  /// Cell size east and south (both positive).
  public let cellSizeX: Double
  public let cellSizeY: Double
  /// Band 1, row-major from the north; NaN where the band has no data.
  public let values: [Float]
}

extension GeoIO {
  /// Largest raster `readGrid` reads: 4 × 10⁸ cells (1.6 GB of Float32), as for ASCII DEMs.
  public static let maximumGridCells = 400_000_000

  /// Band 1 of the raster at `path` (GeoTIFF, COG, VRT of tiles, or any format GDAL reads),
  /// as Float32 north-up rows; nodata cells become NaN. A south-up raster is flipped; a
  /// rotated or sheared geotransform, a raster without one, or more than
  /// `maximumGridCells` cells is an error.
  public static func readGrid(atPath path: String) throws -> InputGrid {
    try GDALRuntime.withErrorLog { log in
      let dataset = try GDALDataset.open(path, flags: GDAL_OF_RASTER, log: log)
      defer { dataset.close() }
      let handle = dataset.openHandle
      let columns = Int(GDALGetRasterXSize(handle))
      let rows = Int(GDALGetRasterYSize(handle))
      guard columns >= 2, rows >= 2 else {
        throw GeoIOError("the raster is \(columns) × \(rows): expected at least 2 × 2")
      }
      guard columns * rows <= maximumGridCells else {
        throw GeoIOError(
          "the raster is \(columns) × \(rows) cells, above \(maximumGridCells): crop it to the scenario's area (gdal_translate -projwin)"
        )
      }
      var transform = [Double](repeating: 0, count: 6)
      guard GDALGetGeoTransform(handle, &transform) == CE_None else {
        throw GeoIOError("the raster has no geotransform: expected a georeferenced raster")
      }
      guard transform[2] == 0, transform[4] == 0, transform[1] > 0, transform[5] != 0 else {
        throw GeoIOError("the raster's geotransform \(transform) is rotated or sheared: expected a north-up grid")
      }
      guard GDALGetRasterCount(handle) >= 1, let band = GDALGetRasterBand(handle, 1) else {
        throw GeoIOError("the raster has no band")
      }
      var values = [Float](repeating: 0, count: columns * rows)
      let status = values.withUnsafeMutableBytes { buffer in
        GDALRasterIO(
          band, GF_Read, 0, 0, Int32(columns), Int32(rows), buffer.baseAddress, Int32(columns), Int32(rows),
          GDT_Float32, 0, 0)
      }
      guard status == CE_None else { throw log.error("GDAL could not read band 1") }
      // A band stored scaled (Int16 decimetres with scale 0.1) would read 10× too high.
      var hasScale: Int32 = 0
      var hasOffset: Int32 = 0
      let scale = GDALGetRasterScale(band, &hasScale)
      let offset = GDALGetRasterOffset(band, &hasOffset)
      if (hasScale != 0 && scale != 1) || (hasOffset != 0 && offset != 0) {
        throw GeoIOError(
          "band 1 is stored with scale \(scale) and offset \(offset): expected plain values (gdal_translate -unscale)")
      }
      var hasNoData: Int32 = 0
      let noData = GDALGetRasterNoDataValue(band, &hasNoData)
      if hasNoData != 0 {
        let missing = Float(noData)
        for index in values.indices where values[index] == missing || values[index].isNaN { values[index] = .nan }
      }
      // South-up (positive row step): rows reversed so that row 0 is the northern one.
      let southUp = transform[5] > 0
      if southUp {
        values = (0..<rows).reversed().flatMap { row in values[(row * columns)..<((row + 1) * columns)] }
      }
      let reference = GDALGetSpatialRef(handle)
      let cellSizeY = abs(transform[5])
      let northEdge = southUp ? transform[3] + transform[5] * Double(rows) : transform[3]
      try log.throwIfFailed("GDAL failed while reading the raster")
      return InputGrid(
        epsg: identifiedEPSG(reference), crsName: reference.flatMap { OSRGetName($0) }.map { String(cString: $0) },
        columns: columns, rows: rows, originX: transform[0] + transform[1] / 2, originY: northEdge - cellSizeY / 2,
        cellSizeX: transform[1], cellSizeY: cellSizeY, values: values)
    }
  }
}
