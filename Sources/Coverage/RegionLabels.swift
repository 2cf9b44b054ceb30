/// 4-connected regions of equal class in a class raster, numbered in scan order (a region's
/// number is the rank of its first cell, from the south-west, row by row).
///
/// Run-based labelling in horizontal strips, one per worker: each strip cuts its rows into
/// runs of one class, joins runs of equal class that share a column with the row below
/// (union–find, the earlier run as root) and numbers its pieces by their first run; pieces
/// touching across a strip boundary are joined the same way, and the roots, in order, get the
/// final numbers. A region's smallest piece number is its first piece in scan order (strips
/// are numbered bottom-up and pieces in scan order within each), so the numbering is the
/// single-strip one whatever the number of strips. Every cell is read once and written once.
///
/// - Complexity: O(cells) to cut runs and write labels, near-linear union–find over the runs.
struct RegionLabels {
  /// Region per cell; −1 where the class is negative (nothing).
  let labels: [Int32]
  let regionCount: Int

  /// Labels `classes` (row-major, `rows` × `columns`) on up to `threads` workers.
  init(classes: UnsafeBufferPointer<Int32>, rows: Int, columns: Int, threads: Int = 1) {
    let strips = max(1, min(threads, rows))
    var found = [StripRuns](repeating: StripRuns(), count: strips)
    found.withUnsafeMutableBufferPointer { buffer in
      let slots = SharedSlots(buffer)
      ParallelRows.perform(workers: strips) { strip in
        slots[strip] = StripRuns(classes, rows: Self.rows(ofStrip: strip, strips: strips, rows: rows), columns: columns)
      }
    }
    var firstPiece = [Int](repeating: 0, count: strips + 1)
    for strip in 0..<strips { firstPiece[strip + 1] = firstPiece[strip] + found[strip].pieceCount }
    var joins = PieceJoins(count: firstPiece[strips])
    for strip in 1..<strips {
      let below = found[strip - 1]
      let above = found[strip]
      below.forEachTouching(below.rows.count - 1, of: above, 0) { lower, upper in
        joins.union(firstPiece[strip - 1] + Int(below.piece[lower]), firstPiece[strip] + Int(above.piece[upper]))
      }
    }
    let final = joins.numbered()
    let runs = found
    labels = [Int32](count: rows * columns) { label in
      ParallelRows.perform(workers: strips) { strip in
        runs[strip].writeLabels(label, columns: columns) { final.numbers[firstPiece[strip] + Int($0)] }
      }
    }
    regionCount = final.count
  }

  /// Strip `strip` of `strips` equal row ranges.
  static func rows(ofStrip strip: Int, strips: Int, rows: Int) -> Range<Int> {
    strip * rows / strips..<(strip + 1) * rows / strips
  }
}

/// One strip's runs (maximal stretches of a row with one class ≥ 0), in scan order, and the
/// piece (4-connected within the strip) each belongs to.
private struct StripRuns {
  var rows: Range<Int> = 0..<0
  /// Index of the first run of each row of the strip, and one past the last run.
  var rowStart: [Int] = [0]
  var start: [Int32] = []
  var end: [Int32] = []
  var value: [Int32] = []
  /// Piece per run, numbered from 0 in the order of the pieces' first runs.
  var piece: [Int32] = []
  var pieceCount = 0

  init() {}

  init(_ classes: UnsafeBufferPointer<Int32>, rows: Range<Int>, columns: Int) {
    self.rows = rows
    rowStart = []
    rowStart.reserveCapacity(rows.count + 1)
    for row in rows {
      rowStart.append(start.count)
      let base = row * columns
      var column = 0
      while column < columns {
        let cellClass = classes[base + column]
        var next = column + 1
        while next < columns && classes[base + next] == cellClass { next += 1 }
        if cellClass >= 0 {
          start.append(Int32(column))
          end.append(Int32(next))
          value.append(cellClass)
        }
        column = next
      }
    }
    rowStart.append(start.count)
    var joins = PieceJoins(count: start.count)
    for row in 1..<max(rows.count, 1) {
      forEachTouching(row - 1, of: self, row) { joins.union($0, $1) }
    }
    let numbered = joins.numbered()
    piece = numbered.numbers
    pieceCount = numbered.count
  }

  /// Calls `body(lower, upper)` for every run of local row `lowerRow` here and run of local row
  /// `upperRow` of `other` (the row above it) of the same class sharing a column.
  func forEachTouching(_ lowerRow: Int, of other: StripRuns, _ upperRow: Int, _ body: (Int, Int) -> Void) {
    var lower = rowStart[lowerRow]
    let lowerEnd = rowStart[lowerRow + 1]
    var upper = other.rowStart[upperRow]
    let upperEnd = other.rowStart[upperRow + 1]
    while lower < lowerEnd && upper < upperEnd {
      if start[lower] < other.end[upper] && other.start[upper] < end[lower] && value[lower] == other.value[upper] {
        body(lower, upper)
      }
      if end[lower] <= other.end[upper] { lower += 1 } else { upper += 1 }
    }
  }

  /// Writes every cell of the strip: `label(piece)` along each run, −1 between runs.
  func writeLabels(_ out: SharedSlots<Int32>, columns: Int, _ label: (Int32) -> Int32) {
    for (local, row) in rows.enumerated() {
      let base = row * columns
      var column = 0
      for run in rowStart[local]..<rowStart[local + 1] {
        let runStart = Int(start[run])
        while column < runStart {
          out[base + column] = -1
          column += 1
        }
        let number = label(piece[run])
        let runEnd = Int(end[run])
        while column < runEnd {
          out[base + column] = number
          column += 1
        }
      }
      while column < columns {
        out[base + column] = -1
        column += 1
      }
    }
  }
}

/// Union–find over runs or pieces, the smallest of a set as its root.
private struct PieceJoins {
  var parent: [Int32]

  init(count: Int) { parent = (0..<count).map { Int32($0) } }

  mutating func root(_ piece: Int) -> Int {
    var node = piece
    while Int(parent[node]) != node {
      parent[node] = parent[Int(parent[node])]  // path halving
      node = Int(parent[node])
    }
    return node
  }

  mutating func union(_ a: Int, _ b: Int) {
    let rootA = root(a)
    let rootB = root(b)
    if rootA < rootB {
      parent[rootB] = Int32(rootA)
    } else if rootB < rootA {
      parent[rootA] = Int32(rootB)
    }
  }

  /// The number of every member: roots numbered in ascending order, each member its root's.
  mutating func numbered() -> (numbers: [Int32], count: Int) {
    var numbers = [Int32](repeating: 0, count: parent.count)
    var count: Int32 = 0
    for member in parent.indices {
      let top = root(member)
      if top == member {
        numbers[member] = count
        count += 1
      } else {
        // The root is smaller, so already numbered.
        numbers[member] = numbers[top]
      }
    }
    return (numbers, Int(count))
  }
}
