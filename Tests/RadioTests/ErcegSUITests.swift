import Foundation
import Testing

@testable import Radio

/// Erceg et al. 1999 with the IEEE 802.16.3c-01/29r4 corrections and the d0' continuity
/// (see `ErcegSUI`), against an independent Python transcription:
///
///     from math import log10, pi, hypot
///     c = 299792458.0
///     # terrain: (a, b, c, ΔPL_h slope) — Erceg 1999 Table I; IEEE 802.16.3c-01/29r4 corrections
///     abc = {'A': (4.6, 0.0075, 12.6, -10.8), 'B': (4.0, 0.0065, 17.1, -10.8),
///            'C': (3.6, 0.005, 20.0, -20.0)}
///     def erceg(t, f_mhz, hb, hr, d2d):
///         a, b, cc, kh = abc[t]
///         lam = c / (f_mhz * 1e6)
///         d = max(hypot(d2d, hb - hr), 1.0)
///         g = a - b * hb + cc / hb
///         corr = 6 * log10(f_mhz / 2000) + kh * log10(hr / 2)
///         d0p = 100 * 10 ** (-corr / (10 * g))
///         if d <= d0p:
///             return 20 * log10(4 * pi * d / lam)
///         return 20 * log10(4 * pi * d0p / lam) + 10 * g * log10(d / 100) + corr
@Suite struct ErcegSUITests {
  /// The loss of `model` at f MHz, h_b m, h_r m and ground distance `distanceM`.
  static func loss(
    _ model: PathLossModel, _ f: Double, _ bsHeightM: Double, _ ueHeightM: Double, _ distanceM: Double
  )
    -> Double
  {
    model.pathLoss(LinkGeometry(frequencyMHz: f, bsHeightM: bsHeightM, ueHeightM: ueHeightM, distance2DM: distanceM))
      .lossDB
  }

  /// 2600 MHz, h_r 2 m, h_b 12 / 30 / 80 m × d 0.5 / 1 / 3 / 7 km:
  ///
  ///     for t in 'ABC':
  ///         print(t, [round(erceg(t, 2600, hb, 2, d), 4) for hb in (12, 30, 80) for d in (500, 1000, 3000, 7000)])
  @Test func matchesReferenceOverHeightsDistancesAndTerrains() {
    let expected: [(PathLossModel, [Double])] = [
      (
        .ercegA,
        [
          120.0526, 136.7862, 163.3131, 183.7725, 114.694, 129.1039, 151.9746, 169.6184, 110.3788, 122.7318,
          142.5194, 157.8131,
        ]
      ),
      (
        .ercegB,
        [
          118.5538, 134.6464, 160.157, 179.8326, 111.7281, 124.8758, 145.7433, 161.8416, 107.0718, 118.0469,
          135.6273, 149.215,
        ]
      ),
      (
        .ercegC,
        [
          117.5659, 133.2361, 158.0772, 177.2364, 109.901, 122.2724, 141.9077, 157.0554, 105.3292, 115.58,
          132.0003, 144.6914,
        ]
      ),
    ]
    for (model, values) in expected {
      var index = 0
      for bsHeight in [12.0, 30, 80] {
        for distance in [500.0, 1000, 3000, 7000] {
          let loss = Self.loss(model, 2600, bsHeight, 2, distance)
          #expect(abs(loss - values[index]) < 0.01, "\(model.rawValue) h_b \(bsHeight) m, \(distance) m: \(loss)")
          index += 1
        }
      }
    }
  }

