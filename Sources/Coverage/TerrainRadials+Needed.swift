import Dispatch

extension RadialLossTable {
  /// 1 at every sample that a cell of `grid` within `reachM` (plus a cell, against rounding)
  /// takes by `sampleIndex`, 0 elsewhere. Rows of cells are split between `threads` workers,
  /// each listing the samples of its own rows in one growing list; the lists are then marked
  /// (in any order: the marks are the same).
  /// - Complexity: O(cells within the reach); memory: a byte per sample and 8 bytes per cell.
  func neededSamples(grid: CoverageGrid, reachM: Double, threads: Int) -> [UInt8] {
    let resolution = grid.resolutionM
    let reach = reachM + resolution
    let firstRow = max(0, Int(((y - reach) / resolution).rounded(.down)))
    let endRow = min(grid.rows, Int(((y + reach) / resolution).rounded(.up)) + 1)
    var needed = [UInt8](repeating: 0, count: radialCount * stride)
    guard firstRow < endRow else { return needed }
    let rows = firstRow..<endRow
    let workers = max(1, min(threads, rows.count))
    var lists = [[Int]](repeating: [], count: workers)
    lists.withUnsafeMutableBufferPointer { slots in
      let output = SharedSlots(slots)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var samples: [Int] = []
        var row = rows.lowerBound + worker
        while row < rows.upperBound {
          let dy = (Double(row) + 0.5) * resolution - y
          let half = max(reach * reach - dy * dy, 0).squareRoot()
          let first = max(0, Int(((x - half) / resolution - 0.5).rounded(.down)))
          let last = min(grid.columns - 1, Int(((x + half) / resolution - 0.5).rounded(.up)))
          if first <= last {
            for column in first...last {
              samples.append(sampleIndex(dx: (Double(column) + 0.5) * resolution - x, dy: dy))
            }
          }
          row += workers
        }
        output[worker] = samples
      }
    }
    for list in lists { for sample in list { needed[sample] = 1 } }
    return needed
  }
}
