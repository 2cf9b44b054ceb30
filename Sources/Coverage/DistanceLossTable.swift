import Radio
import Scenario

/// A sector's path loss tabulated against the squared ground distance, for the inner loop.
///
/// The index is the Float32 bit pattern of d² (exponent and top 8 mantissa bits: 256 nodes
/// per octave of d², 512 per octave of distance), so no square root or logarithm is needed
/// per cell; values between nodes are interpolated linearly in d². Each node holds the
/// Radio model's exact loss, so the table is exact at nodes and, between them, off by
/// less than 0.005 dB even across a TR 38.901 breakpoint (slope change ≤ 20 dB/decade over
/// 0.00085 decade).
struct DistanceLossTable: Sendable {
  /// Bit pattern of 1 m²: distances below 1 m are evaluated at 1 m.
  static let baseBits: UInt32 = 0x3F80_0000
  static let fractionBits: UInt32 = 15
  static let fractionScale: Float = 1 / 32768

  /// Loss at node k, dB; node k is at d² = Float(bitPattern: baseBits + k << 15).
  let lossDB: [Float]
  /// Largest ground distance the table covers, m.
  let maxDistanceM: Double

  /// Tabulates `propagation` from 1 m until the loss exceeds `maxLossDB` or the distance
  /// exceeds `maxDistanceM`, whichever comes first.
  init(
    propagation: Propagation, frequencyMHz: Double, bsHeightM: Double, ueHeightM: Double, maxLossDB: Double,
    maxDistanceM: Double
  ) {
    var values: [Float] = []
    var node: UInt32 = 0
    var reached = 1.0
    while true {
      let squared = Double(Float(bitPattern: Self.baseBits + node << Self.fractionBits))
      let distance = squared.squareRoot()
      let link = LinkGeometry(
        frequencyMHz: frequencyMHz, bsHeightM: bsHeightM, ueHeightM: ueHeightM, distance2DM: distance)
      let loss = propagation.model.pathLoss(link, environment: propagation.environment).lossDB
      values.append(Float(loss))
      reached = distance
      node += 1
      if loss > maxLossDB || distance > maxDistanceM { break }
    }
    values.append(values[values.count - 1])  // a guard node for interpolation at the end
    lossDB = values
    self.maxDistanceM = min(reached, maxDistanceM)
  }

  /// Interpolated loss at squared ground distance `squaredM2` (≥ 1 assumed, clamped at the end).
  @inline(__always) static func lookup(_ table: UnsafeBufferPointer<Float>, squaredM2: Float) -> Float {
    let bits = max(squaredM2, 1).bitPattern &- baseBits
    let index = min(Int(bits >> fractionBits), table.count - 2)
    let fraction = Float(bits & 0x7FFF) * fractionScale
    let low = table[index]
    return low + (table[index + 1] - low) * fraction
  }
}
