import Foundation
import Geo
import GeoIO
import TestSupport
import Testing

@testable import Scenario

/// Parcels and outlines from vector files GDAL reads (#20): GeoPackage layers in any CRS the
/// file declares, `layer:` and `fields:`, and errors that name the file and the feature.
@Suite struct VectorInputTests {
  /// The fixture's 100 m × 200 m rectangle in UTM 48N (as in `ScenarioLoaderTests`), under
  /// field names of a zone board's export.
  static let rectangle = try! Polygon(
    exterior: LinearRing(
      [(685000, 2306000), (685100, 2306000), (685100, 2306200), (685000, 2306200), (685000, 2306000)].map {
        Coordinate(x: $0.0, y: $0.1)
      }))

  static func parcelsLayer(
    _ name: String = "lots", crs: CRS = CRS(epsg: 32648), geometry: Geometry? = nil, id: String = "M1"
  ) -> VectorLayer {
    VectorLayer(
      name: name, geometryKind: geometry == nil ? .multiPolygon : .point, crs: crs,
      fields: [
        VectorField(name: "ma_lo", type: .text), VectorField(name: "muc_dich", type: .text),
        VectorField(name: "loai_nha", type: .text), VectorField(name: "lao_dong", type: .integer),
      ],
      features: [
        VectorFeature(
          geometry: geometry ?? .multiPolygon(MultiPolygon([rectangle])),
          values: [.text(id), .text("factory"), .text("metal-clad"), .integer(250)])
      ])
  }

  static let fields = "fields: { id: ma_lo, land_use: muc_dich, building_class: loai_nha, workers: lao_dong }"

  /// A fixture whose parcels come from `parcels.gpkg` holding `layers`, referenced as `reference`.
  func fixture(_ layers: [VectorLayer], reference: String) throws -> ScenarioFixture {
    let scenario = ScenarioFixture.validScenario.replacingOccurrences(
      of: "parcels: parcels.geojson", with: "parcels: \(reference)")
    let fixture = try ScenarioFixture(scenario: scenario)
    try GeoIO.geoPackage(layers, styles: []).write(to: fixture.directory.appendingPathComponent("parcels.gpkg"))
    return fixture
  }

  /// The load's error text, failing the test when it loads.
  func failure(_ fixture: ScenarioFixture) -> String {
    do {
      _ = try ScenarioLoader.load(path: fixture.scenarioPath)
      Issue.record("loaded: expected an error")
      return ""
    } catch {
      return "\(error)"
    }
  }

  /// Read in the CRS the GeoPackage declares (no `crs` in the scenario), with the fields
  /// mapped: exactly 2 ha after the round trip through WGS 84, as the GeoJSON in UTM gives.
  @Test func aGeoPackageLayerIsReadInItsOwnCRSWithMappedFields() throws {
    let fixture = try fixture(
      [Self.parcelsLayer()], reference: "{ file: parcels.gpkg, \(Self.fields) }")
    let model = try ScenarioLoader.load(path: fixture.scenarioPath)
    let parcel = try #require(model.parcels.first)
    #expect(model.parcels.count == 1)
    #expect(parcel.id == "M1" && parcel.landUse == .factory && parcel.workers == 250)
    #expect(abs(parcel.areaM2 - 20_000) < 0.01)
  }

  /// A GeoPackage in WGS 84 (lon, lat, as GDAL hands them over whatever the EPSG axis order):
  /// the fixture's own 0.01° × 0.01° parcel P1 (106.75–106.76 E, 20.83–20.84 N) gives the
  /// area the GeoJSON fixture gives, to 1 m².
  @Test func aGeoPackageInWGS84KeepsLonLatOrder() throws {
    let square = try Polygon(
      exterior: LinearRing(
        [(106.75, 20.83), (106.76, 20.83), (106.76, 20.84), (106.75, 20.84), (106.75, 20.83)].map {
          Coordinate(lon: $0.0, lat: $0.1)
        }))
    var layer = Self.parcelsLayer(crs: .wgs84, id: "P1")
    layer.features[0].geometry = .multiPolygon(MultiPolygon([square]))
    let fixture = try fixture([layer], reference: "{ file: parcels.gpkg, \(Self.fields) }")
    let fromPackage = try ScenarioLoader.load(path: fixture.scenarioPath)
    let fromGeoJSON = try ScenarioLoader.load(path: try ScenarioFixture().scenarioPath)
    let expected = try #require(fromGeoJSON.parcels.first { $0.id == "P1" })
    #expect(abs(fromPackage.parcels[0].areaM2 - expected.areaM2) < 1)
  }

