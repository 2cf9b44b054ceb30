import Coverage
import Geo
import TestSupport
import Testing

@Suite struct PolygoniserTests {
  let grid = CoverageGrid(originX: 1000, originY: 2000, resolutionM: 10, columns: 6, rows: 5)

  /// Classes given row by row from the north, as drawn.
  func raster(_ drawing: [String]) -> [Int32] {
    var classes = [Int32](repeating: -1, count: grid.cellCount)
    for (line, text) in drawing.enumerated() {
      let row = grid.rows - 1 - line
      for (column, character) in text.enumerated() where character != "." {
        classes[row * grid.columns + column] = Int32(String(character))!
      }
    }
    return classes
  }

  @Test func squareWithAHoleHasCounterClockwiseShellAndClockwiseHole() throws {
    let classes = raster(["......", ".000..", ".0.0..", ".000..", "......"])
    let result = Polygoniser.polygons(classes: classes, grid: grid)
    #expect(result.count == 1)
    let polygon = try #require(result.first?.shape.polygons.first)
    // Shell: the 3×3 block, corners only: (1010, 2010) … (1040, 2040).
    #expect(
      polygon.exterior.coordinates == [
        Coordinate(x: 1010, y: 2010), Coordinate(x: 1040, y: 2010), Coordinate(x: 1040, y: 2040),
        Coordinate(x: 1010, y: 2040), Coordinate(x: 1010, y: 2010),
      ])
    #expect(polygon.holes.count == 1)
    #expect(signedArea(polygon.exterior) == 900)
    #expect(signedArea(polygon.holes[0]) == -100)
    #expect((try GeometryEngine().area(of: .polygon(polygon))) == 8 * 100)
  }

  @Test func cornerTouchesGiveValidGeometryAndExactAreas() throws {
    // A ring closed by a corner touch (one region: hole touching the shell), two
    // different regions touching at a corner, and a second class beside them.
    let classes = raster(["00....", "0.0.11", ".00.1.", "0...1.", ".0..11"])
    let engine = GeometryEngine()
    let result = Polygoniser.polygons(classes: classes, grid: grid)
    #expect(result.map(\.classValue) == [0, 1])
    for (value, shape) in result {
      let cells = classes.filter { $0 == value }.count
      #expect(try engine.invalidity(of: .multiPolygon(shape)) == nil, "class \(value)")
      #expect(abs(try engine.area(of: .multiPolygon(shape)) - Double(cells) * 100) < 1e-6)
    }
  }

  @Test func randomRastersAreValidAndAreasMatchCellCounts() throws {
    let engine = GeometryEngine()
    var generator = SplitMix(seed: 7)
    let big = CoverageGrid(originX: 0, originY: 0, resolutionM: 10, columns: 40, rows: 30)
    for _ in 0..<20 {
      let classes = (0..<big.cellCount).map { _ in Int32(generator.next() % 4) - 1 }
      for (value, shape) in Polygoniser.polygons(classes: classes, grid: big) {
        let cells = classes.filter { $0 == value }.count
        #expect(try engine.invalidity(of: .multiPolygon(shape)) == nil)
        #expect(abs(try engine.area(of: .multiPolygon(shape)) - Double(cells) * 100) < 1e-6)
        for polygon in shape.polygons {
          #expect(signedArea(polygon.exterior) > 0)
          #expect(polygon.holes.allSatisfy { signedArea($0) < 0 })
        }
      }
    }
  }

  func signedArea(_ ring: LinearRing) -> Double {
    let points = ring.coordinates
    var sum = 0.0
    for index in 0..<(points.count - 1) {
      sum += points[index].x * points[index + 1].y - points[index + 1].x * points[index].y
    }
    return sum / 2
  }
}
