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
      let lanes = FastMath.atan2Deg(Lanes(y, -y, x, 0), Lanes(x, x, y, x))
      let expectedLanes = [(y, x), (-y, x), (x, y), (0, x)].map { atan2(Double($0.0), Double($0.1)) * 180 / .pi }
      for lane in 0..<4 { #expect(angleBetween(Double(lanes[lane]), expectedLanes[lane]) < 1e-3) }
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
      let lanes = FastMath.linear(fromDB: Lanes(dB, dB - 0.5, dB + 0.25, -dB))
      for (lane, value) in [dB, dB - 0.5, dB + 0.25, -dB].enumerated() {
        #expect(abs(10 * log10(Double(lanes[lane]) / pow(10, Double(value) / 10))) < 1e-4, "\(value) dB")
      }
    }
  }
}
