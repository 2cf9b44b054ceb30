import Foundation
import GeoIO

/// Where each file of an output set goes in the database (`docs/POSTGIS.md`): tables by the
/// file's kind, shared by every run (`run_id`) and file (`file`, e.g. one carrier's layer or
/// one sharing option), so a board queries one table across runs, carriers and options.
enum ResultTables {
  /// How a file is stored.
  enum Kind: String {
    /// A CSV: one row per record, one column per header field.
    case table
    /// A GeoJSON FeatureCollection: one row per feature, one column per property, `geom`.
    case features
    /// A JSON or Markdown file, stored whole in `documents`.
    case document
  }

  /// The table of `file` (a name in the output set's top directory) and how it is stored;
  /// nil for files the database does not hold (rasters, GeoPackage, KMZ, HTML) and for files
  /// it knows no table for (the caller refuses those: nothing is dropped silently). A
  /// compare's per-option files (`passive-recommendations.csv`, and those of the scenario's
  /// own options, `cheap-rent-newly-covered-viettel.geojson`) go with their kind.
  static func destination(of file: String) -> (table: String, kind: Kind)? {
    let url = URL(fileURLWithPath: file)
    let stem = url.deletingPathExtension().lastPathComponent
    func named(_ base: String) -> Bool { stem == base || stem.hasSuffix("-" + base) }
    func family(_ prefix: String, optionPrefixed: Bool = false) -> Bool {
      stem.hasPrefix(prefix) || (optionPrefixed && stem.contains("-" + prefix))
    }
    switch url.pathExtension {
    case "csv":
      if stem == "parcel-coverage" { return ("parcel_figures", .table) }
      if stem == "indoor-nodes" { return ("indoor_nodes", .table) }
      if stem == "sectors" { return ("sector_loads", .table) }
      if stem == "comparison" { return ("comparison", .table) }
      if named("recommendations") { return ("recommendations", .table) }
      if family("distributions-") { return ("distributions", .table) }
      return nil
    case "geojson":
      if ["zones", "parcels", "structures", "sites"].contains(stem) { return (stem, .features) }
      if named("recommended-stations") { return ("recommended_stations", .features) }
      if named("recommended-indoor-systems") { return ("recommended_indoor_systems", .features) }
      if named("indoor-coverage") { return ("indoor_coverage", .features) }
      if named("indoor-node-positions") { return ("indoor_node_positions", .features) }
      if family("newly-covered-", optionPrefixed: true) { return ("newly_covered", .features) }
      if family("coverage-") { return ("coverage_bands", .features) }
      if family("best-server-") { return ("best_server_areas", .features) }
      if family("gaps-") { return ("gaps", .features) }
      return nil
    case "json", "md": return ("documents", .document)
    default: return nil
    }
  }

  /// Files an output set holds that stay files: the database has no table for them.
  static func staysFile(_ file: String) -> Bool {
    ["tif", "vrt", "gpkg", "kmz", "html"].contains(URL(fileURLWithPath: file).pathExtension)
  }

  /// Columns every row of a CSV table has before the file's own.
  static let tableKeys = ["run_id", "file", "row_index"]
  /// Columns every row of a feature table has besides the properties.
  static let featureKeys = ["run_id", "file", "feature_index", "property_keys", "geom"]

  /// The type of each column of `schema.table` (a type Cosite does not make — a planner's
  /// own change — counts as text, which widens like text).
  static func columnTypes(_ connection: PostGISConnection, schema: String, table: String) throws -> [String: ColumnType]
  {
    let rows = try connection.query(
      "SELECT column_name::text, data_type::text FROM information_schema.columns WHERE table_schema = \(PostGISConnection.literal(schema)) AND table_name = \(PostGISConnection.literal(table))"
    )
    var types: [String: ColumnType] = [:]
    for row in rows {
      guard row.values.count == 2, let name = row.values[0], let type = row.values[1] else { continue }
      types[name] = ColumnType(rawValue: type) ?? .text
    }
    return types
  }

  /// Opens the connection, naming it (password hidden) in any error.
  static func connect(_ dsn: String) throws -> PostGISConnection {
    try DatabaseError.naming(PostGISConnection.hidingPassword(dsn)) { try PostGISConnection.open(dsn: dsn) }
  }

  /// Settings both directions need inside their transaction: doubles printed in the
  /// shortest text that reads back exactly (`extra_float_digits` > 0 selects it from
  /// PostgreSQL 12 on; a session or pooler may have lowered it), and a server that has it.
  static func prepareSession(_ connection: PostGISConnection) throws {
    let version = try connection.query("SELECT current_setting('server_version_num')").first?.values.first ?? nil
    guard let number = version.flatMap({ Int($0) }), number >= 120_000 else {
      let major = version.flatMap { Int($0) }.map { "\($0 / 10_000)" } ?? "?"
      throw DatabaseError("PostgreSQL \(major) is too old: expected 12 or later (shortest exact float output)")
    }
    try connection.execute("SET LOCAL extra_float_digits = 1")
  }

  /// The DDL of the fixed tables (idempotent): runs, their files, and the documents.
  static func fixedTablesDDL(schema: String) -> String {
    let s = PostGISConnection.identifier(schema)
    return """
      CREATE SCHEMA IF NOT EXISTS \(s);
      CREATE TABLE IF NOT EXISTS \(s).runs (
        run_id text PRIMARY KEY, source text NOT NULL, file_count integer NOT NULL,
        exported_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE IF NOT EXISTS \(s).run_files (
        run_id text NOT NULL REFERENCES \(s).runs ON DELETE CASCADE, file text NOT NULL,
        table_name text NOT NULL, kind text NOT NULL, columns text[], row_count integer NOT NULL,
        PRIMARY KEY (run_id, file));
      -- Schemas written before row counts were kept gain the column (NULL for their runs).
      ALTER TABLE \(s).run_files ADD COLUMN IF NOT EXISTS row_count integer;
      CREATE TABLE IF NOT EXISTS \(s).documents (
        run_id text NOT NULL REFERENCES \(s).runs ON DELETE CASCADE, file text NOT NULL,
        content text NOT NULL, PRIMARY KEY (run_id, file));
      """
  }

  /// The DDL of a data table without its data columns (idempotent).
  static func dataTableDDL(schema: String, table: String, kind: Kind) -> String {
    let name = "\(PostGISConnection.identifier(schema)).\(PostGISConnection.identifier(table))"
    let runs = "\(PostGISConnection.identifier(schema)).runs"
    switch kind {
    case .table:
      return """
        CREATE TABLE IF NOT EXISTS \(name) (
          run_id text NOT NULL REFERENCES \(runs) ON DELETE CASCADE, file text NOT NULL,
          row_index integer NOT NULL, PRIMARY KEY (run_id, file, row_index));
        """
    case .features:
      return """
        CREATE TABLE IF NOT EXISTS \(name) (
          run_id text NOT NULL REFERENCES \(runs) ON DELETE CASCADE, file text NOT NULL,
          feature_index integer NOT NULL, property_keys text[] NOT NULL, geom geometry(Geometry, 4326),
          PRIMARY KEY (run_id, file, feature_index));
        CREATE INDEX IF NOT EXISTS \(PostGISConnection.identifier(table + "_geom")) ON \(name) USING gist (geom);
        """
    case .document:
      preconditionFailure("documents go to the documents table")
    }
  }
}
