import Foundation
import Radio
import Scenario
import Testing

@testable import Coverage

/// Under `lineOfSight: .probabilistic` a cell's RSRP at reliability r is the r-quantile of
/// the LOS/NLOS mixture (TR 38.901 §7.4.2), computed here independently of Radio's
/// `LossDistribution`.
@Suite struct LOSMixtureFieldTests {
  /// σ_SF of UMa, TR 38.901 Table 7.4.1-1: LOS 4 dB, NLOS 6 dB.
  static let losSigmaDB = 4.0
  static let nlosSigmaDB = 6.0

  /// Pr_LOS of UMa, TR 38.901 Table 7.4.2-1, written out: 1 for d_2D ≤ 18 m, else
  /// [18/d + exp(−d/63)(1 − 18/d)](1 + C'(h_UT)·5/4·(d/100)³·exp(−d/150)), with
  /// C'(h_UT) = 0 for h_UT ≤ 13 m and ((h_UT − 13)/10)^1.5 for 13 m < h_UT ≤ 23 m.
  static func umaLOSProbability(distance2DM d: Double, ueHeightM: Double) -> Double {
    if d <= 18 { return 1 }
    let c = ueHeightM <= 13 ? 0 : pow((ueHeightM - 13) / 10, 1.5)
    return (18 / d + exp(-d / 63) * (1 - 18 / d)) * (1 + c * 1.25 * pow(d / 100, 3) * exp(-d / 150))
  }

  /// Φ(z) = ½ erfc(−z/√2) (Foundation's erfc).
  static func phi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// The loss x with p Φ((x − μ_L)/σ_L) + (1 − p) Φ((x − μ_N)/σ_N) = r: plain bisection on
  /// [min μ − 10 σ, max μ + 10 σ] to 1e-9 dB.
  static func mixtureQuantileDB(
    _ r: Double, losProbability p: Double, losMeanDB: Double, nlosMeanDB: Double
  ) -> Double {
    func cdf(_ x: Double) -> Double {
      p * phi((x - losMeanDB) / losSigmaDB) + (1 - p) * phi((x - nlosMeanDB) / nlosSigmaDB)
    }
    var low = min(losMeanDB, nlosMeanDB) - 10 * nlosSigmaDB
    var high = max(losMeanDB, nlosMeanDB) + 10 * nlosSigmaDB
    while high - low > 1e-9 {
      let middle = 0.5 * (low + high)
      if cdf(middle) < r { low = middle } else { high = middle }
    }
    return 0.5 * (low + high)
  }

  /// Φ⁻¹(r): python3 -c "from scipy.stats import norm; print([repr(norm.ppf(r)) for r in (0.5, 0.9, 0.95)])"
  /// → 0.0, 1.2815515655446004, 1.6448536269514722.
  static let normalQuantile = [0.5: 0.0, 0.9: 1.2815515655446004, 0.95: 1.6448536269514722]

  /// Cells from 30 m to 1.9 km of the mast, on and off boresight and behind.
  static let cells = [
    (121, 152), (123, 150), (126, 156), (130, 160), (140, 170), (100, 220), (200, 40), (5, 5), (239, 299),
    (120, 10), (60, 155),
  ]

  @Test(arguments: [0.5, 0.9, 0.95])
  func fieldIsTheQuantileOfTheLOSMixture(reliability: Double) {
    var fixture = FieldFixture()
    fixture.settings.propagation = Propagation(model: .umaNLOS, lineOfSight: .probabilistic)
    fixture.settings.target = CoverageTarget(
      rsrpDBm: -105, indoor: false, minimumShare: 0.95, reliability: reliability)
    let mast = fixture.structure("t1", row: 120, column: 150, offset: (3.3, -2.1))
    let sector = fixture.sector("s1", on: mast, azimuthDeg: 75, mechanicalTiltDeg: 3, electricalTiltDeg: 4)
    let field = fixture.field([(sector, mast)])
    let epre = LinkBudget.energyPerResourceElementDBm(totalPowerDBm: 46, numerology: fixture.layer.numerology!)
    var nlosOnly = 0
    for (row, column) in Self.cells {
      let centre = fixture.grid.centre(row: row, column: column)
      let (gain, distance) = OneSiteWorld.gainAndDistance(
        sector, eastM: centre.x - mast.position.x, northM: centre.y - mast.position.y, ueHeightM: 1.5,
        gain: OneSiteWorld.parametricGain(sector))
      let link = LinkGeometry(frequencyMHz: 1815, bsHeightM: 35, ueHeightM: 1.5, distance2DM: distance)
      let loss = Self.mixtureQuantileDB(
        reliability, losProbability: Self.umaLOSProbability(distance2DM: distance, ueHeightM: 1.5),
        losMeanDB: TR38901.uma(link, lineOfSight: true).lossDB,
        nlosMeanDB: TR38901.uma(link, lineOfSight: false).lossDB)
      let expected = epre + gain - 0.5 - loss
      let got = Double(field.bestDBm[row * fixture.grid.columns + column])
      #expect(abs(got - expected) < 0.02, "r \(reliability), cell (\(row), \(column)): \(got) vs \(expected)")
      // The same cell judged NLOS only: the mixture must matter at these cells.
      let nlos = TR38901.uma(link, lineOfSight: false).lossDB
      let nlosQuantile = nlos + Self.nlosSigmaDB * (Self.normalQuantile[reliability] ?? .nan)
      if abs((epre + gain - 0.5 - nlosQuantile) - expected) > 0.1 { nlosOnly += 1 }
    }
    // Near the mast LOS is likely (P_LOS ≈ 0.6 at 30 m): the mixture differs from NLOS there.
    #expect(nlosOnly >= 3)
  }
}
