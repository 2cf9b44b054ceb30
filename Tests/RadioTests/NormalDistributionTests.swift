import Foundation
import Testing

@testable import Radio

@Suite struct NormalDistributionTests {
  /// Φ⁻¹ of the Double p, at 400 digits with mpmath (independent of AS 241):
  ///
  ///     from mpmath import mp, mpf, erfinv, sqrt
  ///     mp.dps = 400
  ///     for p in [0.9, 0.95, 0.975, 0.5, 0.3, 0.02425, 0.01, 1e-10, 1e-300, 0.999999999999]:
  ///         print(p, repr(float(sqrt(2) * erfinv(2 * mpf(p) - 1))))
  ///
  /// The first three agree with the published Φ⁻¹(0.9) = 1.2815515655446004,
  /// Φ⁻¹(0.95) = 1.6448536269514722, Φ⁻¹(0.975) = 1.959963984540054 to 2e-16. The cases
  /// cover all three AS 241 regions (|p − ½| ≤ 0.425, r ≤ 5, r > 5).
  @Test func quantileMatchesHighPrecisionValues() {
    let cases: [(Double, Double)] = [
      (0.9, 1.2815515655446006), (0.95, 1.6448536269514722), (0.975, 1.9599639845400538), (0.5, 0),
      (0.3, -0.5244005127080408), (0.02425, -1.972961051311885), (0.01, -2.326347874040841),
      (1e-10, -6.361340902404057), (1e-300, -37.0470962993612), (0.999999999999, 7.0344869100478356),
    ]
    for (p, expected) in cases {
      let x = NormalDistribution.quantile(p)
      #expect(abs(x - expected) <= 1e-15 * max(1, abs(expected)), "Φ⁻¹(\(p)) = \(x), expected \(expected)")
    }
    #expect(abs(NormalDistribution.quantile(0.9) - 1.2815515655446004) < 1e-15)
    #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-15)
  }

  @Test func quantileEndpointsAndOutsideValues() {
    #expect(NormalDistribution.quantile(0) == -.infinity)
    #expect(NormalDistribution.quantile(1) == .infinity)
    #expect(NormalDistribution.quantile(-0.1).isNaN)
    #expect(NormalDistribution.quantile(1.5).isNaN)
    #expect(NormalDistribution.quantile(.nan).isNaN)
  }

  /// Φ and 1 − Φ by mpmath at 50 digits:
  ///
  ///     from mpmath import mp, mpf, erfc, sqrt
  ///     mp.dps = 50
  ///     for x in ["1", "-1", "0", "-3", "-10", "2.5"]: print(float(erfc(-mpf(x) / sqrt(2)) / 2))
  ///     for x in ["1", "5", "8", "20"]: print(float(erfc(mpf(x) / sqrt(2)) / 2))
  ///
  /// 1 − cdf(8) would be 6.7e-16 (one ulp of 1), not 6.22e-16: the upper tail needs erfc.
  /// Rounding x/√2 to a Double alone costs a relative error of about x² · 1.1e-16
  /// (d ln erfc(z)/dz ≈ −2z), hence the tolerance 1e-15 · max(1, x²).
  @Test func cdfAndUpperTailMatchHighPrecisionValues() {
    let cdf: [(Double, Double)] = [
      (1, 0.8413447460685429), (-1, 0.15865525393145705), (0, 0.5), (-3, 0.0013498980316300946),
      (-10, 7.619853024160525e-24), (2.5, 0.9937903346742238),
    ]
    for (x, expected) in cdf {
      #expect(abs(NormalDistribution.cdf(x) - expected) <= 1e-15 * max(1, x * x) * expected, "Φ(\(x))")
    }
    let upper: [(Double, Double)] = [
      (1, 0.15865525393145705), (5, 2.866515718791939e-07), (8, 6.220960574271784e-16),
      (20, 2.7536241186062337e-89),
    ]
    for (x, expected) in upper {
      #expect(
        abs(NormalDistribution.complementaryCDF(x) - expected) <= 1e-15 * max(1, x * x) * expected, "1 − Φ(\(x))")
    }
  }

  /// Φ(Φ⁻¹(p)) = p over 1e-300 … 1 − 1e-12: the relative error of Φ at x grows as about
  /// x² times that of x (d ln Φ/dx ≈ |x| in the tail), hence the tolerance.
  @Test func cdfOfQuantileIsIdentity() {
    var probabilities = stride(from: 0.001, to: 1, by: 0.001).map { $0 }
    for exponent in stride(from: -300.0, through: -3, by: 1) {
      probabilities.append(pow(10, exponent))
      probabilities.append(1 - pow(10, max(exponent, -12)))
    }
    for p in probabilities {
      let x = NormalDistribution.quantile(p)
      // Compared in the smaller tail, where 1 − p is exact (Sterbenz) and Φ keeps its digits.
      let (tail, recovered) =
        p <= 0.5 ? (p, NormalDistribution.cdf(x)) : (1 - p, NormalDistribution.complementaryCDF(x))
      #expect(abs(recovered - tail) <= 1e-14 * max(1, x * x) * tail, "p = \(p): x = \(x), tail \(recovered)")
    }
  }
}
