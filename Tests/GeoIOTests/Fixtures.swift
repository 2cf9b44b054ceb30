import Foundation
import Geo
import GeoIO

/// Images and layers whose values are worked out by hand in the tests that use them.
enum Fixtures {
  static let utm48N = CRS(epsg: 32648)

  /// 3 × 2 Float32 cells of 10 m at (500000, 2300000) in UTM 48N. Values row 0 = south:
  ///
  ///     north row:  4   nodata   6
  ///     south row:  1     2      3
  static let smallFloat = RasterImage(
    columns: 3, rows: 2, originX: 500_000, originY: 2_300_000, resolutionM: 10, crs: utm48N,
    bands: [
      RasterBand(
        values: .float32([1, 2, 3, 4, -9999, 6]), noData: -9999, description: "RSRP best server", unit: "dBm")
    ],
    metadata: [(key: "COSITE_SCENARIO", value: "Hai Phong & <test>"), (key: "COSITE_LAYER", value: "lte1800")])

  /// 2 × 2 Int32 cells: south row 10, 20; north row 30, nodata (−1).
  static let smallInt = RasterImage(
    columns: 2, rows: 2, originX: 600_000, originY: 2_000_000, resolutionM: 5, crs: utm48N,
    bands: [RasterBand(values: .int32([10, 20, 30, -1]), noData: -1, description: "best server", unit: "1")])

  /// 2000 × 2000 cells alternating −80 and −100 dBm like a checkerboard (−100 where column + row
  /// is even), the corner cell (column 0, row 0) nodata.
  static var checkerboard: RasterImage {
    let size = 2000
    var values = [Float](repeating: 0, count: size * size)
    for row in 0..<size {
      for column in 0..<size { values[row * size + column] = (row + column) % 2 == 0 ? -100 : -80 }
    }
    values[0] = -9999
    return RasterImage(
      columns: size, rows: size, originX: 400_000, originY: 2_100_000, resolutionM: 10, crs: utm48N,
      bands: [RasterBand(values: .float32(values), noData: -9999, description: "RSRP", unit: "dBm")])
  }

  static func square(_ minX: Double, _ minY: Double, _ size: Double) throws -> LinearRing {
    // Counter-clockwise, as RFC 7946 exteriors.
    try LinearRing([
      Coordinate(x: minX, y: minY), Coordinate(x: minX + size, y: minY), Coordinate(x: minX + size, y: minY + size),
      Coordinate(x: minX, y: minY + size), Coordinate(x: minX, y: minY),
    ])
  }

  /// Two point sites and two coverage areas in WGS 84, and three styles.
  static func layers() throws -> (layers: [VectorLayer], styles: [LayerStyle]) {
    let sites = VectorLayer(
      name: "sites", geometryKind: .point, crs: .wgs84,
      fields: [
        VectorField(name: "id", type: .text), VectorField(name: "height_m", type: .real),
        VectorField(name: "sectors", type: .integer),
      ],
      features: [
        VectorFeature(
          geometry: .point(Coordinate(lon: 106.75, lat: 20.83)), values: [.text("S1"), .real(38.5), .integer(3)]),
        VectorFeature(
          geometry: .point(Coordinate(lon: 106.76, lat: 20.84)), values: [.text("S'2"), .null, .integer(1)]),
      ])
    let hole = try LinearRing(square(106.752, 20.832, 0.002).coordinates.reversed())
    let coverage = VectorLayer(
      name: "coverage", geometryKind: .multiPolygon, crs: .wgs84,
      fields: [VectorField(name: "class", type: .text), VectorField(name: "share", type: .real)],
      features: [
        VectorFeature(
          geometry: .polygon(Polygon(exterior: try square(106.75, 20.83, 0.01))), values: [.text("good"), .real(0.25)]),
        VectorFeature(
          geometry: .multiPolygon(
            MultiPolygon([
              Polygon(exterior: try square(106.75, 20.83, 0.005), holes: [hole]),
              Polygon(exterior: try square(106.77, 20.83, 0.001)),
            ])), values: [.text("fair"), .real(0.5)]),
      ])
    let styles = [
      LayerStyle(
        layerName: "coverage", styleName: "RSRP classes", qml: "<qgis version='3.28'><renderer-v2/></qgis>",
        sld: "<StyledLayerDescriptor/>", description: "default", useAsDefault: true),
      LayerStyle(
        layerName: "coverage", styleName: "outline", qml: "<qgis/>", sld: "", description: "", useAsDefault: false),
      LayerStyle(layerName: "sites", styleName: "sites", qml: "<qgis/>", sld: "", description: "", useAsDefault: true),
    ]
    return ([sites, coverage], styles)
  }

  /// A KML 2.2 document with two placemarks.
  static let kml = """
    <?xml version="1.0" encoding="UTF-8"?>
    <kml xmlns="http://www.opengis.net/kml/2.2">
    <Document><name>coverage</name>
    <Placemark><name>S1</name><Point><coordinates>106.75,20.83</coordinates></Point></Placemark>
    <Placemark><name>S2</name><Point><coordinates>106.76,20.84</coordinates></Point></Placemark>
    </Document></kml>
    """
}
