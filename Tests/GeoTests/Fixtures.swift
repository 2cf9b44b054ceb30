@testable import Geo

/// Axis-aligned rectangle polygons for hand-computable tests.
func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> Polygon {
  Polygon(
    exterior: LinearRing(unchecked: [
      Coordinate(x: minX, y: minY), Coordinate(x: maxX, y: minY), Coordinate(x: maxX, y: maxY),
      Coordinate(x: minX, y: maxY), Coordinate(x: minX, y: minY),
    ]))
}

func multi(_ polygons: Polygon...) -> MultiPolygon { MultiPolygon(polygons) }
