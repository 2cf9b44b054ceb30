import Dispatch
import Foundation

/// Computes a layer's field over the grid: parallel over square tiles, each tile owned by
/// one worker, sectors applied in scenario order — so every cell's values are the same
/// whatever the number of threads.
enum FieldEngine {
  static let tileSize = 128

  /// Pointers into the output arrays; workers write disjoint tiles only.
  struct Output: @unchecked Sendable {
    let best: UnsafeMutablePointer<Float>
    let server: UnsafeMutablePointer<Int32>
    let total: UnsafeMutablePointer<Float>
    let classes: UnsafePointer<UInt8>
    let evaluations: UnsafeMutablePointer<Int>
  }

  static func compute(
    kernels: [SectorKernel], grid: CoverageGrid, propagationClass: [UInt8], terrain: TerrainProfiles?,
    threads: Int
  ) -> LayerField {
    var field = LayerField(unsetCellCount: grid.cellCount)
    let tilesX = (grid.columns + tileSize - 1) / tileSize
    let tilesY = (grid.rows + tileSize - 1) / tileSize
    let tileCount = tilesX * tilesY
    let workers = max(1, min(threads, tileCount))
    var evaluations = [Int](repeating: 0, count: tileCount)
    let tables = PinnedLossTables(kernels)
    defer { tables.deallocate() }
    field.bestDBm.withUnsafeMutableBufferPointer { best in
      field.server.withUnsafeMutableBufferPointer { server in
        field.totalMilliwatts.withUnsafeMutableBufferPointer { total in
          propagationClass.withUnsafeBufferPointer { classes in
            evaluations.withUnsafeMutableBufferPointer { counts in
              let output = Output(
                best: best.baseAddress!, server: server.baseAddress!, total: total.baseAddress!,
                classes: classes.baseAddress!, evaluations: counts.baseAddress!)
              // Tiles are handed out one at a time (their costs differ with the sectors that
              // reach them); each is computed whole by one worker, so no cell depends on which.
              let next = WorkCounter()
              DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let tile = next.take(below: tileCount) {
                  let rows = (tile / tilesX * tileSize)..<min(grid.rows, (tile / tilesX + 1) * tileSize)
                  let columns = (tile % tilesX * tileSize)..<min(grid.columns, (tile % tilesX + 1) * tileSize)
                  output.evaluations[tile] = computeTile(
                    rows: rows, columns: columns, kernels: kernels, tables: tables, grid: grid, output: output,
                    terrain: terrain)
                }
              }
            }
          }
        }
      }
    }
    field.evaluations = evaluations.reduce(0, +)
    return field
  }

  /// Each kernel alone over `grid` on flat ground, kernels handed out to `threads` workers one
  /// at a time, the loss tables pinned once for all: `each(position, field)` runs on the
  /// worker that computed the kernel's field (whose values are those `compute` gives the
  /// kernel alone).
  static func eachAlone(
    kernels: [SectorKernel], grid: CoverageGrid, propagationClass: [UInt8], threads: Int,
    _ each: @Sendable (Int, LayerField) -> Void
  ) {
    let tilesX = (grid.columns + tileSize - 1) / tileSize
    let tileCount = tilesX * ((grid.rows + tileSize - 1) / tileSize)
    let tables = PinnedLossTables(kernels)
    defer { tables.deallocate() }
    let next = WorkCounter()
    propagationClass.withUnsafeBufferPointer { classes in
      let shared = SharedClasses(pointer: classes.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: max(1, min(threads, kernels.count))) { _ in
        var evaluations = [Int](repeating: 0, count: tileCount)
        while let position = next.take(below: kernels.count) {
          var field = LayerField(unsetCellCount: grid.cellCount)
          field.bestDBm.withUnsafeMutableBufferPointer { best in
            field.server.withUnsafeMutableBufferPointer { server in
              field.totalMilliwatts.withUnsafeMutableBufferPointer { total in
                evaluations.withUnsafeMutableBufferPointer { counts in
                  let output = Output(
                    best: best.baseAddress!, server: server.baseAddress!, total: total.baseAddress!,
                    classes: shared.pointer, evaluations: counts.baseAddress!)
                  for tile in 0..<tileCount {
                    let rows = (tile / tilesX * tileSize)..<min(grid.rows, (tile / tilesX + 1) * tileSize)
                    let columns = (tile % tilesX * tileSize)..<min(grid.columns, (tile % tilesX + 1) * tileSize)
                    counts[tile] = computeTile(
                      rows: rows, columns: columns, kernels: kernels, tables: tables, grid: grid, output: output,
                      terrain: nil, only: position)
                  }
                }
              }
            }
          }
          field.evaluations = evaluations.reduce(0, +)
          each(position, field)
        }
      }
    }
  }

  private static func computeTile(
    rows: Range<Int>, columns: Range<Int>, kernels: [SectorKernel], tables: PinnedLossTables, grid: CoverageGrid,
    output: Output, terrain: TerrainProfiles?, only: Int? = nil
  ) -> Int {
    let resolution = grid.resolutionM
    let tileWest = Double(columns.lowerBound) * resolution
    let tileEast = Double(columns.upperBound) * resolution
    let tileSouth = Double(rows.lowerBound) * resolution
    let tileNorth = Double(rows.upperBound) * resolution
    let area = TileArea(rows: rows, columns: columns, resolution: resolution, columnsInGrid: grid.columns)
    // The tile's cells start unreached (the arrays come unset: `LayerField(unsetCellCount:)`).
    for row in rows {
      let cells = (row * grid.columns + columns.lowerBound)..<(row * grid.columns + columns.upperBound)
      (output.best + cells.lowerBound).initialize(repeating: -.infinity, count: cells.count)
      (output.server + cells.lowerBound).initialize(repeating: -1, count: cells.count)
      (output.total + cells.lowerBound).initialize(repeating: 0, count: cells.count)
    }
    var count = 0
    for (index, kernel) in kernels.enumerated() where only == nil || only == index {
      let reach = kernel.reachM
      guard kernel.x + reach >= tileWest, kernel.x - reach <= tileEast, kernel.y + reach >= tileSouth,
        kernel.y - reach <= tileNorth
      else { continue }
      let sweep = Sweep(kernel: kernel, tables: tables.byKernel[index], area: area, output: output, terrain: terrain)
      switch kernel.antenna {
      case .parametric(let h, let v, let maxDB, let sideLobe, let tilt):
        count += sweep.apply(
          ParametricAttenuation(
            horizontal3dBDeg: h, vertical3dBDeg: v, maxDB: maxDB, sideLobeDB: sideLobe, tiltDeg: tilt))
      case .pattern(let horizontal?, let vertical, let floor):
        count += horizontal.pairs.withUnsafeBufferPointer { h in
          vertical.pairs.withUnsafeBufferPointer { v in
            sweep.apply(PatternAttenuation(horizontal: h.baseAddress!, vertical: v.baseAddress!, floorDB: floor))
          }
        }
      case .pattern(nil, let vertical, let floor):
        count += vertical.pairs.withUnsafeBufferPointer { v in
          sweep.apply(OmniPatternAttenuation(vertical: v.baseAddress!, floorDB: floor))
        }
      case .array(let element, let factor):
        count += factor.pairs.withUnsafeBufferPointer { losses in
          sweep.apply(ArrayAttenuation(element: element, factorLossDB: losses.baseAddress!))
        }
      }
    }
    return count
  }

  /// One sector over one tile: the terrain path when there is a DEM, the flat path otherwise.
  struct Sweep {
    let kernel: SectorKernel
    let tables: PinnedLossTables.Kernel
    let area: TileArea
    let output: Output
    let terrain: TerrainProfiles?

    func apply<A: Attenuation>(_ attenuation: A) -> Int {
      let byClass = tables.losses
      if let terrain {
        if byClass.count == 1 {
          let table = byClass[0]
          return sweepTerrain(kernel, attenuation, area, output, terrain) { _ in table }
        }
        return sweepTerrain(kernel, attenuation, area, output, terrain) { cell in byClass[Int(output.classes[cell])] }
      }
      if byClass.count == 1 {
        return sweepFlat(kernel, attenuation, SingleClassLoss(pairs: tables.pairs, count: tables.stride), area, output)
      }
      let loss = ClassLoss(pairs: tables.pairs, stride: tables.stride, classes: output.classes)
      return sweepFlat(kernel, attenuation, loss, area, output)
    }
  }
}

