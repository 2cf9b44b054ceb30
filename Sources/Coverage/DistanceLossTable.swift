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
///
/// The loss tabulated is the quantile of the propagation class's loss distribution at the
/// target's reliability r (shadow fading, LOS mixture): a cell's RSRP from the table is then
/// the level the sector reaches with probability r, and "RSRP ≥ target" holds exactly when
/// P(RSRP ≥ target) ≥ r. At r = 0.5 with one LOS state it is the model's median loss.
struct DistanceLossTable: Sendable {
  /// Bit pattern of 1 m²: distances below 1 m are evaluated at 1 m.
  static let baseBits: UInt32 = 0x3F80_0000
  static let fractionBits: UInt32 = 15
  static let fractionScale: Float = 1 / 32768

  /// Loss at node k, dB; node k is at d² = Float(bitPattern: baseBits + k << 15).
  let lossDB: [Float]
  /// The loss distribution at node k (the coverage-probability raster reads it).
  let distributions: [LossDistribution]
  /// Largest ground distance the table covers, m.
  let maxDistanceM: Double
  /// Inputs the model was used outside its validity range for, as they accumulate outwards:
  /// at each node (from 10 m to the largest distance) where the union of the nodes' flags so
  /// far grows, that node's distance and the union.
  let validitySteps: [(fromM: Double, flags: ValidityFlags)]

  /// Tabulates `propagation` from 1 m until the loss exceeds `maxLossDB` or the distance
  /// exceeds `maxDistanceM`, whichever comes first.
  init(
    propagation: Propagation, reliability: Double, frequencyMHz: Double, bsHeightM: Double, ueHeightM: Double,
    maxLossDB: Double, maxDistanceM: Double
  ) {
    var values: [Float] = []
    var nodeDistributions: [LossDistribution] = []
    var node: UInt32 = 0
    var reached = 1.0
    var flags: ValidityFlags = []
    var steps: [(fromM: Double, flags: ValidityFlags)] = []
    while true {
      let squared = Double(Float(bitPattern: Self.baseBits + node << Self.fractionBits))
      let distance = squared.squareRoot()
      let link = LinkGeometry(
        frequencyMHz: frequencyMHz, bsHeightM: bsHeightM, ueHeightM: ueHeightM, distance2DM: distance)
      let (distribution, outside) = propagation.lossDistribution(link)
      let loss = distribution.quantileDB(reliability)
      // Below the models' 10 m the grid's own cell size decides, and the node past the
      // largest distance only closes the table: neither is used as a prediction.
      if distance >= 10, distance <= maxDistanceM, !flags.isSuperset(of: outside) {
        flags.formUnion(outside)
        steps.append((distance, flags))
      }
      values.append(Float(loss))
      nodeDistributions.append(distribution)
      reached = distance
      node += 1
      if loss > maxLossDB || distance > maxDistanceM { break }
    }
    values.append(values[values.count - 1])  // a guard node for interpolation at the end
    lossDB = values
    distributions = nodeDistributions
    self.maxDistanceM = min(reached, maxDistanceM)
    validitySteps = steps
  }

  /// The inputs outside the model's validity range at the nodes that cells up to `distanceM`
  /// away interpolate between (from 10 m to the first node at or beyond `distanceM`).
  func outsideValidity(withinM distanceM: Double) -> ValidityFlags {
    let squared = Float(max(distanceM * distanceM, 1))
    let next = (squared.bitPattern &- Self.baseBits) >> Self.fractionBits + 1
    let nodeM = Double(Float(bitPattern: Self.baseBits + next << Self.fractionBits)).squareRoot()
    return validitySteps.last { $0.fromM <= nodeM }?.flags ?? []
  }

  /// The distribution at the node nearest to squared ground distance `squaredM2`.
  func distribution(squaredM2: Float) -> LossDistribution {
    let bits = max(squaredM2, 1).bitPattern &- Self.baseBits
    return distributions[min(Int((bits + 0x4000) >> Self.fractionBits), distributions.count - 1)]
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
