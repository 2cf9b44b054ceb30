import Foundation

/// A layer's path-loss model tuned to measurements: the correction `cosite calibrate` fits to
/// a drive test's residuals, added to whatever model a cell's propagation class uses.
///
/// ΔL(d, h) = offset + slope · log10(d / 1 km) + height · log10(h / 30 m), with d the ground
/// distance (at least 1 m) and h the antenna's height above ground: the intercept, slope and
/// effective-height corrections of an empirical model's K1, K2 and K3 terms (the "standard
/// propagation model" form of Atoll and Planet, K3·log10(H_eff); Hata's A + B·log10 d with its
/// −13.82·log10 h_b, Hata 1980). With the 1 km and 30 m references the offset is the
/// correction at 1 km for a 30 m mast, and the terms are nearly uncorrelated on drive tests
/// spanning a few hundred metres to a few kilometres. `sigmaDB` is the residual shadow fading
/// of the fit; when given it replaces the class's σ on the layer.
public struct ModelTuning: Hashable, Sendable {
  /// Reference distance of the slope term, m.
  public static let referenceDistanceM = 1000.0
  /// Reference antenna height of the height term, m.
  public static let referenceHeightM = 30.0

  public let offsetDB: Double
  public let slopeDBPerDecade: Double
  public let sigmaDB: Double?
  /// The ground distances the fit spanned, m: the correction is held at its value at the
  /// nearer or farther end outside them (a fitted slope says nothing beyond its data, and
  /// extrapolated to 1 m a slope of a few dB/decade would move the loss by tens of dB).
  public let distanceRangeM: ClosedRange<Double>?
  /// Correction per decade of antenna height above `referenceHeightM`, dB (0: none).
  public let heightDBPerDecade: Double
  /// The antenna heights the fit spanned, m: the height term is held at its ends outside them.
  public let heightRangeM: ClosedRange<Double>?
  /// Whether the fit was made over the terrain's diffraction (a scenario with a DEM): such a
  /// tuning corrects the model beside the diffraction; one fitted on flat earth holds the
  /// drive's average diffraction in its offset.
  public let fittedOverTerrain: Bool

  public init(
    offsetDB: Double, slopeDBPerDecade: Double, sigmaDB: Double? = nil, distanceRangeM: ClosedRange<Double>? = nil,
    fittedOverTerrain: Bool = false, heightDBPerDecade: Double = 0, heightRangeM: ClosedRange<Double>? = nil
  ) {
    self.heightDBPerDecade = heightDBPerDecade
    self.heightRangeM = heightRangeM
    self.offsetDB = offsetDB
    self.slopeDBPerDecade = slopeDBPerDecade
    self.sigmaDB = sigmaDB
    self.distanceRangeM = distanceRangeM
    self.fittedOverTerrain = fittedOverTerrain
  }

  /// The correction at ground distance `distance2DM` from an antenna `bsHeightM` above the
  /// ground, dB (added to the model's loss).
  @inlinable public func correctionDB(distance2DM: Double, bsHeightM: Double) -> Double {
    var distance = max(distance2DM, 1)
    if let range = distanceRangeM { distance = min(max(distance, range.lowerBound), range.upperBound) }
    let correction = offsetDB + slopeDBPerDecade * log10(distance / Self.referenceDistanceM)
    guard heightDBPerDecade != 0 else { return correction }
    return correction + heightDBPerDecade * Self.heightDecades(bsHeightM, within: heightRangeM)
  }

  /// log10(h / 30 m), h held within `range` (and at least 1 m).
  @inlinable public static func heightDecades(_ heightM: Double, within range: ClosedRange<Double>?) -> Double {
    var height = max(heightM, 1)
    if let range { height = min(max(height, range.lowerBound), range.upperBound) }
    return log10(height / referenceHeightM)
  }

}
