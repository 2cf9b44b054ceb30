import Foundation
import Geo
import Radio
import Scenario

/// Ground height under every cell of the grid, sampled from the scenario's DEM.
public struct GroundRaster: Sendable {
  public let grid: CoverageGrid
  /// Height above mean sea level per cell, m.
  public let heightsM: [Float]

  public init(grid: CoverageGrid, heightsM: [Float]) {
    precondition(heightsM.count == grid.cellCount, "one height per cell")
    self.grid = grid
    self.heightsM = heightsM
  }

  /// Samples `dem` (bilinear) at every cell centre, transforming from `crs` to the DEM's CRS.
  /// Row bands on `threads` workers (`ParallelRows`), each with its own PROJ transform (a
  /// transform is not shared between threads); every cell's height is its own, so the raster
  /// does not depend on `threads`.
  /// - Throws: `CoverageError.terrainDoesNotCover` when a cell falls outside the DEM or on a
  ///   void; the transform's error when PROJ cannot build it or fails on a point.
  public init(dem: ElevationModel, grid: CoverageGrid, crs: CRS, demName: String, threads: Int = 1) throws {
    let pass = ParallelRows(rows: grid.rows, threads: threads)
    let needsTransform = crs != dem.crs
    var missing = [Int](repeating: 0, count: pass.workers)
    // Per worker, its first failure and the band it failed in (−1: building the transform).
    var failures = [(band: Int, error: Error)?](repeating: nil, count: pass.workers)
    let heights = [Float](count: grid.cellCount) { cells in
      missing.withUnsafeMutableBufferPointer { missingBuffer in
        failures.withUnsafeMutableBufferPointer { failureBuffer in
          let missingSlots = SharedSlots(missingBuffer)
          let failureSlots = SharedSlots(failureBuffer)
          pass.perform { worker in
            var count = 0
            var failingBand = -1
            do {
              let transform = needsTransform ? try CoordinateTransform(from: crs, to: dem.crs) : nil
              var centres: [Coordinate] = []
              centres.reserveCapacity(grid.columns)
              for band in pass.bands(of: worker) {
                failingBand = band
                for row in pass.rows(ofBand: band) {
                  centres.removeAll(keepingCapacity: true)
                  for column in 0..<grid.columns { centres.append(grid.centre(row: row, column: column)) }
                  let points = try transform?.forward(centres) ?? centres
                  for (column, point) in points.enumerated() {
                    let height = dem.heightM(at: point)
                    if height == nil { count += 1 }
                    cells[row * grid.columns + column] = Float(height ?? 0)
                  }
                }
              }
            } catch {
              failureSlots[worker] = (failingBand, error)
            }
            missingSlots[worker] = count
          }
        }
      }
    }
    // The failure of the lowest band, which one thread meets first: the same error whatever
    // the thread count.
    if let failure = failures.compactMap({ $0 }).min(by: { $0.band < $1.band }) { throw failure.error }
    let missingCells = missing.reduce(0, +)
    guard missingCells == 0 else {
      throw CoverageError.terrainDoesNotCover(file: demName, missingCells: missingCells, cells: grid.cellCount)
    }
    self.init(grid: grid, heightsM: heights)
  }
}

/// Diffraction over the terrain between a sector and a cell, for the field engine, by the
/// scenario's method:
///
/// - delta-Bullington (ITU-R P.526-15 §4.5): `RadialLossTable`s computed before the sweep, one
///   per site, antenna height and UE height (sectors sharing them share the table); a cell
///   takes the loss of its nearest radial sample.
/// - Deygout (1966, up to three edges): each cell's own profile, sampled at the grid
///   resolution (nearest cell), with the Earth's bulge for the scenario's k-factor.
///
/// Either way the antenna sees the cell at the cell's own ground height.
struct TerrainProfiles: @unchecked Sendable {
  let ground: UnsafeBufferPointer<Float>
  let grid: CoverageGrid
  let frequencyMHz: Double
  let kFactor: Double
  /// Delta-Bullington tables by sector index; empty: Deygout per cell.
  let radials: [Int: RadialLossTable]

  /// Deygout on every cell's own profile.
  init(ground: UnsafeBufferPointer<Float>, grid: CoverageGrid, frequencyMHz: Double, kFactor: Double) {
    self.init(ground: ground, grid: grid, frequencyMHz: frequencyMHz, kFactor: kFactor, radials: [:])
  }

