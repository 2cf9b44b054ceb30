import Foundation
import TestSupport
import Testing

@testable import Radio

@Suite struct LossDistributionTests {
  /// A single Gaussian's quantile is μ + σ Φ⁻¹(p); Φ⁻¹(0.9) = 1.2815515655446004 and
  /// Φ⁻¹(0.05) = −1.6448536269514722 (published), so 120 + 6 Φ⁻¹(0.9) = 127.689309393…
  /// and 120 + 6 Φ⁻¹(0.05) = 110.130878238…
  @Test func gaussianQuantileIsMeanPlusSigmaTimesProbit() {
    let loss = LossDistribution.gaussian(meanDB: 120, sigmaDB: 6)
    #expect(loss.losProbability == 0)
    #expect(abs(loss.quantileDB(0.9) - (120 + 6 * 1.2815515655446004)) < 1e-12)
    #expect(abs(loss.quantileDB(0.05) - (120 - 6 * 1.6448536269514722)) < 1e-12)
    #expect(loss.quantileDB(0.5) == 120)
    // Φ(1) = 0.8413447460685429 (published): one σ above the mean.
    #expect(abs(loss.probabilityAtMost(126) - 0.8413447460685429) < 1e-15)
  }

  /// Mixture quantiles against plain bisection in Python (math.erfc only):
  ///
  ///     from math import erfc, sqrt
  ///     def phi(z): return 0.5 * erfc(-z / sqrt(2))
  ///     def F(x, p, ml, sl, mn, sn): return p * phi((x - ml) / sl) + (1 - p) * phi((x - mn) / sn)
  ///     def quantile(q, *m):  # plain bisection on [0, 300] dB, 200 halvings
  ///         lo, hi = 0.0, 300.0
  ///         for _ in range(200):
  ///             mid = (lo + hi) / 2
  ///             if F(mid, *m) < q: lo = mid
  ///             else: hi = mid
  ///         return hi
  ///     for m in [(0.3, 100, 4, 120, 6), (0.8, 95, 4, 118, 7.82), (0.05, 110, 4, 112, 8)]:
  ///         print(m, [repr(quantile(q, *m)) for q in (0.05, 0.5, 0.9, 0.99)])
  @Test func mixtureQuantileMatchesBisection() {
    let cases: [((Double, Double, Double, Double, Double), [Double])] = [
      ((0.3, 100, 4, 120, 6), [96.129018184108, 116.60443222115829, 126.40542314350101, 133.13609853313253]),
      ((0.8, 95, 4, 118, 7.82), [88.86272675783013, 96.26737213902241, 118.00000034986687, 130.8627553627605]),
      ((0.05, 110, 4, 112, 8), [99.02919418946371, 111.81526419881362, 122.0200261188966, 130.45631645656985]),
    ]
    for (parameters, expected) in cases {
      let loss = LossDistribution(
        losProbability: parameters.0, losMeanDB: parameters.1, losSigmaDB: parameters.2, nlosMeanDB: parameters.3,
        nlosSigmaDB: parameters.4)
      for (probability, value) in zip([0.05, 0.5, 0.9, 0.99], expected) {
        let quantile = loss.quantileDB(probability)
        #expect(abs(quantile - value) < 1e-9, "\(parameters) at \(probability): \(quantile), expected \(value)")
      }
    }
  }

  /// P(L ≤ quantile(p)) = p over random mixtures (seeded), and the quantile grows with p.
  @Test func probabilityAtMostInvertsQuantile() {
    var random = SplitMix(seed: 11)
    for _ in 0..<2_000 {
      let loss = LossDistribution(
        losProbability: .random(in: 0...1, using: &random), losMeanDB: .random(in: 60...140, using: &random),
        losSigmaDB: .random(in: 0.5...12, using: &random), nlosMeanDB: .random(in: 60...160, using: &random),
        nlosSigmaDB: .random(in: 0.5...12, using: &random))
      let probability = Double.random(in: 1e-6...(1 - 1e-6), using: &random)
      let quantile = loss.quantileDB(probability)
      #expect(abs(loss.probabilityAtMost(quantile) - probability) < 1e-9, "\(loss) at \(probability)")
      #expect(loss.quantileDB(min(probability + 1e-3, 1 - 1e-9)) >= quantile)
    }
  }

  /// σ = 0 is a step at the mean. LOS fixed at 100 dB with weight 0.5, NLOS N(120, 6):
  /// below 100 dB only the NLOS tail counts, 0.5 Φ(−20/6) = 0.5 · 4.29e-4 (python3 -c
  /// "from math import erfc,sqrt; print(0.25*erfc(20/6/sqrt(2)))" → 0.000214…), so every p
  /// from 0.000215 to 0.5 + that has the quantile 100 dB (the jump).
  @Test func stepComponentsAreHandled() {
    let loss = LossDistribution(losProbability: 0.5, losMeanDB: 100, losSigmaDB: 0, nlosMeanDB: 120, nlosSigmaDB: 6)
    #expect(abs(loss.probabilityAtMost(99.999) - 0.25 * erfc(20 / 6 / 2.0.squareRoot())) < 1e-6)
    for probability in [0.01, 0.3, 0.5] {
      #expect(abs(loss.quantileDB(probability) - 100) < 1e-9, "p = \(probability)")
    }
    // Above the jump the NLOS Gaussian alone decides: 0.5 + 0.5 Φ((x − 120)/6) = 0.9
    // → x = 120 + 6 Φ⁻¹(0.8), Φ⁻¹(0.8) = 0.8416212335729144 (mpmath, 50 digits).
    #expect(abs(loss.quantileDB(0.9) - (120 + 6 * 0.8416212335729144)) < 1e-9)
    let deterministic = LossDistribution.gaussian(meanDB: 110, sigmaDB: 0)
    #expect(deterministic.quantileDB(0.99) == 110)
    #expect(deterministic.probabilityAtMost(109.9) == 0 && deterministic.probabilityAtMost(110) == 1)
    #expect(loss.quantileDB(0) == -.infinity && loss.quantileDB(1) == .infinity)
  }

  /// Adding an independent Gaussian (an O2I loss of 12.8 dB with TR 38.901's low-loss
  /// σ_P = 4.4 dB): means add, variances add — python3 math.sqrt(4**2 + 4.4**2) =
  /// 5.946427498927402, math.sqrt(6**2 + 4.4**2) = 7.4404300950953095.
  @Test func addingConvolvesBothComponents() {
    let outdoor = LossDistribution(
      losProbability: 0.3, losMeanDB: 100, losSigmaDB: 4, nlosMeanDB: 120, nlosSigmaDB: 6)
    let indoor = outdoor.adding(meanDB: 12.8, sigmaDB: 4.4)
    #expect(indoor.losProbability == 0.3)
    #expect(abs(indoor.losMeanDB - 112.8) < 1e-12 && abs(indoor.nlosMeanDB - 132.8) < 1e-12)
    #expect(abs(indoor.losSigmaDB - 5.946427498927402) < 1e-12)
    #expect(abs(indoor.nlosSigmaDB - 7.4404300950953095) < 1e-12)
  }
}
