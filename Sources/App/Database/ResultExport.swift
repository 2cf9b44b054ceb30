import Foundation
import Geo
import GeoIO

/// `cosite db export`: a finished output set (of `run`, `recommend` or `compare`) into
/// PostGIS tables under a run id (`docs/POSTGIS.md`), in one transaction.
public enum ResultExport {
  /// What was stored.
  public struct Summary: Sendable {
    /// Rows per table, by table name.
    public let rowsByTable: [(table: String, rows: Int)]
    public let fileCount: Int
    /// Files of the set the database does not hold (rasters, GeoPackage, KMZ, HTML).
    public let skipped: [String]
  }

  /// Reads every file of `directory` first (an unreadable one stops the export before the
  /// database is touched), then stores them under `runID` in `schema` in one transaction:
  /// on any failure nothing of the run is stored. A run id already stored is an error unless
  /// `replace`, which deletes the old run's rows in the same transaction.
  public static func export(
    directory: URL, dsn: String, runID: String, schema: String = "cosite", replace: Bool = false
  ) throws -> Summary {
    try checkName(runID, what: "run id")
    try checkName(schema, what: "schema")
    let (names, folders) = try outputFiles(directory)
    var files: [StoredFile] = []
    var skipped: [String] = []
    for name in names {
      guard let (table, kind) = ResultTables.destination(of: name) else {
        guard ResultTables.staysFile(name) else {
          throw DatabaseError(
            "\(directory.appendingPathComponent(name).path): no table for this file (expected the outputs of cosite run, recommend or compare; docs/POSTGIS.md lists them)"
          )
        }
        skipped.append(name)
        continue
      }
      files.append(try StoredFile.read(name, table: table, kind: kind, directory: directory))
    }
    skipped += folders
    guard !files.isEmpty else {
      throw DatabaseError(
        "\(directory.path): no CSV, GeoJSON, JSON or Markdown output to store (expected a cosite output directory)")
    }
    let connection = try ResultTables.connect(dsn)
    var rows: [String: Int] = [:]
    try DatabaseError.naming(connection.shownDSN) {
      try connection.transaction {
        let s = PostGISConnection.identifier(schema)
        let run = PostGISConnection.literal(runID)
        // One export at a time: two creating the same table or column would collide.
        try connection.execute("SELECT pg_advisory_xact_lock(hashtext('cosite db export'))")
        try ResultTables.prepareSession(connection)
        try connection.execute(ResultTables.fixedTablesDDL(schema: schema))
        let existing = try connection.query("SELECT run_id FROM \(s).runs WHERE run_id = \(run)")
        if !existing.isEmpty {
          guard replace else {
            throw DatabaseError(
              "run '\(runID)' is already in \(schema).runs: choose another --run-id, or pass --replace to overwrite it")
          }
          try connection.execute("DELETE FROM \(s).runs WHERE run_id = \(run)")
        }
        try connection.execute(
          "INSERT INTO \(s).runs (run_id, source, file_count) VALUES (\(run), \(PostGISConnection.literal(directory.standardizedFileURL.path)), \(files.count))"
        )
        for file in files {
          rows[file.table, default: 0] += try TableWriter(connection: connection, schema: schema, runID: runID)
            .store(file)
        }
      }
    }
    return Summary(
      rowsByTable: rows.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, fileCount: files.count,
      skipped: skipped)
  }

  /// The regular files at the top of an output directory, and its folders (`rasters/`: they
  /// stay files, and are listed as such), by name.
  private static func outputFiles(_ directory: URL) throws -> (files: [String], folders: [String]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
    else {
      throw DatabaseError(
        "\(directory.path): not found: expected the --out directory of a cosite run, recommend or compare")
    }
    var files: [String] = []
    var folders: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where !name.hasPrefix(".")
    {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isFolder)
      else { continue }
      if isFolder.boolValue { folders.append(name + "/") } else { files.append(name) }
    }
    return (files, folders)
  }

  /// A run id or schema name: 1 to 63 bytes (PostgreSQL identifiers), no control characters.
  static func checkName(_ name: String, what: String) throws {
    guard !name.isEmpty, name.utf8.count <= 63,
      !name.unicodeScalars.contains(where: { $0.value < 32 || $0 == "\u{7F}" })
    else {
      throw DatabaseError("\(what) '\(name)': expected 1 to 63 bytes of text without control characters")
    }
  }
}
