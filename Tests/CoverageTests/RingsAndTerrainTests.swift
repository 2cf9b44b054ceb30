import Foundation
import Geo
import Radio
import Scenario
import Testing

@testable import Coverage

@Suite struct RingsAndTerrainTests {
  /// An isotropic antenna: an MSI pattern of zeros, 0 dBd peak (2.15 dBi).
  static let isotropic = MSIPattern(
    name: "iso", frequencyMHz: nil, peakGainDBi: 2.15, horizontalDB: .init(repeating: 0, count: 360),
    verticalDB: .init(repeating: 0, count: 360))

  @Test func isotropicSectorGivesConcentricRingsOfTheAnalyticRadii() throws {
    var fixture = FieldFixture()
    fixture.grid = CoverageGrid(originX: 0, originY: 0, resolutionM: 5, columns: 800, rows: 800)
    fixture.settings.propagation = Propagation(model: .freeSpace)
    fixture.settings.rsrpBinsDBm = [-60, -65, -70, -75]
    fixture.patterns["iso"] = Self.isotropic
    let mast = fixture.structure("t", row: 400, column: 400, offset: (-2.5, -2.5))  // on a cell corner
    let sector = fixture.sector("s", on: mast, azimuthDeg: 0, heightM: 30, pattern: "iso")
    let field = fixture.field([(sector, mast)])
    // By hand: EPRE = 46 − 10·log10(1200) = 15.21 dBm; peak = EPRE + 2.15 − 0.5 dBi/dB.
    // Free space: RSRP = peak − 20·log10(d3D) − 20·log10(f_MHz) + 27.55 (d in m), so the
    // threshold T is met within d3D = 10^((peak − T − 20·log10 f + 27.55)/20), and
    // r2D = √(d3D² − (30 − 1.5)²).
    let peak = 46 - 10 * log10(1200.0) + 2.15 - 0.5
    let engine = GeometryEngine()
    let bands = Polygoniser.polygons(
      classes: field.bestDBm.map { Int32(binIndex(Double($0), thresholds: fixture.settings.rsrpBinsDBm)) },
      grid: fixture.grid)
    var cumulativeAreaM2 = 0.0
    for (index, threshold) in fixture.settings.rsrpBinsDBm.enumerated() {
      let d3D = pow(10, (peak - threshold - 20 * log10(1815.0) + 27.55) / 20)
      let radius = (d3D * d3D - 28.5 * 28.5).squareRoot()
      let band = try #require(bands.first { $0.classValue == Int32(index) })
      #expect(band.shape.polygons.count == 1, "one ring per band")
      cumulativeAreaM2 += try engine.area(of: .multiPolygon(band.shape))
      // A digitised disc differs from πr² by O(r·cell): within 1% for r ≥ 100 cells·5 m.
      let analytic = Double.pi * radius * radius
      #expect(abs(cumulativeAreaM2 - analytic) / analytic < 0.01, "T = \(threshold): r = \(radius) m")
    }
  }

  /// Flat ground at 0 m but a 60 m ridge one cell wide, 2 km east of a 30 m isotropic mast,
  /// running north–south (k = 4/3, the scenario default, stated).
  static func ridgeWorld() -> (
    fixture: FieldFixture, ground: [Float], ridgeColumn: Int, mast: Structure, sector: Sector
  ) {
    var fixture = FieldFixture()
    fixture.grid = CoverageGrid(originX: 0, originY: 0, resolutionM: 10, columns: 500, rows: 20)
    fixture.settings.kFactor = 4.0 / 3.0
    fixture.settings.maxRadiusM = 5000
    fixture.settings.floorDBm = -170
    let ridgeColumn = 210
    var ground = [Float](repeating: 0, count: fixture.grid.cellCount)
    for row in 0..<fixture.grid.rows { ground[row * fixture.grid.columns + ridgeColumn] = 60 }
    fixture.patterns["iso"] = Self.isotropic
    let mast = fixture.structure("t", row: 10, column: 10)
    let sector = fixture.sector("s", on: mast, azimuthDeg: 90, heightM: 30, pattern: "iso")
    return (fixture, ground, ridgeColumn, mast, sector)
  }

