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

  /// Every kernel's loss tables (one per propagation class) copied once into stable memory
  /// before the parallel section, so tiles read them through pointers without copying.
  private struct PinnedTables: @unchecked Sendable {
    let byKernel: [UnsafeBufferPointer<UnsafeBufferPointer<Float>>]

    init(_ kernels: [SectorKernel]) {
      byKernel = kernels.map { kernel in
        let classes = UnsafeMutableBufferPointer<UnsafeBufferPointer<Float>>.allocate(capacity: kernel.tables.count)
        for (index, table) in kernel.tables.enumerated() {
          let copy = UnsafeMutableBufferPointer<Float>.allocate(capacity: table.lossDB.count)
          _ = copy.initialize(from: table.lossDB)
          classes[index] = UnsafeBufferPointer(copy)
        }
        return UnsafeBufferPointer(classes)
      }
    }

    func deallocate() {
      for classes in byKernel {
        for table in classes { table.deallocate() }
        classes.deallocate()
      }
    }
  }

  static func compute(
    kernels: [SectorKernel], grid: CoverageGrid, propagationClass: [UInt8], terrain: TerrainProfiles?,
    threads: Int
  ) -> LayerField {
    var field = LayerField(cellCount: grid.cellCount)
    let tilesX = (grid.columns + tileSize - 1) / tileSize
    let tilesY = (grid.rows + tileSize - 1) / tileSize
    let tileCount = tilesX * tilesY
    let workers = max(1, min(threads, tileCount))
    var evaluations = [Int](repeating: 0, count: tileCount)
    let tables = PinnedTables(kernels)
    defer { tables.deallocate() }
    field.bestDBm.withUnsafeMutableBufferPointer { best in
      field.server.withUnsafeMutableBufferPointer { server in
        field.totalMilliwatts.withUnsafeMutableBufferPointer { total in
          propagationClass.withUnsafeBufferPointer { classes in
            evaluations.withUnsafeMutableBufferPointer { counts in
              let output = Output(
                best: best.baseAddress!, server: server.baseAddress!, total: total.baseAddress!,
                classes: classes.baseAddress!, evaluations: counts.baseAddress!)
              DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var tile = worker
                while tile < tileCount {
                  let rows = (tile / tilesX * tileSize)..<min(grid.rows, (tile / tilesX + 1) * tileSize)
                  let columns = (tile % tilesX * tileSize)..<min(grid.columns, (tile % tilesX + 1) * tileSize)
                  output.evaluations[tile] = computeTile(
                    rows: rows, columns: columns, kernels: kernels, tables: tables, grid: grid, output: output,
                    terrain: terrain)
                  tile += workers
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

  private static func computeTile(
    rows: Range<Int>, columns: Range<Int>, kernels: [SectorKernel], tables: PinnedTables, grid: CoverageGrid,
    output: Output, terrain: TerrainProfiles?
  ) -> Int {
    let resolution = grid.resolutionM
    let tileWest = Double(columns.lowerBound) * resolution
    let tileEast = Double(columns.upperBound) * resolution
    let tileSouth = Double(rows.lowerBound) * resolution
    let tileNorth = Double(rows.upperBound) * resolution
    var count = 0
    for (index, kernel) in kernels.enumerated() {
      let reach = kernel.reachM
      guard kernel.x + reach >= tileWest, kernel.x - reach <= tileEast, kernel.y + reach >= tileSouth,
        kernel.y - reach <= tileNorth
      else { continue }
      let area = TileArea(rows: rows, columns: columns, resolution: resolution, columnsInGrid: grid.columns)
      switch kernel.antenna {
      case .parametric(let h, let v, let maxDB, let sideLobe, let tilt):
        let attenuation = ParametricAttenuation(
          horizontal3dBDeg: h, vertical3dBDeg: v, maxDB: maxDB, sideLobeDB: sideLobe, tiltDeg: tilt)
        count += apply(kernel, tables.byKernel[index], attenuation, area, output, terrain)
      case .pattern(let horizontal, let vertical, let floor):
        count += horizontal.withUnsafeBufferPointer { h in
          vertical.withUnsafeBufferPointer { v in
            apply(
              kernel, tables.byKernel[index], PatternAttenuation(horizontal: h, vertical: v, floorDB: floor), area,
              output, terrain)
          }
        }
      case .array(let element, let factor):
        count += factor.withUnsafeBufferPointer { losses in
          apply(
            kernel, tables.byKernel[index], ArrayAttenuation(element: element, factorLossDB: losses), area, output,
            terrain)
        }
      }
    }
    return count
  }

  private static func apply<A: Attenuation>(
    _ kernel: SectorKernel, _ byClass: UnsafeBufferPointer<UnsafeBufferPointer<Float>>, _ attenuation: A,
    _ area: TileArea, _ output: Output, _ terrain: TerrainProfiles?
  ) -> Int {
    if let terrain {
      if byClass.count == 1 {
        let table = byClass[0]
        return sweepTerrain(kernel, attenuation, area, output, terrain) { _ in table }
      }
      return sweepTerrain(kernel, attenuation, area, output, terrain) { cell in byClass[Int(output.classes[cell])] }
    }
    if byClass.count == 1 {
      let table = byClass[0]
      return sweep(kernel, attenuation, area, output) { _ in table }
    }
    return sweep(kernel, attenuation, area, output) { cell in byClass[Int(output.classes[cell])] }
  }

  /// The inner loop over the cells of one tile within the sector's reach, on flat ground.
  @inline(__always)
  private static func sweep<A: Attenuation>(
    _ kernel: SectorKernel, _ attenuation: A, _ area: TileArea, _ output: Output,
    table: (Int) -> UnsafeBufferPointer<Float>
  ) -> Int {
    let resolution = area.resolution
    let reachSquared = kernel.reachM * kernel.reachM
    let sinAz = kernel.sinAzimuth
    let cosAz = kernel.cosAzimuth
    let sinTilt = kernel.sinTilt
    let cosTilt = kernel.cosTilt
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
      // Each cell's offset from the sector is rounded to Float once, from its own Double
      // value, so a cell gets the same field whatever tile or grid it is computed in.
      let kernelX = kernel.x
      let rowBase = row * area.columnsInGrid
      var column = first
      do {
        // Four cells at a time; the scalar loop below finishes the row.
        let laneCentres = SIMD4<Double>(0.5, 1.5, 2.5, 3.5)
        let bestLanes = UnsafeMutableRawPointer(output.best)
        let serverLanes = UnsafeMutableRawPointer(output.server)
        let totalLanes = UnsafeMutableRawPointer(output.total)
        while column + 3 <= last {
          let cell = rowBase + column
          let dx = Lanes((SIMD4<Double>(repeating: Double(column)) + laneCentres) * resolution - kernelX)
          let squared = lanesMax(dx * dx + dy2, Lanes(repeating: 1))
          let bits = unsafeBitCast(squared, to: SIMD4<UInt32>.self) &- DistanceLossTable.baseBits
          let fraction = FastMath.float(bits & 0x7FFF) * DistanceLossTable.fractionScale
          var low = Lanes()
          var high = Lanes()
          for lane in 0..<4 {
            let lookup = table(cell + lane)
            let index = min(Int(bits[lane] >> DistanceLossTable.fractionBits), lookup.count - 2)
            low[lane] = lookup[index]
            high[lane] = lookup[index + 1]
          }
          let loss = low + (high - low) * fraction
          let up = Lanes(repeating: kernel.heightDifferenceM)
          let horizontal = dx * sinAz + dy * cosAz
          let right = dx * cosAz - dy * sinAz
          let forward = horizontal * cosTilt - up * sinTilt
          let lifted = horizontal * sinTilt + up * cosTilt
          let rsrp = peak - loss - attenuation.attenuationDB(right: right, forward: forward, up: lifted)
          let offset = cell * 4
          var best = bestLanes.loadUnaligned(fromByteOffset: offset, as: Lanes.self)
          var servers = serverLanes.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
          let better = rsrp .> best
          best.replace(with: rsrp, where: better)
          servers.replace(with: server, where: better)
          bestLanes.storeBytes(of: best, toByteOffset: offset, as: Lanes.self)
          serverLanes.storeBytes(of: servers, toByteOffset: offset, as: SIMD4<Int32>.self)
          let total = totalLanes.loadUnaligned(fromByteOffset: offset, as: Lanes.self) + FastMath.linear(fromDB: rsrp)
          totalLanes.storeBytes(of: total, toByteOffset: offset, as: Lanes.self)
          column += 4
        }
      }
      while column <= last {
        defer { column += 1 }
        let cell = rowBase + column
        let dx = Float((Double(column) + 0.5) * resolution - kernelX)
        let squared = dx * dx + dy2
        let loss = DistanceLossTable.lookup(table(cell), squaredM2: squared)
        let up = kernel.heightDifferenceM
        let horizontal = dx * sinAz + dy * cosAz
        let right = dx * cosAz - dy * sinAz
        let forward = horizontal * cosTilt - up * sinTilt
        let lifted = horizontal * sinTilt + up * cosTilt
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

/// The cells of one tile.
struct TileArea {
  let rows: Range<Int>
  let columns: Range<Int>
  let resolution: Double
  let columnsInGrid: Int
}
