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
  /// - Throws: `CoverageError.terrainDoesNotCover` when a cell falls outside the DEM or on a void.
  public init(dem: ElevationModel, grid: CoverageGrid, crs: CRS, demName: String) throws {
    var centres: [Coordinate] = []
    centres.reserveCapacity(grid.cellCount)
    for row in 0..<grid.rows {
      for column in 0..<grid.columns { centres.append(grid.centre(row: row, column: column)) }
    }
    let points = crs == dem.crs ? centres : try CoordinateTransform(from: crs, to: dem.crs).forward(centres)
    var heights = [Float](repeating: 0, count: grid.cellCount)
    var missing = 0
    for (index, point) in points.enumerated() {
      if let height = dem.heightM(at: point) { heights[index] = Float(height) } else { missing += 1 }
    }
    guard missing == 0 else {
      throw CoverageError.terrainDoesNotCover(file: demName, missingCells: missing, cells: grid.cellCount)
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
    let resolution = grid.resolutionM
    let sectorColumn = min(max(Int((kernel.x / resolution).rounded(.down)), 0), grid.columns - 1)
    let sectorRow = min(max(Int((kernel.y / resolution).rounded(.down)), 0), grid.rows - 1)
    let sectorGround = Double(ground[sectorRow * grid.columns + sectorColumn])
    let cellGround = Double(ground[cell])
    let length = (dx * dx + dy * dy).squareRoot()
    let samples = Int((length / resolution).rounded(.up)) - 1
    guard samples > 0 else { return (0, Float(cellGround - sectorGround)) }
    let loss = withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * samples) { scratch in
      for k in 0..<samples {
        let t = Double(k + 1) * resolution
        let x = kernel.x + dx * t / length
        let y = kernel.y + dy * t / length
        let column = min(max(Int((x / resolution).rounded(.down)), 0), grid.columns - 1)
        let row = min(max(Int((y / resolution).rounded(.down)), 0), grid.rows - 1)
        scratch[k] = t
        scratch[samples + k] = Double(ground[row * grid.columns + column])
      }
      return Diffraction.deygoutLossDB(
        distancesM: UnsafeBufferPointer(rebasing: scratch[0..<samples]),
        terrainM: UnsafeMutableBufferPointer(rebasing: scratch[samples..<(2 * samples)]), lengthM: length,
        startHeightM: sectorGround + kernel.antennaHeightM, endHeightM: cellGround + kernel.ueHeightM,
        frequencyMHz: frequencyMHz, kFactor: kFactor)
    }
    return (Float(loss), Float(cellGround - sectorGround))
  }
}
