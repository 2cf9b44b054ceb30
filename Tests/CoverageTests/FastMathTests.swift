import Foundation
import TestSupport
import Testing

@testable import Coverage

/// The inner loop's elementary functions against Foundation's, over seeded random inputs.
@Suite struct FastMathTests {
  @Test func atan2MatchesFoundationToAMillidegree() {
    var generator = SplitMix(seed: 3)
    for _ in 0..<5000 {
      let y = Float(Int64(bitPattern: generator.next() % 20001) - 10000) / 7
      let x = Float(Int64(bitPattern: generator.next() % 20001) - 10000) / 3
      let expected = atan2(Double(y), Double(x)) * 180 / .pi
      #expect(angleBetween(Double(FastMath.atan2Deg(y, x)), expected) < 1e-3)
      for (b, a) in [(-y, x), (x, y), (0, x), (y, 0), (-x, -y), (y / 1000, x), (0, 0)] {
        let expectedPair = atan2(Double(b), Double(a)) * 180 / .pi
        #expect(angleBetween(Double(FastMath.atan2Deg(b, a)), expectedPair) < 1e-3, "atan2(\(b), \(a))")
      }
    }
  }

  /// Difference of two directions in degrees (−180° and 180° are the same direction).
  func angleBetween(_ a: Double, _ b: Double) -> Double {
    let difference = abs(a - b).truncatingRemainder(dividingBy: 360)
    return min(difference, 360 - difference)
  }

  @Test func linearPowerMatchesFoundationToAHundredthOfAMillidecibel() {
    for tenth in -2000...600 {
      let dB = Float(tenth) / 10 + 0.037
      let expected = pow(10, Double(dB) / 10)
      #expect(abs(10 * log10(Double(FastMath.linear(fromDB: dB)) / expected)) < 1e-4, "\(dB) dB")
      // Around the range reduction's switch points (integers of log2, 3.01 dB apart).
      for value in [dB - 0.5, dB + 0.25, -dB, dB + 3.0103, dB + 3.0102, dB - 1.4, dB + 0.0004] {
        let linear = Double(FastMath.linear(fromDB: value))
        #expect(abs(10 * log10(linear / pow(10, Double(value) / 10))) < 1e-4, "\(value) dB")
      }
    }
  }

  @Test func floorMatchesFoundationOnTheTablesRange() {
    var generator = SplitMix(seed: 5)
    for _ in 0..<2000 {
      // Integers and their neighbours as well as random points in 0…4000.
      let base = Float(generator.next() % 4001)
      let values = [base, max(base.nextDown, 0), base.nextUp, Float(generator.next() % 4_000_000) / 1000]
      for value in values {
        let (whole, integer) = FastMath.floor(value)
        #expect(whole == Foundation.floor(value), "\(value)")
        #expect(integer == Int32(Foundation.floor(value)), "\(value)")
      }
    }
  }
}
