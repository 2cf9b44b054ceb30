import Foundation
import Geo

/// Checks a GeoJSON text against the RFC 7946 rules Cosite promises, independently of
/// the writer: no `crs` member (§4), positions within lon/lat ranges (§3.1.1), at most
/// 7 decimals, polygon shells counter-clockwise and holes clockwise (§3.1.6).
enum RFC7946 {
  static func violations(in text: String) throws -> [String] {
    var problems: [String] = []
    if text.contains("\"crs\"") { problems.append("has a crs member") }
    let decimals = try NSRegularExpression(pattern: "[0-9]\\.[0-9]{8,}")
    if decimals.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil {
      problems.append("a number has more than 7 decimals")
    }
    let root = try JSONParser.parse(text)
    guard root["type"]?.stringValue == "FeatureCollection", let features = root["features"]?.arrayValue else {
      return problems + ["not a FeatureCollection"]
    }
    for (index, feature) in features.enumerated() {
      guard let geometry = feature["geometry"] else { continue }
      check(geometry, feature: index, into: &problems)
    }
    return problems
  }

  private static func check(_ geometry: JSONValue, feature: Int, into problems: inout [String]) {
    guard let coordinates = geometry["coordinates"] else { return }
    switch geometry["type"]?.stringValue {
    case "Polygon": checkPolygon(coordinates, feature: feature, into: &problems)
    case "MultiPolygon": coordinates.arrayValue?.forEach { checkPolygon($0, feature: feature, into: &problems) }
    case "Point": checkPosition(coordinates, feature: feature, into: &problems)
    default: break
    }
  }

  private static func checkPolygon(_ rings: JSONValue, feature: Int, into problems: inout [String]) {
    for (ringIndex, ring) in (rings.arrayValue ?? []).enumerated() {
      let points = (ring.arrayValue ?? []).compactMap { position -> (Double, Double)? in
        checkPosition(position, feature: feature, into: &problems)
        guard let values = position.arrayValue, values.count >= 2, let x = values[0].numberValue,
          let y = values[1].numberValue
        else { return nil }
        return (x, y)
      }
      // Shoelace: twice the signed area, positive when counter-clockwise.
      var twiceArea = 0.0
      for (a, b) in zip(points, points.dropFirst()) { twiceArea += a.0 * b.1 - b.0 * a.1 }
      if ringIndex == 0, twiceArea <= 0 { problems.append("feature \(feature): shell is not counter-clockwise") }
      if ringIndex > 0, twiceArea >= 0 { problems.append("feature \(feature): hole is not clockwise") }
    }
  }

  private static func checkPosition(_ position: JSONValue, feature: Int, into problems: inout [String]) {
    guard let values = position.arrayValue, values.count == 2, let lon = values[0].numberValue,
      let lat = values[1].numberValue, (-180...180).contains(lon), (-90...90).contains(lat)
    else {
      problems.append("feature \(feature): position is not [lon, lat] in range")
      return
    }
  }
}
