import Foundation
import Radio
import TestSupport
import Testing

@testable import Coverage

/// The radial delta-Bullington against Radio's reference, profile by profile.
@Suite struct TerrainRadialsTests {
  /// A hilly radial: a few Gaussian hills and valleys up to ±`reliefM` on a tilted base,
  /// with metre-scale roughness (seeded).
  static func hillyProfile(samples: Int, spacingM: Double, reliefM: Double, seed: UInt64) -> [Double] {
    var random = SplitMix(seed: seed)
    let length = Double(samples) * spacingM
    let hills = (0..<6).map { _ in
      (
        centre: Double.random(in: 0...length, using: &random),
        width: Double.random(in: 0.02...0.2, using: &random) * length,
        height: Double.random(in: -0.4...1, using: &random) * reliefM
      )
    }
    let base = Double.random(in: 0...200, using: &random)
    let tilt = Double.random(in: -0.01...0.01, using: &random)
    return (0..<samples).map { k in
      let x = Double(k) * spacingM
      let relief = hills.reduce(0) { sum, hill in
        sum + hill.height * exp(-(x - hill.centre) * (x - hill.centre) / (2 * hill.width * hill.width))
      }
      return max(0, base + tilt * x + relief + Double.random(in: -1...1, using: &random))
    }
  }

  /// The fast losses at every sample of `heights` (sample 0 the site).
  static func radialLosses(
    _ heights: [Double], spacingM: Double, txHeightM: Double, rxHeightM: Double, frequencyMHz: Double,
    kFactor: Double
  ) -> [Float] {
    let workspace = RadialWorkspace(capacity: heights.count)
    let roots = InverseRootTables(capacity: heights.count)
    defer {
      workspace.deallocate()
      roots.deallocate()
    }
    var radial = RadialDeltaBullington(
      spacingM: spacingM, frequencyMHz: frequencyMHz, kFactor: kFactor, txHeightM: txHeightM, rxHeightM: rxHeightM,
      inverseRoots: UnsafeBufferPointer(roots.forward), reversedInverseRoots: UnsafeBufferPointer(roots.reversed),
      workspace: workspace)
    for (k, height) in heights.enumerated() { workspace.heightsM[k] = height }
    var losses = [Float](repeating: .nan, count: heights.count)
    losses.withUnsafeMutableBufferPointer { radial.losses(count: heights.count, into: $0) }
    return losses
  }

  /// Radio's reference on the profile of samples 0…n.
  static func referenceLossDB(
    _ heights: [Double], intervals n: Int, spacingM: Double, txHeightM: Double, rxHeightM: Double,
    frequencyMHz: Double, kFactor: Double
  ) -> Double {
    Diffraction.deltaBullingtonLossDB(
      distancesM: (0...n).map { Double($0) * spacingM }, terrainM: Array(heights[0...n]), txHeightM: txHeightM,
      rxHeightM: rxHeightM, frequencyMHz: frequencyMHz, kFactor: kFactor)
  }

  @Test func everySampleOfRandomHillyRadialsEqualsTheReferenceWithinOneHundredthOfADecibel() {
    var worst = 0.0
    var nonZero = 0
    var checked = 0
    for seed in 0..<24 as Range<UInt64> {
      var random = SplitMix(seed: 1000 + seed)
      let spacing = [10.0, 30.0, 90.0][Int(seed % 3)]
      let frequency = [700.0, 1815, 3500][Int(seed / 3 % 3)]
      let tx = Double.random(in: 8...60, using: &random)
      let rx = Double.random(in: 1.5...5, using: &random)
      let k = seed % 4 == 0 ? 1.0 : 4.0 / 3.0
      let heights = Self.hillyProfile(
        samples: 260, spacingM: spacing, reliefM: Double.random(in: 20...300, using: &random), seed: seed)
      let fast = Self.radialLosses(
        heights, spacingM: spacing, txHeightM: tx, rxHeightM: rx, frequencyMHz: frequency, kFactor: k)
      #expect(fast[0] == 0)
      for n in 1..<heights.count {
        let reference = Self.referenceLossDB(
          heights, intervals: n, spacingM: spacing, txHeightM: tx, rxHeightM: rx, frequencyMHz: frequency, kFactor: k)
        let difference = abs(Double(fast[n]) - reference)
        worst = max(worst, difference)
        if reference > 0.1 { nonZero += 1 }
        checked += 1
        if difference > 0.01 {
          Issue.record("seed \(seed), sample \(n): \(fast[n]) dB vs reference \(reference) dB")
          return
        }
      }
    }
    // The profiles are hilly: most end points are shadowed or nearly so.
    #expect(nonZero > checked / 2, "\(nonZero) of \(checked) losses above 0.1 dB")
    #expect(worst <= 0.01)
  }

