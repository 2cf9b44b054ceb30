/// What GDAL reads back from a raster file (tests, and checks of users' own data).
public struct RasterDescription: Sendable {
  public var columns: Int
  public var rows: Int
  /// GDAL's affine geotransform: `[west, xRes, 0, north, 0, −yRes]` for a north-up image.
  public var geoTransform: [Double]
  /// The projection's EPSG code (`OSRGetAuthorityCode`), if it has one.
  public var epsg: Int?
  public var bands: [BandDescription]
  /// Overviews of band 1.
  public var overviewCount: Int
  /// Each band's values as read by `GDALRasterIO`, row-major, top (north) row first.
  public var values: [[Double]]
  /// The dataset's metadata items (default domain).
  public var metadata: [String: String]
  /// The dataset's `IMAGE_STRUCTURE` metadata (e.g. `COMPRESSION`, `LAYOUT=COG`, `PREDICTOR`).
  public var imageStructure: [String: String]

  public init(
    columns: Int, rows: Int, geoTransform: [Double], epsg: Int?, bands: [BandDescription], overviewCount: Int,
    values: [[Double]], metadata: [String: String] = [:], imageStructure: [String: String] = [:]
  ) {
    self.columns = columns
    self.rows = rows
    self.geoTransform = geoTransform
    self.epsg = epsg
    self.bands = bands
    self.overviewCount = overviewCount
    self.values = values
    self.metadata = metadata
    self.imageStructure = imageStructure
  }

  /// The value of a cell; `band` is 0-based (index into `bands`), rows counted from the north.
  public func value(band: Int, column: Int, rowFromNorth: Int) -> Double {
    values[band][rowFromNorth * columns + column]
  }
}

/// One band as GDAL reads it back.
public struct BandDescription: Sendable {
  /// `GDALGetDataTypeName`, e.g. "Float32", "Int32".
  public var dataType: String
  public var noData: Double?
  public var description: String
  public var unit: String
  /// From the band's `STATISTICS_*` metadata, if present.
  public var minimum: Double?
  public var maximum: Double?
  public var mean: Double?
  public var stdDev: Double?
  public var overviewCount: Int
  /// GDAL's block (tile) size.
  public var blockColumns: Int
  public var blockRows: Int

  public init(
    dataType: String, noData: Double?, description: String, unit: String, minimum: Double?, maximum: Double?,
    mean: Double?, stdDev: Double?, overviewCount: Int, blockColumns: Int = 0, blockRows: Int = 0
  ) {
    self.dataType = dataType
    self.noData = noData
    self.description = description
    self.unit = unit
    self.minimum = minimum
    self.maximum = maximum
    self.mean = mean
    self.stdDev = stdDev
    self.overviewCount = overviewCount
    self.blockColumns = blockColumns
    self.blockRows = blockRows
  }
}

/// One vector layer as GDAL reads it back.
public struct VectorLayerDescription: Sendable {
  public var name: String
  public var featureCount: Int
  public var fieldNames: [String]
  /// `OGRGeometryTypeToName`, e.g. "Point", "Multi Polygon".
  public var geometryType: String
  public var epsg: Int?
  /// Each feature's attribute values as text (`OGR_F_GetFieldAsString`); null fields are absent.
  public var features: [[String: String]]
  /// Each feature's geometry as WKT (`OGR_G_ExportToWkt`), empty for none; same order as `features`.
  public var geometries: [String]

  public init(
    name: String, featureCount: Int, fieldNames: [String], geometryType: String, epsg: Int?,
    features: [[String: String]], geometries: [String] = []
  ) {
    self.name = name
    self.featureCount = featureCount
    self.fieldNames = fieldNames
    self.geometryType = geometryType
    self.epsg = epsg
    self.features = features
    self.geometries = geometries
  }
}
