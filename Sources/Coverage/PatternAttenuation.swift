/// Planet/MSI cuts, linearly interpolated at 1° (Radio's `MSIPattern`), read as
/// `SlopeTable` pairs: node k at k degrees, 360 pairs per cut.
struct PatternAttenuation: Attenuation {
  let horizontal: UnsafePointer<Float>
  let vertical: UnsafePointer<Float>
  let floorDB: Float
  var backCone: BackCone? { nil }

  /// The azimuth off boresight and the vertical cut's angle.
  @_transparent func stage(right: Float, forward: Float, up: Float) -> (Float, Float) {
    let azimuth = FastMath.atan2Deg(right, forward)
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    // Behind the antenna the vertical cut is read mirrored: 180° − θ.
    return (azimuth, abs(azimuth) > 90 ? 180 - depression : depression)
  }

  @_transparent func attenuationDB(stage: (Float, Float)) -> Float {
    FastMath.lower(Self.cut(horizontal, stage.0) + Self.cut(vertical, stage.1), floorDB)
  }

  /// The cut at `angleDeg` (−180…360), wrapped to 0…360.
  @_transparent static func cut(_ pairs: UnsafePointer<Float>, _ angleDeg: Float) -> Float {
    let wrapped = angleDeg < 0 ? angleDeg + 360 : angleDeg
    let node = FastMath.floor(wrapped)
    let last = node.float > 359
    let index = last ? 359 : node.integer
    return SlopeTable.value(pairs, index: index, fraction: wrapped - (last ? 359 : node.float))
  }
}

/// A pattern file whose horizontal cut is 0 dB everywhere (an omnidirectional antenna): no
/// horizontal angle per cell, only which side of the antenna the cell is on (|φ| > 90°
/// exactly when forward < 0) for the mirrored vertical cut.
struct OmniPatternAttenuation: Attenuation {
  let vertical: UnsafePointer<Float>
  let floorDB: Float
  var backCone: BackCone? { nil }

  /// The vertical cut's angle, and 0.
  @_transparent func stage(right: Float, forward: Float, up: Float) -> (Float, Float) {
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    return (forward < 0 ? 180 - depression : depression, 0)
  }

  @_transparent func attenuationDB(stage: (Float, Float)) -> Float {
    FastMath.lower(PatternAttenuation.cut(vertical, stage.0), floorDB)
  }
}
