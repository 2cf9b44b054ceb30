/// A planar or geographic position: `x` is longitude or easting, `y` latitude or northing.
///
/// Geographic coordinates are always in `lon, lat` order (as GeoJSON, RFC 7946 §3.1.1);
/// projected ones in `easting, northing` metres, whatever the CRS's own axis order.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// A geographic coordinate, `lon, lat` in degrees.
  public init(lon: Double, lat: Double) {
    self.init(x: lon, y: lat)
  }

  public var isFinite: Bool { x.isFinite && y.isFinite }

  public var description: String { "(\(x), \(y))" }

  /// Euclidean distance to `other`, in the units of the coordinates.
  public func distance(to other: Coordinate) -> Double {
    ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
  }
}
