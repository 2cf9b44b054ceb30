import Foundation
import Radio

/// Bullington's equivalent edge over the smooth path of the delta-Bullington method: every
/// profile height zero, the antennas `txHeightM` and `rxHeightM` (both > 0) above it, points
/// at i·Δ for i = 1…n − 1 (ITU-R P.452-16 §4.2.3 eq. (38): the method of §4.2.1 run a second
/// time). Each maximum the method takes over the points is of a function of the point's
/// distance with a single peak, so it lies at one of the samples around the peak and costs
/// O(1) (the slopes) or O(log n) (ν), not a pass over the profile:
///
/// - the slope from the transmitter, c(d − x) − a/x (c = 1/(2 aₑ)), is concave in x with its
///   peak at x = √(a/c); the slope from the receiver, c·x − b/(d − x), at d − x = √(b/c);
/// - ν(x) ∝ (c·x(d − x) − (a(d − x) + b·x)/d) / √(x(d − x)) has derivative of the sign of
///   the cubic 2c·x³ − 3c·d·x² + (c·d² − a − b)·x + a·d, positive at 0 (a·d) and negative at
///   d (−b·d); written about d/2 it is 2c·t³ − (c·d²/2 + a + b)·t + (a − b)·d/2, whose local
///   maximum comes before its local minimum, so from positive at −d/2 to negative at d/2 it
///   crosses zero once: ν has one peak, found by bisection on the cubic's sign.
///
/// The candidates are evaluated with the reference's own expressions
/// (`Diffraction.smoothPathBullingtonLossDB`), so the result is the reference's to rounding.
struct SmoothPathEdge {
  let spacingM: Double
  /// 1/(2 aₑ), 1/m.
  let curvature: Double
  let wavelengthM: Double

  /// J(ν) of the equivalent edge (P.452-16 eqs. (13)–(21) with hᵢ = 0), dB, for a path of
  /// `intervals` samples (d = intervals·Δ). `peakHint`: where to start looking for ν's peak
  /// (the last call's, on a radial: it moves little from one end point to the next).
  func edgeLossDB(intervals n: Int, txHeightM a: Double, rxHeightM b: Double, peakHint: inout Int) -> Double {
    guard n >= 2 else { return 0 }
    let spacing = spacingM
    let d = Double(n) * spacing
    let c = curvature
    let txSlope = largestNearPeak(c > 0 ? (a / c).squareRoot() / spacing : .infinity, n: n) { i in
      let di = Double(i) * spacing
      return (di * (d - di) * c - a) / di
    }
    let directSlope = (b - a) / d
    if txSlope >= directSlope {
      let rxSlope = largestNearPeak(c > 0 ? Double(n) - (b / c).squareRoot() / spacing : -.infinity, n: n) { i in
        let di = Double(i) * spacing
        return (di * (d - di) * c - b) / (d - di)
      }
      let point = (b - a + rxSlope * d) / (txSlope + rxSlope)
      if point > 0, point < d {
        let excess = a + txSlope * point - (a * (d - point) + b * point) / d
        return Diffraction.knifeEdgeLossDB(nu: excess * (2 * d / (wavelengthM * point * (d - point))).squareRoot())
      }
    }
    // The last sample where ν still rises (the cubic is positive there).
    func rising(_ i: Int) -> Bool {
      let x = Double(i) * spacing
      return ((2 * c * x - 3 * c * d) * x + (c * d * d - a - b)) * x + a * d > 0
    }
    let last = lastRising(below: n, hint: peakHint, rising)
    peakHint = last
    let nu = largestNearPeak(Double(last) + 0.5, n: n) { i in
      let di = Double(i) * spacing
      let excess = di * (d - di) * c - (a * (d - di) + b * di) / d
      return excess * (2 * d / (wavelengthM * di * (d - di))).squareRoot()
    }
    return Diffraction.knifeEdgeLossDB(nu: nu)
  }

  /// The last i in 0…n − 1 where `rising` holds, `rising` holding at 0 and up to one point
  /// only: galloping from `hint` to bracket it, then bisection.
  @inline(__always)
  private func lastRising(below n: Int, hint: Int, _ rising: (Int) -> Bool) -> Int {
    var low = 0
    var high = n - 1
    let start = min(max(hint, 0), n - 1)
    var step = 1
    if start == 0 || rising(start) {
      low = start
      while low + step <= high {
        if rising(low + step) {
          low += step
          step *= 2
        } else {
          high = low + step - 1
          break
        }
      }
    } else {
      high = start - 1
      while high - step > 0 {
        if rising(high - step) {
          low = high - step
          break
        }
        high -= step
        step *= 2
      }
    }
    while low < high {
      let middle = (low + high + 1) / 2
      if rising(middle) { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The larger value at the two samples either side of `peak` (in samples; may be ±∞),
  /// within 1…n − 1. (Where rounding puts the peak on the wrong side of a sample, the two
  /// samples there are equal to rounding.)
  @inline(__always)
  private func largestNearPeak(_ peak: Double, n: Int, _ value: (Int) -> Double) -> Double {
    let below = min(max(Int(min(max(peak, 0), Double(n)).rounded(.down)), 1), n - 1)
    return below + 1 <= n - 1 ? max(value(below), value(below + 1)) : value(below)
  }
}
