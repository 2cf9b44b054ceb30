import Dispatch
import Foundation
import Radio
import Scenario

/// What casting radials costs in accuracy: each cell's delta-Bullington loss from its nearest
/// radial sample (`RadialLossTable`) against the loss of the cell's own profile, computed
/// exactly by Radio's reference (`Diffraction.deltaBullingtonLossDB`): the straight line from
/// the site to the cell centre cut into round(r/Δ) equal steps, the ground at every point
/// bilinear between the cell-centre heights as on the radials (the end point: the cell's own
/// height). The difference is what the radial costs: the bearing of the nearest radial, the
/// distance rounded to a sample, and the ground under that sample at the end.
public enum TerrainRadialsSurvey {
  public struct Errors: Sendable {
    /// Cells compared (within the site's reach, beyond its own cell).
    public let cells: Int
    /// Absolute difference per cell, dB: mean, 95th percentile, largest.
    public let meanDB: Double
    public let percentile95DB: Double
    public let maxDB: Double
    /// Largest exact loss met, dB (how deep the shadows are).
    public let largestLossDB: Double
    public let radials: Int
    public let samplesPerRadial: Int
    /// Memory of the table: one Float per sample, dB, and one byte per sample marking it needed.
    public var tableBytes: Int { radials * samplesPerRadial * (MemoryLayout<Float>.size + 1) }
  }

  /// The survey on the scenario's first sector (its grid, DEM, layer and reach), every
  /// `cellStride`-th cell, radials `arcCells` cells apart at the reach.
  /// - Throws: `CoverageError.terrainDoesNotCover` as a run would; nil without a DEM or sector.
  public static func errors(
    _ scenario: ScenarioModel, cellStride: Int = 1, arcCells: Double = 1, threads: Int
  )
    throws -> Errors?
  {
    precondition(cellStride >= 1, "TerrainRadialsSurvey: cellStride must be at least 1, got \(cellStride)")
    precondition(arcCells > 0 && arcCells.isFinite, "TerrainRadialsSurvey: arcCells must be positive, got \(arcCells)")
    guard let dem = scenario.terrain, let grid = CoverageRun.gridCovering(scenario),
      let sector = scenario.sectors.first,
      let structure = scenario.structures.first(where: { $0.id == sector.structureID }),
      let carrier = scenario.carriers.first(where: { $0.id == sector.carrierID }),
      let layer = carrier.layers.first(where: { $0.id == sector.layerID }), let numerology = layer.numerology
    else { return nil }
    let ground = try GroundRaster(dem: dem, grid: grid, crs: scenario.crs, demName: dem.sourceName, threads: threads)
    let raster = ParcelRaster(scenario: scenario, grid: grid)
    var builder = KernelBuilder(
      settings: scenario.coverage, propagations: raster.propagations, grid: grid, patterns: scenario.antennaPatterns)
    let kernel = builder.kernel(
      sectorIndex: 0, sector: sector, structure: structure, layer: layer, numerology: numerology)
    return ground.heightsM.withUnsafeBufferPointer { heights in
      let table = RadialLossTable.build(
        ground: heights, grid: grid, x: kernel.x, y: kernel.y, reachM: kernel.reachM,
        arcReachM: scenario.coverage.maxRadiusM, antennaHeightM: kernel.antennaHeightM, ueHeightM: kernel.ueHeightM,
        frequencyMHz: layer.frequencyMHz,
        kFactor: scenario.coverage.kFactor, arcCells: arcCells, threads: threads)
      let differences = compare(
        table, ground: heights, grid: grid, kernel: kernel, frequencyMHz: layer.frequencyMHz,
        kFactor: scenario.coverage.kFactor, cellStride: cellStride, threads: threads)
      let sorted = differences.map(\.error).sorted()
      let count = sorted.count
      return Errors(
        cells: count, meanDB: count == 0 ? 0 : sorted.reduce(0, +) / Double(count),
        percentile95DB: count == 0 ? 0 : sorted[min(count - 1, Int((0.95 * Double(count)).rounded(.up)) - 1)],
        maxDB: sorted.last ?? 0, largestLossDB: differences.map(\.exact).max() ?? 0, radials: table.radialCount,
        samplesPerRadial: table.stride)
    }
  }

  /// |radial − exact| and the exact loss per compared cell, in cell order (each worker owns
  /// every `threads`-th row and its own slot).
  static func compare(
    _ table: RadialLossTable, ground: UnsafeBufferPointer<Float>, grid: CoverageGrid, kernel: SectorKernel,
    frequencyMHz: Double, kFactor: Double, cellStride: Int, threads: Int
  ) -> [(error: Double, exact: Double)] {
    let resolution = grid.resolutionM
    let workers = max(1, min(threads, grid.rows))
    var slots = [[(error: Double, exact: Double)]](repeating: [], count: grid.rows)
    let sampler = GroundSampler(ground: ground, grid: grid)
    let capacity = Int((kernel.reachM / resolution).rounded(.up)) + 2
    slots.withUnsafeMutableBufferPointer { rows in
      let output = SharedSlots(rows)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        var distances = [Double](repeating: 0, count: capacity + 1)
        var heights = [Double](repeating: 0, count: capacity + 1)
        var row = worker
        while row < grid.rows {
          var found: [(error: Double, exact: Double)] = []
          let dy = (Double(row) + 0.5) * resolution - kernel.y
          for column in 0..<grid.columns where (row * grid.columns + column) % cellStride == 0 {
            let dx = (Double(column) + 0.5) * resolution - kernel.x
            let length = (dx * dx + dy * dy).squareRoot()
            guard length <= kernel.reachM, length >= resolution / 2 else { continue }
            let n = min(capacity, max(1, Int((length / resolution).rounded())))
            let step = length / Double(n)
            for k in 0...n {
              distances[k] = Double(k) * step
              heights[k] = sampler.heightM(
                x: kernel.x + dx * Double(k) / Double(n), y: kernel.y + dy * Double(k) / Double(n))
            }
            let exact = distances.withUnsafeBufferPointer { d in
              heights.withUnsafeBufferPointer { h in
                Diffraction.deltaBullingtonLossDB(
                  distancesM: UnsafeBufferPointer(rebasing: d[0...n]),
                  terrainM: UnsafeBufferPointer(rebasing: h[0...n]),
                  txHeightM: kernel.antennaHeightM, rxHeightM: kernel.ueHeightM, frequencyMHz: frequencyMHz,
                  kFactor: kFactor)
              }
            }
            let radial = Double(table.lossDB[table.sampleIndex(dx: dx, dy: dy)])
            found.append((abs(radial - exact), exact))
          }
          output[row] = found
          row += workers
        }
      }
    }
    return slots.flatMap { $0 }
  }
}
