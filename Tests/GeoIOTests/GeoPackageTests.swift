import Foundation
import Geo
import GeoIO
import Testing

@Suite struct GeoPackageTests {
  @Test func layersReadBackWithFieldsValuesAndCRS() throws {
    let (layers, styles) = try Fixtures.layers()
    let read = try GeoIO.readVector(try GeoIO.geoPackage(layers, styles: styles), kind: .geoPackage)
    #expect(read.map(\.name) == ["sites", "coverage", "layer_styles"])
    let sites = try #require(read.first { $0.name == "sites" })
    #expect(sites.featureCount == 2)
    #expect(sites.fieldNames == ["id", "height_m", "sectors"])
    #expect(sites.geometryType == "Point")
    #expect(sites.epsg == 4326)
    #expect(sites.features == [["id": "S1", "height_m": "38.5", "sectors": "3"], ["id": "S'2", "sectors": "1"]])
    // lon, lat order (traditional GIS order), as given.
    #expect(sites.geometries == ["POINT (106.75 20.83)", "POINT (106.76 20.84)"])
    let coverage = try #require(read.first { $0.name == "coverage" })
    #expect(coverage.geometryType == "Multi Polygon")
    #expect(coverage.epsg == 4326)
    #expect(coverage.features == [["class": "good", "share": "0.25"], ["class": "fair", "share": "0.5"]])
    // The polygon is promoted to a one-part multipolygon; ring orientation is kept
    // (exterior counter-clockwise, hole clockwise, as given).
    #expect(
      coverage.geometries[0]
        == "MULTIPOLYGON (((106.75 20.83,106.76 20.83,106.76 20.84,106.75 20.84,106.75 20.83)))")
    #expect(
      coverage.geometries[1].hasPrefix(
        "MULTIPOLYGON (((106.75 20.83,106.755 20.83,106.755 20.835,106.75 20.835,106.75 20.83),"
          + "(106.752 20.832,106.752 20.834,106.754 20.834,106.754 20.832,106.752 20.832)),"))
    let styleTable = try #require(read.first { $0.name == "layer_styles" })
    #expect(styleTable.featureCount == 3)
    #expect(styleTable.geometryType == "None")
  }

  @Test func stylesAreInQGISLayerStylesTable() throws {
    let (layers, styles) = try Fixtures.layers()
    let data = try GeoIO.geoPackage(layers, styles: styles)
    let rows = try GeoIO.sqlRows(
      data, kind: .geoPackage,
      sql: "SELECT id, f_table_name, f_geometry_column, styleName, useAsDefault, styleQML, update_time "
        + "FROM layer_styles ORDER BY id")
    #expect(rows.map { $0["f_table_name"] } == ["coverage", "coverage", "sites"])
    #expect(rows.map { $0["styleName"] } == ["RSRP classes", "outline", "sites"])
    #expect(rows.map { $0["useAsDefault"] } == ["1", "0", "1"])
    #expect(rows.map { $0["f_geometry_column"] } == ["geom", "geom", "geom"])
    #expect(rows.map { $0["id"] } == ["1", "2", "3"])
    #expect(rows[0]["styleQML"] == "<qgis version='3.28'><renderer-v2/></qgis>")
    // GDAL shows a DATETIME column in its own text form: 2000-01-01T00:00:00.000Z.
    #expect(rows[0]["update_time"] == "2000/01/01 00:00:00+00")
    // QGIS's column set, in its order.
    let columns = try GeoIO.sqlRows(data, kind: .geoPackage, sql: "PRAGMA table_info(layer_styles)")
    #expect(
      columns.map { $0["name"] } == [
        "id", "f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
        "styleSLD", "useAsDefault", "description", "owner", "ui", "update_time",
      ])
  }

  /// No clock time anywhere: every `gpkg_contents.last_change` is the fixed OGR_CURRENT_DATE.
  @Test func contentsCarryTheFixedDateAndSpatialIndexes() throws {
    let (layers, styles) = try Fixtures.layers()
    let data = try GeoIO.geoPackage(layers, styles: styles)
    let contents = try GeoIO.sqlRows(
      data, kind: .geoPackage, sql: "SELECT table_name, data_type, last_change FROM gpkg_contents ORDER BY table_name")
    #expect(contents.map { $0["table_name"] } == ["coverage", "layer_styles", "sites"])
    #expect(contents.map { $0["data_type"] } == ["features", "attributes", "features"])
    #expect(contents.allSatisfy { $0["last_change"] == "2000/01/01 00:00:00+00" })
    // One R-tree row per feature (GeoPackage spatial index extension, rtree_<table>_<column>).
    let sitesIndex = try GeoIO.sqlRows(data, kind: .geoPackage, sql: "SELECT COUNT(*) AS n FROM rtree_sites_geom")
    #expect(sitesIndex == [["n": "2"]])
    let coverageIndex = try GeoIO.sqlRows(
      data, kind: .geoPackage, sql: "SELECT COUNT(*) AS n FROM rtree_coverage_geom")
    #expect(coverageIndex == [["n": "2"]])
  }

  @Test func equalInputGivesEqualBytesOnAnyThread() async throws {
    let first = try Self.write()
    // Other GDAL work in between changes GDAL's and the allocator's state.
    _ = try GeoIO.cloudOptimizedGeoTIFF(Fixtures.checkerboard)
    let copies = try await withThrowingTaskGroup(of: Data.self) { group in
      for _ in 0..<3 { group.addTask { try Self.write() } }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    #expect(copies.allSatisfy { $0 == first })
  }

  /// SQLite's own checks on the file: page structure and foreign keys.
  @Test(.enabled(if: isInstalled("/usr/bin/sqlite3")))
  func sqliteFindsTheFileIntact() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(try Self.write(), "layers.gpkg")
    let integrity = try run("/usr/bin/sqlite3", [path, "PRAGMA integrity_check; PRAGMA foreign_key_check;"])
    #expect(integrity.standardOutput == "ok\n")
    #expect(integrity.standardError.isEmpty)
    // GeoPackage 1.2+ application id 'GPKG' (OGC 12-128r18 §1.1.1.1.1).
    let applicationID = try run("/usr/bin/sqlite3", [path, "PRAGMA application_id;"])
    #expect(applicationID.standardOutput == "\(0x4750_4B47)\n")
  }

  /// The command-line ogrinfo (another process) lists the three tables without a warning,
  /// with GDAL's optional GeoPackage integrity check on.
  @Test(.enabled(if: isInstalled("/usr/bin/ogrinfo")))
  func ogrinfoListsTheTablesWithoutWarnings() throws {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let path = try directory.write(try Self.write(), "layers.gpkg")
    let result = try run(
      "/usr/bin/ogrinfo",
      ["--config", "OGR_GPKG_INTEGRITY_CHECK", "YES", "--config", "OGR_GPKG_FOREIGN_KEY_CHECK", "YES", "-ro", path])
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    #expect(result.standardOutput.contains("1: sites (Point)"))
    #expect(result.standardOutput.contains("2: coverage (Multi Polygon)"))
    #expect(result.standardOutput.contains("3: layer_styles (None)"))
  }

  @Test func rejectsMismatchedValuesAndGeometries() throws {
    let (layers, styles) = try Fixtures.layers()
    var wrongValue = layers
    wrongValue[0].features[0].values[1] = .text("tall")
    #expect(throws: GeoIOError.self) { try GeoIO.geoPackage(wrongValue, styles: []) }
    var wrongGeometry = layers
    wrongGeometry[0].features[0].geometry = layers[1].features[0].geometry
    #expect(throws: GeoIOError.self) { try GeoIO.geoPackage(wrongGeometry, styles: []) }
    #expect(throws: GeoIOError.self) { try GeoIO.geoPackage([layers[0], layers[0]], styles: []) }
    #expect(throws: GeoIOError.self) { try GeoIO.geoPackage([layers[0]], styles: styles) }  // style for "coverage"
  }

  static func write() throws -> Data {
    let (layers, styles) = try Fixtures.layers()
    return try GeoIO.geoPackage(layers, styles: styles)
  }
}
