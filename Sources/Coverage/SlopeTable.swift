/// A table read by linear interpolation between nodes, stored as (value, slope to the next
/// node) pairs of Floats: a lane of the vectorised row loop reads its two numbers from one
/// place, and value + slope · fraction equals the two-node form low + (high − low) · fraction
/// exactly (the slope is that same Float difference).
struct SlopeTable: Sendable, Hashable {
  /// Node k's value at 2k, its slope at 2k + 1, k < nodes − 1.
  let pairs: [Float]

  init(nodes: [Float]) {
    precondition(nodes.count >= 2, "an interpolation table needs two nodes")
    pairs = (0..<(nodes.count - 1)).flatMap { [nodes[$0], nodes[$0 + 1] - nodes[$0]] }
  }

  /// The value at node `index` + `fraction` (0 ≤ fraction ≤ 1); `index` must be a pair index.
  /// (32-bit index arithmetic: the vectorised loop then extracts eight lanes per register,
  /// not four.)
  @_transparent static func value(_ pairs: UnsafePointer<Float>, index: Int32, fraction: Float) -> Float {
    let at = Int(UInt32(bitPattern: index) &<< 1)
    return pairs[at] + pairs[at &+ 1] * fraction
  }
}
