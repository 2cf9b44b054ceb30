import Radio

/// A TR 38.901 element pattern (Table 7.3-1) plus a column's array factor, the factor read
/// from `ArrayFactorTable` (Radio's `AntennaElement` and `ColumnArray`).
struct ArrayAttenuation: Attenuation {
  let horizontalScale: Float  // √12 / φ_3dB
  let verticalScale: Float  // √12 / θ_3dB
  let maxDB: Float
  let sideLobeDB: Float
  /// `ArrayFactorTable` pairs (a table of zeros for a single element).
  let factorLossDB: UnsafePointer<Float>
  var backCone: BackCone? { nil }

  init(element: AntennaElement, factorLossDB: UnsafePointer<Float>) {
    horizontalScale = Float(12).squareRoot() / Float(element.horizontalBeamwidthDeg)
    verticalScale = Float(12).squareRoot() / Float(element.verticalBeamwidthDeg)
    maxDB = Float(element.maxAttenuationDB)
    sideLobeDB = Float(element.sideLobeLimitDB)
    self.factorLossDB = factorLossDB
  }

  /// The element's attenuation and the depression.
  @_transparent func stage(right: Float, forward: Float, up: Float) -> (Float, Float) {
    let azimuth = FastMath.atan2Deg(right, forward)
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    let horizontal = azimuth * horizontalScale
    let vertical = depression * verticalScale
    let horizontalDB = FastMath.lower(horizontal * horizontal, maxDB)
    let verticalDB = FastMath.lower(vertical * vertical, sideLobeDB)
    return (FastMath.lower(horizontalDB + verticalDB, maxDB), depression)
  }

  @_transparent func attenuationDB(stage: (Float, Float)) -> Float {
    stage.0 + ArrayFactorTable.lossDB(factorLossDB, depressionDeg: stage.1)
  }
}
