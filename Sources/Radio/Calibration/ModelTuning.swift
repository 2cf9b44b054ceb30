import Foundation

/// A layer's path-loss model tuned to measurements: the correction `cosite calibrate` fits to
/// a drive test's residuals, added to whatever model a cell's propagation class uses.
///
/// ΔL(d) = offset + slope · log10(d / 1 km), with d the ground distance (at least 1 m): the
/// intercept-and-slope correction of an empirical model's K1 and K2 terms (the "standard
/// propagation model" form of Atoll and Planet; Hata's A + B·log10 d, Hata 1980). With the 1 km
/// reference the offset is the correction at 1 km and the two terms are almost uncorrelated
/// on drive tests spanning a few hundred metres to a few kilometres. `sigmaDB` is the residual
/// shadow-fading σ of the fit; when given it replaces the class's σ on the layer.
public struct ModelTuning: Hashable, Sendable {
  /// Reference distance of the slope term, m.
  public static let referenceDistanceM = 1000.0

  public let offsetDB: Double
  public let slopeDBPerDecade: Double
  public let sigmaDB: Double?
  /// The ground distances the fit spanned, m: the correction is held at its value at the
  /// nearer or farther end outside them (a fitted slope says nothing beyond its data, and
  /// extrapolated to 1 m a slope of a few dB/decade would move the loss by tens of dB).
  public let distanceRangeM: ClosedRange<Double>?

  public init(
    offsetDB: Double, slopeDBPerDecade: Double, sigmaDB: Double? = nil, distanceRangeM: ClosedRange<Double>? = nil
  ) {
    self.offsetDB = offsetDB
    self.slopeDBPerDecade = slopeDBPerDecade
    self.sigmaDB = sigmaDB
    self.distanceRangeM = distanceRangeM
  }

  /// The correction at ground distance `distance2DM`, dB (added to the model's loss).
  @inlinable public func correctionDB(distance2DM: Double) -> Double {
    var distance = max(distance2DM, 1)
    if let range = distanceRangeM { distance = min(max(distance, range.lowerBound), range.upperBound) }
    return offsetDB + slopeDBPerDecade * log10(distance / Self.referenceDistanceM)
  }
}
