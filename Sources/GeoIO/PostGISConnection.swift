internal import CGDAL
import Foundation
import Geo

/// A connection to a PostgreSQL/PostGIS database through GDAL's PostgreSQL driver (`PG:`
/// datasets, GDAL docs "PostgreSQL / PostGIS"): SQL statements and queries, one transaction
/// at a time. Used on one thread; closed when released.
///
/// Connecting never hangs: a connection string without `connect_timeout` gets one (libpq's
/// `connect_timeout`, in seconds), and an unreachable server is an error naming the
/// connection (its password removed).
public final class PostGISConnection {
  private let dataset: GDALDataset
  /// The connection string as given, its password replaced by `…` (for messages).
  public let shownDSN: String

  private init(dataset: GDALDataset, shownDSN: String) {
    self.dataset = dataset
    self.shownDSN = shownDSN
  }

  deinit {
    dataset.close()
  }

  /// Connects to the database `dsn` names: libpq's `key=value` form (`host=/tmp dbname=x`)
  /// or a `postgresql://` URI, as `psql` takes them, with or without GDAL's `PG:` before it.
  public static func open(dsn given: String, connectTimeoutS: Int = 10) throws -> PostGISConnection {
    let dsn = given.hasPrefix("PG:") ? String(given.dropFirst(3)) : given
    guard !dsn.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw GeoIOError("empty connection string: expected e.g. 'host=/var/run/postgresql dbname=cosite'")
    }
    let connection = withConnectTimeout(dsn, seconds: connectTimeoutS)
    return try GDALRuntime.withErrorLog { log in
      guard
        let handle = withCStringList(
          ["PostgreSQL"],
          { drivers in
            GDALOpenEx("PG:" + connection, UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE), constList(drivers), nil, nil)
          })
      else {
        // libpq quotes pieces of a malformed connection string in its messages: scrubbed too.
        throw GeoIOError(
          "cannot connect to PostgreSQL",
          gdalMessage: hidingPassword(log.failureMessage.trimmingCharacters(in: .whitespacesAndNewlines)))
      }
      return PostGISConnection(dataset: GDALDataset(handle), shownDSN: hidingPassword(dsn))
    }
  }

  /// `dsn` with libpq's `connect_timeout` added when it has none.
  public static func withConnectTimeout(_ dsn: String, seconds: Int = 10) -> String {
    let trimmed = dsn.trimmingCharacters(in: .whitespaces)
    guard trimmed.range(of: #"(^|[\s?&])connect_timeout\s*="#, options: .regularExpression) == nil else {
      return trimmed
    }
    if trimmed.hasPrefix("postgresql://") || trimmed.hasPrefix("postgres://") {
      return trimmed + (trimmed.contains("?") ? "&" : "?") + "connect_timeout=\(seconds)"
    }
    return trimmed + " connect_timeout=\(seconds)"
  }

  /// Runs SQL that returns no rows (DDL, INSERT; several statements separated by `;`).
  public func execute(_ sql: String) throws {
    try GDALRuntime.withErrorLog { log in
      let handle = dataset.openHandle
      if let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) { GDALDatasetReleaseResultSet(handle, result) }
      try log.throwIfFailed("PostgreSQL refused \(Self.excerpt(sql))")
    }
  }

  /// A query's rows: every column as text (nil for NULL; cast columns to `text` in the SQL
  /// to keep PostgreSQL's own text — GDAL would print numbers its way), and the row's
  /// geometry when the query selects a PostGIS geometry column (exact doubles: GDAL reads
  /// it as binary).
  public func query(_ sql: String) throws -> [SQLRow] {
    try GDALRuntime.withErrorLog { log in
      let handle = dataset.openHandle
      guard let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) else {
        try log.throwIfFailed("PostgreSQL refused \(Self.excerpt(sql))")
        return []
      }
      defer { GDALDatasetReleaseResultSet(handle, result) }
      var rows: [SQLRow] = []
      OGR_L_ResetReading(result)
      while let feature = OGR_L_GetNextFeature(result) {
        defer { OGR_F_Destroy(feature) }
        let values = (0..<OGR_F_GetFieldCount(feature)).map { index -> String? in
          OGR_F_IsFieldSetAndNotNull(feature, index) != 0
            ? String(cString: OGR_F_GetFieldAsString(feature, index)) : nil
        }
        let geometry = OGR_F_GetGeometryRef(feature).map { OGRGeometryReader.geometry($0) }
        rows.append(SQLRow(values: values, geometry: geometry))
      }
      try log.throwIfFailed("PostgreSQL could not answer \(Self.excerpt(sql))")
      return rows
    }
  }

  /// Runs `body` in one transaction (`GDALDatasetStartTransaction`): committed when it
  /// returns, rolled back when it throws, so nothing is half-written.
  public func transaction<T>(_ body: () throws -> T) throws -> T {
    try GDALRuntime.withErrorLog { log in
      guard GDALDatasetStartTransaction(dataset.openHandle, 0) == OGRERR_NONE else {
        throw log.error("PostgreSQL could not start a transaction")
      }
    }
    let value: T
    do {
      value = try body()
    } catch {
      _ = try? GDALRuntime.withErrorLog { _ in GDALDatasetRollbackTransaction(dataset.openHandle) }
      throw error
    }
    try GDALRuntime.withErrorLog { log in
      guard GDALDatasetCommitTransaction(dataset.openHandle) == OGRERR_NONE else {
        throw log.error("PostgreSQL could not commit the transaction (nothing was written)")
      }
    }
    return value
  }

  /// `text` as an SQL string literal: quotes doubled, backslashes literal — GDAL's driver sets
  /// `standard_conforming_strings = ON` on connecting (ogrpgdatasource.cpp), as PostgreSQL
  /// does by default since 9.1. NUL cannot be stored in text.
  public static func literal(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// `name` as a quoted SQL identifier (quotes doubled), so any column name is one.
  public static func identifier(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// `dsn` with every password (`password=…`, libpq taking the last; a URI's
  /// `user:password@` or `?password=`) replaced by `…`.
  public static func hidingPassword(_ dsn: String) -> String {
    // key=value: a quoted value, or one ending at unescaped whitespace (libpq's rules).
    var shown = dsn.replacingOccurrences(
      of: #"(^|\s)password\s*=\s*('(?:[^'\\]|\\.)*'|(?:\\.|[^\s\\])+)"#, with: "$1password=…",
      options: .regularExpression)
    // A URI: user:password@ and ?password= / &password= in its query.
    shown = shown.replacingOccurrences(of: #"://([^:/@]*):[^@/]*@"#, with: "://$1:…@", options: .regularExpression)
    shown = shown.replacingOccurrences(of: #"([?&])password=[^&]*"#, with: "$1password=…", options: .regularExpression)
    return shown
  }

  /// The start of a statement, for messages.
  private static func excerpt(_ sql: String) -> String {
    let line = sql.split(whereSeparator: \.isNewline).first.map(String.init) ?? sql
    return line.count > 80 ? "'\(line.prefix(80))…'" : "'\(line)'"
  }
}

/// One row of a query: its columns as text (nil = NULL) and its geometry, if it has one.
public struct SQLRow {
  public let values: [String?]
  public let geometry: Result<Geometry, GeometryError>?
}
