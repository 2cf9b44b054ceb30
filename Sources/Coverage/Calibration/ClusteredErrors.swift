import Foundation

/// Standard errors of a least-squares fit that stay honest when the residuals are correlated
/// within spatial blocks: the cluster-robust ("sandwich") covariance
/// V = c · (XᵀX)⁻¹ (Σ_g s_g s_gᵀ) (XᵀX)⁻¹, s_g = Σ_{i∈g} x_i r_i, with the finite-sample factor
/// c = G/(G − 1) · (n − 1)/(n − p) (K.-Y. Liang and S. L. Zeger, Biometrika 73(1), 1986;
/// A. C. Cameron and D. L. Miller, J. Human Resources 50(2), 2015, §II.C).
///
/// A drive test's local means are not independent: shadowing is correlated over tens to
/// hundreds of metres along the route (Gudmundson), and co-sited sectors share it. Ordinary
/// least squares then understates the errors several times over; blocks larger than the
/// decorrelation distance make each block's sum nearly independent of the others.
enum ClusteredErrors {
  /// The standard error of each term (one or two regressors per row); nil with fewer than two
  /// blocks or a singular XᵀX.
  static func standardErrors(rows: [[Double]], residuals: [Double], blocks: [Int]) -> [Double]? {
    let terms = rows.first?.count ?? 0
    guard (1...2).contains(terms), rows.count == residuals.count, rows.count == blocks.count, rows.count > terms
    else { return nil }
    var xtx = [0.0, 0, 0]  // [Σx₀², Σx₀x₁, Σx₁²]
    var sums: [Int: (Double, Double)] = [:]
    for (index, row) in rows.enumerated() {
      let x1 = terms == 2 ? row[1] : 0
      xtx[0] += row[0] * row[0]
      xtx[1] += row[0] * x1
      xtx[2] += x1 * x1
      let score = sums[blocks[index]] ?? (0, 0)
      sums[blocks[index]] = (score.0 + row[0] * residuals[index], score.1 + x1 * residuals[index])
    }
    let groups = sums.count
    guard groups >= 2 else { return nil }
    // (XᵀX)⁻¹ as [a, b, d] of the symmetric [[a, b], [b, d]].
    let inverse: [Double]
    if terms == 1 {
      guard xtx[0] > 0 else { return nil }
      inverse = [1 / xtx[0], 0, 0]
    } else {
      let determinant = xtx[0] * xtx[2] - xtx[1] * xtx[1]
      guard determinant > 1e-12 * xtx[0] * xtx[2] else { return nil }
      inverse = [xtx[2] / determinant, -xtx[1] / determinant, xtx[0] / determinant]
    }
    // In a fixed order, so the sums do not depend on the dictionary's.
    var meat = [0.0, 0, 0]
    for key in sums.keys.sorted() {
      guard let score = sums[key] else { continue }
      meat[0] += score.0 * score.0
      meat[1] += score.0 * score.1
      meat[2] += score.1 * score.1
    }
    let n = Double(rows.count)
    let factor = Double(groups) / Double(groups - 1) * (n - 1) / (n - Double(terms))
    // B·M·B for symmetric 2×2 B = [a b; b d], M = [m0 m1; m1 m2].
    let (a, b, d) = (inverse[0], inverse[1], inverse[2])
    let (m0, m1, m2) = (meat[0], meat[1], meat[2])
    let v00 = a * (a * m0 + b * m1) + b * (a * m1 + b * m2)
    let v11 = b * (b * m0 + d * m1) + d * (b * m1 + d * m2)
    let variances = terms == 1 ? [v00] : [v00, v11]
    return variances.map { (max($0, 0) * factor).squareRoot() }
  }
}
