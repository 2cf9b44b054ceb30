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
      return radials.lossDB.withUnsafeBufferPointer { losses in
        sweepRadials(kernel, attenuation, area, output, terrain.ground, radials, losses, table: table)
      }
    }
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
        let dx = Float((Double(column) + 0.5) * area.resolution - kernel.x)
        let squared = dx * dx + dy2
        let extra = terrain.extra(kernel: kernel, dx: Double(dx), dy: dyDouble, cell: cell)
        let loss = DistanceLossTable.lookup(table(cell), squaredM2: squared) + extra.lossDB
        let up = kernel.heightDifferenceM + extra.heightOffsetM
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

  /// `sweepTerrain` with the loss of each cell's nearest radial sample; the antenna sees the
  /// cell at its own ground height relative to the site's.
  @inline(__always)
  private static func sweepRadials<A: Attenuation>(
    _ kernel: SectorKernel, _ attenuation: A, _ area: TileArea, _ output: Output, _ ground: UnsafeBufferPointer<Float>,
    _ radials: RadialLossTable, _ losses: UnsafeBufferPointer<Float>, table: (Int) -> UnsafeBufferPointer<Float>
  ) -> Int {
    let reachSquared = kernel.reachM * kernel.reachM
    let peak = kernel.peakEPREDBm
    let server = Int32(kernel.sectorIndex)
    let siteGround = radials.siteGroundM
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
        let diffraction = losses[radials.sampleIndex(dx: dxDouble, dy: dyDouble)]
        let loss = DistanceLossTable.lookup(table(cell), squaredM2: squared) + diffraction
        let up = kernel.heightDifferenceM + (ground[cell] - siteGround)
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
