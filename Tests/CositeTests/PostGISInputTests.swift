import Foundation
import Testing

/// Scenario inputs from PostGIS tables (#20): parcels, outlines and structures as GDAL
/// layers of a `PG:` source, sites as table rows (Cosite's columns, or an operator's through
/// a mapping). The tables are loaded by `ogr2ogr` from the bundled own-data samples.
@Suite(.serialized) struct PostGISInputTests {
  static let enabled = PostGISServer.binaries != nil && MapFilesTests.ogr2ogr != nil

  /// Dinh Vu's parcels and outlines (VN-2000, from the GeoPackage and Shapefiles), its free
  /// structures (points) and its operators' cell export (semicolons, DMS, read through its
  /// mapping) loaded into PostGIS: the scenario reading them there gives the native
  /// scenario's per-parcel figures to the byte (as the own-data files do, OwnDataTests).
  @Test(.enabled(if: enabled, "\(PostGISServer.skipReason), or ogr2ogr (gdal-bin) is missing"))
  func dinhVuFromPostGISGivesTheNativeFigures() throws {
    let server = try PostGISServer()
    defer { server.stop() }
    try server.psql("CREATE SCHEMA zoneboard; CREATE SCHEMA carrier")
    let own = "geodata/own-data/"
    for (source, options) in [
      ("dinh-vu-vn2000.gpkg", ["-lco", "SCHEMA=zoneboard"]),
      ("nam-dinh-vu.shp", ["-nln", "zoneboard.nam-dinh-vu"]),
      ("nam-dinh-vu-outline.shp", ["-nln", "zoneboard.nam-dinh-vu-outline", "-nlt", "PROMOTE_TO_MULTI"]),
      (
        "dinh-vu-free-structures.csv",
        [
          "-nln", "carrier.structures", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-a_srs",
          "EPSG:4326",
        ]
      ),
    ] {
      try Self.ogr2ogr(["-f", "PostgreSQL", "PG:\(server.dsn)", own + source, "-lco", "LAUNDER=NO"] + options)
    }
    // The cell export as the operator's table: text columns, rows in the file's order (its
    // DMS values hold '"' mid-field, which GDAL's CSV reader takes for a quote: COPY with a
    // quote character the file never uses reads them as they are).
    let export = CLI.repositoryRoot.appendingPathComponent(own + "dinh-vu-cells-export.csv")
    let header = try #require(try String(contentsOf: export, encoding: .utf8).split(whereSeparator: \.isNewline).first)
    let columns = header.split(separator: ";").map { "\"\($0)\" text" }.joined(separator: ", ")
    try server.psql("CREATE TABLE carrier.cells (row_id serial PRIMARY KEY, \(columns))")
    try server.psql(
      "\\copy carrier.cells (\(header.split(separator: ";").map { "\"\($0)\"" }.joined(separator: ","))) FROM '\(export.path)' WITH (FORMAT csv, DELIMITER ';', QUOTE E'\\x01', HEADER)"
    )
    let scenario = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu-own-data.yaml"),
      encoding: .utf8)
    let pg = "\"PG:\(server.dsn)\""
    var text = scenario.replacingOccurrences(
      of: "file: ../geodata/own-data/dinh-vu-vn2000.gpkg, layer: ", with: "file: \(pg), layer: zoneboard.")
    text = text.replacingOccurrences(
      of: "      file: ../geodata/own-data/dinh-vu-vn2000.gpkg\n      layer: ",
      with: "      file: \(pg)\n      layer: zoneboard.")
    text = text.replacingOccurrences(
      of: "outline: ../geodata/own-data/nam-dinh-vu-outline.shp",
      with: "outline: { file: \(pg), layer: zoneboard.nam-dinh-vu-outline }")
    text = text.replacingOccurrences(
      of: "file: ../geodata/own-data/nam-dinh-vu.shp,", with: "file: \(pg), layer: zoneboard.nam-dinh-vu,")
    text = text.replacingOccurrences(
      of: "structures: ../geodata/own-data/dinh-vu-free-structures.csv",
      with: "structures: { file: \(pg), layer: carrier.structures }")
    text = text.replacingOccurrences(
      of: "sites: { file: ../geodata/own-data/dinh-vu-cells-export.csv,",
      with: "sites: { file: \(pg), layer: carrier.cells,")
    #expect(
      !text.contains("own-data/dinh-vu-vn2000") && !text.contains(".shp") && !text.contains("export.csv")
        && !text.contains("free-structures.csv"))
    let path = try Self.writeScenario(text)
    defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }

    let fromDatabase = try PostGISTests.cosite(["run", path.path])
    let native = try PostGISTests.cosite(["run", "scenarios/hai-phong-dinh-vu.yaml"])
    defer { for directory in [fromDatabase, native] { try? FileManager.default.removeItem(at: directory) } }
    let a = try Data(contentsOf: fromDatabase.appendingPathComponent("parcel-coverage.csv"))
    let b = try Data(contentsOf: native.appendingPathComponent("parcel-coverage.csv"))
    #expect(a == b, "parcel-coverage.csv differs")
    #expect(a.count > 10_000)

    // Rows are named by record, not by line: with a two-line value in an unmapped column of
    // row 2, a bad azimuth on row 5 is still named row 5.
    try server.psql(
      "ALTER TABLE carrier.cells ADD COLUMN note text; UPDATE carrier.cells SET note = E'two\\nlines' WHERE row_id = 2; UPDATE carrier.cells SET \"PHUONG_VI\" = 'north' WHERE row_id = 5"
    )
    let bad = try CLI.run(["validate", path.path])
    #expect(bad.status == 1)
    #expect(bad.standardError.contains("row 5: column 'PHUONG_VI'"), "\(bad.standardError)")
    #expect(!bad.standardError.contains("row 6"), "\(bad.standardError)")
  }

  /// A sites table in Cosite's own columns (loaded from the native sites CSV), and a bad row
  /// in it: `validate` names the table and the row (rows in the primary key's order: the
  /// file's, for a table ogr2ogr loaded), and a missing `layer` is named on the scenario line.
  @Test(.enabled(if: enabled, "\(PostGISServer.skipReason), or ogr2ogr (gdal-bin) is missing"))
  func aSitesTableIsReadAndItsBadRowNamed() throws {
    let server = try PostGISServer()
    defer { server.stop() }
    try Self.ogr2ogr([
      "-f", "PostgreSQL", "PG:\(server.dsn)", "geodata/hai-phong/deep-c-1-sites.csv", "-nln", "sites", "-lco",
      "LAUNDER=NO",
    ])
    let scenario = try String(
      contentsOf: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml"), encoding: .utf8)
    let pg = "\"PG:\(server.dsn)\""
    let text = scenario.replacingOccurrences(
      of: "  - ../geodata/hai-phong/deep-c-1-sites.csv\n", with: "  - { file: \(pg), layer: sites }\n")
    #expect(text != scenario)
    let path = try Self.writeScenario(text)
    defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
    let good = try CLI.run(["validate", path.path])
    let native = try CLI.run(["validate", "scenarios/hai-phong-dinh-vu.yaml"])
    #expect(good.status == 0, "\(good.standardError)")
    // The same counts of structures, sites and sectors as from the CSV.
    let counts = { (output: String) in output.split(separator: "\n").filter { $0.contains("sector") } }
    #expect(!counts(native.standardOutput).isEmpty)
    #expect(counts(good.standardOutput) == counts(native.standardOutput))

    // Row 3 of the table is line 4 of the CSV: its azimuth made text.
    try server.psql("UPDATE sites SET azimuth_deg = 'north' WHERE ogc_fid = 3")
    let bad = try CLI.run(["validate", path.path])
    #expect(bad.status == 1)
    #expect(
      bad.standardError.contains(
        "PostGIS table 'sites' (host=\(server.directory.path) user=cosite dbname=postgres): row 3: column 'azimuth_deg'"
      ),
      "\(bad.standardError)")

    _ = try Self.writeScenario(text.replacingOccurrences(of: ", layer: sites }", with: " }"), at: path)
    let noLayer = try CLI.run(["validate", path.path])
    #expect(noLayer.status == 1)
    #expect(noLayer.standardError.contains("a PostGIS source needs 'layer'"), "\(noLayer.standardError)")
  }

  /// Writes `text` as a scenario in a directory of its own (not under scenarios/, which
  /// GeodataGeneratorTests lists while tests run in parallel), its `../geodata/` paths made
  /// absolute; returns the file.
  static func writeScenario(_ text: String, at existing: URL? = nil) throws -> URL {
    let directory = existing?.deletingLastPathComponent() ?? CLI.temporaryDirectory()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("scenario.yaml")
    let geodata = CLI.repositoryRoot.appendingPathComponent("geodata").path + "/"
    try text.replacingOccurrences(of: "../geodata/", with: geodata).write(to: path, atomically: true, encoding: .utf8)
    return path
  }

  static func ogr2ogr(_ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(MapFilesTests.ogr2ogr))
    process.arguments = arguments
    process.currentDirectoryURL = CLI.repositoryRoot
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw PostGISServer.ServerError("ogr2ogr \(arguments): \(text)") }
  }
}
