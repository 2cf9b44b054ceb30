import Foundation
import Geo
import Testing

@testable import GeoIO

/// How the COG is encoded — the temporary overview file in PACKBITS rather than GDAL's ZSTD,
/// tiles compressed on several threads — must not change a byte of it.
@Suite struct COGEncodingTests {
  /// 1111 × 777 cells (odd sizes: the overviews, 556 × 389 and 278 × 195, do not halve
  /// evenly, which is where GDAL's two overview paths pick different cells), a distinct value
  /// per cell (any other pick shows) and nodata in one corner.
  static func oddImage(bands: Int) -> RasterImage {
    let (columns, rows) = (1111, 777)
    let values = (0..<columns * rows).map { cell -> Float in
      cell % columns < 40 && cell / columns < 30 ? -9999 : Float(cell % 9973) / 16 - 300
    }
    return RasterImage(
      columns: columns, rows: rows, originX: 400_000, originY: 2_100_000, resolutionM: 10, crs: Fixtures.utm48N,
      bands: (0..<bands).map { band in
        RasterBand(
          values: .float32(band == 0 ? values : values.map { $0 == -9999 ? $0 : $0 + 7 }), noData: -9999,
          description: "band \(band)", unit: "dB")
      })
  }

  static var oddServers: RasterImage {
    let (columns, rows) = (1111, 777)
    return RasterImage(
      columns: columns, rows: rows, originX: 400_000, originY: 2_100_000, resolutionM: 10, crs: Fixtures.utm48N,
      bands: [
        RasterBand(
          values: .int32((0..<columns * rows).map { Int32($0 % 9973) - 1 }), noData: -1, description: "server")
      ])
  }

  static var images: [RasterImage] { [oddImage(bands: 1), oddImage(bands: 2), oddServers] }

  @Test func packBitsTemporaryFileWritesTheSameBytesAsGDALsOwn() throws {
    for image in Self.images {
      let ours = try GeoIO.cloudOptimizedGeoTIFF(image)
      #expect(try GeoIO.describeRaster(ours).overviewCount == 2)
      #expect(
        ours == (try GeoIO.cloudOptimizedGeoTIFF(image, temporaryCompression: nil)), "\(image.bands.count) band(s)")
    }
  }

  /// Why not NONE: GDAL 3.6 builds an uncompressed file's overviews by another path, whose
  /// nearest cells differ on these sizes — the check above would catch a choice that changed
  /// the file.
  @Test func uncompressedTemporaryFileWouldChangeTheOverviews() throws {
    let image = Self.oddImage(bands: 2)
    #expect(
      try GeoIO.cloudOptimizedGeoTIFF(image, temporaryCompression: "NONE")
        != GeoIO.cloudOptimizedGeoTIFF(image, temporaryCompression: nil))
  }

  @Test func compressionThreadsDoNotChangeTheBytes() throws {
    for image in Self.images {
      let single = try GeoIO.cloudOptimizedGeoTIFF(image, threads: 1)
      for threads in [2, 4] {
        #expect(try GeoIO.cloudOptimizedGeoTIFF(image, threads: threads) == single, "\(threads) threads")
      }
    }
  }

  /// The temporary file's compression is set for the calling thread only, and put back after.
  @Test func temporaryCompressionIsRestoredAfterTheCall() throws {
    _ = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat)
    #expect(GeoIO.threadConfiguration("COG_TMP_COMPRESSION") == nil)
    try GeoIO.withThreadConfiguration("COG_TMP_COMPRESSION", "LZW") {
      _ = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.smallFloat)
      #expect(GeoIO.threadConfiguration("COG_TMP_COMPRESSION") == "LZW")
    }
    #expect(GeoIO.threadConfiguration("COG_TMP_COMPRESSION") == nil)
  }
}
