/// The groups of the load coupling: the cells of one `InterferenceMix` block served by one
/// sector, numbered block by block (blocks in row-major order, servers in order of first cell,
/// cells in row-major order within the block), each with its interferers' weights: the other
/// sectors' shares of the block's sampled level, w_gj = P_j / Σ_{j ≠ s_g} P_j.
struct LoadGroups {
  /// Group per cell, −1 where no sector reaches.
  var cellGroup: [Int32]
  /// Serving kernel position per group.
  var groupSector: [Int32] = []
  /// CSR rows of the weights.
  var rowStart = [0]
  var weightSector: [Int32] = []
  var weight: [Double] = []

  init(field: LayerField, grid: CoverageGrid, mix: InterferenceMix, kernelOfSector: [Int32]) {
    cellGroup = [Int32](repeating: -1, count: grid.cellCount)
    let m = mix.blockCells
    var servers: [(position: Int32, group: Int32)] = []
    for blockRow in 0..<mix.blockRows {
      for blockColumn in 0..<mix.blockColumns {
        let block = blockRow * mix.blockColumns + blockColumn
        servers.removeAll(keepingCapacity: true)
        for row in (blockRow * m)..<min(grid.rows, (blockRow + 1) * m) {
          for column in (blockColumn * m)..<min(grid.columns, (blockColumn + 1) * m) {
            let cell = row * grid.columns + column
            let server = Int(field.server[cell])
            guard server >= 0, server < kernelOfSector.count, kernelOfSector[server] >= 0 else { continue }
            let position = kernelOfSector[server]
            if let known = servers.first(where: { $0.position == position }) {
              cellGroup[cell] = known.group
              continue
            }
            let group = Int32(groupSector.count)
            servers.append((position, group))
            cellGroup[cell] = group
            appendGroup(serving: position, block: block, mix: mix)
          }
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
    rowStart.append(weightSector.count)
  }
}
