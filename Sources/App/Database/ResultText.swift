import Foundation
import Geo
import Report

/// The text of a stored file, rendered the way Cosite's writers render it: how
/// `cosite db import` writes a file back, and how `cosite db export` checks, before storing a
/// file, that it will come back byte for byte.
enum ResultText {
  /// A CSV: the header and each record on its own line (RFC 4180 quoting, `CSVField`, as
  /// every Cosite table is written), a line feed after each.
  static func csv(header: [String], rows: [[String]]) -> [UInt8] {
    var bytes: [UInt8] = []
    for fields in [header] + rows {
      for (column, field) in fields.enumerated() {
        if column > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: CSVField.quoted(field).utf8)
      }
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }

  /// A GeoJSON FeatureCollection as `GeoJSON.featureCollectionBytes` writes Cosite's maps.
  static func geoJSON(_ features: [OutputFeature]) -> [UInt8] {
    GeoJSON.featureCollectionBytes(features)
  }

  /// The first line (1-based) where `rendered` and `original` differ, nil when equal.
  static func firstDifferingLine(_ rendered: [UInt8], _ original: Data) -> Int? {
    guard !rendered.elementsEqual(original) else { return nil }
    var line = 1
    for (a, b) in zip(rendered, original) {
      if a != b { return line }
      if a == UInt8(ascii: "\n") { line += 1 }
    }
    return line
  }
}
