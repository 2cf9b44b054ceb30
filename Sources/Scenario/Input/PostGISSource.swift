import Foundation
import Geo
import GeoIO

/// A scenario input held in PostgreSQL/PostGIS instead of a file: `file: "PG:<connection>"`
/// (GDAL's and `ogr2ogr`'s spelling; libpq's `key=value` string or a `postgresql://` URI)
/// with `layer:` naming the table or view (`schema.table` outside `public`). Parcels,
/// outlines and structures are read as GDAL layers (a geometry column), sites as rows.
enum PostGISSource {
  static let prefix = "PG:"
  static let needsLayer = "a PostGIS source needs 'layer': the table (or schema.table) to read"

  static func isSource(_ path: String) -> Bool { path.hasPrefix(prefix) }

  /// The connection string after `PG:`.
  static func dsn(_ path: String) -> String { String(path.dropFirst(prefix.count)) }

  /// The source as messages name it: the table and the connection, its password hidden.
  static func shown(_ path: String, table: String?) -> String {
    let connection = PostGISConnection.hidingPassword(dsn(path)).trimmingCharacters(in: .whitespaces)
    return table.map { "PostGIS table \(Excerpt.quoted($0)) (\(connection))" } ?? "PostGIS (\(connection))"
  }

  /// GDAL's dataset name for the source: `PG:` and the connection with a connect timeout,
  /// so an unreachable server is an error, not a hang.
  static func gdalName(_ path: String) -> String {
    prefix + PostGISConnection.withConnectTimeout(dsn(path))
  }

  /// A table as CSV text, and the row (1-based) each record's first line holds.
  struct TableText {
    let text: String
    /// Line of the text → row of the table; line 1 is the columns. A value holding a line
    /// break spans several lines, so rows are found by this map, not by arithmetic.
    let rowOfLine: [Int: Int]

    /// Where line `line` of the text is in the table.
    func location(ofLine line: Int) -> IssueLocation {
      rowOfLine[line].map(IssueLocation.row) ?? .file
    }
  }

  /// The rows of `table` as CSV text (header: the table's columns in order), so a table
  /// shaped like a sites CSV or an operator's export goes through the same readers. Every
  /// column as PostgreSQL prints it (`::text`: a bigint keeps its digits), NULL as an empty
  /// field; geometry and geography columns and GDAL's feature-id columns (`ogc_fid`, `fid`)
  /// are left out. Rows in the order of the table's primary key (GDAL's `ogc_fid` when
  /// `ogr2ogr` loaded it: the file's order), else of their values as text (the database's
  /// collation), so always the same;
  /// `row N` in messages counts in that order. An empty table is an error.
  static func rowsAsCSV(_ path: String, table: String) throws -> TableText {
    let connection = try PostGISConnection.open(dsn: dsn(path))
    let relation = try tableName(table)
    let regclass = "\(PostGISConnection.literal(relation))::regclass"
    let columns = try connection.query(
      "SELECT a.attname::text, ty.typname::text FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid WHERE a.attrelid = \(regclass) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"
    ).compactMap { row -> String? in
      guard let name = row.values.first ?? nil, let type = row.values.last ?? nil else { return nil }
      let spatial = type == "geometry" || type == "geography"  // whatever schema PostGIS is in
      return spatial || name == "ogc_fid" || name == "fid" ? nil : name
    }
    guard !columns.isEmpty else { throw GeoIOError("the table has no columns besides its geometry and id") }
    let key = try connection.query(
      "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = \(regclass) AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)"
    ).compactMap { $0.values.first ?? nil }
    let selected = columns.enumerated().map { "t.\(PostGISConnection.identifier($1))::text AS c\($0)" }
    let order =
      key.isEmpty
      ? columns.indices.map { "c\($0)" }.joined(separator: ",")
      : key.map { "t.\(PostGISConnection.identifier($0))" }.joined(separator: ",")
    let rows = try connection.query(
      "SELECT \(selected.joined(separator: ",")) FROM \(relation) t ORDER BY \(order)")
    guard !rows.isEmpty else { throw GeoIOError("the table has no rows: expected one row per sector") }
    var lines = [columns.map(CSVTable.field).joined(separator: ",")]
    var rowOfLine: [Int: Int] = [:]
    var line = 2
    for (index, row) in rows.enumerated() {
      let rendered = row.values.map { CSVTable.field($0 ?? "") }.joined(separator: ",")
      rowOfLine[line] = index + 1
      line += 1 + rendered.unicodeScalars.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
      lines.append(rendered)
    }
    return TableText(text: lines.joined(separator: "\n") + "\n", rowOfLine: rowOfLine)
  }

  /// `table` or `schema.table` as a quoted SQL name.
  private static func tableName(_ table: String) throws -> String {
    let parts = table.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
      throw GeoIOError("'\(table)': expected a table name, or schema.table")
    }
    return parts.map(PostGISConnection.identifier).joined(separator: ".")
  }
}