  /// Structures as points of a GeoPackage layer in WGS 84, attributes under a tower company's
  /// names (mapped by `fields:`): the fixture's T1 and R1 at exactly the positions and values
  /// of its CSV. A polygon where a point belongs, and a height the CSV reader refuses, are
  /// reported on their features.
  @Test func structuresComeFromPointLayers() throws {
    func layer(_ extra: [VectorFeature] = []) -> VectorLayer {
      VectorLayer(
        name: "towers", geometryKind: .point, crs: .wgs84,
        fields: [
          VectorField(name: "ma_tram", type: .text), VectorField(name: "loai", type: .text),
          VectorField(name: "cao", type: .real), VectorField(name: "chu", type: .text),
          VectorField(name: "trong", type: .integer), VectorField(name: "thue", type: .real),
        ],
        features: [
          VectorFeature(
            geometry: .point(Coordinate(lon: 106.755, lat: 20.835)),
            values: [.text("T1"), .text("tower"), .real(40), .text("towerco"), .integer(2), .real(15_000_000)]),
          VectorFeature(
            geometry: .point(Coordinate(lon: 106.757, lat: 20.836)),
            values: [.text("R1"), .text("rooftop"), .real(18), .text("deep-c"), .integer(1), .null]),
        ] + extra)
    }
    let reference =
      "{ file: towers.gpkg, fields: { id: ma_tram, kind: loai, height_m: cao, owner: chu, free_slots: trong, rent_vnd_month: thue } }"
    func fixture(_ layer: VectorLayer) throws -> ScenarioFixture {
      let fixture = try ScenarioFixture(
        scenario: ScenarioFixture.validScenario.replacingOccurrences(
          of: "structures: structures.csv", with: "structures: \(reference)"))
      try GeoIO.geoPackage([layer], styles: []).write(to: fixture.directory.appendingPathComponent("towers.gpkg"))
      return fixture
    }
    let fromPoints = try ScenarioLoader.load(path: try fixture(layer()).scenarioPath)
    let fromCSV = try ScenarioLoader.load(path: try ScenarioFixture().scenarioPath)
    #expect(fromPoints.structures == fromCSV.structures)
    let bad = layer([
      VectorFeature(
        geometry: .point(Coordinate(lon: 106.758, lat: 20.836)),
        values: [.text("P9"), .text("pole"), .real(500), .text("towerco"), .integer(1), .null])
    ])
    let text = failure(try fixture(bad))
    #expect(text.contains("towers.gpkg: feature index 2 (id 'P9'): column 'height_m'"), "\(text)")
  }

  /// Several layers: `layer` picks one; without it, or naming another, the error lists them.
  @Test func aLayerIsChosenByName() throws {
    let layers = [Self.parcelsLayer("lots", id: "L1"), Self.parcelsLayer("roads", id: "R1")]
    let chosen = try fixture(layers, reference: "{ file: parcels.gpkg, layer: roads, \(Self.fields) }")
    #expect(try ScenarioLoader.load(path: chosen.scenarioPath).parcels.map(\.id) == ["R1"])
    let unnamed = failure(try fixture(layers, reference: "{ file: parcels.gpkg, \(Self.fields) }"))
    #expect(unnamed.contains("parcels.gpkg") && unnamed.contains("2 layers ('lots', 'roads')"), "\(unnamed)")
    let wrong = failure(try fixture(layers, reference: "{ file: parcels.gpkg, layer: lot, \(Self.fields) }"))
    #expect(wrong.contains("parcels.gpkg") && wrong.contains("no layer 'lot': expected one of 'lots', 'roads'"))
  }

