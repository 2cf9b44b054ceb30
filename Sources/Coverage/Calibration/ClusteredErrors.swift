import Foundation
import Radio

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
  /// The standard error of each term; nil with fewer than two blocks or a singular XᵀX.
  static func standardErrors(rows: [[Double]], residuals: [Double], blocks: [Int]) -> [Double]? {
    guard let covariance = covariance(rows: rows, residuals: residuals, blocks: blocks) else { return nil }
    let terms = rows[0].count
    return (0..<terms).map { max(covariance[$0 * terms + $0], 0).squareRoot() }
  }

  /// V, row-major (terms × terms); nil with fewer than two blocks or a singular XᵀX.
  static func covariance(rows: [[Double]], residuals: [Double], blocks: [Int]) -> [Double]? {
    let terms = rows.first?.count ?? 0
    guard terms > 0, rows.count == residuals.count, rows.count == blocks.count, rows.count > terms,
      rows.allSatisfy({ $0.count == terms })
    else { return nil }
    var xtx = [Double](repeating: 0, count: terms * terms)
    var scores: [Int: [Double]] = [:]
    for (index, row) in rows.enumerated() {
      var score = scores[blocks[index]] ?? [Double](repeating: 0, count: terms)
      for i in 0..<terms {
        score[i] += row[i] * residuals[index]
        for j in 0..<terms { xtx[i * terms + j] += row[i] * row[j] }
      }
      scores[blocks[index]] = score
    }
    let groups = scores.count
    guard groups >= 2, let bread = try? LinearFit.inverse(ofSymmetric: xtx, size: terms) else { return nil }
    // In a fixed order, so the sums do not depend on the dictionary's.
    var meat = [Double](repeating: 0, count: terms * terms)
    for key in scores.keys.sorted() {
      guard let score = scores[key] else { continue }
      for i in 0..<terms {
        for j in 0..<terms { meat[i * terms + j] += score[i] * score[j] }
      }
    }
    let n = Double(rows.count)
    let factor = Double(groups) / Double(groups - 1) * (n - 1) / (n - Double(terms))
    let product = multiply(multiply(bread, meat, terms), bread, terms)
    return product.map { $0 * factor }
  }

  /// A·B of two `size`² matrices, row-major.
  private static func multiply(_ a: [Double], _ b: [Double], _ size: Int) -> [Double] {
    var product = [Double](repeating: 0, count: size * size)
    for i in 0..<size {
      for k in 0..<size where a[i * size + k] != 0 {
        for j in 0..<size { product[i * size + j] += a[i * size + k] * b[k * size + j] }
      }
    }
    return product
  }
}
