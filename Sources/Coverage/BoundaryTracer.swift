import Geo

/// The boundary walk of `Polygoniser`. Directions: 0 east, 1 north, 2 west, 3 south
/// (counter-clockwise); vertex (row, column) is the south-west corner of cell (row, column),
/// numbered row by row from the south-west.
///
/// Every boundary edge has one successor (the corner rule), so the edges form rings, and a
/// ring walked from any of its edges is the same cycle. A strip of vertex rows walks the ring
/// of every unwalked edge it holds, marking its own edges walked (other strips' edges are
/// theirs to mark, so strips never write the same vertex), and keeps the ring only when none
/// of its vertices comes before the start in scan order: then the start is the ring's first
/// vertex, with its lowest direction there — where one strip over the whole grid starts it.
/// A ring crossing strips is walked once per strip it touches and kept by one.
struct BoundaryTracer: @unchecked Sendable {
  let classes: UnsafeBufferPointer<Int32>
  let labels: UnsafeBufferPointer<Int32>
  let grid: CoverageGrid
  let rows: Int
  let columns: Int

  init(classes: UnsafeBufferPointer<Int32>, labels: UnsafeBufferPointer<Int32>, grid: CoverageGrid) {
    self.classes = classes
    self.labels = labels
    self.grid = grid
    rows = grid.rows
    columns = grid.columns
  }

  /// Outgoing boundary edges per vertex, one bit per direction: an edge leaves east when its
  /// left cell (north-east of the vertex) is covered and the cell across (south-east) is of
  /// another class, and so on round the vertex. Vertex rows in strips on `workers` workers.
  func boundaryEdges(workers: Int) -> [UInt8] {
    let stride = columns + 1
    return [UInt8](count: (rows + 1) * stride) { out in
      ParallelRows.perform(workers: workers) { strip in
        for row in RegionLabels.rows(ofStrip: strip, strips: workers, rows: rows + 1) {
          let north = row < rows ? row * columns : -1
          let south = row > 0 ? (row - 1) * columns : -1
          var northWest: Int32 = -1
          var southWest: Int32 = -1
          for column in 0...columns {
            let northEast = north >= 0 && column < columns ? classes[north + column] : -1
            let southEast = south >= 0 && column < columns ? classes[south + column] : -1
            var bits: UInt8 = 0
            if northEast >= 0 && southEast != northEast { bits |= 1 }
            if northWest >= 0 && northEast != northWest { bits |= 2 }
            if southWest >= 0 && northWest != southWest { bits |= 4 }
            if southEast >= 0 && southWest != southEast { bits |= 8 }
            out[row * stride + column] = bits
            northWest = northEast
            southWest = southEast
          }
        }
      }
    }
  }

  /// The rings whose first vertex lies in `vertexRows`, in scan order of their start; marks the
  /// edges of those rows walked in `edges`. Rings are kept as vertex indices (the corners where
  /// the walk turns), so that the worker allocates nothing per ring: the polygons' coordinates
  /// are made afterwards, on one thread (`Polygoniser`).
  func trace(vertexRows: Range<Int>, edges: SharedSlots<UInt8>) -> StripRings {
    let stride = columns + 1
    let firstVertex = vertexRows.lowerBound * stride
    let endVertex = vertexRows.upperBound * stride
    var found = StripRings()
    for start in firstVertex..<endVertex where edges[start] != 0 {
      while edges[start] != 0 {
        let startRow = start / stride
        let startColumn = start - startRow * stride
        let startDirection = edges[start].trailingZeroBitCount
        let (cellRow, cellColumn) = leftCell(startRow, startColumn, startDirection)
        let value = classAt(cellRow, cellColumn)
        let region = labelAt(cellRow, cellColumn)
        let first = found.vertices.count
        found.vertices.append(Int32(start))
        var keep = true
        var twiceArea = 0
        var row = startRow
        var column = startColumn
        var heading = startDirection
        while true {
          let vertex = row * stride + column
          if vertex >= firstVertex && vertex < endVertex { edges[vertex] &= ~UInt8(1 << heading) }
          let (nextRow, nextColumn) = step(row, column, heading)
          twiceArea += column * nextRow - nextColumn * row
          row = nextRow
          column = nextColumn
          if row * stride + column < start { keep = false }
          let direction = outgoing(row, column, heading: heading, value: value)
          if row == startRow && column == startColumn && direction == startDirection { break }
          if keep && direction != heading { found.vertices.append(Int32(row * stride + column)) }
          heading = direction
        }
        guard keep else {
          found.vertices.removeSubrange(first...)
          continue
        }
        found.rings.append(
          StripRings.Ring(
            region: region, classValue: value, isShell: twiceArea > 0, first: Int32(first),
            end: Int32(found.vertices.count)))
      }
    }
    return found
  }

  @inline(__always) func step(_ row: Int, _ column: Int, _ direction: Int) -> (Int, Int) {
    switch direction {
    case 0: return (row, column + 1)
    case 1: return (row + 1, column)
    case 2: return (row, column - 1)
    default: return (row - 1, column)
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
}

/// The rings one strip keeps, in scan order of their start: each a run of `vertices` (grid
/// vertex indices, row × (columns + 1) + column, without the closing repeat).
struct StripRings {
  struct Ring {
    let region: Int32
    let classValue: Int32
    /// Counter-clockwise (a shell), else a hole.
    let isShell: Bool
    let first: Int32
    let end: Int32
  }

  var rings: [Ring] = []
  var vertices: [Int32] = []
}
