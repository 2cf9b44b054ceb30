import Foundation

/// How far predictions are from measurements — the table a planner reads before and after
/// tuning a model (as Atoll's and Planet's calibration reports give it), in dB.
///
/// error eᵢ = predictedᵢ − measuredᵢ (of path loss, or of RSRP with the sign flipped by the
/// caller); mean ē; σ = √(Σ(eᵢ − ē)² / n), the population form, so that RMSE² = ē² + σ²
/// exactly; RMSE = √(Σeᵢ² / n); correlation: Pearson's r between predicted and measured.
public struct PredictionErrors: Sendable, Equatable {
  public let count: Int
  public let meanErrorDB: Double
  public let sigmaDB: Double
  public let rmseDB: Double
  /// Pearson's r; nil when either series is constant (or there are fewer than two samples).
  public let correlation: Double?

  public init(predicted: [Double], measured: [Double]) {
    precondition(predicted.count == measured.count, "one prediction per measurement")
    count = predicted.count
    guard count > 0 else {
      meanErrorDB = .nan
      sigmaDB = .nan
      rmseDB = .nan
      correlation = nil
      return
    }
    let n = Double(count)
    let errors = zip(predicted, measured).map { $0 - $1 }
    let mean = errors.reduce(0, +) / n
    meanErrorDB = mean
    sigmaDB = (errors.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
    rmseDB = (errors.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
    let meanPredicted = predicted.reduce(0, +) / n
    let meanMeasured = measured.reduce(0, +) / n
    var covariance = 0.0
    var predictedSquares = 0.0
    var measuredSquares = 0.0
    for (p, m) in zip(predicted, measured) {
      covariance += (p - meanPredicted) * (m - meanMeasured)
      predictedSquares += (p - meanPredicted) * (p - meanPredicted)
      measuredSquares += (m - meanMeasured) * (m - meanMeasured)
    }
    // A constant series has no correlation (tested exactly: its mean's rounding would leave a
    // sum of squares of ~1e-33 and a meaningless r).
    let constant = { (values: [Double]) in values.allSatisfy { $0 == values[0] } }
    correlation =
      constant(predicted) || constant(measured)
      ? nil : covariance / (predictedSquares * measuredSquares).squareRoot()
  }
}
