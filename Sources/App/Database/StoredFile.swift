import Foundation
import Geo
import Scenario

/// One file of an output set, read and checked before anything is sent to the database:
/// parsed, and rendered again as `cosite db import` will write it, so a file that would not
/// come back byte for byte is refused (naming its first differing line) instead of stored.
struct StoredFile {
  enum Content {
    case table(CSVTable)
    case features([GeoJSONFeature])
    case document(String)
  }

  let name: String
  let table: String
  let content: Content

  var kind: ResultTables.Kind {
    switch content {
    case .table: return .table
    case .features: return .features
    case .document: return .document
    }
  }

  /// Rows the file puts in its table (records, features; 1 for a document).
  var rowCount: Int {
    switch content {
    case .table(let csv): return csv.rows.count
    case .features(let features): return features.count
    case .document: return 1
    }
  }

  /// The file's columns in order: the CSV header, or every property key in first-seen order.
  var columns: [String] {
    switch content {
    case .table(let csv): return csv.header
    case .features(let features):
      var seen: Set<String> = []
      return features.flatMap { $0.properties.map(\.0) }.filter { seen.insert($0).inserted }
    case .document: return []
    }
  }

  /// Each column's type as this file's values need it (nil: no value to go by, all null).
  var columnTypes: [ColumnType?] {
    switch content {
    case .table(let csv):
      return csv.header.indices.map { column in ColumnType.ofCSV(csv.rows.lazy.map { $0.fields[column] }) }
    case .features(let features):
      return columns.map { key in ColumnType.ofJSON(features.lazy.compactMap { $0.property(key) }) }
    case .document: return []
    }
  }

  /// Reads `name` in `directory` (a CSV, GeoJSON, JSON or Markdown output); the error names
  /// the file and its line or feature.
  static func read(_ name: String, table: String, kind: ResultTables.Kind, directory: URL) throws -> StoredFile {
    let path = directory.appendingPathComponent(name).path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DatabaseError("\(path): cannot read the file")
    }
    guard let text = String(data: data, encoding: .utf8) else { throw DatabaseError("\(path): not UTF-8 text") }
    // PostgreSQL's text cannot hold U+0000 (and GDAL would cut the SQL there).
    if text.contains("\u{0}") || (kind != .document && text.contains("\\u0000")) {
      throw DatabaseError("\(path): a NUL character (U+0000): PostgreSQL text cannot hold it")
    }
    let file: StoredFile
    let rendered: [UInt8]
    switch kind {
    case .document:
      if name.hasSuffix(".json") {
        do { _ = try JSONParser.parse(text) } catch { throw DatabaseError("\(path): \(error)") }
      }
      return StoredFile(name: name, table: table, content: .document(text))
    case .table:
      let csv = try CSVTable.parseVerbatim(text, file: path)
      if let short = csv.rows.first(where: { $0.fields.count != csv.header.count }) {
        throw DatabaseError(
          "\(path):\(short.line): \(short.fields.count) fields: expected \(csv.header.count), as in the header")
      }
      file = StoredFile(name: name, table: table, content: .table(csv))
      rendered = ResultText.csv(header: csv.header, rows: csv.rows.map(\.fields))
    case .features:
      let document: (features: [GeoJSONFeature], crsName: String?)
      do {
        document = try GeoJSON.document(in: text)
      } catch {
        let (location, message) = IssueLocation.ofJSONError(error)
        throw DatabaseError(ScenarioIssue(file: path, location: location, message: message).description)
      }
      var features: [OutputFeature] = []
      for feature in document.features {
        guard case .success(let geometry) = feature.geometry else {
          if case .failure(let problem) = feature.geometry {
            throw DatabaseError("\(path): feature index \(feature.index): geometry: \(problem)")
          }
          continue
        }
        features.append(OutputFeature(geometry: geometry, properties: feature.properties))
      }
      file = StoredFile(name: name, table: table, content: .features(document.features))
      rendered = ResultText.geoJSON(features)
    }
    let reserved = kind == .table ? ResultTables.tableKeys : ResultTables.featureKeys
    try checkNames(file.columns, reserved: reserved, path: path)
    if let line = ResultText.firstDifferingLine(rendered, data) {
      throw DatabaseError(
        "\(path):\(line): not as Cosite writes this file (quoting, spacing, number or coordinate format): it would not read back byte for byte"
      )
    }
    return file
  }

  /// Column names must fit PostgreSQL's identifiers (63 bytes: longer ones are cut, and two
  /// could become one), be distinct, and not be the table's key columns or PostgreSQL's
  /// system columns.
  private static func checkNames(_ names: [String], reserved: [String], path: String) throws {
    let system = ["tableoid", "xmin", "cmin", "xmax", "cmax", "ctid"]
    var seen: Set<String> = []
    for name in names {
      if reserved.contains(name) || system.contains(name) {
        throw DatabaseError(
          "\(path): column '\(name)' is one of the table's key columns (\(reserved.joined(separator: ", "))) or a PostgreSQL system column"
        )
      }
      if name.utf8.count > 63 || name.isEmpty {
        throw DatabaseError("\(path): column '\(name)': expected a name of 1 to 63 bytes (PostgreSQL's identifiers)")
      }
      guard seen.insert(name).inserted else { throw DatabaseError("\(path): column '\(name)' is given twice") }
    }
  }
}