  private init(
    ground: UnsafeBufferPointer<Float>, grid: CoverageGrid, frequencyMHz: Double, kFactor: Double,
    radials: [Int: RadialLossTable]
  ) {
    self.ground = ground
    self.grid = grid
    self.frequencyMHz = frequencyMHz
    self.kFactor = kFactor
    self.radials = radials
  }

  /// The profiles of `method` for `kernels` (radial tables built here for delta-Bullington,
  /// one arc apart at `maxRadiusM`, `threads` workers over each table's radials).
  init(
    method: DiffractionMethod, ground: UnsafeBufferPointer<Float>, grid: CoverageGrid, kernels: [SectorKernel],
    frequencyMHz: Double, kFactor: Double, maxRadiusM: Double, threads: Int
  ) {
    switch method {
    case .deygout:
      self.init(ground: ground, grid: grid, frequencyMHz: frequencyMHz, kFactor: kFactor)
    case .deltaBullington:
      var reachBySite: [RadialSite: Double] = [:]
      var sites: [RadialSite] = []
      for kernel in kernels {
        let site = RadialSite(kernel)
        if reachBySite[site] == nil { sites.append(site) }
        reachBySite[site] = max(reachBySite[site] ?? 0, kernel.reachM)
      }
      var tables: [RadialSite: RadialLossTable] = [:]
      for site in sites {
        tables[site] = RadialLossTable.build(
          ground: ground, grid: grid, x: site.x, y: site.y, reachM: reachBySite[site] ?? 0, arcReachM: maxRadiusM,
          antennaHeightM: site.antennaHeightM, ueHeightM: site.ueHeightM, frequencyMHz: frequencyMHz,
          kFactor: kFactor, threads: threads)
      }
      var radials: [Int: RadialLossTable] = [:]
      for kernel in kernels { radials[kernel.sectorIndex] = tables[RadialSite(kernel)] }
      self.init(ground: ground, grid: grid, frequencyMHz: frequencyMHz, kFactor: kFactor, radials: radials)
    }
  }

  /// Deygout's extra loss toward the cell and the change of ground height (cell − sector), m.
  @inline(__always)
  func extra(kernel: SectorKernel, dx: Double, dy: Double, cell: Int) -> (lossDB: Float, heightOffsetM: Float) {
    extra(
      x: kernel.x, y: kernel.y, antennaHeightM: kernel.antennaHeightM, ueHeightM: kernel.ueHeightM, dx: dx, dy: dy,
      cell: cell)
  }

  /// Deygout's extra loss from a site at (x, y) m from the grid origin, its antenna
  /// `antennaHeightM` above the ground, toward the cell (dx, dy) m from it, and the change of
  /// ground height (cell − site), m.
  @inline(__always)
  func extra(
    x: Double, y: Double, antennaHeightM: Double, ueHeightM: Double, dx: Double, dy: Double, cell: Int
  ) -> (lossDB: Float, heightOffsetM: Float) {
    let resolution = grid.resolutionM
    let sectorColumn = min(max(Int((x / resolution).rounded(.down)), 0), grid.columns - 1)
    let sectorRow = min(max(Int((y / resolution).rounded(.down)), 0), grid.rows - 1)
    let sectorGround = Double(ground[sectorRow * grid.columns + sectorColumn])
    let cellGround = Double(ground[cell])
    let length = (dx * dx + dy * dy).squareRoot()
    let samples = Int((length / resolution).rounded(.up)) - 1
    guard samples > 0 else { return (0, Float(cellGround - sectorGround)) }
    let loss = withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * samples) { scratch in
      for k in 0..<samples {
        let t = Double(k + 1) * resolution
        let pointX = x + dx * t / length
        let pointY = y + dy * t / length
        let column = min(max(Int((pointX / resolution).rounded(.down)), 0), grid.columns - 1)
        let row = min(max(Int((pointY / resolution).rounded(.down)), 0), grid.rows - 1)
        scratch[k] = t
        scratch[samples + k] = Double(ground[row * grid.columns + column])
      }
      return Diffraction.deygoutLossDB(
        distancesM: UnsafeBufferPointer(rebasing: scratch[0..<samples]),
        terrainM: UnsafeMutableBufferPointer(rebasing: scratch[samples..<(2 * samples)]), lengthM: length,
        startHeightM: sectorGround + antennaHeightM, endHeightM: cellGround + ueHeightM,
        frequencyMHz: frequencyMHz, kFactor: kFactor)
    }
    return (Float(loss), Float(cellGround - sectorGround))
  }
}
