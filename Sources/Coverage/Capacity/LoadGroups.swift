/// The groups of the load coupling: the cells of one `InterferenceMix` block served by one
/// sector, numbered block by block (blocks in row-major order, servers in order of first cell,
/// cells in row-major order within the block), each with its interferers' weights: the other
/// sectors' shares of the block's sampled level, w_gj = P_j / Σ_{j ≠ s_g} P_j.
///
/// Built a row of blocks at a time on `threads` workers: each row numbers its groups from 0,
/// then every row's numbers are shifted by the groups of the rows before it, so the numbering
/// (and every array) is the single-threaded one whatever the thread count.
struct LoadGroups {
  /// Group per cell, −1 where no sector reaches.
  var cellGroup: [Int32]
  /// Serving kernel position per group.
  var groupSector: [Int32] = []
  /// CSR rows of the weights.
  var rowStart = [0]
  var weightSector: [Int32] = []
  var weight: [Double] = []

  init(field: LayerField, grid: CoverageGrid, mix: InterferenceMix, kernelOfSector: [Int32], threads: Int = 1) {
    let m = mix.blockCells
    // Every cell lies in a block of the mix (it was built on this grid): each is written below.
    precondition(mix.blockRows * m >= grid.rows && mix.blockColumns * m >= grid.columns, "mix of another grid")
    var rows = [BlockRowGroups](repeating: BlockRowGroups(), count: mix.blockRows)
    var cellGroup = [Int32](count: grid.cellCount) { cells in
      rows.withUnsafeMutableBufferPointer { buffer in
        let slots = SharedSlots(buffer)
        let next = WorkCounter()
        ParallelRows.perform(workers: max(1, min(threads, mix.blockRows))) { _ in
          while let blockRow = next.take(below: mix.blockRows) {
            slots[blockRow] = BlockRowGroups(
              blockRow: blockRow, blockCells: m, field: field, grid: grid, mix: mix, kernelOfSector: kernelOfSector,
              cells: cells)
          }
        }
      }
    }
    // Each row's first group number: the groups of the rows before it.
    var firstGroup = [Int32](repeating: 0, count: mix.blockRows)
    var groups = 0
    for blockRow in rows.indices {
      firstGroup[blockRow] = Int32(groups)
      groups += rows[blockRow].groupSector.count
    }
    cellGroup.withUnsafeMutableBufferPointer { buffer in
      let cells = SharedSlots(buffer)
      let next = WorkCounter()
      ParallelRows.perform(workers: max(1, min(threads, mix.blockRows))) { _ in
        while let blockRow = next.take(below: mix.blockRows) {
          let shift = firstGroup[blockRow]
          guard shift > 0 else { continue }
          for cell in blockRow * m * grid.columns..<min(grid.rows, (blockRow + 1) * m) * grid.columns
          where cells[cell] >= 0 {
            cells[cell] += shift
          }
        }
      }
    }
    self.cellGroup = cellGroup
    groupSector.reserveCapacity(groups)
    rowStart.reserveCapacity(groups + 1)
    for row in rows {
      let base = weightSector.count
      groupSector.append(contentsOf: row.groupSector)
      rowStart.append(contentsOf: row.rowEnd.lazy.map { base + $0 })
      weightSector.append(contentsOf: row.weightSector)
      weight.append(contentsOf: row.weight)
    }
  }
}

/// The groups of one row of blocks, numbered from 0; `rowEnd[g]` is the end of group g's
/// weights within the row's.
private struct BlockRowGroups {
  var groupSector: [Int32] = []
  var rowEnd: [Int] = []
  var weightSector: [Int32] = []
  var weight: [Double] = []

  init() {}

  /// Numbers the groups of block row `blockRow` and writes each of its cells' group (row-local)
  /// to `cells`.
  init(
    blockRow: Int, blockCells m: Int, field: LayerField, grid: CoverageGrid, mix: InterferenceMix,
    kernelOfSector: [Int32], cells: SharedSlots<Int32>
  ) {
    var servers: [(position: Int32, group: Int32)] = []
    for blockColumn in 0..<mix.blockColumns {
      let block = blockRow * mix.blockColumns + blockColumn
      servers.removeAll(keepingCapacity: true)
      for row in (blockRow * m)..<min(grid.rows, (blockRow + 1) * m) {
        for column in (blockColumn * m)..<min(grid.columns, (blockColumn + 1) * m) {
          let cell = row * grid.columns + column
          let server = Int(field.server[cell])
          guard server >= 0, server < kernelOfSector.count, kernelOfSector[server] >= 0 else {
            cells[cell] = -1
            continue
          }
          let position = kernelOfSector[server]
          if let known = servers.first(where: { $0.position == position }) {
            cells[cell] = known.group
            continue
          }
          let group = Int32(groupSector.count)
          servers.append((position, group))
          cells[cell] = group
          appendGroup(serving: position, block: block, mix: mix)
        }
      }
    }
  }

  private mutating func appendGroup(serving position: Int32, block: Int, mix: InterferenceMix) {
    groupSector.append(position)
    let entries = mix.rowStart[block]..<mix.rowStart[block + 1]
    var others = 0.0
    for entry in entries where mix.kernelPosition[entry] != position { others += mix.levelMilliwatts[entry] }
    if others > 0 {
      for entry in entries where mix.kernelPosition[entry] != position {
        weightSector.append(mix.kernelPosition[entry])
        weight.append(mix.levelMilliwatts[entry] / others)
      }
    }
    rowEnd.append(weightSector.count)
  }
}