  /// Bad input names the file and, where it is one feature's fault, the feature.
  @Test func badVectorInputNamesTheFileAndFeature() throws {
    let point = Geometry.point(Coordinate(x: 685000, y: 2306000))
    let cases: [(layers: [VectorLayer], reference: String, expected: String)] = [
      // A point where a parcel polygon is expected: feature 0, by its mapped id.
      ([Self.parcelsLayer(geometry: point)], "{ file: parcels.gpkg, \(Self.fields) }", "geometry: expected a Polygon"),
      // The scenario's CRS for the file contradicts the file's own.
      (
        [Self.parcelsLayer()], "{ file: parcels.gpkg, crs: EPSG:9210, \(Self.fields) }",
        "the file's CRS is EPSG:32648, but the scenario reads this file in EPSG:9210"
      ),
      // A mapping to a field the file does not have.
      (
        [Self.parcelsLayer()], "{ file: parcels.gpkg, fields: { id: ma_lo, land_use: loai_dat } }",
        "no feature has the field 'loai_dat' that 'fields' maps to 'land_use'"
      ),
      // Without the mapping, Cosite's names are missing: feature 0 says which.
      ([Self.parcelsLayer()], "parcels.gpkg", "property 'id' is missing"),
    ]
    for entry in cases {
      let text = failure(try fixture(entry.layers, reference: entry.reference))
      #expect(text.contains("parcels.gpkg") && text.contains(entry.expected), "\(entry.expected): \(text)")
    }
    let pointText = failure(
      try fixture([Self.parcelsLayer(geometry: point)], reference: "{ file: parcels.gpkg, \(Self.fields) }"))
    #expect(pointText.contains("feature index 0"), "\(pointText)")
  }

  /// Bytes that are no vector file, and a file that is not there.
  @Test func unreadableOrMissingFilesAreNamed() throws {
    let fixture = try fixture([Self.parcelsLayer()], reference: "{ file: parcels.gpkg, \(Self.fields) }")
    try Data("not a GeoPackage".utf8).write(to: fixture.directory.appendingPathComponent("parcels.gpkg"))
    let garbage = failure(fixture)
    #expect(garbage.contains("parcels.gpkg") && garbage.contains("GDAL could not open"), "\(garbage)")
    try FileManager.default.removeItem(at: fixture.directory.appendingPathComponent("parcels.gpkg"))
    let missing = failure(fixture)
    #expect(missing.contains("scenario.yaml") && missing.contains("file not found"), "\(missing)")
  }

  /// A Shapefile whose `.prj` is missing is read as WGS 84 (as GDAL and QGIS would): the
  /// bundled sample's VN-2000 metres are then out of the lon/lat range, which the error says,
  /// naming the file and the feature.
  @Test func aShapefileWithoutItsPrjIsCaught() throws {
    let scenario = ScenarioFixture.validScenario.replacingOccurrences(
      of: "parcels: parcels.geojson",
      with: "parcels: { file: nam-dinh-vu.shp, fields: { building_class: building_c } }")
    let fixture = try ScenarioFixture(scenario: scenario)
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../geodata/own-data").standardizedFileURL
    for suffix in ["shp", "shx", "dbf", "cpg"] {
      try FileManager.default.copyItem(
        at: source.appendingPathComponent("nam-dinh-vu.\(suffix)"),
        to: fixture.directory.appendingPathComponent("nam-dinh-vu.\(suffix)"))
    }
    let text = failure(fixture)
    #expect(text.contains("nam-dinh-vu.shp") && text.contains("feature index 0"), "\(text)")
    #expect(text.contains("outside lon −180…180"), "\(text)")
  }
}
