/// `binIndex(f(x), thresholds:)` for a non-decreasing f over x ≥ 0, evaluating f only near
/// its thresholds: SINR bins and service classes straight from the linear S/(I + N) ratio,
/// without a logarithm (or the throughput's power and logarithm) per cell.
///
/// For each threshold t, bisection over the non-negative Doubles (their bit patterns are in
/// the same order) finds `below` = the least x with f(x) ≥ t − δ and `reaches` = the least x
/// with f(x) ≥ t + δ, δ = `tolerance` · max(1, |t|). An x under `below` then has f(x) < t, one at
/// or above `reaches` has f(x) ≥ t, and only in between is f evaluated, so the index equals
/// `binIndex(f(x))` exactly — as long as f, as computed, decreases nowhere by more than δ: libm's
/// `log10`, `pow` and `log2` are within a few ulps (10⁻¹³ dB at 100 dB), and the throughput's
/// rounding to Float32 moves it by 6·10⁻⁸ of itself, both far below the tolerances used (10⁻⁹
/// for dB, 10⁻⁶ for Mbit/s).
///
/// - Complexity: 2 × 64 evaluations of f per threshold to build; per x, one or two comparisons
///   per threshold passed.
struct MonotoneBins: Sendable {
  let thresholds: [Double]
  /// Per threshold: x below this gives f(x) < t (+∞ when f never comes within δ of t).
  let below: [Double]
  /// Per threshold: x at or above this gives f(x) ≥ t (NaN when f never reaches t + δ).
  let reaches: [Double]

  init(thresholds: [Double], tolerance: Double, _ f: (Double) -> Double) {
    self.thresholds = thresholds
    below = thresholds.map { Self.least(reaching: $0 - tolerance * max(1, abs($0)), f) ?? .infinity }
    reaches = thresholds.map { Self.least(reaching: $0 + tolerance * max(1, abs($0)), f) ?? .nan }
  }

  /// The index `binIndex(f(x), thresholds:)` gives: how many leading thresholds f(x) stays under.
  @inline(__always) func index(_ x: Double, _ f: (Double) -> Double) -> Int {
    Self.index(x, thresholds: thresholds, below: below, reaches: reaches, from: 0, f)
  }

  /// `index` over bounds stored from offset `first` of `below` and `reaches` (several bins'
  /// bounds laid end to end: `SectorBins`).
  @inline(__always) static func index(
    _ x: Double, thresholds: [Double], below: [Double], reaches: [Double], from first: Int, _ f: (Double) -> Double
  ) -> Int {
    var index = 0
    while index < thresholds.count {
      if x < below[first + index] {
        index += 1
      } else if x >= reaches[first + index] {
        break
      } else if f(x) < thresholds[index] {
        index += 1
      } else {
        break
      }
    }
    return index
  }

  /// The least x in [0, +∞] with f(x) ≥ `target`, nil when there is none.
  static func least(reaching target: Double, _ f: (Double) -> Double) -> Double? {
    var low: UInt64 = 0
    var high = Double.infinity.bitPattern
    guard f(Double(bitPattern: high)) >= target else { return nil }
    // Invariant: f(high) ≥ target; every x below `low` has f(x) < target.
    while low < high {
      let middle = low + (high - low) / 2
      if f(Double(bitPattern: middle)) >= target { high = middle } else { low = middle + 1 }
    }
    return Double(bitPattern: high)
  }
}
