/// The upper convex hull of profile points (i·Δ, yᵢ) appended in increasing i (Andrew's
/// monotone chain, A. M. Andrew, "Another efficient algorithm for convex hulls in two
/// dimensions", Inf. Process. Lett. 9, 1979): amortised O(1) per point, and the maxima the
/// delta-Bullington method takes over a profile's intermediate points become O(log n)
/// binary searches over the hull, because each of them is reached on it:
///
/// - `maxOffset(slope:)`, max yᵢ − s·xᵢ: the support point of slope s (edge slopes fall
///   along the upper hull, so yᵢ − s·xᵢ rises while they exceed s and falls after).
/// - `maxSlope(towardX:y:)`, max (yᵢ − Y)/(X − xᵢ) for a point (X, Y) right of every xᵢ: the
///   tangent from that point (the value rises along the hull while the next vertex lies on or
///   above the line from the current one to (X, Y), and that stays false once false).
///
/// A point below the hull of a prefix is below the hull of every longer prefix, so one chain
/// serves every end point of a radial in turn. Storage is the caller's (no allocation).
struct UpperHull {
  /// Sample indices of the hull's vertices, ascending (capacity: the radial's samples).
  let indices: UnsafeMutableBufferPointer<Int32>
  let values: UnsafeMutableBufferPointer<Double>
  private(set) var count = 0
  /// Sample spacing, m: vertex k lies at x = indices[k]·spacingM.
  let spacingM: Double

  init(indices: UnsafeMutableBufferPointer<Int32>, values: UnsafeMutableBufferPointer<Double>, spacingM: Double) {
    precondition(indices.count == values.count, "one value per vertex")
    self.indices = indices
    self.values = values
    self.spacingM = spacingM
  }

  mutating func removeAll() { count = 0 }

  /// Appends point (index·Δ, y); `index` exceeds every index appended before.
  @inline(__always)
  mutating func append(index: Int, y: Double) {
    while count >= 2 {
      let a = Double(indices[count - 2])
      let b = Double(indices[count - 1])
      let ya = values[count - 2]
      let yb = values[count - 1]
      // b stays only strictly above the chord from a to the new point (cross product < 0).
      let cross = (b - a) * (y - ya) - (yb - ya) * (Double(index) - a)
      guard cross >= 0 else { break }
      count -= 1
    }
    indices[count] = Int32(index)
    values[count] = y
    count += 1
  }

  /// max over the points of y − slope·x; −∞ when empty.
  @inline(__always)
  func maxOffset(slope: Double) -> Double {
    largest { values[$0] - slope * (Double(indices[$0]) * spacingM) }
  }

  /// max over the points of (y − endY)/(endX − x), for endX beyond every point; −∞ when empty.
  @inline(__always)
  func maxSlope(towardX endX: Double, y endY: Double) -> Double {
    largest { (values[$0] - endY) / (endX - Double(indices[$0]) * spacingM) }
  }

  /// The largest of a function of the vertex that rises, then falls, along the hull.
  @inline(__always)
  private func largest(_ value: (Int) -> Double) -> Double {
    guard count > 0 else { return -.infinity }
    // The first vertex k whose successor is lower: rising before it, falling after.
    var low = 0
    var high = count - 1
    while low < high {
      let middle = (low + high) / 2
      if value(middle + 1) >= value(middle) { low = middle + 1 } else { high = middle }
    }
    return value(low)
  }
}
