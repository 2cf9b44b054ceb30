import Foundation
import TestSupport
import Testing

@testable import Radio

/// `AntennaElement` (TR 38.901 Table 7.3-1) and `ColumnArray` (ITU-R M.2101 Annex 1 §5).
@Suite struct ArrayAntennaTests {
  static func angles(_ azimuthDeg: Double, _ depressionDeg: Double) -> AntennaAngles {
    AntennaAngles(azimuthOffBoresightDeg: azimuthDeg, depressionDeg: depressionDeg)
  }

  /// Table 7.3-1 by hand: 8 dBi on boresight; 12 (32.5/65)² = 3 dB at half the 65° beamwidth
  /// either way; A_max = 30 dB behind; 12 (90/65)² = 23.0059… dB straight down (SLA_V = 30 dB
  /// is not reached within ±90°); 60° off and 60° down: 2 · 12 (60/65)² = 20.4497… dB.
  @Test func elementMatchesTable731() {
    let element = AntennaElement.tr38901
    #expect(element.gainDBi(Self.angles(0, 0)) == 8)
    #expect(abs(element.gainDBi(Self.angles(32.5, 0)) - 5) < 1e-12)
    #expect(abs(element.gainDBi(Self.angles(-32.5, 0)) - 5) < 1e-12)
    #expect(abs(element.gainDBi(Self.angles(0, 32.5)) - 5) < 1e-12)
    #expect(abs(element.gainDBi(Self.angles(0, -32.5)) - 5) < 1e-12)
    #expect(element.gainDBi(Self.angles(180, 0)) == 8 - 30)
    #expect(abs(element.attenuationDB(Self.angles(0, 90)) - 12 * pow(90.0 / 65, 2)) < 1e-12)
    #expect(abs(element.attenuationDB(Self.angles(60, 60)) - 24 * pow(60.0 / 65, 2)) < 1e-12)
    // 100° off and 40° down: 12 (100/65)² = 28.40 + 12 (40/65)² = 4.54 → capped at A_max.
    #expect(element.attenuationDB(Self.angles(100, 40)) == 30)
  }

  /// Against the explicit M.2101 sum in Python (θ the zenith angle, 90° + depression):
  ///
  ///     import cmath, math
  ///     def af_db(n, d, tilt, depression):  # ITU-R M.2101 Annex 1 §5, N_H = 1, ρ = 1
  ///         theta = math.radians(90 + depression)  # zenith angle
  ///         s = sum(cmath.exp(2j * math.pi * k * d * math.sin(math.radians(tilt))) / math.sqrt(n)
  ///                 * cmath.exp(2j * math.pi * k * d * math.cos(theta)) for k in range(n))
  ///         return 10 * math.log10(abs(s) ** 2)
  ///     for (n, d, tilt) in [(10, 0.5, 12), (10, 0.8, 6), (8, 0.7, 0), (4, 0.5, -3)]:
  ///         print((n, d, tilt), [round(af_db(n, d, tilt, dep), 9) for dep in (-10, 0, 3, 6, 12, 20, 45)])
  @Test func arrayFactorMatchesExplicitSum() {
    let cases: [((Int, Double, Double), [Double])] = [
      ((10, 0.5, 12), [-15.911371733, -18.259604579, -1.516539931, 5.814540139, 10.0, 2.281508373, -6.979398422]),
      ((10, 0.8, 6), [-9.90764596, -4.448196341, 7.373189575, 10.0, -3.926806747, -15.190512467, -15.432712]),
      ((8, 0.7, 0), [-21.71618722, 9.03089987, 7.786141626, 3.499952735, -8.061828025, -17.325270552, -27.024965415]),
      ((4, 0.5, -3), [5.215244228, 5.873278472, 5.424329165, 4.653824178, 1.974533589, -5.504983359, -5.40045353]),
    ]
    for ((count, spacing, tilt), expected) in cases {
      let column = ColumnArray(elementCount: count, spacingWavelengths: spacing, electricalTiltDeg: tilt)
      for (depression, value) in zip([-10.0, 0, 3, 6, 12, 20, 45], expected) {
        let factor = column.arrayFactorDB(depressionDeg: depression)
        #expect(abs(factor - value) < 1e-8, "N \(count), d \(spacing) λ, tilt \(tilt)° at \(depression)°: \(factor)")
      }
    }
  }

