extension MultiPolygon {
  /// Whether `point` is inside: even–odd crossings over every ring (W. R. Franklin's test;
  /// holes and several parts alike). A point on an edge may go either way.
  public func contains(_ point: Coordinate) -> Bool {
    var inside = false
    for polygon in polygons {
      for ring in polygon.rings {
        let points = ring.coordinates
        var previous = points[points.count - 1]
        for current in points {
          if (current.y > point.y) != (previous.y > point.y),
            point.x < (previous.x - current.x) * (point.y - current.y) / (previous.y - current.y) + current.x
          {
            inside.toggle()
          }
          previous = current
        }
      }
    }
    return inside
  }

  /// The point of the shape nearest `point`: `point` itself inside, else its projection on the
  /// nearest edge.
  public func nearestPoint(to point: Coordinate) -> Coordinate {
    guard !contains(point) else { return point }
    var best = point
    var bestD2 = Double.infinity
    for polygon in polygons {
      for ring in polygon.rings {
        let c = ring.coordinates
        for k in 0..<(c.count - 1) {
          let (a, b) = (c[k], c[k + 1])
          let (dx, dy) = (b.x - a.x, b.y - a.y)
          let length2 = dx * dx + dy * dy
          let t = length2 > 0 ? max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / length2)) : 0
          let projected = Coordinate(x: a.x + t * dx, y: a.y + t * dy)
          let d2 = (projected.x - point.x) * (projected.x - point.x) + (projected.y - point.y) * (projected.y - point.y)
          if d2 < bestD2 { (best, bestD2) = (projected, d2) }
        }
      }
    }
    return best
  }
}
