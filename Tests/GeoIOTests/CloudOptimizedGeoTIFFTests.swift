import Foundation
import Geo
import Testing

@testable import GeoIO

@Suite struct CloudOptimizedGeoTIFFTests {
  @Test func gdalVersionIsThree() {
    #expect(GeoIO.gdalVersion.hasPrefix("3."))
  }

  /// The 3 × 2 image of `Fixtures.smallFloat` read back by GDAL.
  @Test func smallFloatImageReadsBackNorthUp() throws {
    let image = Fixtures.smallFloat
    let read = try GeoIO.describeRaster(try GeoIO.cloudOptimizedGeoTIFF(image))
    #expect(read.columns == 3 && read.rows == 2)
    // GDAL's geotransform: west, cell width, 0, north = 2300000 + 2 × 10, 0, −cell height.
    #expect(read.geoTransform == [500_000, 10, 0, 2_300_020, 0, -10])
    #expect(read.epsg == 32648)
    // GDAL's row 0 is the north row: 4, nodata, 6; row 1 the south row: 1, 2, 3.
    #expect(read.values[0] == [4, -9999, 6, 1, 2, 3])
    #expect(read.value(band: 0, column: 2, rowFromNorth: 0) == 6)
    #expect(read.value(band: 0, column: 0, rowFromNorth: 1) == 1)
    let band = try #require(read.bands.first)
    #expect(band.dataType == "Float32")
    #expect(band.noData == -9999)
    #expect(band.description == "RSRP best server")
    #expect(band.unit == "dBm")
    #expect(read.overviewCount == 0)  // 3 × 2 fits one 512 × 512 tile: no overview needed
    #expect(band.blockColumns == 512 && band.blockRows == 512)
    #expect(read.imageStructure["LAYOUT"] == "COG")
    #expect(read.imageStructure["COMPRESSION"] == "DEFLATE")
    #expect(read.imageStructure["PREDICTOR"] == "3")  // floating-point predictor (TIFF Tech Note 3)
    #expect(read.metadata["COSITE_SCENARIO"] == "Hai Phong & <test>")
    #expect(read.metadata["COSITE_LAYER"] == "lte1800")
  }