/// A layer's propagation classes for the workers of `eachAlone` (read only).
private struct SharedClasses: @unchecked Sendable {
  let pointer: UnsafePointer<UInt8>
}

/// The cells of one tile.
struct TileArea {
  let rows: Range<Int>
  let columns: Range<Int>
  let resolution: Double
  let columnsInGrid: Int

  /// The columns of `row` whose cell centres lie within `reachM` of the point (x, y) m (a
  /// sector), with the row's offset north of it, or nil: one chord of the reach circle per
  /// row, the same expressions (and so the same cells) for every sweep.
  @inline(__always)
  func columnsInReach(
    row: Int, x: Double, y: Double, reachSquaredM2: Double
  ) -> (
    dyM: Double, dySquaredM2: Double, columns: ClosedRange<Int>
  )? {
    let dyM = (Double(row) + 0.5) * resolution - y
    let dySquaredM2 = dyM * dyM
    guard dySquaredM2 <= reachSquaredM2 else { return nil }
    let half = (reachSquaredM2 - dySquaredM2).squareRoot()
    let first = max(columns.lowerBound, Int(((x - half) / resolution - 0.5).rounded(.up)))
    let last = min(columns.upperBound - 1, Int(((x + half) / resolution - 0.5).rounded(.down)))
    guard first <= last else { return nil }
    return (dyM, dySquaredM2, first...last)
  }
}
