/// One feature read from a GeoJSON file: its position in the file, geometry and properties.
public struct GeoJSONFeature: Sendable {
  /// Zero-based index of the feature in the collection.
  public let index: Int
  /// The geometry, or why it could not be read.
  public let geometry: Result<Geometry, GeometryError>
  /// Properties in file order (empty when `null` or absent).
  public let properties: [(String, JSONValue)]

  public init(index: Int, geometry: Result<Geometry, GeometryError>, properties: [(String, JSONValue)]) {
    self.index = index
    self.geometry = geometry
    self.properties = properties
  }

  public func property(_ key: String) -> JSONValue? {
    properties.first { $0.0 == key }?.1
  }
}

/// A feature to write: geometry in WGS84 `lon, lat` and ordered properties.
public struct OutputFeature: Sendable {
  public let geometry: Geometry
  public let properties: [(String, JSONValue)]

  public init(geometry: Geometry, properties: [(String, JSONValue)]) {
    self.geometry = geometry
    self.properties = properties
  }
}

/// RFC 7946 GeoJSON reading and writing.
public enum GeoJSON {
  /// Decimal places of written coordinates: 7 places ≈ 1 cm (RFC 7946 §11.2 advises ~6).
  public static let coordinateDecimals = 7
}
