/// Float32 elementary functions for the field engine's inner loop: branch-free, no library
/// calls and no trapping conversions, so a row loop that uses them is vectorised by LLVM
/// (eight lanes per AVX2 register where Package.swift enables it); accurate far below the
/// 0.01 dB the engine promises.
///
/// They are `@_transparent` (always inlined, as swift-numerics does for its elementary
/// functions): a call left in a row loop stops its vectorisation, and the SIL inliner leaves
/// `@inline(__always)` functions of over 64 blocks (each `?:` is three) as calls in callers
/// of over 64 blocks.
enum FastMath {
  static let degreesPerRadian: Float = 57.295_78
  /// 1.5·2²³: adding it to |v| < 2²² rounds v to an integer held in the low mantissa bits.
  static let roundingMagic: Float = 12_582_912
  static let roundingMagicBits: Int32 = 0x4B40_0000

  /// The smaller of two values (one `minps`: no NaN handling, none arise here).
  @_transparent static func lower(_ a: Float, _ b: Float) -> Float { b < a ? b : a }
  /// The larger of two values (one `maxps`).
  @_transparent static func higher(_ a: Float, _ b: Float) -> Float { b > a ? b : a }

  /// ⌊value⌋ for 0 ≤ value < 2²², as a float and as an integer: round to nearest by the
  /// magic number, then one step down where that rounded up (`Int(value)` would trap on
  /// overflow, a branch the vectoriser cannot take).
  @_transparent static func floor(_ value: Float) -> (float: Float, integer: Int32) {
    let shifted = value + roundingMagic
    let nearest = shifted - roundingMagic
    let integer = Int32(bitPattern: shifted.bitPattern) &- roundingMagicBits
    let above = nearest > value
    return (above ? nearest - 1 : nearest, above ? integer &- 1 : integer)
  }

  /// atan2(y, x) in degrees, −180…180. Abramowitz & Stegun 4.4.49: atan x on [0, 1] as an
  /// odd polynomial of degree 17, |error| ≤ 2·10⁻⁸ rad (below Float32 rounding).
  @_transparent static func atan2Deg(_ y: Float, _ x: Float) -> Float {
    let ax = abs(x)
    let ay = abs(y)
    // atan2(0, 0) = 0: 0 / the least normal float.
    let ratio = lower(ax, ay) / higher(higher(ax, ay), .leastNormalMagnitude)
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
    angle = ay > ax ? 1.570_796_3 - angle : angle
    angle = x < 0 ? 3.141_592_7 - angle : angle
    angle = y < 0 ? -angle : angle
    return angle * degreesPerRadian
  }

  /// 10^(dB/10): linear power from decibels. 2^y = 2^⌊y⌋ · 2^f with 2^f, f ∈ [0, 1), by its
  /// Taylor series to degree 7 (relative error < 2·10⁻⁶, i.e. < 10⁻⁵ dB).
  @_transparent static func linear(fromDB value: Float) -> Float {
    let y = higher(value * 0.332_192_8, -126)
    // ⌊y⌋ as a float and as an integer: round to nearest by the magic number, then step down.
    let shifted = y + roundingMagic
    let nearest = shifted - roundingMagic
    let nearestInteger = Int32(bitPattern: shifted.bitPattern) &- roundingMagicBits
    let above = nearest > y
    let floor = above ? nearest - 1 : nearest
    let whole = above ? nearestInteger &- 1 : nearestInteger
    let f = y - floor
    var p: Float = 1.525_273_4e-5
    p = p * f + 1.540_353_0e-4
    p = p * f + 1.333_355_8e-3
    p = p * f + 9.618_129_1e-3
    p = p * f + 5.550_410_9e-2
    p = p * f + 2.402_265_1e-1
    p = p * f + 6.931_471_8e-1
    p = p * f + 1
    return Float(bitPattern: UInt32(bitPattern: (whole &+ 127) &<< 23)) * p
  }
}
