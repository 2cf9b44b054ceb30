import Foundation
import Geo
import GeoIO
import Scenario

/// Reads one stored file back from its table as the bytes Cosite wrote (see `ColumnType`
/// for why the text survives: numeric and double precision print back as written).
struct TableReader {
  let connection: PostGISConnection
  let schema: String
  let runID: String

  /// The file's bytes; `rowCount` is what the export stored (a table rewritten by a
  /// concurrent export's ALTER can look empty to an older snapshot: PostgreSQL docs, "MVCC
  /// Caveats" — then this refuses instead of writing a short file).
  func bytes(
    of file: String, table: String, kind: ResultTables.Kind, columns: [String], rowCount: Int?
  ) throws
    -> [UInt8]
  {
    let s = PostGISConnection.identifier(schema)
    let qualified = "\(s).\(PostGISConnection.identifier(table))"
    let filter = "run_id = \(PostGISConnection.literal(runID)) AND file = \(PostGISConnection.literal(file))"
    // Columns as c0, c1…: GDAL would take a column called ogc_fid or fid as the row's id.
    let selected = columns.enumerated().map { "\(PostGISConnection.identifier($1))::text AS c\($0)" }
    switch kind {
    case .document:
      let rows = try connection.query("SELECT content FROM \(s).documents WHERE \(filter)")
      guard let text = rows.first?.values.first.flatMap({ $0 }) else { throw missing(file, table: "documents") }
      return Array(text.utf8)
    case .table:
      let rows = try connection.query(
        "SELECT \(selected.joined(separator: ",")) FROM \(qualified) WHERE \(filter) ORDER BY row_index")
      try checkCount(rows.count, rowCount, file)
      return ResultText.csv(header: columns, rows: rows.map { $0.values.map { $0 ?? "" } })
    case .features:
      let types = try ResultTables.columnTypes(connection, schema: schema, table: table)
      let rows = try connection.query(
        "SELECT \((["array_to_json(property_keys)::text AS keys"] + selected + ["geom"]).joined(separator: ",")) FROM \(qualified) WHERE \(filter) ORDER BY feature_index"
      )
      try checkCount(rows.count, rowCount, file)
      let position = Dictionary(columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      let features = try rows.enumerated().map { index, row -> OutputFeature in
        guard case .success(let geometry)? = row.geometry else {
          throw DatabaseError("\(schema).\(table): feature \(index) of \(file) has no readable geometry")
        }
        let keys = try row.values[0].map { try Self.strings(JSONParser.parse($0)) } ?? []
        let properties = try keys.map { key -> (String, JSONValue) in
          guard let column = position[key], let type = types[key], column + 1 < row.values.count else {
            throw DatabaseError(
              "\(schema).\(table): feature \(index) of \(file) has property '\(key)' but no such column")
          }
          return (key, try type.jsonValue(row.values[column + 1]))
        }
        return OutputFeature(geometry: geometry, properties: properties)
      }
      return ResultText.geoJSON(features)
    }
  }

  private func checkCount(_ found: Int, _ stored: Int?, _ file: String) throws {
    guard let stored, found != stored else { return }
    throw DatabaseError(
      "\(file): \(found) rows in the table, \(stored) stored by the export (a concurrent export changed the table?): try again"
    )
  }

  private func missing(_ file: String, table: String) -> DatabaseError {
    DatabaseError("\(schema).\(table) lacks \(file) of run '\(runID)' (listed in run_files)")
  }

  /// A JSON array of strings (PostgreSQL's `array_to_json` of a text[]).
  static func strings(_ value: JSONValue) throws -> [String] {
    guard case .array(let items) = value else {
      throw DatabaseError("expected a JSON array of names, got \(JSONWriter.text(value))")
    }
    return try items.map { item in
      guard case .string(let text) = item else { throw DatabaseError("expected a name, got \(JSONWriter.text(item))") }
      return text
    }
  }
}
