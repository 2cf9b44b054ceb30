/// Float32 elementary functions for the field engine's inner loop: branch-light, no
/// library calls, accurate far below the 0.01 dB the engine promises.
enum FastMath {
  static let degreesPerRadian: Float = 57.295_78

  /// atan2(y, x) in degrees, −180…180. Abramowitz & Stegun 4.4.49: atan x on [0, 1] as an
  /// odd polynomial of degree 17, |error| ≤ 2·10⁻⁸ rad (below Float32 rounding).
  @inline(__always) static func atan2Deg(_ y: Float, _ x: Float) -> Float {
    let ax = abs(x)
    let ay = abs(y)
    let larger = max(ax, ay)
    let ratio = larger > 0 ? min(ax, ay) / larger : 0
    let s = ratio * ratio
    var p: Float = 0.002_866_225_7
    p = p * s - 0.016_165_736_7
    p = p * s + 0.042_909_613_8
    p = p * s - 0.075_289_640_0
    p = p * s + 0.106_562_639_3
    p = p * s - 0.142_088_994_4
    p = p * s + 0.199_935_508_5
    p = p * s - 0.333_331_452_8
    var angle = ratio + ratio * s * p
    if ay > ax { angle = 1.570_796_3 - angle }
    if x < 0 { angle = 3.141_592_7 - angle }
    if y < 0 { angle = -angle }
    return angle * degreesPerRadian
  }

  /// 10^(dB/10): linear power from decibels. 2^y = 2^⌊y⌋ · 2^f with 2^f, f ∈ [0, 1), by its
  /// Taylor series to degree 7 (relative error < 2·10⁻⁶, i.e. < 10⁻⁵ dB).
  @inline(__always) static func linear(fromDB value: Float) -> Float {
    let y = max(value * 0.332_192_8, -126)  // log2(10)/10
    let truncated = Int32(y)
    let whole = Float(truncated) > y ? truncated - 1 : truncated
    let f = y - Float(whole)
    var p: Float = 1.525_273_4e-5
    p = p * f + 1.540_353_0e-4
    p = p * f + 1.333_355_8e-3
    p = p * f + 9.618_129_1e-3
    p = p * f + 5.550_410_9e-2
    p = p * f + 2.402_265_1e-1
    p = p * f + 6.931_471_8e-1
    p = p * f + 1
    return Float(bitPattern: UInt32(whole + 127) << 23) * p
  }
}
