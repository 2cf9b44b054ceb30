import Dispatch
import Foundation
import Radio
import Scenario

/// Which sectors interfere where: each sector's level at one sample point per block of
/// m × m cells, so the load coupling can weight a cell's interference by its neighbours' loads.
///
/// The field engine keeps only the best server and the total power per cell. The mix of the
/// interference (who contributes how much) is sampled on a coarse grid of blocks about 100 m
/// across (m the largest odd number with m × resolution ≤ 100 m, at least 1): its origin is
/// the grid's, so with m odd each block's centre is the centre of the block's middle cell, and
/// the sectors' kernels apply unchanged. Each sector is computed alone on the coarse grid by
/// the field engine (over the DEM sampled at the middle cells, when there is one), sectors in
/// parallel, each into its own slot; over a DEM with fewer sectors than threads, each
/// sector's field takes ⌊threads ÷ sectors⌋ of them (a lone site all). Contributions below
/// 10⁻³ of the block's total beside its strongest sector are dropped (they change a mix that
/// leaves out the strongest by less than 0.1 % each) and the rest kept in kernel order.
struct InterferenceMix: Sendable {
  /// Block side in cells (odd).
  let blockCells: Int
  let blockColumns: Int
  let blockRows: Int
  /// Per block: start of its entries in `kernelPosition` / `levelMilliwatts` (CSR).
  let rowStart: [Int]
  /// Position in the layer's kernel list of each contributing sector.
  let kernelPosition: [Int32]
  /// Its level at the block's sample point, mW.
  let levelMilliwatts: [Double]

  /// Relative contribution below which a sector is left out of a block's mix.
  static let negligibleShare = 1e-3

  static func blockCells(resolutionM: Double) -> Int {
    var cells = max(1, Int((100 / resolutionM).rounded(.down)))
    if cells % 2 == 0 { cells -= 1 }
    return cells
  }

  init(
    kernels: [SectorKernel], grid: CoverageGrid, raster: ParcelRaster, ground: GroundRaster?, layer: RadioLayer,
    settings: CoverageSettings, threads: Int, chunkKernels: Int = Self.chunkKernels
  ) {
    let m = Self.blockCells(resolutionM: grid.resolutionM)
    blockCells = m
    let blockColumns = (grid.columns + m - 1) / m
    self.blockColumns = blockColumns
    blockRows = (grid.rows + m - 1) / m
    let coarse = CoverageGrid(
      originX: grid.originX, originY: grid.originY, resolutionM: grid.resolutionM * Double(m), columns: blockColumns,
      rows: (grid.rows + m - 1) / m)
    // The middle cell of each block (clamped into the grid for the last, partial blocks).
    let middle = (0..<coarse.cellCount).map { block in
      let row = min(grid.rows - 1, block / blockColumns * m + m / 2)
      let column = min(grid.columns - 1, block % blockColumns * m + m / 2)
      return row * grid.columns + column
    }
    let classes = middle.map { raster.propagationClass[$0] }
    let heights = ground.map { ground in middle.map { ground.heightsM[$0] } }
    func levels(_ chunk: Range<Int>) -> [[(block: Int32, milliwatts: Float)]] {
      Self.levels(
        Array(kernels[chunk]), coarse: coarse, classes: classes, heights: heights, layer: layer, settings: settings,
        threads: threads)
    }
    // Two passes over chunks of sectors, so that memory holds one chunk's levels, not every
    // sector's at every block: first each block's total and strongest level (summed in
    // kernel order, whatever the threads), then the levels again, keeping those above
    // the share. The field engine gives the same levels both times.
    let chunks = stride(from: 0, to: kernels.count, by: chunkKernels).map {
      $0..<min(kernels.count, $0 + chunkKernels)
    }
    var total = [Double](repeating: 0, count: coarse.cellCount)
    var strongest = [Double](repeating: 0, count: coarse.cellCount)
    // One chunk (most scenarios): its levels are kept for the second pass, not computed again.
    let single = chunks.count == 1 ? levels(chunks[0]) : nil
    for chunk in chunks {
      for own in single ?? levels(chunk) {
        for entry in own {
          total[Int(entry.block)] += Double(entry.milliwatts)
          strongest[Int(entry.block)] = max(strongest[Int(entry.block)], Double(entry.milliwatts))
        }
      }
    }
    // Against the sum beside the strongest sector (the block's server, mostly), so that an
    // interferer far below the server still counts among the interferers.
    let floor = zip(total, strongest).map { Self.negligibleShare * ($0 - $1) }
    var kept: [(block: Int32, position: Int32, milliwatts: Double)] = []
    for chunk in chunks {
      for (offset, own) in (single ?? levels(chunk)).enumerated() {
        for entry in own where Double(entry.milliwatts) >= floor[Int(entry.block)] {
          kept.append((entry.block, Int32(chunk.lowerBound + offset), Double(entry.milliwatts)))
        }
      }
    }
    // To blocks (CSR), each block's sectors in kernel order (a stable counting sort).
    var start = [Int](repeating: 0, count: coarse.cellCount + 1)
    for entry in kept { start[Int(entry.block) + 1] += 1 }
    for block in 0..<coarse.cellCount { start[block + 1] += start[block] }
    var fill = start
    var positions = [Int32](repeating: 0, count: kept.count)
    var values = [Double](repeating: 0, count: kept.count)
    for entry in kept {
      positions[fill[Int(entry.block)]] = entry.position
      values[fill[Int(entry.block)]] = entry.milliwatts
      fill[Int(entry.block)] += 1
    }
    rowStart = start
    kernelPosition = positions
    levelMilliwatts = values
  }

