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

  /// The sharing options' prefixes of `cosite compare`'s per-option files.
  static let optionPrefixes = ["standalone-", "passive-", "moran-", "mocn-", "neutral-host-"]

  /// The table of `file` (a name in the output set's top directory) and how it is stored;
  /// nil for files the database does not hold (rasters, GeoPackage, KMZ, HTML).
  static func destination(of file: String) -> (table: String, kind: Kind)? {
    let url = URL(fileURLWithPath: file)
    let stem = url.deletingPathExtension().lastPathComponent
    let base = optionPrefixes.first { stem.hasPrefix($0) }.map { String(stem.dropFirst($0.count)) } ?? stem
    switch url.pathExtension {
    case "csv":
      let tables = [
        "parcel-coverage": "parcel_figures", "indoor-nodes": "indoor_nodes", "sectors": "sector_loads",
        "recommendations": "recommendations", "comparison": "comparison",
      ]
      if let table = tables[base] { return (table, .table) }
      if base.hasPrefix("distributions-") { return ("distributions", .table) }
      return nil
    case "geojson":
      let tables = [
        "zones": "zones", "parcels": "parcels", "structures": "structures", "sites": "sites",
        "recommended-stations": "recommended_stations", "recommended-indoor-systems": "recommended_indoor_systems",
      ]
      if let table = tables[base] { return (table, .features) }
      let prefixed = [
        ("coverage-", "coverage_bands"), ("best-server-", "best_server_areas"), ("gaps-", "gaps"),
        ("newly-covered-", "newly_covered"),
      ]
      return prefixed.first { base.hasPrefix($0.0) }.map { ($0.1, .features) }
    case "json", "md": return ("documents", .document)
    default: return nil
    }
  }

  /// Columns every row of a CSV table has before the file's own.
  static let tableKeys = ["run_id", "file", "row_index"]
  /// Columns every row of a feature table has besides the properties.
  static let featureKeys = ["run_id", "file", "feature_index", "property_keys", "geom"]

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
        table_name text NOT NULL, kind text NOT NULL, columns text[], PRIMARY KEY (run_id, file));
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
      return ""
    }
  }
}
