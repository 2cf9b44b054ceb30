import Geo

/// Raster → polygons by a linear-time boundary trace (shared/notes/geos-proj-from-swift.md:
/// two to three orders of magnitude faster than unions of cells).
///
/// Every cell with class ≥ 0 is covered. Directed boundary edges are walked with the
/// covered cell on the left, so shells come out counter-clockwise and holes clockwise;
/// where two cells of a class touch only at a corner, the walk turns right if they are
/// one region (the ring separates inside from outside; a hole touching its shell at a
/// point) and left if they are different regions (two polygons touching at a point), so
/// every ring is simple and the result is valid by OGC rules. Collinear vertices are
/// dropped; the area of each class's polygons equals its cell count × the cell area.
public enum Polygoniser {
  /// Polygons of every class present, in ascending class order; within a class, one
  /// polygon per 4-connected region in scan order (from the south-west).
  public static func polygons(classes: [Int32], grid: CoverageGrid) -> [(classValue: Int32, shape: MultiPolygon)] {
    precondition(classes.count == grid.cellCount, "one class per cell")
    return classes.withUnsafeBufferPointer { buffer in
      let regions = RegionLabels(classes: buffer, rows: grid.rows, columns: grid.columns)
      return regions.labels.withUnsafeBufferPointer { labels in
        var tracer = BoundaryTracer(classes: buffer, labels: labels, grid: grid)
        return tracer.trace(regionCount: regions.regionCount)
      }
    }
  }
}

/// The walk itself. Directions: 0 east, 1 north, 2 west, 3 south (counter-clockwise).
private struct BoundaryTracer {
  let classes: UnsafeBufferPointer<Int32>
  let labels: UnsafeBufferPointer<Int32>
  let grid: CoverageGrid
  let rows: Int
  let columns: Int
  /// Unwalked outgoing edges per vertex, one bit per direction.
  var edges: [UInt8]

  init(classes: UnsafeBufferPointer<Int32>, labels: UnsafeBufferPointer<Int32>, grid: CoverageGrid) {
    self.classes = classes
    self.labels = labels
    self.grid = grid
    rows = grid.rows
    columns = grid.columns
    edges = [UInt8](repeating: 0, count: (grid.rows + 1) * (grid.columns + 1))
    let stride = columns + 1
    for row in 0..<rows {
      for column in 0..<columns {
        let value = classes[row * columns + column]
        guard value >= 0 else { continue }
        if classAt(row - 1, column) != value { edges[row * stride + column] |= 1 }
        if classAt(row, column + 1) != value { edges[row * stride + column + 1] |= 2 }
        if classAt(row + 1, column) != value { edges[(row + 1) * stride + column + 1] |= 4 }
        if classAt(row, column - 1) != value { edges[(row + 1) * stride + column] |= 8 }
      }
    }
  }

  @inline(__always) func classAt(_ row: Int, _ column: Int) -> Int32 {
    guard row >= 0, row < rows, column >= 0, column < columns else { return -1 }
    return classes[row * columns + column]
  }

  @inline(__always) func labelAt(_ row: Int, _ column: Int) -> Int32 {
    guard row >= 0, row < rows, column >= 0, column < columns else { return -1 }
    return labels[row * columns + column]
  }

  /// The cell left of the edge leaving vertex (row, column) in `direction`.
  @inline(__always) func leftCell(_ row: Int, _ column: Int, _ direction: Int) -> (Int, Int) {
    switch direction {
    case 0: return (row, column)
    case 1: return (row, column - 1)
    case 2: return (row - 1, column - 1)
    default: return (row - 1, column)
    }
  }

  /// The direction to leave vertex (row, column) on a ring of `value`, arriving heading `heading`.
  @inline(__always) func outgoing(_ row: Int, _ column: Int, heading: Int, value: Int32) -> Int {
    let northEast = classAt(row, column) == value
    let northWest = classAt(row, column - 1) == value
    let southWest = classAt(row - 1, column - 1) == value
    let southEast = classAt(row - 1, column) == value
    // An edge leaves east when its left cell (NE) is in and the cell across (SE) is not, etc.
    let exists =
      (northEast && !southEast ? 1 : 0) | (northWest && !northEast ? 2 : 0) | (southWest && !northWest ? 4 : 0)
      | (southEast && !southWest ? 8 : 0)
    let left = (heading + 1) & 3
    let right = (heading + 3) & 3
    if exists & (1 << left) != 0 && exists & (1 << right) != 0 {
      // A corner touch: one region → turn right (join); two regions → turn left (separate).
      let same =
        northEast && southWest
        ? labelAt(row, column) == labelAt(row - 1, column - 1)
        : labelAt(row, column - 1) == labelAt(row - 1, column)
      return same ? right : left
    }
    if exists & (1 << left) != 0 { return left }
    if exists & (1 << heading) != 0 { return heading }
    return right
  }

  mutating func trace(regionCount: Int) -> [(classValue: Int32, shape: MultiPolygon)] {
    var shells = [LinearRing?](repeating: nil, count: regionCount)
    var holes = [[LinearRing]](repeating: [], count: regionCount)
    var regionClass = [Int32](repeating: -1, count: regionCount)
    let stride = columns + 1
    let stepRow = [0, 1, 0, -1]
    let stepColumn = [1, 0, -1, 0]
    for start in 0..<edges.count where edges[start] != 0 {
      while edges[start] != 0 {
        let startRow = start / stride
        let startColumn = start - startRow * stride
        let startDirection = edges[start].trailingZeroBitCount
        let (cellRow, cellColumn) = leftCell(startRow, startColumn, startDirection)
        let value = classAt(cellRow, cellColumn)
        let region = Int(labelAt(cellRow, cellColumn))
        var points = [grid.corner(row: startRow, column: startColumn)]
        var twiceArea = 0
        var row = startRow
        var column = startColumn
        var heading = startDirection
        while true {
          edges[row * stride + column] &= ~UInt8(1 << heading)
          let nextRow = row + stepRow[heading]
          let nextColumn = column + stepColumn[heading]
          twiceArea += column * nextRow - nextColumn * row
          row = nextRow
          column = nextColumn
          let direction = outgoing(row, column, heading: heading, value: value)
          if row == startRow && column == startColumn && direction == startDirection { break }
          if direction != heading { points.append(grid.corner(row: row, column: column)) }
          heading = direction
        }
        points.append(points[0])
        guard let ring = try? LinearRing(points) else { continue }
        regionClass[region] = value
        if twiceArea > 0 { shells[region] = ring } else { holes[region].append(ring) }
      }
    }
    var byClass: [Int32: [Polygon]] = [:]
    for region in 0..<regionCount {
      guard let shell = shells[region] else { continue }
      byClass[regionClass[region], default: []].append(Polygon(exterior: shell, holes: holes[region]))
    }
    return byClass.keys.sorted().map { ($0, MultiPolygon(byClass[$0]!)) }
  }
}
