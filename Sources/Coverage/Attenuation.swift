import Foundation
import Radio

/// Antenna attenuation in the inner loop, from the direction to the cell in the antenna's
/// (tilted) frame: `right`, `forward`, `up` are the components of the vector to the cell,
/// unnormalised. The formulas are those of Radio's `SectorAntenna`, `MSIPattern` and
/// `ColumnArray`, written branch-free so that the flat path's row loops vectorise, in two
/// stages — the arithmetic (angles), then the pattern tables' reads — which the flat path
/// runs in loops of their own: where the vectoriser judges the reads lane by lane not worth
/// it (SSE2), it still takes the arithmetic.
protocol Attenuation {
  /// The arithmetic stage: two numbers for `attenuationDB(stage:)` (angles, or for a pattern
  /// without tables the attenuation itself).
  func stage(right: Float, forward: Float, up: Float) -> (Float, Float)
  /// The attenuation from `stage`'s numbers, dB: the stage that reads tables, if any.
  func attenuationDB(stage: (Float, Float)) -> Float
  /// A cone behind the antenna where the attenuation is one constant whatever the vertical
  /// angle (the flat path then skips the angles of the cells in it), if any.
  var backCone: BackCone? { get }
}

extension Attenuation {
  /// The attenuation toward the cell, dB: both stages.
  @_transparent func attenuationDB(right: Float, forward: Float, up: Float) -> Float {
    attenuationDB(stage: stage(right: right, forward: forward, up: up))
  }
}

/// Directions with |right| < −forward · tan ψ: behind the antenna, within ψ of straight back.
struct BackCone {
  let tangent: Double
  let attenuationDB: Float
}

/// TR 36.814 Table A.2.1.1-2 / TR 38.901 Table 7.3-1 (Radio's `SectorAntenna`).
struct ParametricAttenuation: Attenuation {
  let horizontalScale: Float  // √12 / φ_3dB
  let verticalScale: Float  // √12 / θ_3dB
  let maxDB: Float
  let sideLobeDB: Float
  let tiltDeg: Float
  /// Where 12(φ/φ_3dB)² ≥ A_m, the pattern is A_m whatever θ: min(A_m + A_V, A_m) = A_m with
  /// A_V ≥ 0. The cone starts 0.01° beyond that cap (the fast atan2 errs by 2·10⁻⁸ rad,
  /// Float32 geometry by 10⁻⁷), so every cell in it would get exactly A_m anyway.
  let backCone: BackCone?

  static let backConeMarginDeg = 0.01

  init(horizontal3dBDeg: Float, vertical3dBDeg: Float, maxDB: Float, sideLobeDB: Float, tiltDeg: Float) {
    horizontalScale = Float(12).squareRoot() / horizontal3dBDeg
    verticalScale = Float(12).squareRoot() / vertical3dBDeg
    self.maxDB = maxDB
    self.sideLobeDB = sideLobeDB
    self.tiltDeg = tiltDeg
    let capDeg = Double(horizontal3dBDeg) * (Double(maxDB) / 12).squareRoot() + Self.backConeMarginDeg
    // Only the back half-plane, so that the cone stays convex (one interval per row).
    let halfAngleDeg = min(180 - capDeg, 89)
    backCone =
      halfAngleDeg > 0 ? BackCone(tangent: tan(halfAngleDeg * .pi / 180), attenuationDB: maxDB) : nil
  }

  /// The attenuation itself (no tables), and 0.
  @_transparent func stage(right: Float, forward: Float, up: Float) -> (Float, Float) {
    let azimuth = FastMath.atan2Deg(right, forward) * horizontalScale
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    let vertical = (depression - tiltDeg) * verticalScale
    let horizontalDB = FastMath.lower(azimuth * azimuth, maxDB)
    let verticalDB = FastMath.lower(vertical * vertical, sideLobeDB)
    return (FastMath.lower(horizontalDB + verticalDB, maxDB), 0)
  }

  @_transparent func attenuationDB(stage: (Float, Float)) -> Float { stage.0 }
}