  /// Valid cells 1, 2, 3, 4, 6 (n = 5): min 1, max 6, mean 16 / 5 = 3.2; squared deviations
  /// 4.84 + 1.44 + 0.04 + 0.64 + 7.84 = 14.8; population σ = √(14.8 / 5) = √2.96 ≈ 1.7204650534.
  /// GDAL's own ComputeStatistics divides by n as well (population σ). Valid share 5 / 6.
  @Test func statisticsAreHandComputedAndStoredInTheFile() throws {
    let data = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat)
    // PAM is off while reading, so these come from the TIFF's GDAL_METADATA tag, not an .aux.xml.
    let band = try #require(GeoIO.describeRaster(data).bands.first)
    #expect(band.minimum == 1)
    #expect(band.maximum == 6)
    #expect(band.mean == 3.2)
    #expect(isClose(band.stdDev, 2.96.squareRoot()))
    // The GDAL_METADATA tag is ASCII XML in the file (only pixel data are DEFLATEd).
    #expect(contains(data, "<Item name=\"STATISTICS_MEAN\" sample=\"0\">3.2</Item>"))
    #expect(contains(data, "<Item name=\"STATISTICS_VALID_PERCENT\" sample=\"0\">83.33333333333333</Item>"))
  }

  /// GDAL keeps metadata sorted by key (`gdal_create -mo ZZ=1 -mo AA=2` writes AA first), so the
  /// order the items are given in does not change the file.
  @Test func metadataOrderDoesNotChangeTheBytes() throws {
    var reversed = Fixtures.smallFloat
    reversed.metadata.reverse()
    let data = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat)
    #expect(try GeoIO.cloudOptimizedGeoTIFF(reversed) == data)
    let layer = try #require(offset(of: "<Item name=\"COSITE_LAYER\">", in: data))
    let scenario = try #require(offset(of: "<Item name=\"COSITE_SCENARIO\">", in: data))
    #expect(layer < scenario)
  }

  @Test func gdalInfoShowsStatisticsWithoutWarningsOrSidecar() throws {
    let data = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat)
    let info = try GeoIO.gdalInfo(data, statistics: true)
    #expect(info.warnings.isEmpty)
    #expect(info.text.contains("STATISTICS_MEAN=3.2"))
    #expect(info.text.contains("Minimum=1.000, Maximum=6.000, Mean=3.200, StdDev=1.720"))
    #expect(info.text.contains("LAYOUT=COG"))
    #expect(!info.text.contains("aux.xml"))
  }

  /// A band with no valid cell has no statistics in the file, so `gdalinfo -stats` must compute
  /// them, fails (no valid pixel), says so, and (PAM on for this call) leaves a `.aux.xml`: the
  /// warnings channel and the sidecar check are live.
  @Test func gdalInfoReportsMissingStatistics() throws {
    var image = Fixtures.smallFloat
    image.bands[0].values = .float32([Float](repeating: -9999, count: 6))
    let data = try GeoIO.cloudOptimizedGeoTIFF(image)
    #expect(try GeoIO.describeRaster(data).bands[0].mean == nil)
    let info = try GeoIO.gdalInfo(data, statistics: true)
    #expect(info.warnings.contains { $0.contains("no valid pixels") })
    #expect(info.warnings.contains { $0.contains("aux.xml") })
  }

  /// The command-line gdalinfo (another process, PAM on by default) on the file on disk: shows
  /// the statistics and leaves no .aux.xml, because it found them in the file.
  @Test(.enabled(if: isInstalled("/usr/bin/gdalinfo")))
  func commandLineGDALInfoWritesNoSidecar() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat), "rsrp.tif")
    let result = try run("/usr/bin/gdalinfo", ["-stats", path])
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    #expect(result.standardOutput.contains("STATISTICS_STDDEV=1.72046505340"))
    #expect(!FileManager.default.fileExists(atPath: path + ".aux.xml"))
  }

  /// Int32 cells 10, 20, 30 valid (−1 nodata): mean 20, σ = √((100 + 0 + 100) / 3) = √(200 / 3).
  @Test func int32BandKeepsTypeAndStatistics() throws {
    let data = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallInt)
    let read = try GeoIO.describeRaster(data)
    let band = try #require(read.bands.first)
    #expect(band.dataType == "Int32")
    #expect(band.noData == -1)
    #expect(band.unit == "1")
    #expect(read.values[0] == [30, -1, 10, 20])  // north row first
    #expect(band.minimum == 10 && band.maximum == 30 && band.mean == 20)
    #expect(isClose(band.stdDev, (200.0 / 3).squareRoot()))
    #expect(read.imageStructure["PREDICTOR"] == "2")  // horizontal differencing for integers
    #expect(read.geoTransform == [600_000, 5, 0, 2_000_010, 0, -5])
  }

  /// 2000 × 2000 cells in 512 tiles: the COG driver halves until the overview fits one tile
  /// (GDAL docs, COG driver, OVERVIEW_COUNT): 1000 and 500, two overviews. Nearest resampling
  /// keeps each overview cell one of the image's cells: −80 or −100, never their mean −90.
  @Test func largeImageHasNearestOverviews() throws {
    let data = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.checkerboard)
    let read = try GeoIO.describeRaster(data)
    #expect(read.overviewCount == 2)
    #expect(read.value(band: 0, column: 0, rowFromNorth: 1999) == -9999)
    let overview = try GeoIO.describeRaster(data, overviewLevel: 0)
    #expect(overview.columns == 1000 && overview.rows == 1000)
    #expect(Set(overview.values[0]).isSubset(of: [-80, -100, -9999]))
    #expect(!overview.values[0].contains(-90))
    // 2000² = 4000000 cells, half with column + row even (−100), one of those nodata:
    // mean = (2000000 · (−80) + 1999999 · (−100)) / 3999999.
    let band = try #require(read.bands.first)
    #expect(isClose(band.mean, (2_000_000 * -80.0 + 1_999_999 * -100.0) / 3_999_999, tolerance: 1e-9))
  }

  @Test func equalInputGivesEqualBytesOnAnyThread() async throws {
    let first = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat)
    let copies = try await withThrowingTaskGroup(of: Data.self) { group in
      for _ in 0..<4 { group.addTask { try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat) } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(copies.allSatisfy { $0 == first })
    #expect(
      try GeoIO.cloudOptimizedGeoTIFF(Fixtures.checkerboard) == GeoIO.cloudOptimizedGeoTIFF(Fixtures.checkerboard))
  }

  @Test func rejectsMixedBandTypesAndWrongSizes() {
    var mixed = Fixtures.smallFloat
    mixed.bands.append(RasterBand(values: .int32([1, 2, 3, 4, 5, 6]), noData: 0, description: "server"))
    #expect(throws: GeoIOError.self) { try GeoIO.cloudOptimizedGeoTIFF(mixed) }
    var short = Fixtures.smallFloat
    short.bands[0].values = .float32([1, 2])
    #expect(throws: GeoIOError.self) { try GeoIO.cloudOptimizedGeoTIFF(short) }
    var unknownCRS = Fixtures.smallFloat
    unknownCRS.crs = CRS(epsg: 999_999)
    #expect(throws: GeoIOError.self) { try GeoIO.cloudOptimizedGeoTIFF(unknownCRS) }
  }

  /// Statistics of two bands in one image (the Swift computation is per band).
  @Test func twoBandsEachGetTheirStatistics() throws {
    var image = Fixtures.smallFloat
    // Second band: 0, 0, 0, 0, 0, 10 with nodata −1: mean 10/6, σ = √(Σ(x − m)² / 6)
    // = √((5 · (10/6)² + (50/6)²) / 6) = √(500/36) = √(125/9) ≈ 3.7267799625.
    image.bands.append(RasterBand(values: .float32([0, 0, 0, 0, 0, 10]), noData: -1, description: "second"))
    let read = try GeoIO.describeRaster(try GeoIO.cloudOptimizedGeoTIFF(image))
    #expect(read.bands.count == 2)
    #expect(read.bands[1].description == "second")
    #expect(read.bands[1].unit == "")
    #expect(isClose(read.bands[1].mean, 10.0 / 6))
    #expect(isClose(read.bands[1].stdDev, (125.0 / 9).squareRoot()))
    #expect(read.bands[0].mean == 3.2)
  }
}
