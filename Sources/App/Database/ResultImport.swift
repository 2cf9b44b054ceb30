import Foundation
import Geo
import GeoIO
import Report
import Scenario

/// `cosite db import`: a run stored by `cosite db export` back as its files — the CSV tables,
/// GeoJSON maps, JSON and Markdown documents, byte for byte as the run wrote them —
/// written as one set into `--out`.
public enum ResultImport {
  /// Reads run `runID` from `schema` and writes its files into `outputDirectory`; returns
  /// the names written.
  public static func importRun(
    dsn: String, runID: String, schema: String = "cosite", outputDirectory: URL
  ) throws
    -> [String]
  {
    try ResultExport.checkName(runID, what: "run id")
    try ResultExport.checkName(schema, what: "schema")
    try OutputDestination.check(outputDirectory)
    let connection = try ResultTables.connect(dsn)
    var outputs = OutputSet()
    try DatabaseError.naming(connection.shownDSN) {
      // One snapshot: a concurrent export or --replace cannot show a half-changed run.
      try connection.transaction {
        try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        try ResultTables.prepareSession(connection)
        let s = PostGISConnection.identifier(schema)
        let run = PostGISConnection.literal(runID)
        let tableExists = try connection.query(
          "SELECT to_regclass(\(PostGISConnection.literal("\(s).run_files")))::text")
        guard tableExists.first?.values.first.flatMap({ $0 }) != nil else {
          throw DatabaseError(
            "no Cosite tables in schema '\(schema)' (expected a database written by cosite db export)")
        }
        let files = try connection.query(
          "SELECT file, table_name, kind, array_to_json(columns)::text, to_jsonb(f) ->> 'row_count' FROM \(s).run_files f WHERE run_id = \(run) ORDER BY file"
        )
        guard !files.isEmpty else {
          let runs = try connection.query("SELECT run_id FROM \(s).runs ORDER BY run_id").compactMap { $0.values[0] }
          throw DatabaseError(
            "no run '\(runID)' in \(schema).runs: expected one of \(runs.isEmpty ? "(none)" : runs.joined(separator: ", "))"
          )
        }
        let reader = TableReader(connection: connection, schema: schema, runID: runID)
        for row in files {
          guard row.values.count == 5, let file = row.values[0], let table = row.values[1],
            let kindName = row.values[2], let kind = ResultTables.Kind(rawValue: kindName)
          else { throw DatabaseError("\(schema).run_files: a row of run '\(runID)' lacks its file, table or kind") }
          let columns = try row.values[3].map { try TableReader.strings(JSONParser.parse($0)) } ?? []
          // nil for runs stored before counts were kept (read through to_jsonb, the query
          // works on a schema without the column too).
          let rowCount = row.values[4].flatMap { Int($0) }
          outputs.add(
            file, bytes: try reader.bytes(of: file, table: table, kind: kind, columns: columns, rowCount: rowCount))
        }
      }
    }
    try outputs.write(to: outputDirectory)
    return outputs.names
  }
}
