extension GeoJSON {
  /// Reads the features of a FeatureCollection (or a single Feature).
  ///
  /// Malformed JSON or a wrong top-level type throws; a bad geometry is kept per feature
  /// in `GeoJSONFeature.geometry` so a caller can report every bad feature at once.
  public static func features(in text: String) throws -> [GeoJSONFeature] {
    try document(in: text).features
  }

  /// The features, and what the top-level `crs` member names: GeoJSON 2008 §3.1's named CRS
  /// (`{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::9210"}}`). RFC 7946
  /// dropped the member, but QGIS and ogr2ogr still write it for files not in WGS84. nil when
  /// there is none; any other shape of member comes back as its JSON text, for the caller to
  /// refuse.
  public static func document(in text: String) throws -> (features: [GeoJSONFeature], crsName: String?) {
    let root = try JSONParser.parse(text)
    var crsName: String?
    if let member = root["crs"], member != .null {
      crsName = member["properties"]?["name"]?.stringValue ?? JSONWriter.text(member)
    }
    switch root["type"]?.stringValue {
    case "FeatureCollection":
      guard let features = root["features"]?.arrayValue else {
        throw GeometryError.unreadable(format: "GeoJSON", message: "FeatureCollection has no 'features' array")
      }
      return (features.enumerated().map { feature(from: $1, index: $0) }, crsName)
    case "Feature":
      return ([feature(from: root, index: 0)], crsName)
    default:
      throw GeometryError.unreadable(
        format: "GeoJSON", message: "expected a FeatureCollection or a Feature at the top level")
    }
  }

  private static func feature(from value: JSONValue, index: Int) -> GeoJSONFeature {
    var properties: [(String, JSONValue)] = []
    if case .object(let members)? = value["properties"] { properties = members }
    guard value["type"]?.stringValue == "Feature" else {
      return GeoJSONFeature(
        index: index, geometry: .failure(.unreadable(format: "GeoJSON", message: "not a Feature")),
        properties: properties)
    }
    guard let geometryValue = value["geometry"], geometryValue != .null else {
      return GeoJSONFeature(
        index: index, geometry: .failure(.unreadable(format: "GeoJSON", message: "feature has no geometry")),
        properties: properties)
    }
    return GeoJSONFeature(
      index: index, geometry: Result { try geometry(from: geometryValue) }.mapError(asGeometryError),
      properties: properties)
  }

  /// Reads one GeoJSON geometry object.
  public static func geometry(from value: JSONValue) throws -> Geometry {
    guard let type = value["type"]?.stringValue else { throw unreadable("geometry has no 'type'") }
    guard let coordinates = value["coordinates"] else { throw unreadable("\(type) has no 'coordinates'") }
    switch type {
    case "Point": return .point(try position(coordinates))
    case "LineString": return .lineString(try LineString(try positions(coordinates)))
    case "Polygon": return .polygon(try polygon(coordinates))
    case "MultiPolygon":
      guard let parts = coordinates.arrayValue else { throw unreadable("MultiPolygon coordinates must be an array") }
      return .multiPolygon(MultiPolygon(try parts.map(polygon)))
    default:
      let shown = type.count > 40 ? type.prefix(40) + "…" : Substring(type)
      throw unreadable("unsupported geometry type '\(shown)' (expected Point, LineString, Polygon or MultiPolygon)")
    }
  }

  private static func polygon(_ value: JSONValue) throws -> Polygon {
    guard let ringValues = value.arrayValue, !ringValues.isEmpty else {
      throw unreadable("Polygon needs at least one ring")
    }
    let rings = try ringValues.map { try LinearRing(try positions($0)) }
    return Polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
  }

  private static func positions(_ value: JSONValue) throws -> [Coordinate] {
    guard let values = value.arrayValue else { throw unreadable("expected an array of positions") }
    return try values.map(position)
  }

  private static func position(_ value: JSONValue) throws -> Coordinate {
    guard let numbers = value.arrayValue, numbers.count >= 2,
      let lon = numbers[0].numberValue, let lat = numbers[1].numberValue
    else { throw unreadable("expected a position [lon, lat]") }
    return Coordinate(lon: lon, lat: lat)
  }

  private static func unreadable(_ message: String) -> GeometryError {
    .unreadable(format: "GeoJSON", message: message)
  }

  private static func asGeometryError(_ error: any Error) -> GeometryError {
    error as? GeometryError ?? .unreadable(format: "GeoJSON", message: "\(error)")
  }
}