  /// Sectors per pass of the field engine (bounds the levels held at once).
  static let chunkKernels = 128

  /// Each kernel's level at every block it reaches, in block order, mW (`FastMath.linear`:
  /// relative error < 2·10⁻⁶, weights need no more).
  private static func levels(
    _ kernels: [SectorKernel], coarse: CoverageGrid, classes: [UInt8], heights: [Float]?, layer: RadioLayer,
    settings: CoverageSettings, threads: Int
  ) -> [[(block: Int32, milliwatts: Float)]] {
    var levels = [[(block: Int32, milliwatts: Float)]](repeating: [], count: kernels.count)
    levels.withUnsafeMutableBufferPointer { buffer in
      let slots = SharedSlots(buffer)
      let keep: @Sendable (Int, LayerField) -> Void = { position, field in
        var own: [(block: Int32, milliwatts: Float)] = []
        for block in 0..<coarse.cellCount where field.bestDBm[block] > -.infinity {
          own.append((Int32(block), FastMath.linear(fromDB: field.bestDBm[block])))
        }
        slots[position] = own
      }
      guard let heights else {
        FieldEngine.eachAlone(kernels: kernels, grid: coarse, propagationClass: classes, threads: threads, keep)
        return
      }
      // Sectors on the workers; with fewer sectors than workers (a lone site), each sector's
      // field takes the workers left over (its radials in parallel).
      let next = WorkCounter()
      let outer = max(1, min(threads, kernels.count))
      let inner = max(1, threads / outer)
      DispatchQueue.concurrentPerform(iterations: outer) { _ in
        while let position = next.take(below: kernels.count) {
          keep(
            position,
            Self.terrainField(
              kernels[position], grid: coarse, classes: classes, heights: heights, layer: layer, settings: settings,
              threads: inner))
        }
      }
    }
    return levels
  }

  /// One sector alone on the coarse grid over the DEM's heights at the blocks' middle cells.
  private static func terrainField(
    _ kernel: SectorKernel, grid: CoverageGrid, classes: [UInt8], heights: [Float], layer: RadioLayer,
    settings: CoverageSettings, threads: Int
  ) -> LayerField {
    heights.withUnsafeBufferPointer { ground in
      TerrainProfiles.field(
        kernels: [kernel], grid: grid, propagationClass: classes, ground: ground, method: settings.diffraction,
        frequencyMHz: layer.frequencyMHz, kFactor: settings.kFactor, maxRadiusM: settings.maxRadiusM, threads: threads)
    }
  }
}
