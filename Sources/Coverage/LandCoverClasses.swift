import Geo
import Scenario

/// Each grid cell's propagation class from the scenario's land-cover raster: the class of the
/// raster cell its centre falls in (nearest: class codes are not interpolated), found by
/// transforming the cell centres into the raster's CRS row by row (PROJ), on row bands over
/// `threads` workers (one transform each: a PROJ transform is not shared between threads).
/// Every cell's class is its own, so the classes do not depend on `threads`.
enum LandCoverClasses {
  /// Per cell, an index into `propagations` (appended to: the land cover's distinct
  /// propagations after those already there); cells outside the raster (`Preflight` refuses
  /// a raster that leaves grid cells out), on nodata or on a code without a class keep
  /// `fallback`.
  static func classes(
    _ cover: LandCover, grid: CoverageGrid, crs: CRS, propagations: inout [Propagation], fallback: UInt8,
    threads: Int = 1
  ) -> [UInt8] {
    guard (try? CoordinateTransform(from: crs, to: cover.crs)) != nil else {
      return [UInt8](repeating: fallback, count: grid.cellCount)
    }
    // Each cell's code first (−1: none), then the codes present become classes, in code order:
    // a class no cell has builds no loss table and warns of no model.
    let pass = ParallelRows(rows: grid.rows, threads: threads)
    var present = [Set<Int32>](repeating: [], count: pass.workers)
    let codes = [Int32](count: grid.cellCount) { codes in
      present.withUnsafeMutableBufferPointer { buffer in
        let slots = SharedSlots(buffer)
        pass.perform { worker in
          var seen = Set<Int32>()
          let transform = try? CoordinateTransform(from: crs, to: cover.crs)
          var centres = [Coordinate](repeating: Coordinate(x: 0, y: 0), count: grid.columns)
          for band in pass.bands(of: worker) {
            for row in pass.rows(ofBand: band) {
              for column in 0..<grid.columns { centres[column] = grid.centre(row: row, column: column) }
              let projected = try? transform?.forward(centres)
              for column in 0..<grid.columns {
                var code: Int32 = -1
                if let point = projected?[column], let found = cover.code(at: point), cover.classes[found] != nil {
                  code = found
                  seen.insert(found)
                }
                codes[row * grid.columns + column] = code
              }
            }
          }
          slots[worker] = seen
        }
      }
    }
    var indexOfCode: [Int32: UInt8] = [:]
    for code in present.reduce(into: Set<Int32>(), { $0.formUnion($1) }).sorted() {
      let propagation = cover.classes[code]!.propagation
      if let existing = propagations.firstIndex(of: propagation) {
        indexOfCode[code] = UInt8(min(existing, 255))
      } else {
        propagations.append(propagation)
        indexOfCode[code] = UInt8(min(propagations.count - 1, 255))
      }
    }
    // Codes to classes per band (a lookup table over the few codes present).
    let table = indexOfCode
    return [UInt8](count: grid.cellCount) { classes in
      pass.forEachBand { _, rows in
        for cell in rows.lowerBound * grid.columns..<rows.upperBound * grid.columns {
          classes[cell] = table[codes[cell]] ?? fallback
        }
      }
    }
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
