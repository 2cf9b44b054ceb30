extension GeoJSON {
  /// An RFC 7946 FeatureCollection: WGS84 `lon, lat`, no `crs` member, counter-clockwise
  /// shells and clockwise holes (§3.1.6), coordinates rounded to `coordinateDecimals`.
  ///
  /// One feature per line, so that diffs of outputs stay readable.
  public static func featureCollection(
    _ features: [OutputFeature], members: [(String, JSONValue)] = []
  ) -> String {
    var text = "{\"type\":\"FeatureCollection\""
    for (key, value) in members {
      text += "," + JSONWriter.text(.string(key)) + ":" + JSONWriter.text(value)
    }
    text += ",\"features\":["
    for (offset, feature) in features.enumerated() {
      text += offset == 0 ? "\n" : ",\n"
      let object: JSONValue = .object([
        ("type", .string("Feature")),
        ("properties", .object(feature.properties)),
        ("geometry", json(feature.geometry)),
      ])
      text += JSONWriter.text(object)
    }
    return text + "\n]}\n"
  }

  /// A geometry as a GeoJSON geometry object.
  public static func json(_ geometry: Geometry) -> JSONValue {
    switch geometry {
    case .point(let point):
      return .object([("type", .string("Point")), ("coordinates", position(point))])
    case .lineString(let line):
      return .object([
        ("type", .string("LineString")), ("coordinates", .array(line.coordinates.map(position))),
      ])
    case .polygon(let polygon):
      return .object([("type", .string("Polygon")), ("coordinates", rings(polygon))])
    case .multiPolygon(let multiPolygon):
      return .object([
        ("type", .string("MultiPolygon")),
        ("coordinates", .array(multiPolygon.polygons.map(rings))),
      ])
    }
  }

  private static func rings(_ polygon: Polygon) -> JSONValue {
    .array(polygon.rightHandRuleOriented.rings.map { .array($0.coordinates.map(position)) })
  }

  private static func position(_ coordinate: Coordinate) -> JSONValue {
    .array([.number(rounded(coordinate.x)), .number(rounded(coordinate.y))])
  }

  /// `value` rounded half away from zero to `coordinateDecimals` places.
  static func rounded(_ value: Double) -> Double {
    // From 1e15 on a double has no 7th decimal to round, and `value * scale` would overflow
    // to infinity beyond about 1.8e301 (written as null).
    guard abs(value) < 1e15 else { return value }
    let scale = 10_000_000.0
    let result = (value * scale).rounded() / scale
    return result == 0 ? 0 : result
  }
}
