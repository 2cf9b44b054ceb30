import Foundation
import Geo
import GeoIO

/// Stores one file of an output set in its table (inside `ResultExport`'s transaction):
/// adds the columns the table lacks, widens those whose type cannot hold this file's values,
/// inserts the rows in batches and records the file in `run_files`.
struct TableWriter {
  let connection: PostGISConnection
  let schema: String
  let runID: String

  /// Rows per INSERT statement (a few MB of SQL for coverage polygons at most).
  static let batchRows = 200

  /// Stores `file`; returns the rows inserted.
  func store(_ file: StoredFile) throws -> Int {
    let s = PostGISConnection.identifier(schema)
    let table = "\(s).\(PostGISConnection.identifier(file.table))"
    let run = PostGISConnection.literal(runID)
    let name = PostGISConnection.literal(file.name)
    let columns = file.columns
    let arrayOfColumns =
      columns.isEmpty ? "NULL" : "ARRAY[\(columns.map(PostGISConnection.literal).joined(separator: ","))]::text[]"
    try connection.execute(
      "INSERT INTO \(s).run_files (run_id, file, table_name, kind, columns, row_count) VALUES (\(run), \(name), \(PostGISConnection.literal(file.table)), \(PostGISConnection.literal(file.kind.rawValue)), \(arrayOfColumns), \(file.rowCount))"
    )
    if case .document(let text) = file.content {
      try connection.execute(
        "INSERT INTO \(s).documents (run_id, file, content) VALUES (\(run), \(name), \(PostGISConnection.literal(text)))"
      )
      return 1
    }
    try connection.execute(ResultTables.dataTableDDL(schema: schema, table: file.table, kind: file.kind))
    let types = try ensureColumns(table: file.table, columns: columns, types: file.columnTypes)
    let quotedColumns = columns.map(PostGISConnection.identifier)
    var values: [String] = []
    switch file.content {
    case .table(let csv):
      let head = ResultTables.tableKeys.map(PostGISConnection.identifier) + quotedColumns
      for (index, row) in csv.rows.enumerated() {
        let cells = zip(types, row.fields).map { $0.sqlValue(csv: $1) }
        values.append("(" + ([run, name, String(index + 1)] + cells).joined(separator: ",") + ")")
      }
      try insert(into: table, head: head, values: values)
    case .features(let features):
      let head = ResultTables.featureKeys.map(PostGISConnection.identifier) + quotedColumns
      for feature in features {
        guard case .success(let geometry) = feature.geometry else { continue }  // StoredFile checked
        let keys = feature.properties.map(\.0)
        let keyArray =
          keys.isEmpty ? "'{}'::text[]" : "ARRAY[\(keys.map(PostGISConnection.literal).joined(separator: ","))]"
        let shape =
          "ST_SetSRID(ST_GeomFromGeoJSON(\(PostGISConnection.literal(JSONWriter.text(GeoJSON.json(geometry))))), 4326)"
        let cells = zip(types, columns).map { $0.sqlValue(json: feature.property($1)) }
        values.append(
          "(" + ([run, name, String(feature.index), keyArray, shape] + cells).joined(separator: ",") + ")")
      }
      try insert(into: table, head: head, values: values)
    case .document: break
    }
    return values.count
  }

  private func insert(into table: String, head: [String], values: [String]) throws {
    var start = 0
    while start < values.count {
      let end = min(start + Self.batchRows, values.count)
      try connection.execute(
        "INSERT INTO \(table) (\(head.joined(separator: ","))) VALUES \(values[start..<end].joined(separator: ","))")
      start = end
    }
  }

  /// Adds missing columns and widens existing ones; returns the type each column has now.
  private func ensureColumns(table: String, columns: [String], types: [ColumnType?]) throws -> [ColumnType] {
    let known = try ResultTables.columnTypes(connection, schema: schema, table: table)
    let qualified = "\(PostGISConnection.identifier(schema)).\(PostGISConnection.identifier(table))"
    return try zip(columns, types).map { column, type in
      let quoted = PostGISConnection.identifier(column)
      guard let current = known[column] else {
        let added = type ?? .text
        try connection.execute("ALTER TABLE \(qualified) ADD COLUMN \(quoted) \(added.rawValue)")
        return added
      }
      guard let type else { return current }  // no value to type (every one null): as it is
      let widened = current.widened(with: type)
      if widened != current {
        try connection.execute(
          "ALTER TABLE \(qualified) ALTER COLUMN \(quoted) TYPE \(widened.rawValue) USING \(current.conversion(of: quoted, to: widened))"
        )
      }
      return widened
    }
  }
}
