import Foundation
import Geo
import GeoIO
import Testing

@Suite struct MosaicVRTTests {
  /// West: `Fixtures.smallFloat`, 3 × 2 cells of 10 m at (500000, 2300000), north 2300020.
  /// East: 3 × 2 cells at (500030, 2300010), north 2300030, values 11…16 (south row first).
  /// Mosaic: west 500000, east 500060 → 6 columns; south 2300000, north 2300030 → 3 rows.
  /// West's north row sits at mosaic row 1 (30 − 20 = 10 m below the top), column 0;
  /// east's north row at mosaic row 0, column 3 (30 m east).
  static let east = RasterImage(
    columns: 3, rows: 2, originX: 500_030, originY: 2_300_010, resolutionM: 10, crs: Fixtures.utm48N,
    bands: [
      RasterBand(
        values: .float32([11, 12, 13, 14, 15, 16]), noData: -9999, description: "RSRP best server", unit: "dBm")
    ])

  @Test func mosaicOpensThroughGDALWithSourcesPlaced() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    try FileManager.default.createDirectory(atPath: directory.path("tiles"), withIntermediateDirectories: true)
    _ = try directory.write(try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat), "tiles/west.tif")
    _ = try directory.write(try GeoIO.cloudOptimizedGeoTIFF(Self.east), "tiles/east.tif")
    let header = Self.headerOnly(Self.east)
    let xml = try GeoIO.mosaicVRT([("tiles/west.tif", Fixtures.smallFloat), ("tiles/east.tif", header)])
    let path = try directory.write(Data(xml.utf8), "mosaic.vrt")
    let read = try GeoIO.describeRaster(atPath: path)
    #expect(read.columns == 6 && read.rows == 3)
    #expect(read.geoTransform == [500_000, 10, 0, 2_300_030, 0, -10])
    #expect(read.epsg == 32648)
    #expect(read.bands[0].noData == -9999)
    #expect(read.bands[0].description == "RSRP best server")
    #expect(read.bands[0].unit == "dBm")
    #expect(read.bands[0].dataType == "Float32")
    let n = -9999.0
    #expect(
      read.values[0] == [
        n, n, n, 14, 15, 16,  // east's north row
        4, n, 6, 11, 12, 13,  // west's north row (its nodata stays), east's south row
        1, 2, 3, n, n, n,  // west's south row
      ])
    #expect(xml.contains("<SourceFilename relativeToVRT=\"1\">tiles/east.tif</SourceFilename>"))
    #expect(xml == (try GeoIO.mosaicVRT([("tiles/west.tif", Fixtures.smallFloat), ("tiles/east.tif", header)])))
  }

  @Test func rejectsSourcesOffTheGrid() {
    var shifted = Self.east
    shifted.originX += 5  // half a cell
    #expect(throws: GeoIOError.self) { try GeoIO.mosaicVRT([("a.tif", Fixtures.smallFloat), ("b.tif", shifted)]) }
    var coarser = Self.east
    coarser.resolutionM = 20
    #expect(throws: GeoIOError.self) { try GeoIO.mosaicVRT([("a.tif", Fixtures.smallFloat), ("b.tif", coarser)]) }
    var otherCRS = Self.east
    otherCRS.crs = CRS(epsg: 32647)
    #expect(throws: GeoIOError.self) { try GeoIO.mosaicVRT([("a.tif", Fixtures.smallFloat), ("b.tif", otherCRS)]) }
    #expect(throws: GeoIOError.self) {
      try GeoIO.mosaicVRT([("a.tif", Fixtures.smallFloat), ("b.tif", Fixtures.smallInt)])
    }
  }

  /// The image with its values dropped, as a caller that has written the tiles passes it.
  static func headerOnly(_ image: RasterImage) -> RasterImage {
    var header = image
    for index in header.bands.indices { header.bands[index].values = .float32([]) }
    return header
  }
}
