extension FieldEngine {
  /// The inner loop over the cells of one tile within the sector's reach, on flat ground.
  /// Per row, loops compute the cells' RSRP into stack buffers and a last one merges them
  /// into the best server and total power. They are written for LLVM's loop vectoriser (no
  /// calls, no branches, no trapping arithmetic, stores only to the stack buffers before the
  /// merge): eight cells per AVX2 instruction where Package.swift enables it, the loss table
  /// and antenna cuts read lane by lane. The loops run over whole blocks of eight columns
  /// from the tile's first (the cells outside the reach computed, then set to −∞ for the
  /// merge to leave alone), so that no cell falls to a scalar leftover iteration. A cell's
  /// value does not depend on its lane (no fused multiply-add: Swift never contracts).
  @inline(__always)
  static func sweepFlat<A: Attenuation, L: CellLoss>(
    _ kernel: SectorKernel, _ attenuation: A, _ loss: L, _ area: TileArea, _ output: Output
  ) -> Int {
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 4 * tileSize) { floats in
      withUnsafeTemporaryAllocation(of: Int32.self, capacity: tileSize) { nodes in
        let offsets = floats.baseAddress!
        let buffers = RowBuffers(
          offsets: offsets, levels: offsets + tileSize, stages: (offsets + 2 * tileSize, offsets + 3 * tileSize),
          nodes: nodes.baseAddress!)
        let resolution = area.resolution
        let tileStart = area.columns.lowerBound
        let tileEnd = area.columns.upperBound
        // Each cell's offset from the sector is rounded to Float once, from its own Double
        // value, so a cell gets the same field whatever tile or grid it is computed in.
        for column in area.columns {
          offsets[column - tileStart] = Float((Double(column) + 0.5) * resolution - kernel.x)
        }
        let geometry = FlatGeometry(kernel)
        let reachSquared = kernel.reachM * kernel.reachM
        let server = Int32(kernel.sectorIndex)
        let cappedDB = attenuation.backCone?.attenuationDB ?? 0
        var count = 0
        for row in area.rows {
          guard let reached = area.columnsInReach(row: row, x: kernel.x, y: kernel.y, reachSquaredM2: reachSquared)
          else { continue }
          let dyDouble = reached.dyM
          let first = reached.columns.lowerBound
          let last = reached.columns.upperBound
          let blocks = Self.blocks(first: first, last: last, tileStart: tileStart, tileEnd: tileEnd)
          let cone =
            attenuation.backCone.flatMap {
              geometry.columns(inCone: $0, dy: dyDouble, kernelX: kernel.x, resolution: resolution)
            }.map { Self.blocks(within: $0, of: blocks) } ?? blocks.upperBound..<blocks.upperBound
          // From here on, columns count from the tile's first.
          let local = (blocks.lowerBound - tileStart)..<(blocks.upperBound - tileStart)
          let localCone = (cone.lowerBound - tileStart)..<(cone.upperBound - tileStart)
          let firstCell = row * area.columnsInGrid + tileStart
          Self.levels(
            buffers, local, cone: localCone, peakDBm: geometry.peakDBm, geometry.row(dy: dyDouble), loss,
            firstCell: firstCell, attenuation, cappedDB: cappedDB)
          // The cells of the blocks beyond the reach: −∞, which changes no cell below.
          for outside in blocks.lowerBound..<first { buffers.levels[outside - tileStart] = -.infinity }
          for outside in (last + 1)..<blocks.upperBound { buffers.levels[outside - tileStart] = -.infinity }
          Self.merge(buffers.levels, local, into: output, firstCell: firstCell, server: server)
          count += last - first + 1
        }
        return count
      }
    }
  }

  /// A row's stack buffers, indexed by column from the tile's first.
  struct RowBuffers {
    let offsets: UnsafeMutablePointer<Float>
    let levels: UnsafeMutablePointer<Float>
    let stages: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>)
    let nodes: UnsafeMutablePointer<Int32>
  }

  /// Peak − loss − attenuation of the row's cells in `blocks` into `buffers.levels`: the loss
  /// table's nodes, its reads, the antenna's arithmetic and its reads, each in a loop of its
  /// own, so that where the vectoriser judges the reads lane by lane not worth it (SSE2) it
  /// still takes the arithmetic; in `cone`, − its constant attenuation instead.
  @_transparent
  static func levels<A: Attenuation, L: CellLoss>(
    _ buffers: RowBuffers, _ blocks: Range<Int>, cone: Range<Int>, peakDBm: Float, _ row: FlatGeometry.Row,
    _ loss: L, firstCell: Int, _ attenuation: A, cappedDB: Float
  ) {
    let (offsets, levels, nodes) = (buffers.offsets, buffers.levels, buffers.nodes)
    var column = blocks.lowerBound
    while column < blocks.upperBound {
      let node = loss.node(squaredM2: row.squaredM2(dx: offsets[column]), cell: firstCell &+ column)
      nodes[column] = node.index
      levels[column] = node.fraction
      column &+= 1
    }
    column = blocks.lowerBound
    while column < blocks.upperBound {
      levels[column] = peakDBm - SlopeTable.value(loss.pairs, index: nodes[column], fraction: levels[column])
      column &+= 1
    }
    for side in 0..<2 {
      let part = side == 0 ? blocks.lowerBound..<cone.lowerBound : cone.upperBound..<blocks.upperBound
      column = part.lowerBound
      while column < part.upperBound {
        (buffers.stages.0[column], buffers.stages.1[column]) = row.attenuationStage(dx: offsets[column], attenuation)
        column &+= 1
      }
      column = part.lowerBound
      while column < part.upperBound {
        levels[column] -= attenuation.attenuationDB(stage: (buffers.stages.0[column], buffers.stages.1[column]))
        column &+= 1
      }
    }
    column = cone.lowerBound
    while column < cone.upperBound {
      levels[column] -= cappedDB
      column &+= 1
    }
  }

  /// The row's levels into the best server and the total power (−∞ changes neither).
  @_transparent
  static func merge(
    _ levels: UnsafeMutablePointer<Float>, _ blocks: Range<Int>, into output: Output, firstCell: Int, server: Int32
  ) {
    let best = output.best + firstCell
    let servers = output.server + firstCell
    let total = output.total + firstCell
    var column = blocks.lowerBound
    while column < blocks.upperBound {
      let rsrp = levels[column]
      let current = best[column]
      let better = rsrp > current
      best[column] = better ? rsrp : current
      // A bit mask, not `better ? server : servers[column]`: that one becomes a masked store,
      // which SSE2 lacks, and the vectoriser leaves the loop scalar there.
      let keep = better ? 0 : ~Int32(0)
      servers[column] = servers[column] & keep | server & ~keep
      total[column] += rsrp > -.infinity ? FastMath.linear(fromDB: rsrp) : 0
      column &+= 1
    }
  }

  /// Whole blocks of eight columns from the tile's first covering `first...last` (the last
  /// block cut at the tile's end, whose width need not be a multiple of eight).
  static func blocks(first: Int, last: Int, tileStart: Int, tileEnd: Int) -> Range<Int> {
    let start = tileStart + (first - tileStart) / 8 * 8
    return start..<min(start + (last - start + 8) / 8 * 8, tileEnd)
  }

  /// The whole blocks of `blocks` within `columns` (an empty range at the end if none).
  static func blocks(within columns: ClosedRange<Int>, of blocks: Range<Int>) -> Range<Int> {
    let start = blocks.lowerBound
    let lower = start + (max(columns.lowerBound, start) - start + 7) / 8 * 8
    let upper = start + (min(columns.upperBound + 1, blocks.upperBound) - start) / 8 * 8
    return lower < upper ? lower..<upper : blocks.upperBound..<blocks.upperBound
  }
}