  @Test func flatRidgeAndGrazingProfilesEqualTheReference() {
    let spacing = 30.0
    let flat = [Double](repeating: 12, count: 400)
    let ridge = (0..<300).map { $0 == 120 ? 80.0 : 5.0 }
    // A slope that the direct ray grazes at every sample: ground rising linearly to the receiver.
    let grazing = (0..<200).map { 30 * Double($0) / 199 }
    let valley = (0..<300).map { 150 - 140 * sin(Double.pi * Double($0) / 299) }
    for (name, heights) in [("flat", flat), ("ridge", ridge), ("grazing", grazing), ("valley", valley)] {
      let fast = Self.radialLosses(
        heights, spacingM: spacing, txHeightM: 30, rxHeightM: 1.5, frequencyMHz: 1815, kFactor: 4.0 / 3.0)
      for n in 1..<heights.count {
        let reference = Self.referenceLossDB(
          heights, intervals: n, spacingM: spacing, txHeightM: 30, rxHeightM: 1.5, frequencyMHz: 1815,
          kFactor: 4.0 / 3.0)
        if abs(Double(fast[n]) - reference) > 0.01 {
          Issue.record("\(name), sample \(n): \(fast[n]) dB vs reference \(reference) dB")
          break
        }
      }
    }
  }

  @Test func hullMaximaEqualTheBruteForceMaxima() {
    var random = SplitMix(seed: 7)
    let capacity = 500
    let indices = UnsafeMutableBufferPointer<Int32>.allocate(capacity: capacity)
    let values = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity)
    defer {
      indices.deallocate()
      values.deallocate()
    }
    for _ in 0..<20 {
      var hull = UpperHull(indices: indices, values: values, spacingM: 25)
      var points: [(x: Double, y: Double)] = []
      for i in 1..<capacity {
        let y = Double.random(in: -100...100, using: &random) + (i % 50 == 0 ? 400 : 0)
        hull.append(index: i, y: y)
        points.append((Double(i) * 25, y))
        guard i % 37 == 0 else { continue }
        let slope = Double.random(in: -2...2, using: &random)
        let endX = Double(i + Int.random(in: 1...40, using: &random)) * 25
        let endY = Double.random(in: -150...500, using: &random)
        let offset = points.map { $0.y - slope * $0.x }.max() ?? -.infinity
        let tangent = points.map { ($0.y - endY) / (endX - $0.x) }.max() ?? -.infinity
        #expect(abs(hull.maxOffset(slope: slope) - offset) <= 1e-9 * max(1, abs(offset)))
        #expect(abs(hull.maxSlope(towardX: endX, y: endY) - tangent) <= 1e-12 * max(1, abs(tangent)))
      }
    }
  }

  @Test func smoothPathEdgeEqualsTheReferenceScanOverEveryPoint() {
    var random = SplitMix(seed: 11)
    for _ in 0..<400 {
      let spacing: Double = [10.0, 30.0, 100.0][Int.random(in: 0..<3, using: &random)]
      let n = Int.random(in: 2...800, using: &random)
      let a = Double.random(in: 1...400, using: &random)
      let b = Double.random(in: 1...400, using: &random)
      let k: Double = [0.5, 4.0 / 3.0, 1e6][Int.random(in: 0..<3, using: &random)]
      let frequency = Double.random(in: 400...6000, using: &random)
      let radius = k * Diffraction.earthRadiusM
      let edge = SmoothPathEdge(
        spacingM: spacing, curvature: 1 / (2 * radius), wavelengthM: Units.wavelengthM(frequencyMHz: frequency))
      // Any starting point for the search of ν's peak gives the same edge.
      var hint = Int.random(in: -5...(n + 5), using: &random)
      let fast = edge.edgeLossDB(intervals: n, txHeightM: a, rxHeightM: b, peakHint: &hint)
      let d = Double(n) * spacing
      let reference = (0...n).map { Double($0) * spacing }.withUnsafeBufferPointer {
        Diffraction.smoothPathBullingtonLossDB(
          distancesM: $0, txHeightM: a, rxHeightM: b, frequencyMHz: frequency, kFactor: k)
      }
      // The reference adds eq. (22)'s term to J: (1 − e^(−J/6))(10 + 0.02 d/km).
      let corrected = fast + (1 - exp(-fast / 6)) * (10 + 0.02 * d / 1000)
      #expect(abs(corrected - reference) <= 1e-9, "n \(n), a \(a), b \(b), k \(k): \(corrected) vs \(reference)")
    }
  }
}
