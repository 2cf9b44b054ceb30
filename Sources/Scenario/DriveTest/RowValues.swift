import Foundation
import Geo

/// One drive-test row's fields by Cosite's names, each bad value reported with the line.
struct RowValues {
  let row: CSVTable.Row
  let columns: [String: Int]
  let decimalComma: Bool
  let file: String
  let diagnostics: Diagnostics
  /// The log's column names (as `CSVTable` keeps them), for messages.
  let header: [String]

  var line: Int { row.line }

  /// How a field's column is named in messages: the log's name, with Cosite's when they differ.
  func label(_ field: String) -> String {
    guard let index = columns[field], index < header.count, header[index] != field else { return "'\(field)'" }
    return "'\(header[index])' (\(field))"
  }

  var fieldCountMatches: Bool {
    guard row.fields.count == header.count else {
      report("expected \(header.count) fields as in the header, got \(row.fields.count)")
      return false
    }
    return true
  }

  func report(_ message: String) { diagnostics.report(file, .line(row.line), message) }

  func has(_ field: String) -> Bool { columns[field] != nil }

  /// The field's text; nil when the column is absent or the field empty.
  func text(_ field: String) -> String? {
    guard let index = columns[field], index < row.fields.count, !row.fields[index].isEmpty else { return nil }
    return row.fields[index]
  }

  func number(_ field: String, _ expected: String, _ range: ClosedRange<Double>, required: Bool = true) -> Double? {
    guard let raw = text(field) else {
      if required, has(field) { report("column \(label(field)) is empty: expected \(expected)") }
      return nil
    }
    // A byte swap, not Foundation's replacingOccurrences: a log has hundreds of thousands of numbers.
    let normal = decimalComma && raw.utf8.contains(UInt8(ascii: ",")) ? String(raw.map { $0 == "," ? "." : $0 }) : raw
    guard let value = Double(normal), value.isFinite else {
      report("column \(label(field)): expected \(expected), got \(Excerpt.quoted(raw))")
      return nil
    }
    guard range.contains(value) else {
      report(
        "column \(label(field)): expected \(expected) from \(JSONWriter.number(range.lowerBound)) to \(JSONWriter.number(range.upperBound)), got \(Excerpt.quoted(raw))"
      )
      return nil
    }
    return value
  }

  func integer(_ field: String, _ expected: String, _ range: ClosedRange<Int>) -> Int? {
    guard let raw = text(field) else {
      report("column \(label(field)) is empty: expected \(expected)")
      return nil
    }
    guard let value = Int(raw), range.contains(value) else {
      report(
        "column \(label(field)): expected \(expected) (\(range.lowerBound)–\(range.upperBound)), got \(Excerpt.quoted(raw))"
      )
      return nil
    }
    return value
  }

  /// The position in the scenario's CRS.
  func position(transform: CoordinateTransform) -> Coordinate? {
    // lon/lat only with both (as the header check decides); else x/y.
    let lonLat = has("lon") && has("lat")
    let first = lonLat ? number("lon", "a longitude in degrees", -180...180) : number("x", "an x in metres", -1e8...1e8)
    let second = lonLat ? number("lat", "a latitude in degrees", -90...90) : number("y", "a y in metres", -1e8...1e8)
    guard let first, let second else { return nil }
    let point = lonLat ? Coordinate(lon: first, lat: second) : Coordinate(x: first, y: second)
    guard let projected = try? transform.forward(point), projected.x.isFinite, projected.y.isFinite else {
      report("the position (\(JSONWriter.number(first)), \(JSONWriter.number(second))) cannot be projected")
      return nil
    }
    return projected
  }
}
