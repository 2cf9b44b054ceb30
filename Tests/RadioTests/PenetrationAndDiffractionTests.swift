import Foundation
import Testing

@testable import Radio

@Suite struct PenetrationAndDiffractionTests {
  /// TR 38.901 Table 7.4.3-2 wall loss, checks from shared/notes/domain-facts.md:
  /// 1.8 GHz 11.6473 / 21.7418 dB; 3.75 GHz 12.7920 / 27.4354 dB (low / high loss).
  @Test func wallLossMatchesTR38901() {
    let cases: [(Double, BuildingPenetration.Model, Double)] = [
      (1800, .lowLoss, 11.6473), (1800, .highLoss, 21.7418), (3750, .lowLoss, 12.7920), (3750, .highLoss, 27.4354),
    ]
    for (frequency, model, expected) in cases {
      #expect(abs(BuildingPenetration.wallLossDB(model, frequencyMHz: frequency) - expected) < 1e-4)
    }
    // Plus 0.5 dB/m over the mean depth 25/3 m and a class's extra loss.
    let total = BuildingPenetration.lossDB(.highLoss, frequencyMHz: 1800, extraLossDB: 10)
    #expect(abs(total - (21.7418 + 25.0 / 6 + 10)) < 1e-4)
  }

  /// ITU-R P.526-15 eq. (31), hand-evaluated.
  @Test func knifeEdgeLossJ() {
    let cases: [(Double, Double)] = [
      (-1, 0), (-0.7, 0.5361), (0, 6.0329), (0.5, 10.2878), (1, 13.9257), (2.4, 20.5393),
    ]
    for (nu, expected) in cases {
      #expect(abs(Diffraction.knifeEdgeLossDB(nu: nu) - expected) < 1e-4, "ν = \(nu)")
    }
  }

  /// One ridge in the middle of a flat 10 km path at 900 MHz, 30 m above the line between
  /// two 10 m masts, no Earth bulge (k → ∞): ν = 30 √(2/λ · (1/5000 + 1/5000)),
  /// λ = c/900 MHz = 0.333103 m → ν = 1.470202, J(ν) = 16.6329 dB.
  @Test func deygoutSingleRidgeEqualsKnifeEdge() {
    let wavelength = Units.wavelengthM(frequencyMHz: 900)
    let nu = 30 * (2 / wavelength * (2.0 / 5000)).squareRoot()
    #expect(abs(nu - 1.470202) < 1e-6)
    let loss = Diffraction.deygoutLossDB(
      distancesM: [2500, 5000, 7500], terrainM: [0, 40, 0], lengthM: 10_000, startHeightM: 10, endHeightM: 10,
      frequencyMHz: 900, kFactor: 1e12)
    #expect(abs(loss - Diffraction.knifeEdgeLossDB(nu: nu)) < 1e-6)
    #expect(abs(loss - 16.6329) < 1e-4)
  }

  /// Two equal ridges: Deygout adds the secondary edge's loss, measured from the main edge.
  @Test func deygoutTwoRidgesAddsSecondaryEdge() {
    let wavelength = Units.wavelengthM(frequencyMHz: 900)
    let loss = Diffraction.deygoutLossDB(
      distancesM: [3000, 6000], terrainM: [30, 35], lengthM: 10_000, startHeightM: 10, endHeightM: 10,
      frequencyMHz: 900, kFactor: 1e12)
    // Main edge: the one of largest ν over the direct line (heights 20 and 25 above it).
    let nuA = Diffraction.nu(heightAboveLineM: 20, d1M: 3000, d2M: 7000, wavelengthM: wavelength)
    let nuB = Diffraction.nu(heightAboveLineM: 25, d1M: 6000, d2M: 4000, wavelengthM: wavelength)
    #expect(nuB > nuA)
    // Secondary: ridge A against the line from the start (10 m) to ridge B (35 m at 6 km).
    let lineAtA = 10 + 25 * 3000.0 / 6000
    let nuSecondary = Diffraction.nu(heightAboveLineM: 30 - lineAtA, d1M: 3000, d2M: 3000, wavelengthM: wavelength)
    let expected = Diffraction.knifeEdgeLossDB(nu: nuB) + Diffraction.knifeEdgeLossDB(nu: nuSecondary)
    #expect(abs(loss - expected) < 1e-9)
  }

  /// The LOS probabilities of Table 7.4.2-1, hand-evaluated.
  @Test func losProbabilities() {
    #expect(LOSProbability.rma(distance2DM: 5) == 1)
    #expect(abs(LOSProbability.rma(distance2DM: 500) - 0.612626) < 1e-6)
    #expect(abs(LOSProbability.umi(distance2DM: 50) - 0.519585) < 1e-6)
    #expect(abs(LOSProbability.uma(distance2DM: 100, ueHeightM: 1.5) - 0.347671) < 1e-6)
    #expect(abs(LOSProbability.uma(distance2DM: 100, ueHeightM: 18) - 0.426558) < 1e-6)
  }
}
