import Foundation
import Geo
import Radio
import Scenario
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
}
