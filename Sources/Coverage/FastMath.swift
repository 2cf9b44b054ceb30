/// Float32 elementary functions for the field engine's inner loop: branch-light, no
/// library calls, accurate far below the 0.01 dB the engine promises. The four-lane forms
/// (`FastMath+SIMD.swift`) hold the formulas; the scalar forms use lane 0, so the SIMD
/// body and the scalar end of a row compute identical values.
enum FastMath {
  static let degreesPerRadian: Float = 57.295_78

  /// atan2(y, x) in degrees, −180…180 (see the four-lane form).
  @inline(__always) static func atan2Deg(_ y: Float, _ x: Float) -> Float {
    atan2Deg(Lanes(repeating: y), Lanes(repeating: x))[0]
  }

  /// 10^(dB/10): linear power from decibels (see the four-lane form).
  @inline(__always) static func linear(fromDB value: Float) -> Float {
    linear(fromDB: Lanes(repeating: value))[0]
  }
}
