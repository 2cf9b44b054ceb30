import Foundation
import Geo
import GeoIO

/// A scenario input held in PostgreSQL/PostGIS instead of a file: `file: "PG:<connection>"`
/// (GDAL's and `ogr2ogr`'s spelling; libpq's `key=value` string or a `postgresql://` URI)
/// with `layer:` naming the table or view (`schema.table` outside `public`). Parcels,
/// outlines and structures are read as GDAL layers (a geometry column), sites as rows.
enum PostGISSource {
  static let prefix = "PG:"

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

  /// The rows of `table` as CSV text (header: the table's columns in order), so a table
  /// shaped like a sites CSV or an operator's export goes through the same readers. Rows in
  /// the order of the table's primary key (GDAL's `ogc_fid` when `ogr2ogr` loaded it: the
  /// file's order), else of their JSON text (`to_json(row)`), so always the same;
  /// `row N` in messages counts in that order. GDAL's feature-id columns (`ogc_fid`, `fid`)
  /// and geometry columns are left out; numbers as PostgreSQL prints them, NULL as an empty
  /// field, arrays as their JSON text. An empty table is an error.
  static func rowsAsCSV(_ path: String, table: String) throws -> String {
    let connection = try PostGISConnection.open(dsn: dsn(path))
    let relation = try tableName(table)
    let key = try connection.query(
      "SELECT a.attname::text FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = \(PostGISConnection.literal(relation))::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)"
    ).compactMap { $0.values.first ?? nil }
    let order =
      key.isEmpty ? "to_json(t)::text" : key.map { "t.\(PostGISConnection.identifier($0))" }.joined(separator: ",")
    let rows = try connection.query("SELECT to_json(t)::text AS row FROM \(relation) t ORDER BY \(order)")
    var header: [String]?
    var lines: [String] = []
    for row in rows {
      guard let text = row.values.first ?? nil, case .object(let all) = try JSONParser.parse(text) else { continue }
      let members = all.filter { name, value in
        if case .object = value { return false }  // a geometry, as PostGIS's GeoJSON
        return name != "ogc_fid" && name != "fid"
      }
      if header == nil {
        header = members.map(\.0)
        lines.append(members.map { CSVTable.field($0.0) }.joined(separator: ","))
      }
      lines.append(members.map { CSVTable.field(cell($0.1)) }.joined(separator: ","))
    }
    guard header != nil else { throw GeoIOError("the table has no rows: expected one row per sector") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `table` or `schema.table` as a quoted SQL name.
  private static func tableName(_ table: String) throws -> String {
    let parts = table.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
      throw GeoIOError("'\(table)': expected a table name, or schema.table")
    }
    return parts.map(PostGISConnection.identifier).joined(separator: ".")
  }

  private static func cell(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .string(let text): return text
    case .number(let number): return JSONWriter.number(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .array, .object: return JSONWriter.text(value)
    }
  }
}

extension LoadSession {
  /// The sectors of a PostGIS table shaped like a sites CSV (same columns), its problems
  /// reported by row; antenna pattern paths are relative to the scenario.
  func readSectorsTable(_ path: String, table: String, name: String) -> [SectorRecord] {
    let text: String
    do {
      text = try PostGISSource.rowsAsCSV(path, table: table)
    } catch {
      diagnostics.report(name, .file, "\(error)")
      return []
    }
    let base = URL(fileURLWithPath: directory, isDirectory: true)
    let found = Diagnostics()
    let records = SectorsFile.read(
      text: text, file: name, resolve: { URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL.path },
      diagnostics: found)
    for issue in found.issues {
      let location = issue.location.lineNumber.map { SiteImport.location(ofLine: $0, table: true) } ?? issue.location
      diagnostics.report(issue.file, location, issue.message)
    }
    return records.map { record in
      let location = record.location.lineNumber.map { SiteImport.location(ofLine: $0, table: true) } ?? record.location
      return SectorRecord(file: record.file, location: location, sector: record.sector)
    }
  }
}

extension IssueLocation {
  /// The line of a `.line` location.
  var lineNumber: Int? {
    if case .line(let line) = self { return line }
    return nil
  }
}