  /// 10 × 1 column, 0.5 λ, 12° electrical tilt: the array factor peaks at 12° down with
  /// 10 log10 10 = 10 dB, the peak gain is 8 + 10 = 18 dBi, and the gain at 12° down is
  /// 18 − 12 (12/65)² = 17.591 dBi because the element itself is not tilted (M.2101 steers
  /// the weights only). Composite values from the script above plus the element:
  ///
  ///     def gain(n, d, tilt, az, dep):
  ///         return 8 - min(min(12 * (dep / 65) ** 2, 30) + min(12 * (az / 65) ** 2, 30), 30) + af_db(n, d, tilt, dep)
  ///     print([round(gain(10, 0.5, 12, az, dep), 9) for (az, dep) in ((0, 12), (30, 12), (0, 3), (60, 20))])
  @Test func beamPointsDownByTheTilt() {
    let column = ColumnArray(elementCount: 10, spacingWavelengths: 0.5, electricalTiltDeg: 12)
    #expect(abs(column.peakGainDBi - 18) < 1e-12)
    #expect(abs(column.arrayFactorDB(depressionDeg: 12) - 10) < 1e-12)
    for offset in [0.5, 1, 3] {
      #expect(column.arrayFactorDB(depressionDeg: 12 + offset) < 10)
      #expect(column.arrayFactorDB(depressionDeg: 12 - offset) < 10)
    }
    let expected: [((Double, Double), Double)] = [
      ((0, 12), 17.591005917), ((30, 12), 15.034792899), ((0, 3), 6.457897939), ((60, 20), -1.079438373),
    ]
    for ((azimuth, depression), value) in expected {
      #expect(abs(column.gainDBi(Self.angles(azimuth, depression)) - value) < 1e-8, "\(azimuth)°, \(depression)°")
    }
    // Upward the same offset is far weaker: the beam is below the horizon, not above it.
    #expect(column.arrayFactorDB(depressionDeg: -12) < column.arrayFactorDB(depressionDeg: 12) - 15)
  }

  /// Nulls of a uniform 10-element 0.5 λ column where N ψ/2 = kπ: sin δ = sin θ_etilt − k/5.
  /// Without tilt, δ = asin(k/5) = 11.536959°, 23.578178°, 36.869898°, 53.130102°
  /// (python3 -c "import math; print([math.degrees(math.asin(k/5)) for k in (1,2,3,4)])").
  @Test func nullsWhereTheClosedFormPutsThem() {
    let untilted = ColumnArray(elementCount: 10, spacingWavelengths: 0.5, electricalTiltDeg: 0)
    for depression in [11.536959, 23.578178, 36.869898, 53.130102] {
      #expect(untilted.arrayFactorDB(depressionDeg: depression) < -60, "null at \(depression)°")
      #expect(untilted.arrayFactorDB(depressionDeg: -depression) < -60, "null at −\(depression)°")
    }
    // Tilted by 12°: δ = asin(sin 12° − k/5) for k = −3…4 except 0,
    // python3 -c "import math; print([math.degrees(math.asin(math.sin(math.radians(12))-k/5)) for k in (-3,-2,-1,1,2,3,4)])".
    let tilted = ColumnArray(elementCount: 10, spacingWavelengths: 0.5, electricalTiltDeg: 12)
    for depression in [53.892397, 37.438657, 24.073718, 0.453311, -11.074681, -23.084503, -36.305341] {
      #expect(tilted.arrayFactorDB(depressionDeg: depression) < -60, "null at \(depression)°")
    }
  }

  /// The gain never exceeds the peak (Cauchy–Schwarz on the unit-norm weights) and is
  /// symmetric about boresight in azimuth.
  @Test func attenuationIsNonNegativeAndSymmetric() {
    var random = SplitMix(seed: 12)
    for _ in 0..<5_000 {
      let column = ColumnArray(
        elementCount: .random(in: 1...16, using: &random), spacingWavelengths: .random(in: 0.3...1, using: &random),
        electricalTiltDeg: .random(in: -5...15, using: &random))
      let azimuth = Double.random(in: 0...180, using: &random)
      let depression = Double.random(in: -90...90, using: &random)
      let attenuation = column.attenuationDB(Self.angles(azimuth, depression))
      #expect(attenuation >= -1e-9, "\(column) at \(azimuth)°, \(depression)°")
      #expect(attenuation == column.attenuationDB(Self.angles(-azimuth, depression)))
    }
    // A single element is the element.
    let single = ColumnArray(elementCount: 1, spacingWavelengths: 0.5, electricalTiltDeg: 7)
    #expect(abs(single.gainDBi(Self.angles(20, 30)) - AntennaElement.tr38901.gainDBi(Self.angles(20, 30))) < 1e-12)
  }
}
