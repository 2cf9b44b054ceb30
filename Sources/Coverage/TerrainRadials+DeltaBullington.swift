import Foundation
import Radio

/// The delta-Bullington loss (ITU-R P.526-15 §4.5; equations of P.452-16 §4.2.1–§4.2.3 and
/// Attachment 2 §5.1.6, as `Diffraction.deltaBullingtonLossDB` computes them) at every sample
/// of one radial, each sample n the end of the profile of samples 0…n, in O(n log n) for the
/// radial instead of O(n²):
///
/// - running over the prefix: the steepest slope from the transmitter, max (hᵢ − hₜₛ)/dᵢ − c·dᵢ
///   (+ c·d at the end point; c = 1/(2 aₑ)), the same without the bulge for the smooth surface,
///   and the least-squares sums v₁, v₂ (eqs. (161), (162));
/// - the maxima that depend on the end point, by binary search on two upper hulls
///   (`UpperHull`): of (dᵢ, hᵢ) for the obstruction of the direct ray and its slope from the
///   receiver (eqs. (165), (166)), and of (dᵢ, hᵢ − c·dᵢ²) for the receiver's steepest slope
///   (eq. (18): (hᵢ + c·dᵢ(d − dᵢ) − hᵣₛ)/(d − dᵢ) = (gᵢ − (hᵣₛ − c·d²))/(d − dᵢ) − c·d);
/// - on a line-of-sight path, the largest ν (eq. (16)) only when it can exceed −0.78 (J = 0
///   below): every ν ≤ max(Eᵢ)·√(8/(λd)) when that excess over the ray is negative (the
///   Fresnel factor is smallest mid-path), and max(Eᵢ) is a hull query too; otherwise one
///   SIMD pass in Float over the prefix (Eᵢ·(1/√i)·(1/√(n − i)) from tables);
/// - the smooth path's Bullington edge by `SmoothPathEdge`, and the spherical-Earth loss by
///   `Diffraction.sphericalEarthLossDB`.
///
/// Samples lie at i·Δ; the workspace is the caller's, reused radial after radial.
struct RadialDeltaBullington {
  let spacingM: Double
  let frequencyMHz: Double
  let kFactor: Double
  /// Antenna heights above ground at the site (sample 0) and at the end point, m.
  let txHeightM: Double
  let rxHeightM: Double
  /// 1/√i for i = 0…capacity (0 at i = 0), and the same reversed: reversed[j] = 1/√(capacity − j).
  let inverseRoots: UnsafeBufferPointer<Float>
  let reversedInverseRoots: UnsafeBufferPointer<Float>
  /// Ground heights of the radial's samples, m (filled by the caller).
  let heightsM: UnsafeMutableBufferPointer<Double>
  /// gᵢ − hₜₛ and dᵢ in Float, for the ν pass.
  private let lifted: UnsafeMutableBufferPointer<Float>
  private let distances: UnsafeMutableBufferPointer<Float>
  private var terrainHull: UpperHull
  private var curvedHull: UpperHull
  private let smooth: SmoothPathEdge
  private let curvature: Double
  private let wavelengthM: Double

  /// The samples a workspace holds (sample 0 included).
  var capacity: Int { heightsM.count }

  init(
    spacingM: Double, frequencyMHz: Double, kFactor: Double, txHeightM: Double, rxHeightM: Double,
    inverseRoots: UnsafeBufferPointer<Float>, reversedInverseRoots: UnsafeBufferPointer<Float>,
    workspace: RadialWorkspace
  ) {
    precondition(inverseRoots.count == workspace.heightsM.count + 1, "one root per sample and the end")
    self.spacingM = spacingM
    self.frequencyMHz = frequencyMHz
    self.kFactor = kFactor
    self.txHeightM = txHeightM
    self.rxHeightM = rxHeightM
    self.inverseRoots = inverseRoots
    self.reversedInverseRoots = reversedInverseRoots
    heightsM = workspace.heightsM
    lifted = workspace.lifted
    distances = workspace.distances
    terrainHull = UpperHull(indices: workspace.terrainIndices, values: workspace.terrainValues, spacingM: spacingM)
    curvedHull = UpperHull(indices: workspace.curvedIndices, values: workspace.curvedValues, spacingM: spacingM)
    curvature = 1 / (2 * kFactor * Diffraction.earthRadiusM)
    wavelengthM = Units.wavelengthM(frequencyMHz: frequencyMHz)
    smooth = SmoothPathEdge(spacingM: spacingM, curvature: curvature, wavelengthM: wavelengthM)
    for i in 0..<workspace.heightsM.count { distances[i] = Float(Double(i) * spacingM) }
  }

