/// Four-lane versions of `FastMath` (SSE2 on x86-64, NEON on ARM): the same formulas.
typealias Lanes = SIMD4<Float>

/// Lane-wise minimum and maximum without the standard library's generic (uninlined) path.
@inline(__always) func lanesMin(_ a: Lanes, _ b: Lanes) -> Lanes { a.replacing(with: b, where: b .< a) }
@inline(__always) func lanesMax(_ a: Lanes, _ b: Lanes) -> Lanes { a.replacing(with: b, where: b .> a) }

extension FastMath {
  /// 1.5·2²³: adding it to |v| < 2²² rounds v to an integer held in the low mantissa bits.
  static let roundingMagic: Float = 12_582_912
  static let roundingMagicBits: Int32 = 0x4B40_0000

  /// Small non-negative integers (< 2²³) as floats, by the mantissa trick.
  @inline(__always) static func float(_ value: SIMD4<UInt32>) -> Lanes {
    unsafeBitCast(value | 0x4B00_0000, to: Lanes.self) - 8_388_608
  }

  @inline(__always) static func magnitude(_ value: Lanes) -> Lanes {
    unsafeBitCast(unsafeBitCast(value, to: SIMD4<UInt32>.self) & 0x7FFF_FFFF, to: Lanes.self)
  }

  /// atan2(y, x) in degrees per lane, −180…180. Abramowitz & Stegun 4.4.49: atan x on
  /// [0, 1] as an odd polynomial of degree 17, |error| ≤ 2·10⁻⁸ rad (below Float32 rounding).
  @inline(__always) static func atan2Deg(_ y: Lanes, _ x: Lanes) -> Lanes {
    let ax = magnitude(x)
    let ay = magnitude(y)
    let larger = lanesMax(ax, ay)
    var ratio = lanesMin(ax, ay) / larger
    ratio.replace(with: 0, where: larger .== 0)
    let s = ratio * ratio
    var p = Lanes(repeating: 0.002_866_225_7)
    p = p * s - 0.016_165_736_7
    p = p * s + 0.042_909_613_8
    p = p * s - 0.075_289_640_0
    p = p * s + 0.106_562_639_3
    p = p * s - 0.142_088_994_4
    p = p * s + 0.199_935_508_5
    p = p * s - 0.333_331_452_8
    var angle = ratio + ratio * s * p
    angle.replace(with: 1.570_796_3 - angle, where: ay .> ax)
    angle.replace(with: 3.141_592_7 - angle, where: x .< 0)
    angle.replace(with: -angle, where: y .< 0)
    return angle * degreesPerRadian
  }

  /// 10^(dB/10) per lane. 2^y = 2^⌊y⌋ · 2^f with 2^f, f ∈ [0, 1), by its Taylor series
  /// to degree 7 (relative error < 2·10⁻⁶, i.e. < 10⁻⁵ dB).
  @inline(__always) static func linear(fromDB value: Lanes) -> Lanes {
    let y = lanesMax(value * 0.332_192_8, Lanes(repeating: -126))
    // ⌊y⌋ as a float and as an integer: round to nearest by the magic number, then step down.
    let shifted = y + roundingMagic
    var floor = shifted - roundingMagic
    var whole = unsafeBitCast(shifted, to: SIMD4<Int32>.self) &- roundingMagicBits
    let above = floor .> y
    floor.replace(with: floor - 1, where: above)
    whole.replace(with: whole &- 1, where: above)
    let f = y - floor
    var p = Lanes(repeating: 1.525_273_4e-5)
    p = p * f + 1.540_353_0e-4
    p = p * f + 1.333_355_8e-3
    p = p * f + 9.618_129_1e-3
    p = p * f + 5.550_410_9e-2
    p = p * f + 2.402_265_1e-1
    p = p * f + 6.931_471_8e-1
    p = p * f + 1
    let scale = unsafeBitCast((whole &+ 127) &<< 23, to: Lanes.self)
    return scale * p
  }
}