  @Test func ridgeGivesTheKnifeEdgeLossOfITURP526() {
    let (fixture, ground, ridgeColumn, mast, sector) = Self.ridgeWorld()
    let flat = fixture.field([(sector, mast)])
    let hilly = fixture.field([(sector, mast)], ground: ground)
    for column in [300, 400, 480] {
      // By hand (ITU-R P.526-15 eq. 26, 31): d1 = 2,000 m, d2 = 10·(column − 210) m; the
      // line from 30 m to 1.5 m passes the ridge at 30 − 28.5·d1/d; the ridge stands
      // 60 m plus the Earth's bulge d1·d2/(2·k·a) above sea level.
      let d1 = 2000.0
      let d2 = Double(column - ridgeColumn) * 10
      let d = d1 + d2
      let bulge = d1 * d2 / (2 * 4.0 / 3.0 * 6_371_000)
      let h = 60 + bulge - (30 - 28.5 * d1 / d)
      let wavelength = 299_792_458.0 / 1815e6
      let nu = h * (2 / wavelength * (1 / d1 + 1 / d2)).squareRoot()
      let loss = 6.9 + 20 * log10(((nu - 0.1) * (nu - 0.1) + 1).squareRoot() + nu - 0.1)
      let cell = 10 * fixture.grid.columns + column
      let difference = Double(flat.bestDBm[cell] - hilly.bestDBm[cell])
      #expect(abs(difference - loss) < 0.01, "column \(column): \(difference) dB vs J(ν) = \(loss) dB")
    }
    // Before the ridge the ground is flat: no loss at all.
    #expect(flat.bestDBm[10 * fixture.grid.columns + 150] == hilly.bestDBm[10 * fixture.grid.columns + 150])
  }

  @Test func ridgeGivesTheDeltaBullingtonLossOfTheCellsOwnProfileAlongTheRadial() {
    // The ridge world above with delta-Bullington, the default: east of the mast, the cells of
    // its row lie on radial 0 at whole multiples of the sample spacing, so each takes the loss
    // of exactly its own profile: the row's cell heights from the mast to the cell.
    let (fixture, ground, ridgeColumn, mast, sector) = Self.ridgeWorld()
    #expect(fixture.settings.diffraction == .deltaBullington)
    let flat = fixture.field([(sector, mast)])
    var builder = KernelBuilder(
      settings: fixture.settings, propagations: [fixture.settings.propagation], grid: fixture.grid,
      patterns: fixture.patterns)
    let kernel = builder.kernel(
      sectorIndex: 0, sector: sector, structure: mast, layer: fixture.layer, numerology: fixture.layer.numerology!)
    let hilly = ground.withUnsafeBufferPointer { heights in
      FieldEngine.compute(
        kernels: [kernel], grid: fixture.grid, propagationClass: [UInt8](repeating: 0, count: fixture.grid.cellCount),
        terrain: TerrainProfiles(
          method: fixture.settings.diffraction, ground: heights, grid: fixture.grid, kernels: [kernel],
          frequencyMHz: fixture.layer.frequencyMHz, kFactor: fixture.settings.kFactor,
          maxRadiusM: fixture.settings.maxRadiusM, threads: 2),
        threads: 2)
    }
    for column in [150, 211, 300, 400, 480] {
      let samples = column - 10
      let reference = Diffraction.deltaBullingtonLossDB(
        distancesM: (0...samples).map { Double($0) * 10 },
        terrainM: (0...samples).map { Double(ground[10 * fixture.grid.columns + 10 + $0]) }, txHeightM: 30,
        rxHeightM: 1.5, frequencyMHz: 1815, kFactor: 4.0 / 3.0)
      let cell = 10 * fixture.grid.columns + column
      let difference = Double(flat.bestDBm[cell] - hilly.bestDBm[cell])
      #expect(abs(difference - reference) < 0.01, "column \(column): \(difference) dB vs \(reference) dB")
      if column > ridgeColumn { #expect(reference > 10, "column \(column) is behind the ridge") }
    }
  }

  @Test func parcelsAreRasterisedByCellCentres() throws {
    // A 95 m × 42 m rectangle from (1003, 2001) on a 10 m grid at (1000, 2000): centres
    // x = 1005…1095 (10 columns) and y = 2005…2035 (4 rows) fall inside: 40 cells.
    let grid = CoverageGrid(originX: 1000, originY: 2000, resolutionM: 10, columns: 20, rows: 10)
    let ring = try LinearRing([
      Coordinate(x: 1003, y: 2001), Coordinate(x: 1098, y: 2001), Coordinate(x: 1098, y: 2043),
      Coordinate(x: 1003, y: 2043), Coordinate(x: 1003, y: 2001),
    ])
    var cells: [Int] = []
    ParcelRaster.fill(MultiPolygon([Polygon(exterior: ring)]), grid: grid) { cells.append($0) }
    #expect(cells.count == 40)
    #expect(Set(cells.map { $0 % grid.columns }) == Set(0..<10))
    #expect(Set(cells.map { $0 / grid.columns }) == Set(0..<4))
  }
}

@Suite struct GroundRasterTests {
  @Test func samplesTheDEMAtCellCentresAndRefusesAGridItDoesNotCover() throws {
    // A DEM in the grid's CRS whose cell centres are the grid's: heights 100·row + column
    // (rows counted from the north), so each cell's expected height is known.
    let grid = CoverageGrid(originX: 1000, originY: 5000, resolutionM: 10, columns: 4, rows: 3)
    var heights: [Float] = []
    for demRow in 0..<3 { for column in 0..<4 { heights.append(Float(100 * demRow + column)) } }
    let dem = ElevationModel(
      crs: CRS(epsg: 32648), columns: 4, rows: 3, originX: 1005, originY: 5025, cellSizeX: 10, cellSizeY: 10,
      heightsM: heights)
    let ground = try GroundRaster(dem: dem, grid: grid, crs: CRS(epsg: 32648), demName: "t.asc")
    for row in 0..<3 {
      for column in 0..<4 {
        #expect(ground.heightsM[row * 4 + column] == Float(100 * (2 - row) + column))
      }
    }
    let wider = CoverageGrid(originX: 990, originY: 5000, resolutionM: 10, columns: 5, rows: 3)
    #expect(throws: CoverageError.terrainDoesNotCover(file: "t.asc", missingCells: 3, cells: 15)) {
      try GroundRaster(dem: dem, grid: wider, crs: CRS(epsg: 32648), demName: "t.asc")
    }
  }

