import Foundation
import Geo
import Radio
import Scenario
import TestSupport
import Testing

@testable import Coverage

/// The per-cell values a run hands to the rasters: the field engine's RSRP and server, and the
/// coverage probability against closed forms computed by hand with Radio.
@Suite struct LayerCellsTests {
  /// σ_SF of UMa NLOS and LOS, TR 38.901 Table 7.4.1-1.
  static let umaNLOSSigmaDB = 6.0
  static let umaLOSSigmaDB = 4.0
  static let target = -100.0

  /// Φ(x) = ½ erfc(−x/√2), Foundation's erfc.
  static func phi(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  static func world(_ lineOfSight: LineOfSight, indoorClass: String = "outdoor") -> OneSiteWorld {
    var world = OneSiteWorld()
    world.settings.propagation = Propagation(model: .umaNLOS, lineOfSight: lineOfSight)
    world.settings.target = CoverageTarget(
      rsrpDBm: target, indoor: indoorClass != "outdoor", minimumShare: 0.95, reliability: 0.9)
    world.squares = [OneSiteWorld.Square(eastM: 100, northM: -600, sideM: 1200, buildingClass: indoorClass)]
    world.sectors = [OneSiteWorld.sector("s1", azimuthDeg: 90)]
    return world
  }

  static func cells(_ world: OneSiteWorld) throws -> (LayerCells, CoverageResult) {
    var captured: [LayerCells] = []
    let result = try CoverageRun.run(world.scenario(), threads: 2, cells: { captured.append($0) })
    #expect(captured.count == 1)
    return (try #require(captured.first), result)
  }

  /// Median RSRP at a cell centre by hand: EPRE + gain − feeder − the state's TR 38.901 UMa loss.
  static func median(_ grid: CoverageGrid, row: Int, column: Int, lineOfSight: Bool) -> (dBm: Double, distanceM: Double)
  {
    let sector = OneSiteWorld.sector("s1", azimuthDeg: 90)
    let centre = grid.centre(row: row, column: column)
    let link = OneSiteWorld.gainAndDistance(
      sector, eastM: centre.x - OneSiteWorld.towerPosition.x, northM: centre.y - OneSiteWorld.towerPosition.y,
      ueHeightM: 1.5, gain: OneSiteWorld.parametricGain(sector))
    let loss = TR38901.uma(
      LinkGeometry(frequencyMHz: 1815, bsHeightM: 35, ueHeightM: 1.5, distance2DM: link.distanceM),
      lineOfSight: lineOfSight
    ).lossDB
    return (OneSiteWorld.energyPerResourceElementDBm + link.gainDBi - 0.5 - loss, link.distanceM)
  }

  /// NLOS only: P(RSRP ≥ T) = Φ((median − T)/σ), and RSRP/server equal the run's own field.
  @Test func gaussianProbabilityMatchesTheClosedForm() throws {
    let (cells, result) = try Self.cells(Self.world(.nlos))
    let grid = cells.grid
    var worst = 0.0
    var compared = 0
    for row in stride(from: 0, to: grid.rows, by: 3) {
      for column in stride(from: 0, to: grid.columns, by: 3) {
        let cell = row * grid.columns + column
        guard cells.server[cell] == 0 else { continue }
        let median = Self.median(grid, row: row, column: column, lineOfSight: false).dBm
        let expected = Self.phi((median - Self.target) / Self.umaNLOSSigmaDB)
        worst = max(worst, abs(Double(cells.probabilityOutdoor[cell]) - expected))
        compared += 1
      }
    }
    // dP/dx ≤ φ(0)/σ = 0.0665 per dB: 0.002 is 0.03 dB between the field (fast atan2,
    // Float32, tabulated loss) and the hand computation in Double.
    #expect(worst < 2e-3 && compared > 1000, "worst |ΔP| \(worst) over \(compared) cells")
    // Where the target is met (covered) the probability reaches 0.9, and only there.
    let map = try #require(result.cellMaps.first)
    var disagreements = 0
    for cell in 0..<grid.cellCount where map.parcelIndex[cell] >= 0 && cells.server[cell] == 0 {
      let probability = Double(cells.probabilityOutdoor[cell])
      guard abs(probability - 0.9) > 1e-4 else { continue }
      if (map.coveredByCarrier[0][cell] == 1) != (probability >= 0.9) { disagreements += 1 }
    }
    #expect(disagreements == 0)
  }

  /// Probabilistic LOS: the TR 38.901 §7.4.2 mixture p Φ((R₀ − T)/σ_L … written out by hand
  /// with Table 7.4.2-1's UMa Pr_LOS, against the cell's value.
  @Test func mixtureProbabilityMatchesTheMixtureWrittenOut() throws {
    let (cells, _) = try Self.cells(Self.world(.probabilistic))
    let grid = cells.grid
    var worst = 0.0
    var compared = 0
    for row in stride(from: 0, to: grid.rows, by: 3) {
      for column in stride(from: 0, to: grid.columns, by: 3) {
        let cell = row * grid.columns + column
        guard cells.server[cell] == 0 else { continue }
        let los = Self.median(grid, row: row, column: column, lineOfSight: true)
        let nlos = Self.median(grid, row: row, column: column, lineOfSight: false)
        // Table 7.4.2-1 UMa, h_UT ≤ 13 m: Pr = 1 for d ≤ 18 m, else 18/d + exp(−d/63)(1 − 18/d).
        let d = los.distanceM
        let pLOS = d <= 18 ? 1 : 18 / d + exp(-d / 63) * (1 - 18 / d)
        let expected =
          pLOS * Self.phi((los.dBm - Self.target) / Self.umaLOSSigmaDB) + (1 - pLOS)
          * Self.phi((nlos.dBm - Self.target) / Self.umaNLOSSigmaDB)
        worst = max(worst, abs(Double(cells.probabilityOutdoor[cell]) - expected))
        compared += 1
      }
    }
    // The cell reads the distribution at the nearest table node (1/512 octave of distance:
    // ≤ 0.07 % of d), which moves Pr_LOS and the means by far less than 0.002.
    #expect(worst < 2e-3 && compared > 1000, "worst |ΔP| \(worst) over \(compared) cells")
  }

  /// Indoors: O2I N(μ, σ_P) added to the NLOS Gaussian: Φ((median − μ − T)/√(σ² + σ_P²)),
  /// with TR 38.901 §7.4.3's high-loss model at the mean depth and Table 7.4.3-2's σ_P.
  @Test func indoorProbabilityAddsTheO2ISpread() throws {
    let world = Self.world(.nlos, indoorClass: "metal-clad")
    let hall = try #require(world.buildingClasses.first { $0.name == "metal-clad" })
    let (cells, _) = try Self.cells(world)
    #expect(cells.hasIndoor)
    let meanDB = CoverageRun.indoorLossDB(hall, frequencyMHz: 1815)
    let spread = CoverageRun.o2iSigmaDB(hall)
    let combined = (Self.umaNLOSSigmaDB * Self.umaNLOSSigmaDB + spread * spread).squareRoot()
    let grid = cells.grid
    var worst = 0.0
    var compared = 0
    for row in stride(from: 0, to: grid.rows, by: 3) {
      for column in stride(from: 0, to: grid.columns, by: 3) {
        let cell = row * grid.columns + column
        guard cells.server[cell] == 0, !cells.probabilityIndoor[cell].isNaN else { continue }
        let median = Self.median(grid, row: row, column: column, lineOfSight: false).dBm
        let expected = Self.phi((median - meanDB - Self.target) / combined)
        worst = max(worst, abs(Double(cells.probabilityIndoor[cell]) - expected))
        compared += 1
      }
    }
    #expect(worst < 2e-3 && compared > 1000, "worst |ΔP| \(worst) over \(compared) cells")
  }

  /// The probability as the raster stores it (Float32 rounded to 1/4096) is the exact CDF's,
  /// also where the tails are read as 0 and 1 without the CDF: random Gaussians and LOS
  /// mixtures (and indoor ones with an O2I σ added), arguments within ±8 σ of the means.
  @Test func rasterProbabilityIsTheExactCDFAtTheRastersStep() {
    var random = SplitMix(seed: 3)
    let step = Float(1.0 / 4096)
    func stored(_ value: Double) -> Float { (Float(value) / step).rounded() * step }
    var tails = 0
    var checked = 0
    for _ in 0..<2_000 {
      let los = Double.random(in: 60..<140, using: &random)
      var distribution = LossDistribution(
        losProbability: [0, 1, Double.random(in: 0..<1, using: &random)][Int.random(in: 0..<3, using: &random)],
        losMeanDB: los, losSigmaDB: Double.random(in: 0.5..<8, using: &random),
        nlosMeanDB: los + Double.random(in: 0..<30, using: &random),
        nlosSigmaDB: Double.random(in: 2..<12, using: &random))
      if Bool.random(using: &random) { distribution = distribution.adding(meanDB: 0, sigmaDB: 6.6) }
      let low = min(distribution.losMeanDB, distribution.nlosMeanDB) - 8 * 12
      let high = max(distribution.losMeanDB, distribution.nlosMeanDB) + 8 * 12
      for _ in 0..<50 {
        let quantile = Double.random(in: low..<high, using: &random)
        let margin = Double.random(in: -3..<3, using: &random)
        let fast = LayerCells.rasterProbability(quantileDB: quantile, marginDB: margin, distribution: distribution)
        let exact = distribution.probabilityAtMost(quantile + margin)
        #expect(stored(fast) == stored(exact), "\(distribution) at \(quantile + margin) dB")
        if LayerCells.tailProbability(quantile + margin, distribution) != nil { tails += 1 }
        checked += 1
      }
    }
    #expect(tails > checked / 4 && tails < checked)
  }

  /// SINR and indoor RSRP per cell against S·a / (I·a + N) written out (I = the cell's group
  /// load · (total − S),
  /// a the building's loss as a ratio), on a random field over `BandedWorld`'s grid, on 1 and 8
  /// threads; NaN where no sector reaches and, indoors, outside buildings.
  @Test func sinrAndIndoorLevelsMatchTheirDefinition() throws {
    let scenario = try BandedWorld.scenario()
    let grid = try #require(CoverageRun.gridCovering(scenario))
    let raster = ParcelRaster(scenario: scenario, grid: grid)
    let layer = scenario.carriers[0].layers[0]
    let numerology = try #require(layer.numerology)
    var builder = KernelBuilder(
      settings: scenario.coverage, propagations: raster.propagations, grid: grid, patterns: [:])
    let structures = Dictionary(uniqueKeysWithValues: scenario.structures.map { ($0.id, $0) })
    let kernels = scenario.sectors.enumerated().filter { $0.element.layerID == layer.id }.map { index, sector in
      builder.kernel(
        sectorIndex: index, sector: sector, structure: structures[sector.structureID]!, layer: layer,
        numerology: numerology)
    }
    let field = LayerReductionTests.field(cellCount: grid.cellCount, sectors: kernels.count, seed: 9)
    var random = SplitMix(seed: 21)
    let indoor = raster.parcels.indices.map { _ in
      Bool.random(using: &random)
        ? IndoorLoss(
          levelDB: Double.random(in: 5..<30, using: &random), meanDB: 15, sigmaDB: 6, isBuilding: true)
        : IndoorLoss.none
    }
    let noise = pow(10, LinkBudget.noisePerResourceElementDBm(numerology: numerology, noiseFigureDB: 9) / 10)
    let load = LayerLoad.random(
      field: field, sectors: kernels.count, layer: layer, settings: scenario.coverage, seed: 5)
    let runs = [1, 8].map { threads in
      LayerCells(
        carrierID: "c", layerID: layer.id, groupZoneID: nil, field: field, kernels: kernels, raster: raster,
        settings: scenario.coverage, noiseMilliwatts: noise, load: load, indoor: indoor, threads: threads)
    }
    for cells in runs {
      var indoorCells = 0
      for cell in 0..<grid.cellCount {
        let best = Double(field.bestDBm[cell])
        guard best > -.infinity else {
          #expect(cells.sinrOutdoorDB[cell].isNaN && cells.rsrpIndoorDBm[cell].isNaN)
          continue
        }
        let signal = pow(10, best / 10)
        let interference =
          max(Double(field.totalMilliwatts[cell]) - signal, 0) * load.groupLoad[Int(load.cellGroup[cell])]
        #expect(cells.sinrOutdoorDB[cell] == Float(10 * log10(signal / (interference + noise))))
        let parcel = Int(raster.parcelIndex[cell])
        guard parcel >= 0, indoor[parcel].isBuilding else {
          #expect(cells.sinrIndoorDB[cell].isNaN && cells.probabilityIndoor[cell].isNaN)
          continue
        }
        let a = pow(10, -indoor[parcel].levelDB / 10)
        #expect(cells.sinrIndoorDB[cell] == Float(10 * log10(signal * a / (interference * a + noise))))
        #expect(cells.rsrpIndoorDBm[cell] == Float(best - indoor[parcel].levelDB))
        indoorCells += 1
      }
      #expect(indoorCells > 1_000)
    }
    #expect(runs[0].sinrIndoorDB.map(\.bitPattern) == runs[1].sinrIndoorDB.map(\.bitPattern))
    #expect(runs[0].probabilityOutdoor.map(\.bitPattern) == runs[1].probabilityOutdoor.map(\.bitPattern))
  }
}
