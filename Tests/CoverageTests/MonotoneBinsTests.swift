import Foundation
import Radio
import TestSupport
import Testing

@testable import Coverage

/// `MonotoneBins` gives `binIndex(f(x))` exactly, also a few ulps either side of the points
/// where f crosses a threshold, where it must evaluate f itself.
@Suite struct MonotoneBinsTests {
  /// How many leading thresholds (strongest first) `value` stays under.
  static func leading(_ value: Double, _ thresholds: [Double]) -> Int {
    var index = 0
    while index < thresholds.count, value < thresholds[index] { index += 1 }
    return index
  }

  /// Ratios at and around every crossing (±64 ulps), and drawn over 10⁻⁶…10⁶ log-uniformly.
  static func probes(_ bins: MonotoneBins, seed: UInt64) -> [Double] {
    var probes: [Double] = [0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity]
    for edge in bins.below + bins.reaches where edge.isFinite {
      for offset in -64...64 { probes.append(Double(bitPattern: UInt64(Int64(edge.bitPattern) + Int64(offset)))) }
    }
    var random = SplitMix(seed: seed)
    for _ in 0..<20_000 { probes.append(pow(10, Double.random(in: -6..<6, using: &random))) }
    return probes.filter { $0 >= 0 }
  }

  @Test func sinrBinsEqualBinningTheDecibels() {
    let thresholds = [20.0, 13, 0, -6.5]
    let bins = MonotoneBins(thresholds: thresholds, tolerance: 1e-9, SINRTerms.decibels)
    for ratio in Self.probes(bins, seed: 1) {
      #expect(
        bins.index(ratio, SINRTerms.decibels) == Self.leading(10 * log10(ratio), thresholds), "ratio \(ratio)")
    }
  }

  /// Service classes of LTE 20 MHz and NR 100 MHz TDD, one of them right at the rate
  /// −10 dB jumps to (TR 36.942's SINR_min) and one above the cap (never reached).
  @Test func serviceClassesEqualBinningTheFloat32Throughput() throws {
    for (numerology, share) in [
      (try #require(CarrierNumerology.lte(bandwidthMHz: 20)), 1.0),
      (try #require(CarrierNumerology.nr(bandwidthMHz: 100)), 0.74),
    ] {
      let mbps = { (ratio: Double) in
        Double(
          Float(Throughput.downlinkMbps(sinrDB: 10 * log10(ratio), numerology: numerology, tddDownlinkShare: share)))
      }
      let jump = mbps(pow(10, -1.0))
      let thresholds = [10_000, 50, 20, 5, 2.5, jump, 0.5 * jump]
      let bins = MonotoneBins(thresholds: thresholds, tolerance: 1e-6, mbps)
      #expect(bins.below[0] == .infinity, "a class above the cap is never reached")
      for ratio in Self.probes(bins, seed: 2) {
        let expected = Self.leading(
          Double(
            Float(
              Throughput.downlinkMbps(
                sinrDB: 10 * log10(ratio), numerology: numerology, tddDownlinkShare: share))), thresholds)
        #expect(bins.index(ratio, mbps) == expected, "ratio \(ratio)")
      }
    }
  }
}
