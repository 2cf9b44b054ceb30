import Foundation
import Geo
import Radio
import Scenario
import Testing

@testable import Coverage

/// The interference mix on blocks of several cells with three sectors, against each sector's
/// own field on the fine grid: a block's sample is its middle cell (m odd), and the mix keeps
/// exactly the sectors at or above 10⁻³ of the block's total beside its strongest.
@Suite struct InterferenceMixTests {
  /// The busy-hour park on a 20 m grid (blocks of m = 5 cells, 100 m), with a third n78
  /// sector on a tower south of the park facing north.
  static func scenario() -> ScenarioModel {
    var park = BusyHourRunTests.scenario()
    park.grid = GridSpec(resolutionM: 20, marginM: 300)
    let position = Coordinate(x: 600_500, y: 2_299_400)
    let tower = Structure(
      id: "t2", kind: .tower, positionLonLat: position, position: position, heightM: 30, owner: "x", freeSlots: 1,
      rentVNDPerMonth: 0)
    let sector = Sector(
      id: "s2", carrierID: "viettel", layerID: "nr3700", structureID: "t2", azimuthDeg: 0, mechanicalTiltDeg: 2,
      electricalTiltDeg: 4, antennaGainDBi: 17, antennaPatternPath: nil, powerDBm: 46, heightM: 30, feederLossDB: 0.5)
    return park.withNetwork(
      carriers: park.carriers, structures: park.structures + [tower], sectors: park.sectors + [sector],
      coverage: park.coverage)
  }

  @Test func blocksSampleTheirMiddleCellAndKeepTheNonNegligible() throws {
    let model = Self.scenario()
    let grid = try #require(CoverageRun.gridCovering(model))
    let raster = ParcelRaster(scenario: model, grid: grid)
    let layer = model.carriers[0].layers[0]
    let numerology = try #require(layer.numerology)
    var builder = KernelBuilder(
      settings: model.coverage, propagations: raster.propagations, grid: grid, patterns: [:])
    let kernels = model.sectors.enumerated().map { index, sector in
      builder.kernel(
        sectorIndex: index, sector: sector, structure: model.structures[index], layer: layer, numerology: numerology)
    }
    let mix = InterferenceMix(
      kernels: kernels, grid: grid, raster: raster, ground: nil, layer: layer, settings: model.coverage, threads: 2)
    #expect(mix.blockCells == 5)
    // In passes of one sector at a time (as a national tile's thousands go, 128 at a time):
    // the same entries, in the same order, with the same bits.
    let chunked = InterferenceMix(
      kernels: kernels, grid: grid, raster: raster, ground: nil, layer: layer, settings: model.coverage, threads: 2,
      chunkKernels: 1)
    #expect(chunked.rowStart == mix.rowStart && chunked.kernelPosition == mix.kernelPosition)
    #expect(chunked.levelMilliwatts == mix.levelMilliwatts)
    // Each sector alone on the fine grid.
    let own = kernels.map {
      FieldEngine.compute(
        kernels: [$0], grid: grid, propagationClass: raster.propagationClass, terrain: nil, threads: 1)
    }
    var blocksChecked = 0
    for blockRow in 0..<mix.blockRows {
      for blockColumn in 0..<mix.blockColumns {
        // Whole blocks only: a partial last block samples a clamped cell.
        let row = blockRow * 5 + 2
        let column = blockColumn * 5 + 2
        guard blockRow * 5 + 5 <= grid.rows, blockColumn * 5 + 5 <= grid.columns else { continue }
        let cell = row * grid.columns + column
        let levels = own.map { field in
          field.bestDBm[cell] > -.infinity ? pow(10, Double(field.bestDBm[cell]) / 10) : 0
        }
        let beside = levels.reduce(0, +) - (levels.max() ?? 0)
        let block = blockRow * mix.blockColumns + blockColumn
        let entries = mix.rowStart[block]..<mix.rowStart[block + 1]
        var kept: [Int: Double] = [:]
        for entry in entries { kept[Int(mix.kernelPosition[entry])] = mix.levelMilliwatts[entry] }
        for (position, level) in levels.enumerated() where level > 0 {
          let ratio = beside > 0 ? level / beside : .infinity
          // FastMath.linear is within 2·10⁻⁶: leave the threshold's edge alone.
          guard abs(ratio - InterferenceMix.negligibleShare) > 1e-5 else { continue }
          if ratio > InterferenceMix.negligibleShare {
            let value = try #require(kept[position], "block \(block) sector \(position)")
            #expect(abs(value - level) <= 3e-6 * level, "block \(block) sector \(position)")
          } else {
            #expect(kept[position] == nil, "block \(block) sector \(position)")
          }
        }
        // Nothing kept from a sector that does not reach the block.
        for position in kept.keys { #expect(levels[position] > 0, "block \(block) sector \(position)") }
        blocksChecked += 1
      }
    }
    #expect(blocksChecked > 100)
    // The three sectors reach most blocks.
    #expect(mix.kernelPosition.count > 2 * blocksChecked)
  }

  /// Over a DEM with a lone sector (a single site), the sector's field on the coarse grid takes
  /// the workers the sectors leave free: the same mix, bit for bit, on 1, 2 and 3 threads, and
  /// the ground changes it (the terrain path is taken).
  @Test func aLoneSectorOverTerrainIsTheSameOnAnyThreads() throws {
    let model = Self.scenario()
    let grid = try #require(CoverageRun.gridCovering(model))
    let raster = ParcelRaster(scenario: model, grid: grid)
    let layer = model.carriers[0].layers[0]
    let numerology = try #require(layer.numerology)
    var builder = KernelBuilder(settings: model.coverage, propagations: raster.propagations, grid: grid, patterns: [:])
    let kernel = builder.kernel(
      sectorIndex: 0, sector: model.sectors[0], structure: model.structures[0], layer: layer, numerology: numerology)
    // A ridge 60 m high running north–south through the park's middle, on the grid's own cells
    // (DEM rows counted from the north).
    var heights: [Float] = []
    for _ in 0..<grid.rows {
      for column in 0..<grid.columns {
        let offset = grid.centre(row: 0, column: column).x - 600_500
        heights.append(Float(60 * exp(-offset * offset / (2 * 80 * 80))))
      }
    }
    let dem = ElevationModel(
      crs: CRS(epsg: 32648), columns: grid.columns, rows: grid.rows, originX: grid.originX + grid.resolutionM / 2,
      originY: grid.originY + (Double(grid.rows) - 0.5) * grid.resolutionM, cellSizeX: grid.resolutionM,
      cellSizeY: grid.resolutionM, heightsM: heights)
    let ground = try GroundRaster(dem: dem, grid: grid, crs: CRS(epsg: 32648), demName: "ridge.asc")
    let mixes = [1, 2, 3].map { threads in
      InterferenceMix(
        kernels: [kernel], grid: grid, raster: raster, ground: ground, layer: layer, settings: model.coverage,
        threads: threads)
    }
    for mix in mixes.dropFirst() {
      #expect(mix.rowStart == mixes[0].rowStart && mix.kernelPosition == mixes[0].kernelPosition)
      #expect(mix.levelMilliwatts.map(\.bitPattern) == mixes[0].levelMilliwatts.map(\.bitPattern))
    }
    let flat = InterferenceMix(
      kernels: [kernel], grid: grid, raster: raster, ground: nil, layer: layer, settings: model.coverage, threads: 2)
    #expect(flat.rowStart == mixes[0].rowStart && flat.levelMilliwatts != mixes[0].levelMilliwatts)
  }
}
