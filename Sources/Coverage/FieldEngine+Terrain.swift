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
    let resolution = area.resolution
    let reachSquared = kernel.reachM * kernel.reachM
    let peak = kernel.peakEPREDBm
    let server = Int32(kernel.sectorIndex)
    var count = 0
    for row in area.rows {
      let dyDouble = (Double(row) + 0.5) * resolution - kernel.y
      let dySquared = dyDouble * dyDouble
      guard dySquared <= reachSquared else { continue }
      let half = (reachSquared - dySquared).squareRoot()
      let first = max(area.columns.lowerBound, Int(((kernel.x - half) / resolution - 0.5).rounded(.up)))
      let last = min(area.columns.upperBound - 1, Int(((kernel.x + half) / resolution - 0.5).rounded(.down)))
      guard first <= last else { continue }
      let dy = Float(dyDouble)
      let dy2 = Float(dySquared)
      let rowBase = row * area.columnsInGrid
      for column in first...last {
        let cell = rowBase + column
        let dx = Float((Double(column) + 0.5) * resolution - kernel.x)
        let squared = dx * dx + dy2
        let extra = terrain.extra(kernel: kernel, dx: Double(dx), dy: dyDouble, cell: cell)
        let loss = DistanceLossTable.lookup(table(cell), squaredM2: squared) + extra.lossDB
        let up = kernel.heightDifferenceM + extra.heightOffsetM
        let horizontal = dx * kernel.sinAzimuth + dy * kernel.cosAzimuth
        let right = dx * kernel.cosAzimuth - dy * kernel.sinAzimuth
        let forward = horizontal * kernel.cosTilt - up * kernel.sinTilt
        let lifted = horizontal * kernel.sinTilt + up * kernel.cosTilt
        let rsrp = peak - loss - attenuation.attenuationDB(right: right, forward: forward, up: lifted)
        if rsrp > output.best[cell] {
          output.best[cell] = rsrp
          output.server[cell] = server
        }
        output.total[cell] += FastMath.linear(fromDB: rsrp)
      }
      count += last - first + 1
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
    let resolution = area.resolution
    let reachSquared = kernel.reachM * kernel.reachM
    let peak = kernel.peakEPREDBm
    let server = Int32(kernel.sectorIndex)
    let siteGround = radials.siteGroundM
    var count = 0
    for row in area.rows {
      let dyDouble = (Double(row) + 0.5) * resolution - kernel.y
      let dySquared = dyDouble * dyDouble
      guard dySquared <= reachSquared else { continue }
      let half = (reachSquared - dySquared).squareRoot()
      let first = max(area.columns.lowerBound, Int(((kernel.x - half) / resolution - 0.5).rounded(.up)))
      let last = min(area.columns.upperBound - 1, Int(((kernel.x + half) / resolution - 0.5).rounded(.down)))
      guard first <= last else { continue }
      let dy = Float(dyDouble)
      let dy2 = Float(dySquared)
      let rowBase = row * area.columnsInGrid
      for column in first...last {
        let cell = rowBase + column
        let dxDouble = (Double(column) + 0.5) * resolution - kernel.x
        let dx = Float(dxDouble)
        let squared = dx * dx + dy2
        let diffraction = losses[radials.sampleIndex(dx: dxDouble, dy: dyDouble)]
        let loss = DistanceLossTable.lookup(table(cell), squaredM2: squared) + diffraction
        let up = kernel.heightDifferenceM + (ground[cell] - siteGround)
        let horizontal = dx * kernel.sinAzimuth + dy * kernel.cosAzimuth
        let right = dx * kernel.cosAzimuth - dy * kernel.sinAzimuth
        let forward = horizontal * kernel.cosTilt - up * kernel.sinTilt
        let lifted = horizontal * kernel.sinTilt + up * kernel.cosTilt
        let rsrp = peak - loss - attenuation.attenuationDB(right: right, forward: forward, up: lifted)
        if rsrp > output.best[cell] {
          output.best[cell] = rsrp
          output.server[cell] = server
        }
        output.total[cell] += FastMath.linear(fromDB: rsrp)
      }
      count += last - first + 1
    }
    return count
  }
}
