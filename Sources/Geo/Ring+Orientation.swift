extension LinearRing {
  /// Signed planar area by the shoelace formula: positive for counter-clockwise rings.
  ///
  /// - Complexity: O(n).
  public var signedArea: Double {
    let points = coordinates
    guard points.count >= 4 else { return 0 }
    // Shift to the first point to keep the products small (better precision for UTM metres).
    let origin = points[0]
    var twiceArea = 0.0
    for index in 1..<(points.count - 1) {
      let a = points[index]
      let b = points[index + 1]
      twiceArea += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
    }
    return twiceArea / 2
  }

  public var isCounterClockwise: Bool { signedArea > 0 }

  /// This ring turned counter-clockwise (`true`) or clockwise (`false`).
  public func oriented(counterClockwise: Bool) -> LinearRing {
    isCounterClockwise == counterClockwise ? self : reversed
  }
}

extension Polygon {
  /// Planar area: shell minus holes, in squared coordinate units.
  public var area: Double {
    abs(exterior.signedArea) - holes.reduce(0) { $0 + abs($1.signedArea) }
  }

  /// The RFC 7946 §3.1.6 winding: counter-clockwise shell, clockwise holes.
  public var rightHandRuleOriented: Polygon {
    Polygon(
      exterior: exterior.oriented(counterClockwise: true),
      holes: holes.map { $0.oriented(counterClockwise: false) })
  }
}

extension MultiPolygon {
  /// Planar area of all parts (parts are assumed not to overlap).
  public var area: Double { polygons.reduce(0) { $0 + $1.area } }

  /// Bounding box as (min, max) corners, or nil when empty.
  public var bounds: (min: Coordinate, max: Coordinate)? {
    var minX = Double.infinity
    var minY = Double.infinity
    var maxX = -Double.infinity
    var maxY = -Double.infinity
    for polygon in polygons {
      for point in polygon.exterior.coordinates {
        minX = min(minX, point.x)
        minY = min(minY, point.y)
        maxX = max(maxX, point.x)
        maxY = max(maxY, point.y)
      }
    }
    guard minX.isFinite else { return nil }
    return (Coordinate(x: minX, y: minY), Coordinate(x: maxX, y: maxY))
  }
}

extension MultiPolygon {
  /// The box holding both `a` (nil = none yet) and `b`: for folding boxes with `reduce`.
  public static func union(
    _ a: (min: Coordinate, max: Coordinate)?, _ b: (min: Coordinate, max: Coordinate)
  ) -> (min: Coordinate, max: Coordinate)? {
    guard let a else { return b }
    return (
      Coordinate(x: min(a.min.x, b.min.x), y: min(a.min.y, b.min.y)),
      Coordinate(x: max(a.max.x, b.max.x), y: max(a.max.y, b.max.y))
    )
  }
}
