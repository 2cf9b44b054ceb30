public import Geo

/// A north-aligned, single-grid raster as plain values: what `GeoIO.cloudOptimizedGeoTIFF` writes.
///
/// Row 0 of every band's values is the *southern* row (as Cosite's `CoverageGrid`); the writer
/// flips the rows into GDAL's north-up order (geotransform `[originX, res, 0, north, 0, -res]`).
public struct RasterImage: Sendable {
  public var columns: Int
  public var rows: Int
  /// West edge, metres, in `crs`.
  public var originX: Double
  /// South edge, metres, in `crs` (row 0 of the values is the southern row).
  public var originY: Double
  /// Cell size, metres (square cells).
  public var resolutionM: Double
  public var crs: CRS
  public var bands: [RasterBand]
  /// Dataset metadata items (GDAL default domain), stored in the GeoTIFF's `GDAL_METADATA` tag.
  /// GDAL keeps metadata as a sorted list (`CPLStringList::Sort`, case-insensitive by key), so the
  /// file lists them by key whatever the order here; a repeated key keeps its last value.
  public var metadata: [(key: String, value: String)]

  public init(
    columns: Int, rows: Int, originX: Double, originY: Double, resolutionM: Double, crs: CRS,
    bands: [RasterBand], metadata: [(key: String, value: String)] = []
  ) {
    self.columns = columns
    self.rows = rows
    self.originX = originX
    self.originY = originY
    self.resolutionM = resolutionM
    self.crs = crs
    self.bands = bands
    self.metadata = metadata
  }

  /// The north edge: `originY + rows × resolutionM`.
  public var northY: Double { originY + Double(rows) * resolutionM }

  /// GDAL's affine geotransform of the north-up image: `[west, res, 0, north, 0, −res]`.
  public var geoTransform: [Double] { [originX, resolutionM, 0, northY, 0, -resolutionM] }
}

/// One band of a `RasterImage`.
public struct RasterBand: Sendable {
  /// The cell values, row-major, row 0 = south; `count == columns × rows`.
  public enum Values: Sendable {
    case float32([Float])
    case int32([Int32])

    /// Number of cells.
    public var count: Int {
      switch self {
      case .float32(let values): return values.count
      case .int32(let values): return values.count
      }
    }
  }

  public var values: Values
  /// The nodata value (cells equal to it are not valid).
  public var noData: Double
  /// GDAL band description (shown by gdalinfo).
  public var description: String
  /// GDAL unit type, e.g. "dBm", "dB", "1".
  public var unit: String?

  public init(values: Values, noData: Double, description: String, unit: String? = nil) {
    self.values = values
    self.noData = noData
    self.description = description
    self.unit = unit
  }
}