  /// 3500 MHz, h_r 6 m, h_b 30 m: ΔPL_h = −10.8 log10 3 (A, B) and −20 log10 3 (C) move d0'
  /// out to 119 m (A) and 157 m (C), so C at 150 m (3-D 151.9 m) is still free space:
  ///
  ///     for t in 'ABC': print(t, [round(erceg(t, 3500, 30, 6, d), 4) for d in (150, 1000, 5000)])
  @Test func receiveHeightCorrectionPerTerrain() {
    let expected: [(PathLossModel, [Double])] = [
      (.ercegA, [89.8823, 129.1315, 162.6414]), (.ercegB, [89.2676, 125.0789, 155.6536]),
      (.ercegC, [86.9607, 120.3443, 149.1136]),
    ]
    for (model, values) in expected {
      for (distance, value) in zip([150.0, 1000, 5000], values) {
        let loss = Self.loss(model, 3500, 30, 6, distance)
        #expect(abs(loss - value) < 0.01, "\(model.rawValue) at \(distance) m: \(loss)")
      }
    }
    // The free-space branch is the free-space loss itself (ITU-R P.525 with the 3-D distance).
    let link = LinkGeometry(frequencyMHz: 3500, bsHeightM: 30, ueHeightM: 6, distance2DM: 150)
    #expect(abs(PathLossModel.ercegC.pathLoss(link).lossDB - FreeSpace.pathLoss(link).lossDB) < 1e-9)
  }

  /// A higher mast lowers γ: 12 m vs 45 m at 1 km, 1900 MHz, h_r 2 m,
  ///
  ///     for t in 'ABC': print(t, round(erceg(t, 1900, 12, 2, 1000) - erceg(t, 1900, 45, 2, 1000), 4))
  ///
  /// → 10.1472 (A), 12.5644 (B), 13.8394 (C) dB.
  @Test func heightResponse() {
    for (model, expected) in [(PathLossModel.ercegA, 10.1472), (.ercegB, 12.5644), (.ercegC, 13.8394)] {
      let gain = Self.loss(model, 1900, 12, 2, 1000) - Self.loss(model, 1900, 45, 2, 1000)
      #expect(abs(gain - expected) < 0.01, "\(model.rawValue): \(gain)")
    }
  }

  /// The loss is continuous where free space ends (d0'), whichever sign the corrections
  /// have: the published form jumps there by ΔPL_f + ΔPL_h (−8.1 dB for C at 3.5 GHz, 6 m).
  @Test func continuousAtTheEndOfFreeSpace() {
    for terrain in ErcegSUI.Terrain.allCases {
      for (frequency, ueHeight) in [(3500.0, 6.0), (1000, 1.5), (2000, 2)] {
        let gamma = ErcegSUI.pathLossExponent(terrain, bsHeightM: 30)
        let correction =
          ErcegSUI.frequencyCorrectionDB(frequencyMHz: frequency)
          + ErcegSUI.ueHeightCorrectionDB(terrain, ueHeightM: ueHeight)
        let end3DM = 100 * pow(10, -correction / (10 * gamma))
        let end2DM = (end3DM * end3DM - (30 - ueHeight) * (30 - ueHeight)).squareRoot()
        func loss(_ d: Double) -> Double {
          ErcegSUI.pathLoss(
            LinkGeometry(frequencyMHz: frequency, bsHeightM: 30, ueHeightM: ueHeight, distance2DM: d), terrain: terrain
          ).lossDB
        }
        #expect(abs(loss(end2DM + 1e-4) - loss(end2DM - 1e-4)) < 1e-3, "\(terrain) \(frequency) MHz \(ueHeight) m")
      }
    }
  }

  /// Flags outside 1–4 GHz, h_b 10–80 m, h_r 2–10 m, d 0.1–8 km (3-D).
  @Test func flagsInputsOutsideValidity() {
    let inside = LinkGeometry(frequencyMHz: 2600, bsHeightM: 30, ueHeightM: 2, distance2DM: 1000)
    #expect(PathLossModel.ercegB.pathLoss(inside).outsideValidity.isEmpty)
    let outside = LinkGeometry(frequencyMHz: 5800, bsHeightM: 100, ueHeightM: 1.5, distance2DM: 9000)
    #expect(PathLossModel.ercegB.pathLoss(outside).outsideValidity == [.frequency, .bsHeight, .ueHeight, .distance])
  }
}