  /// Losses at samples 0..<count of the heights in `heightsM` into `lossDB` (0 at the site):
  /// at every sample, or only where `needed` is not 0 (the others are left as they are).
  mutating func losses(
    count: Int, into lossDB: UnsafeMutableBufferPointer<Float>, needed: UnsafeBufferPointer<UInt8>? = nil
  ) {
    precondition(count <= capacity && lossDB.count >= count, "the radial fits the workspace")
    guard count > 0 else { return }
    terrainHull.removeAll()
    curvedHull.removeAll()
    let txM = heightsM[0] + txHeightM
    var prefix = Prefix()
    lossDB[0] = 0
    for n in 1..<count {
      let di = Double(n) * spacingM
      let previous = Double(n - 1) * spacingM
      let (hi, hPrevious) = (heightsM[n], heightsM[n - 1])
      // Eqs. (161), (162), summed in the reference's order.
      prefix.v1 += (di - previous) * (hi + hPrevious)
      prefix.v2 += (di - previous) * (hi * (2 * di + previous) + hPrevious * (di + 2 * previous))
      if n >= 2 {
        // Sample n − 1 becomes an intermediate point of this and every longer profile.
        let x = previous
        let g = hPrevious - curvature * x * x
        terrainHull.append(index: n - 1, y: hPrevious)
        curvedHull.append(index: n - 1, y: g)
        lifted[n - 1] = Float(g - txM)
        let slope = (hPrevious - txM) / x
        prefix.slopeFromTx = max(prefix.slopeFromTx, slope)
        prefix.curvedSlopeFromTx = max(prefix.curvedSlopeFromTx, slope - curvature * x)
      }
      if let needed, needed[n] == 0 { continue }
      lossDB[n] = Float(loss(intervals: n, txM: txM, prefix: &prefix))
    }
  }

  /// What the running maxima and sums hold for the points before the end.
  private struct Prefix {
    var v1 = 0.0
    var v2 = 0.0
    /// max (hᵢ − hₜₛ)/dᵢ.
    var slopeFromTx = -Double.infinity
    /// max (hᵢ − hₜₛ)/dᵢ − c·dᵢ.
    var curvedSlopeFromTx = -Double.infinity
    /// Where the smooth path's ν peaked at the last end point (samples): the search starts there.
    var smoothPeak = 0
  }

  /// The loss of the profile of samples 0…n.
  @inline(__always)
  private func loss(intervals n: Int, txM: Double, prefix: inout Prefix) -> Double {
    let d = Double(n) * spacingM
    let rxM = heightsM[n] + rxHeightM
    let actual = Diffraction.bullingtonCorrectedDB(
      edgeLossDB: actualEdgeLossDB(intervals: n, txM: txM, rxM: rxM, prefix: prefix), lengthM: d)
    // Smooth surface, eqs. (163)–(167).
    var surfaceTxM = (2 * prefix.v1 * d - prefix.v2) / (d * d)
    var surfaceRxM = (prefix.v2 - prefix.v1 * d) / (d * d)
    let directSlope = (rxM - txM) / d
    let obstruction = terrainHull.maxOffset(slope: directSlope) - txM
    if obstruction > 0 {
      let slopeTx = prefix.slopeFromTx - directSlope
      let slopeRx = terrainHull.maxSlope(towardX: d, y: rxM) + directSlope
      let slopes = slopeTx + slopeRx
      surfaceTxM -= obstruction * slopeTx / slopes
      surfaceRxM -= obstruction * slopeRx / slopes
    }
    let txEffectiveM = txM - min(surfaceTxM, heightsM[0])
    let rxEffectiveM = rxM - min(surfaceRxM, heightsM[n])
    let flat = Diffraction.bullingtonCorrectedDB(
      edgeLossDB: smooth.edgeLossDB(
        intervals: n, txHeightM: txEffectiveM, rxHeightM: rxEffectiveM, peakHint: &prefix.smoothPeak), lengthM: d)
    let spherical = Diffraction.sphericalEarthLossDB(
      distanceM: d, txEffectiveHeightM: txEffectiveM, rxEffectiveHeightM: rxEffectiveM, frequencyMHz: frequencyMHz,
      kFactor: kFactor)
    return actual + max(spherical - flat, 0)
  }

