import Foundation

/// Ordinary least squares, y ≈ X·β, with the standard error of each coefficient — the fit
/// model tuning makes of a path-loss model's terms (intercept, distance slope…) to measured
/// losses.
///
/// β̂ = (XᵀX)⁻¹ Xᵀy; σ̂² = RSS / (n − p); Var(β̂) = σ̂² (XᵀX)⁻¹ (N. R. Draper and H. Smith,
/// *Applied Regression Analysis*, 3rd ed., Wiley 1998, §5.2). The normal equations are
/// solved by Gauss–Jordan elimination with partial pivoting, which also gives (XᵀX)⁻¹; with
/// a handful of terms and centred regressors (the caller's choice) that is exact to far below
/// a measurement's 0.01 dB.
public struct LinearFit: Sendable, Equatable {
  /// β̂, one per column of X.
  public let coefficients: [Double]
  /// √Var(β̂ᵢ).
  public let standardErrors: [Double]
  /// σ̂ = √(RSS / (n − p)), the residuals' standard deviation with the degrees of freedom the
  /// fit used up removed.
  public let residualSigma: Double
  public let sampleCount: Int
  /// σ̂² (XᵀX)⁻¹, row-major: the covariance of the coefficients (for the error of a sum of
  /// terms, e.g. a class's offset = intercept + its own term).
  public let covariance: [Double]

  /// Why a fit cannot be made.
  public enum Problem: Error, Equatable, CustomStringConvertible {
    /// No more samples than terms: nothing is left to estimate σ.
    case tooFewSamples(samples: Int, terms: Int)
    /// XᵀX is singular: a term is a combination of others (every sample at one distance, say).
    case collinear(term: Int)
    /// A row with another number of values than the first, or a value that is not finite.
    case invalidRow(index: Int)
    /// Not one target per row.
    case mismatchedCounts(rows: Int, targets: Int)

    public var description: String {
      switch self {
      case .tooFewSamples(let samples, let terms):
        return "\(samples) samples for \(terms) terms: expected more samples than terms"
      case .collinear(let term):
        return
          "term \(term + 1) is a combination of the others (e.g. every sample at one distance): expected samples that vary it"
      case .invalidRow(let index):
        return "sample \(index + 1): expected one finite value per term and a finite target"
      case .mismatchedCounts(let rows, let targets):
        return "\(rows) rows of terms and \(targets) targets: expected one target per row"
      }
    }
  }

  /// Fits `targets` to `rows` (one row of regressors per sample, the same count in each).
  public static func fit(rows: [[Double]], targets: [Double]) throws -> LinearFit {
    let terms = rows.first?.count ?? 0
    guard rows.count == targets.count else { throw Problem.mismatchedCounts(rows: rows.count, targets: targets.count) }
    guard terms > 0 else { throw Problem.tooFewSamples(samples: rows.count, terms: terms) }
    for (index, row) in rows.enumerated()
    where row.count != terms || !row.allSatisfy(\.isFinite) || !targets[index].isFinite {
      throw Problem.invalidRow(index: index)
    }
    guard rows.count > terms else { throw Problem.tooFewSamples(samples: rows.count, terms: terms) }
    // XᵀX and Xᵀy.
    var normal = [Double](repeating: 0, count: terms * terms)
    var right = [Double](repeating: 0, count: terms)
    for (row, target) in zip(rows, targets) {
      for i in 0..<terms {
        right[i] += row[i] * target
        for j in 0..<terms { normal[i * terms + j] += row[i] * row[j] }
      }
    }
    let inverse = try inverse(ofSymmetric: normal, size: terms)
    let coefficients = (0..<terms).map { i in (0..<terms).reduce(0.0) { $0 + inverse[i * terms + $1] * right[$1] } }
    var residualSquares = 0.0
    for (row, target) in zip(rows, targets) {
      let predicted = zip(row, coefficients).reduce(0.0) { $0 + $1.0 * $1.1 }
      residualSquares += (target - predicted) * (target - predicted)
    }
    let variance = residualSquares / Double(rows.count - terms)
    return LinearFit(
      coefficients: coefficients,
      standardErrors: (0..<terms).map { (variance * inverse[$0 * terms + $0]).squareRoot() },
      residualSigma: variance.squareRoot(), sampleCount: rows.count, covariance: inverse.map { $0 * variance })
  }

  /// (A)⁻¹ of a symmetric positive semi-definite `size`² matrix, row-major; `collinear` when a
  /// pivot vanishes relative to the matrix's scale.
  public static func inverse(ofSymmetric matrix: [Double], size: Int) throws -> [Double] {
    var a = matrix
    var inverse = [Double](repeating: 0, count: size * size)
    for i in 0..<size { inverse[i * size + i] = 1 }
    let scale = (0..<size).map { abs(matrix[$0 * size + $0]) }.max() ?? 0
    for column in 0..<size {
      guard
        let pivot = (column..<size).max(by: { abs(a[$0 * size + column]) < abs(a[$1 * size + column]) }),
        abs(a[pivot * size + column]) > 1e-12 * max(scale, .leastNormalMagnitude)
      else { throw Problem.collinear(term: column) }
      if pivot != column {
        for k in 0..<size {
          a.swapAt(pivot * size + k, column * size + k)
          inverse.swapAt(pivot * size + k, column * size + k)
        }
      }
      let divisor = a[column * size + column]
      for k in 0..<size {
        a[column * size + k] /= divisor
        inverse[column * size + k] /= divisor
      }
      for row in 0..<size where row != column {
        let factor = a[row * size + column]
        guard factor != 0 else { continue }
        for k in 0..<size {
          a[row * size + k] -= factor * a[column * size + k]
          inverse[row * size + k] -= factor * inverse[column * size + k]
        }
      }
    }
    return inverse
  }
}
