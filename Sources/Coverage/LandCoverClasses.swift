import Geo
import Scenario

/// Each grid cell's propagation class from the scenario's land-cover raster: the class of the
/// raster cell its centre falls in (nearest: class codes are not interpolated), found by
/// transforming the cell centres into the raster's CRS row by row (PROJ).
enum LandCoverClasses {
  /// Per cell, an index into `propagations` (appended to: the land cover's distinct
  /// propagations after those already there); cells outside the raster (`Preflight` refuses
  /// a raster that leaves grid cells out), on nodata or on a code without a class keep
  /// `fallback`.
  static func classes(
    _ cover: LandCover, grid: CoverageGrid, crs: CRS, propagations: inout [Propagation], fallback: UInt8
  ) -> [UInt8] {
    var classes = [UInt8](repeating: fallback, count: grid.cellCount)
    guard let transform = try? CoordinateTransform(from: crs, to: cover.crs) else { return classes }
    // Each cell's code first (−1: none), then the codes present become classes, in code order:
    // a class no cell has builds no loss table and warns of no model.
    var codes = [Int32](repeating: -1, count: grid.cellCount)
    var centres = [Coordinate](repeating: Coordinate(x: 0, y: 0), count: grid.columns)
    for row in 0..<grid.rows {
      for column in 0..<grid.columns { centres[column] = grid.centre(row: row, column: column) }
      guard let projected = try? transform.forward(centres) else { continue }
      for column in 0..<grid.columns {
        if let code = cover.code(at: projected[column]), cover.classes[code] != nil {
          codes[row * grid.columns + column] = code
        }
      }
    }
    var indexOfCode: [Int32: UInt8] = [:]
    for code in Set(codes).subtracting([-1]).sorted() {
      let propagation = cover.classes[code]!.propagation
      if let existing = propagations.firstIndex(of: propagation) {
        indexOfCode[code] = UInt8(min(existing, 255))
      } else {
        propagations.append(propagation)
        indexOfCode[code] = UInt8(min(propagations.count - 1, 255))
      }
    }
    for (cell, code) in codes.enumerated() {
      if let index = indexOfCode[code] { classes[cell] = index }
    }
    return classes
  }

  /// How many of the grid's border cell centres fall outside the raster (a raster and a grid
  /// are both rectangles in their CRSs, and the projections between the CRSs Cosite reads are
  /// smooth at these sizes, so the border decides); all of them when no transform exists.
  static func borderCellsOutside(_ cover: LandCover, grid: CoverageGrid, crs: CRS) -> (count: Int, of: Int) {
    var border: [Coordinate] = []
    for column in 0..<grid.columns {
      border.append(grid.centre(row: 0, column: column))
      border.append(grid.centre(row: grid.rows - 1, column: column))
    }
    for row in 0..<grid.rows {
      border.append(grid.centre(row: row, column: 0))
      border.append(grid.centre(row: row, column: grid.columns - 1))
    }
    guard let transform = try? CoordinateTransform(from: crs, to: cover.crs),
      let projected = try? transform.forward(border)
    else { return (border.count, border.count) }
    return (projected.filter { !cover.contains($0) }.count, border.count)
  }
}
