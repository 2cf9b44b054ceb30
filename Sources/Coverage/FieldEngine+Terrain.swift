import Foundation

extension FieldEngine {
  /// The inner loop over the cells of one tile within the sector's reach, over terrain: the
  /// distance loss plus the diffraction loss of the profile toward each cell (its nearest
  /// radial sample with delta-Bullington, Deygout on its own profile otherwise), the antenna
  /// seeing the cell at its ground height.
  @inline(__always)
  static func sweepTerrain<A: Attenuation>(
    _ kernel: SectorKernel, _ attenuation: A, _ area: TileArea, _ output: Output, _ terrain: TerrainProfiles,
    table: (Int) -> UnsafeBufferPointer<Float>
  ) -> Int {
    if let radials = terrain.radials[kernel.sectorIndex] {
      // The loss of the cell's nearest radial sample; the antenna sees the cell at its own
      // ground height relative to the site's.
      let ground = terrain.ground
      let siteGround = radials.siteGroundM
      return radials.lossDB.withUnsafeBufferPointer { losses in
        sweepCells(kernel, attenuation, area, output, table: table) { cell, _, dxM, dyM in
          (losses[radials.sampleIndex(dx: dxM, dy: dyM)], ground[cell] - siteGround)
        }
      }
    }
    return sweepCells(kernel, attenuation, area, output, table: table) { cell, dx, _, dyM in
      let extra = terrain.extra(kernel: kernel, dx: Double(dx), dy: dyM, cell: cell)
      return (extra.lossDB, extra.heightOffsetM)
    }
  }

  /// The cells of the tile within the sector's reach, each with the distance loss plus what
  /// `terrain(cell, dx, dxM, dyM)` gives: the diffraction loss and the cell's ground height
  /// above the site's (dx the cell's offset east as the engine's Float, dxM and dyM in Double).
  @inline(__always)
  private static func sweepCells<A: Attenuation>(
    _ kernel: SectorKernel, _ attenuation: A, _ area: TileArea, _ output: Output,
    table: (Int) -> UnsafeBufferPointer<Float>,
    terrain: (_ cell: Int, _ dx: Float, _ dxM: Double, _ dyM: Double) -> (lossDB: Float, groundOffsetM: Float)
  ) -> Int {
    let reachSquared = kernel.reachM * kernel.reachM
    let peak = kernel.peakEPREDBm
    let server = Int32(kernel.sectorIndex)
    var count = 0
    for row in area.rows {
      guard let reached = area.columnsInReach(row: row, x: kernel.x, y: kernel.y, reachSquaredM2: reachSquared)
      else { continue }
      let dyDouble = reached.dyM
      let dy = Float(dyDouble)
      let dy2 = Float(reached.dySquaredM2)
      let rowBase = row * area.columnsInGrid
      for column in reached.columns {
        let cell = rowBase + column
        let dxDouble = (Double(column) + 0.5) * area.resolution - kernel.x
        let dx = Float(dxDouble)
        let squared = dx * dx + dy2
        let extra = terrain(cell, dx, dxDouble, dyDouble)
        let loss = DistanceLossTable.lookup(table(cell), squaredM2: squared) + extra.lossDB
        let up = kernel.heightDifferenceM + extra.groundOffsetM
        let rsrp = peak - loss - kernel.attenuationDB(attenuation, dx: dx, dy: dy, up: up)
        if rsrp > output.best[cell] {
          output.best[cell] = rsrp
          output.server[cell] = server
        }
        output.total[cell] += FastMath.linear(fromDB: rsrp)
      }
      count += reached.columns.count
    }
    return count
  }
}

extension SectorKernel {
  /// The antenna's attenuation toward a cell (dx east, dy north, up above the antenna, m):
  /// the offset turned into the antenna's frame (azimuth, then mechanical tilt).
  @inline(__always)
  fileprivate func attenuationDB<A: Attenuation>(_ attenuation: A, dx: Float, dy: Float, up: Float) -> Float {
    let horizontal = dx * sinAzimuth + dy * cosAzimuth
    let right = dx * cosAzimuth - dy * sinAzimuth
    let forward = horizontal * cosTilt - up * sinTilt
    let lifted = horizontal * sinTilt + up * cosTilt
    return attenuation.attenuationDB(right: right, forward: forward, up: lifted)
  }
}
