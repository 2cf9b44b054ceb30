import Foundation
import Testing

@testable import Geo

@Suite struct GeometryEngineTests {
  let engine = GeometryEngine()

  /// Two 10×10 squares overlapping in a 5×10 strip: union 150, intersection 50, difference 50.
  @Test func overlayAreasMatchHandComputation() throws {
    let a = Geometry.polygon(rectangle(0, 0, 10, 10))
    let b = Geometry.polygon(rectangle(5, 0, 15, 10))
    #expect(try engine.union([a.areal, b.areal]).area == 150)
    #expect(try engine.intersection(a, b).area == 50)
    #expect(try engine.difference(a, b).area == 50)
    #expect(try engine.area(of: a) == 100)
  }

  /// A 4×4 shell with a 2×2 hole: 16 − 4 = 12, by GEOS and by the shoelace formula.
  @Test func areaOfPolygonWithHole() throws {
    let holed = Polygon(
      exterior: rectangle(0, 0, 4, 4).exterior, holes: [rectangle(1, 1, 3, 3).exterior.reversed])
    #expect(try engine.area(of: .polygon(holed)) == 12)
    #expect(holed.area == 12)
  }

  /// A 6×6 checkerboard of unit cells (18 dark cells) is a polygonal coverage; GEOS 3.11's
  /// coverage union rejects it, so the fallback must still give 18.
  @Test func coverageUnionFallsBackOnCheckerboard() throws {
    var cells: [MultiPolygon] = []
    for row in 0..<6 {
      for column in 0..<6 where (row + column) % 2 == 0 {
        cells.append(multi(rectangle(Double(column), Double(row), Double(column + 1), Double(row + 1))))
      }
    }
    #expect(try engine.coverageUnion(cells).area == 18)
  }

  /// Adjacent cells dissolve into one polygon of 3 × 1.
  @Test func coverageUnionDissolvesAdjacentCells() throws {
    let cells = (0..<3).map { multi(rectangle(Double($0), 0, Double($0 + 1), 1)) }
    let merged = try engine.coverageUnion(cells)
    #expect(merged.polygons.count == 1)
    #expect(merged.area == 3)
  }

  @Test func rejectsSelfIntersectingBowtieWithReason() throws {
    let bowtie = Polygon(
      exterior: try LinearRing([
        Coordinate(x: 0, y: 0), Coordinate(x: 10, y: 10), Coordinate(x: 10, y: 0),
        Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 0),
      ]))
    let reason = try #require(try engine.invalidity(of: .polygon(bowtie)))
    #expect(reason.reason.contains("Self-intersection"))
    #expect(reason.location == Coordinate(x: 5, y: 5))
    // MakeValid splits the bowtie into its two triangles of 25 each.
    let repaired = try engine.makeValid(.polygon(bowtie))
    #expect(repaired.area == 50)
    #expect(try engine.invalidity(of: .multiPolygon(repaired)) == nil)
  }

  @Test func validSquareHasNoInvalidity() throws {
    #expect(try engine.invalidity(of: .polygon(rectangle(0, 0, 1, 1))) == nil)
  }

  /// Buffering a 10×10 square by 1 with round joins: 100 + 4·10 + π ≈ 143.14; with 8
  /// segments per quadrant the corners are inscribed polygons: 32·½·sin(π/16)… ≈ 3.1214.
  @Test func bufferAreaMatchesSquarePlusRoundCorners() throws {
    let grown = try engine.buffer(.polygon(rectangle(0, 0, 10, 10)), distance: 1)
    let inscribedCircle = 32 * 0.5 * (2 * Double.pi / 32).sine
    #expect(abs(grown.area - (140 + inscribedCircle)) < 1e-9)
  }

  @Test func predicates() throws {
    let big = Geometry.polygon(rectangle(0, 0, 10, 10))
    #expect(try engine.contains(big, .point(Coordinate(x: 5, y: 5))))
    #expect(try !engine.contains(big, .point(Coordinate(x: 15, y: 5))))
    #expect(try engine.intersects(big, .polygon(rectangle(9, 9, 20, 20))))
    #expect(try !engine.intersects(big, .polygon(rectangle(11, 11, 20, 20))))
  }

  /// A square with a midpoint on each edge simplifies back to its four corners.
  @Test func simplifyRemovesCollinearPoints() throws {
    let dense = Polygon(
      exterior: try LinearRing([
        Coordinate(x: 0, y: 0), Coordinate(x: 5, y: 0), Coordinate(x: 10, y: 0), Coordinate(x: 10, y: 5),
        Coordinate(x: 10, y: 10), Coordinate(x: 5, y: 10), Coordinate(x: 0, y: 10), Coordinate(x: 0, y: 5),
        Coordinate(x: 0, y: 0),
      ]))
    guard case .polygon(let simple) = try engine.simplify(.polygon(dense), tolerance: 0.1) else {
      Issue.record("expected a polygon")
      return
    }
    #expect(simple.exterior.coordinates.count == 5)
    #expect(simple.area == 100)
  }

  @Test func wktAndWKBRoundTrip() throws {
    let holed = Geometry.polygon(
      Polygon(exterior: rectangle(0, 0, 4, 4).exterior, holes: [rectangle(1, 1, 2, 2).exterior]))
    #expect(try engine.wkt(holed) == "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))")
    #expect(try engine.geometry(wkt: engine.wkt(holed)) == holed)
    let bytes = try engine.wkb(holed)
    // Little-endian flag 1, then type 3 (Polygon), 2 rings: OGC 06-103r4 §8.2.
    #expect(Array(bytes.prefix(9)) == [1, 3, 0, 0, 0, 2, 0, 0, 0])
    #expect(try engine.geometry(wkb: bytes) == holed)
    #expect(throws: GeometryError.self) { try engine.geometry(wkt: "POLYGON ((0 0, 1") }
  }
}

extension Double {
  fileprivate var sine: Double { Foundation.sin(self) }
}

/// Inputs the fuzzer (Fuzz/, target geojson) found to crash; each must now be an error.
@Suite struct GeometryEngineFuzzRegressionTests {
  let engine = GeometryEngine()

  /// A parcel corner at 105.664e138 overran GEOS 3.11's WKT number buffer (stack protector
  /// abort, libgeos/geos#970). Now an error naming the coordinate.
  @Test func wktOfAHugeCoordinateIsAnErrorNotACrash() throws {
    let huge = Geometry.polygon(
      Polygon(
        exterior: try LinearRing([
          Coordinate(x: 105.6613077, y: 21.3676762), Coordinate(x: 105.664e138, y: 21.3694208),
          Coordinate(x: 105.661575, y: 21.3697156), Coordinate(x: 105.6613077, y: 21.3676762),
        ])))
    #expect(
      throws: GeometryError.geos(
        operation: "write WKT",
        message: "coordinate (1.05664e+140, 21.3694208) is beyond ±1e100, which GEOS's WKT writer cannot print")
    ) {
      try engine.wkt(huge)
    }
    #expect(throws: GeometryError.self) { try engine.wkt(.point(Coordinate(x: 0, y: -1.7976931348623157e308))) }
    // Up to the limit it still writes, in full (fixed notation: 101 digits for 1e100).
    let large = try engine.wkt(.point(Coordinate(x: 1e100, y: -1e99)))
    #expect(large.hasPrefix("POINT (10000000000000000"))
    #expect(large.split(separator: " ").first { $0.hasPrefix("(") }?.count == 102)
  }
}