  /// J(ν) of Bullington's equivalent edge over the actual profile, eqs. (13)–(21).
  @inline(__always)
  private func actualEdgeLossDB(intervals n: Int, txM: Double, rxM: Double, prefix: Prefix) -> Double {
    guard n >= 2 else { return 0 }
    let d = Double(n) * spacingM
    let directSlope = (rxM - txM) / d
    let txSlope = prefix.curvedSlopeFromTx + curvature * d
    if txSlope >= directSlope {
      let rxSlope = curvedHull.maxSlope(towardX: d, y: rxM - curvature * d * d) - curvature * d
      let point = (rxM - txM + rxSlope * d) / (txSlope + rxSlope)
      if point > 0, point < d {
        let excess = txM + txSlope * point - (txM * (d - point) + rxM * point) / d
        return Diffraction.knifeEdgeLossDB(nu: excess * (2 * d / (wavelengthM * point * (d - point))).squareRoot())
      }
    }
    // Line of sight (or a grazing ray): the largest ν, eq. (16). Eᵢ = gᵢ + κ·dᵢ − hₜₛ.
    let kappa = curvature * d - directSlope
    let largestExcess = curvedHull.maxOffset(slope: -kappa) - txM
    if largestExcess < 0, largestExcess * (8 / (wavelengthM * d)).squareRoot() <= -0.78 { return 0 }
    let scale = (2 * d / wavelengthM).squareRoot() / spacingM
    return Diffraction.knifeEdgeLossDB(nu: scale * Double(largestScaledExcess(intervals: n, kappa: Float(kappa))))
  }

  /// max over i = 1…n − 1 of (gᵢ − hₜₛ + κ·dᵢ)/√i/√(n − i), in Float, eight lanes at a time.
  @inline(__always)
  private func largestScaledExcess(intervals n: Int, kappa: Float) -> Float {
    let offset = capacity - n
    let lanes = SIMD8<Float>(repeating: kappa)
    var best = SIMD8<Float>(repeating: -.infinity)
    var i = 1
    let liftedBase = UnsafeRawPointer(lifted.baseAddress!)
    let distanceBase = UnsafeRawPointer(distances.baseAddress!)
    let rootBase = UnsafeRawPointer(inverseRoots.baseAddress!)
    let reversedBase = UnsafeRawPointer(reversedInverseRoots.baseAddress!)
    let stride = MemoryLayout<Float>.stride
    while i + 8 <= n {
      let excess =
        liftedBase.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self) + lanes
        * distanceBase.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
      let weights =
        rootBase.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
        * reversedBase.loadUnaligned(fromByteOffset: (offset + i) * stride, as: SIMD8<Float>.self)
      let scaled = excess * weights
      best.replace(with: scaled, where: scaled .> best)
      i += 8
    }
    var largest = best.max()
    while i < n {
      let excess = lifted[i] + kappa * distances[i]
      largest = max(largest, excess * (inverseRoots[i] * reversedInverseRoots[offset + i]))
      i += 1
    }
    return largest
  }
}

/// Scratch memory for `RadialDeltaBullington`: one per worker, allocated once.
struct RadialWorkspace {
  let heightsM: UnsafeMutableBufferPointer<Double>
  let lifted: UnsafeMutableBufferPointer<Float>
  let distances: UnsafeMutableBufferPointer<Float>
  let terrainIndices: UnsafeMutableBufferPointer<Int32>
  let terrainValues: UnsafeMutableBufferPointer<Double>
  let curvedIndices: UnsafeMutableBufferPointer<Int32>
  let curvedValues: UnsafeMutableBufferPointer<Double>

  init(capacity: Int) {
    heightsM = .allocate(capacity: capacity)
    lifted = .allocate(capacity: capacity)
    distances = .allocate(capacity: capacity)
    terrainIndices = .allocate(capacity: capacity)
    terrainValues = .allocate(capacity: capacity)
    curvedIndices = .allocate(capacity: capacity)
    curvedValues = .allocate(capacity: capacity)
    heightsM.initialize(repeating: 0)
    lifted.initialize(repeating: 0)
  }

  func deallocate() {
    heightsM.deallocate()
    lifted.deallocate()
    distances.deallocate()
    terrainIndices.deallocate()
    terrainValues.deallocate()
    curvedIndices.deallocate()
    curvedValues.deallocate()
  }
}

/// 1/√i for i = 0…capacity (0 at 0) and its reverse, for the ν pass. Only read once built, so
/// the workers of `RadialLossTable.build` share one.
struct InverseRootTables: @unchecked Sendable {
  let forward: UnsafeMutableBufferPointer<Float>
  let reversed: UnsafeMutableBufferPointer<Float>

  init(capacity: Int) {
    forward = .allocate(capacity: capacity + 1)
    reversed = .allocate(capacity: capacity + 1)
    for i in 0...capacity {
      forward[i] = i == 0 ? 0 : Float(1 / Double(i).squareRoot())
    }
    for j in 0...capacity { reversed[j] = forward[capacity - j] }
  }

  func deallocate() {
    forward.deallocate()
    reversed.deallocate()
  }
}
