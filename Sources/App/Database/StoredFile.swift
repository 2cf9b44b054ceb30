import Foundation
import Geo
import Scenario

/// One file of an output set, read and checked before anything is sent to the database.
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

  /// Each column's type as this file's values need it.
  var columnTypes: [ColumnType] {
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
    switch kind {
    case .document:
      guard !text.contains("\u{0}") else { throw DatabaseError("\(path): NUL byte: expected text") }
      return StoredFile(name: name, table: table, content: .document(text))
    case .table:
      let csv = try CSVTable.parse(text, file: path)
      if let short = csv.rows.first(where: { $0.fields.count != csv.header.count }) {
        throw DatabaseError(
          "\(path):\(short.line): \(short.fields.count) fields: expected \(csv.header.count), as in the header")
      }
      try checkNames(csv.header, reserved: ResultTables.tableKeys, path: path)
      return StoredFile(name: name, table: table, content: .table(csv))
    case .features:
      let document: (features: [GeoJSONFeature], crsName: String?)
      do {
        document = try GeoJSON.document(in: text)
      } catch {
        let (location, message) = IssueLocation.ofJSONError(error)
        throw DatabaseError(ScenarioIssue(file: path, location: location, message: message).description)
      }
      for feature in document.features {
        if case .failure(let problem) = feature.geometry {
          throw DatabaseError("\(path): feature index \(feature.index): geometry: \(problem)")
        }
      }
      let file = StoredFile(name: name, table: table, content: .features(document.features))
      try checkNames(file.columns, reserved: ResultTables.featureKeys, path: path)
      return file
    }
  }

  /// Column names must fit PostgreSQL's identifiers (63 bytes: longer ones are cut, and two
  /// could become one) and not be the table's own key columns.
  private static func checkNames(_ names: [String], reserved: [String], path: String) throws {
    for name in names {
      if reserved.contains(name) {
        throw DatabaseError(
          "\(path): column '\(name)' is one of the table's key columns (\(reserved.joined(separator: ", ")))")
      }
      if name.utf8.count > 63 || name.isEmpty {
        throw DatabaseError("\(path): column '\(name)': expected a name of 1 to 63 bytes (PostgreSQL's identifiers)")
      }
    }
  }
}
