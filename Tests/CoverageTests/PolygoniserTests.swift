import Geo
import TestSupport
import Testing

@testable import Coverage

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

  /// Rasters whose rings cross strips (concentric bands, a spiral, a comb) and ragged ones, of
  /// sizes down to one row: the polygons of 2, 3, 5 and 8 strips are those of one.
  @Test func stripsGiveTheSinglePassPolygons() {
    var generator = SplitMix(seed: 11)
    var cases: [(CoverageGrid, [Int32])] = []
    for (columns, rows) in [(1, 1), (7, 1), (1, 9), (3, 2), (40, 30), (61, 97)] {
      let grid = CoverageGrid(originX: 0, originY: 0, resolutionM: 10, columns: columns, rows: rows)
      for classes in 1...3 {
        cases.append((grid, (0..<grid.cellCount).map { _ in Int32(generator.next() % UInt64(classes + 1)) - 1 }))
      }
    }
    let grid = CoverageGrid(originX: 0, originY: 0, resolutionM: 10, columns: 90, rows: 120)
    cases.append((grid, (0..<grid.cellCount).map { Self.band(grid, $0) }))
    cases.append((grid, (0..<grid.cellCount).map { Self.spiral(grid, $0) }))
    cases.append(
      (grid, (0..<grid.cellCount).map { cell in cell % grid.columns % 4 == 0 || cell / grid.columns < 3 ? 0 : -1 }))
    for (grid, classes) in cases {
      let single = Polygoniser.polygons(classes: classes, grid: grid)
      for threads in [2, 3, 5, 8] {
        let banded = Polygoniser.polygons(classes: classes, grid: grid, threads: threads)
        #expect(banded.map(\.classValue) == single.map(\.classValue))
        #expect(banded.map(\.shape) == single.map(\.shape), "\(grid.columns) × \(grid.rows), \(threads) threads")
      }
    }
  }

  /// Regions numbered by the scan order of their first cell, whatever the strips: against a
  /// union–find over all 4-neighbours written out here.
  @Test func regionsAreNumberedByTheirFirstCellOnAnyStrips() {
    var generator = SplitMix(seed: 5)
    let grid = CoverageGrid(originX: 0, originY: 0, resolutionM: 10, columns: 37, rows: 53)
    for _ in 0..<10 {
      let classes = (0..<grid.cellCount).map { _ in Int32(generator.next() % 3) - 1 }
      var parent = Array(0..<grid.cellCount)
      func root(_ cell: Int) -> Int {
        var node = cell
        while parent[node] != node { node = parent[node] }
        return node
      }
      for cell in 0..<grid.cellCount where classes[cell] >= 0 {
        let column = cell % grid.columns
        for neighbour in [column > 0 ? cell - 1 : -1, cell >= grid.columns ? cell - grid.columns : -1]
        where neighbour >= 0 && classes[neighbour] == classes[cell] {
          let (a, b) = (root(cell), root(neighbour))
          parent[max(a, b)] = min(a, b)
        }
      }
      var number: [Int: Int32] = [:]
      let expected = (0..<grid.cellCount).map { cell -> Int32 in
        guard classes[cell] >= 0 else { return -1 }
        let top = root(cell)
        if let known = number[top] { return known }
        number[top] = Int32(number.count)
        return number[top]!
      }
      for threads in [1, 2, 4, 8] {
        let labels = classes.withUnsafeBufferPointer {
          RegionLabels(classes: $0, rows: grid.rows, columns: grid.columns, threads: threads)
        }
        #expect(labels.labels == expected && labels.regionCount == number.count, "\(threads) threads")
      }
    }
  }

  /// Concentric square bands of width 7 around the centre: rings spanning every strip.
  static func band(_ grid: CoverageGrid, _ cell: Int) -> Int32 {
    let dx = abs(cell % grid.columns - grid.columns / 2)
    let dy = abs(cell / grid.columns - grid.rows / 2)
    return Int32(max(dx, dy) / 7 % 3)
  }

  /// Concentric square rings one cell wide, every other one, each cut at one cell: long
  /// rings (and their holes) through every strip.
  static func spiral(_ grid: CoverageGrid, _ cell: Int) -> Int32 {
    let x = cell % grid.columns
    let y = cell / grid.columns
    let ring = min(x, y, grid.columns - 1 - x, grid.rows - 1 - y)
    guard ring % 2 == 0 else { return -1 }
    if x == ring && y == ring + 1 { return -1 }
    return 0
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