  /// A DEM in WGS 84 under a UTM grid of 100 rows (four bands of 32): heights a linear function
  /// of lon and lat, which bilinear interpolation reproduces, so each cell's expected height is
  /// that function at its centre transformed one point at a time; the banded raster is the
  /// same for 1, 2 and 3 threads, and so is the count of cells a smaller DEM leaves uncovered.
  @Test func transformsAndSamplesInBandsIndependentlyOfThreads() throws {
    let utm = CRS(epsg: 32648)
    let grid = CoverageGrid(originX: 600_000, originY: 2_300_000, resolutionM: 10, columns: 20, rows: 100)
    let toDegrees = try CoordinateTransform(from: utm, to: .wgs84)
    let southWest = try toDegrees.forward(Coordinate(x: 599_900, y: 2_299_900))
    let height = { (lon: Double, lat: Double) in 1000 * (lon - southWest.x) + 2000 * (lat - southWest.y) }
    // 0.001° nodes from 0.002° west and north of the grid's corners: a 12 × 16 raster covers it.
    let (columns, rows, step) = (12, 16, 0.001)
    let west = southWest.x - 0.002
    let north = southWest.y + Double(rows - 3) * step
    var heights: [Float] = []
    for row in 0..<rows {
      for column in 0..<columns {
        heights.append(Float(height(west + Double(column) * step, north - Double(row) * step)))
      }
    }
    let dem = ElevationModel(
      crs: .wgs84, columns: columns, rows: rows, originX: west, originY: north, cellSizeX: step, cellSizeY: step,
      heightsM: heights)
    let single = try GroundRaster(dem: dem, grid: grid, crs: utm, demName: "t.asc", threads: 1)
    for row in stride(from: 0, to: grid.rows, by: 7) {
      for column in 0..<grid.columns {
        let point = try toDegrees.forward(grid.centre(row: row, column: column))
        // Node heights are Float (≈ 4·10⁻⁶ relative at ≤ 400 m): 0.01 m is far above that.
        #expect(abs(Double(single.heightsM[row * grid.columns + column]) - height(point.x, point.y)) < 0.01)
      }
    }
    for threads in [2, 3] {
      let banded = try GroundRaster(dem: dem, grid: grid, crs: utm, demName: "t.asc", threads: threads)
      #expect(banded.heightsM.map(\.bitPattern) == single.heightsM.map(\.bitPattern))
    }
    let taller = CoverageGrid(originX: 600_000, originY: 2_300_000, resolutionM: 10, columns: 20, rows: 400)
    let missing = [1, 2, 3].map { threads -> Int? in
      do {
        _ = try GroundRaster(dem: dem, grid: taller, crs: utm, demName: "t.asc", threads: threads)
        return nil
      } catch CoverageError.terrainDoesNotCover(_, let missingCells, _) {
        return missingCells
      } catch {
        return -1
      }
    }
    #expect(missing[0] != nil && missing[0]! > 0 && Set(missing).count == 1, "\(missing)")
  }
}
