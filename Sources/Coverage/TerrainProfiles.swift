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

/// Diffraction over the terrain between a sector and a cell, for the field engine: the
/// profile is sampled at the grid resolution (nearest cell) and its loss is Deygout's
/// (ITU-R P.526-15 §4.5.1) with the Earth's bulge for the scenario's k-factor.
struct TerrainProfiles: @unchecked Sendable {
  let ground: UnsafeBufferPointer<Float>
  let grid: CoverageGrid
  let frequencyMHz: Double
  let kFactor: Double

  /// Extra loss toward the cell and the change of ground height (cell − sector), m.
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
