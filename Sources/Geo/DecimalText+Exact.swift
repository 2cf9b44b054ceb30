/// Exact decimal digits of a positive finite double from integer arithmetic.
///
/// A double is m × 2^e with an integer significand m < 2^53, so with d decimals it is
/// m × 10^d / 2^−e units of 10^−d, a quotient of integers below 2^128 whenever d ≤ 19: the
/// digits, the remainder and the rounding follow without any floating-point step (the
/// method of Steele and White, "How to Print Floating-Point Numbers Accurately", PLDI 1990,
/// with the significand's rounding interval in place of their bignums).
enum ExactDecimal {
  /// The shortest decimal that reads back as `value` (and of those the closest to it, the
  /// even one of two as close), as units of 10^−decimals, with decimals 1…19: the text Swift's
  /// `description` writes ("Always Short", "Always Close", swift/stdlib FloatingPointToString).
  /// Nil when the value is integral, needs more decimals, or a candidate sits exactly on the
  /// interval's boundary (the caller then asks Swift's own printer).
  ///
  /// Every real in the rounding interval of m × 2^e reads back as it: from halfway to the
  /// next lower double, (m − ½) × 2^e (or (m − ¼) × 2^e when m = 2^52 and the spacing below
  /// halves), to halfway to the next, (m + ½) × 2^e. Scaled by 4 × 2^−e the three points are
  /// integers; the first d whose interval holds a multiple of 10^−d gives the shortest text.
  static func shortest(_ value: Double) -> (units: UInt64, decimals: Int)? {
    let (significand, exponent) = parts(of: value)
    guard exponent < 0, value.isNormal else { return nil }
    let shift = 2 - exponent
    guard shift < 128 else { return nil }
    let lowerGap: UInt64 = value.significandBitPattern == 0 && value.exponentBitPattern > 1 ? 1 : 2
    let lower4 = 4 * significand - lowerGap
    let upper4 = 4 * significand + 2
    let centre4 = 4 * significand
    var scale: UInt64 = 1
    for decimals in 1...19 {
      scale *= 10
      let lower = WideProduct(lower4, scale)
      let upper = WideProduct(upper4, scale)
      // On a boundary, ties-to-even decides whether the decimal reads back as this value;
      // rather than depend on how the printer rules, such rare values are left to it.
      if lower.isMultiple(ofPowerOfTwo: shift) || upper.isMultiple(ofPowerOfTwo: shift) { return nil }
      guard let below = lower.quotient(dividingByPowerOfTwo: shift),
        let top = upper.quotient(dividingByPowerOfTwo: shift)
      else { return nil }
      let first = below + 1
      guard first <= top else { continue }
      let centre = WideProduct(centre4, scale)
      guard let nearest = centre.rounded(dividingByPowerOfTwo: shift, tie: .toEven) else { return nil }
      return (min(max(nearest, first), top), decimals)
    }
    return nil
  }

  /// `value` rounded to `decimals` places (0…19), half to even on exact ties, as units of
  /// 10^−decimals; nil when the result does not fit 64 bits.
  static func fixed(_ value: Double, decimals: Int) -> UInt64? {
    var scale: UInt64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let (significand, exponent) = parts(of: value)
    if exponent >= 0 {
      guard value < 18_446_744_073_709_551_616 else { return nil }
      let (units, overflow) = UInt64(value).multipliedReportingOverflow(by: scale)
      return overflow ? nil : units
    }
    return WideProduct(significand, scale).rounded(dividingByPowerOfTwo: -exponent, tie: .toEven)
  }

  /// m and e with value = m × 2^e (subnormals included).
  private static func parts(of value: Double) -> (significand: UInt64, exponent: Int) {
    let biased = Int(value.exponentBitPattern)
    let fraction = value.significandBitPattern
    if biased == 0 { return (fraction, -1074) }
    return (fraction | 1 << 52, biased - 1075)
  }
}

/// The 128-bit product of two 64-bit integers, and its quotient by a power of two.
struct WideProduct {
  let high: UInt64
  let low: UInt64

  init(_ a: UInt64, _ b: UInt64) {
    (high, low) = a.multipliedFullWidth(by: b)
  }

  /// Whether the product is a multiple of 2^`power`.
  func isMultiple(ofPowerOfTwo power: Int) -> Bool {
    if power >= 128 { return high == 0 && low == 0 }
    if power >= 64 { return low == 0 && high & (1 << (power - 64) - 1) == 0 }
    return low & (1 << power - 1) == 0
  }

  /// ⌊product / 2^`power`⌋, nil when it does not fit 64 bits.
  func quotient(dividingByPowerOfTwo power: Int) -> UInt64? {
    if power >= 128 { return 0 }
    if power >= 64 { return high >> (power - 64) }
    if power == 0 { return high == 0 ? low : nil }
    guard high >> power == 0 else { return nil }
    return low >> power | high << (64 - power)
  }

  enum Tie { case toEven }

  /// product / 2^`power` rounded to the nearest integer; an exact half goes to the even
  /// neighbour with `tie: .toEven`, and gives nil with `tie: nil`. Nil too when the result
  /// does not fit 64 bits.
  func rounded(dividingByPowerOfTwo power: Int, tie: Tie?) -> UInt64? {
    guard let below = quotient(dividingByPowerOfTwo: power) else { return nil }
    guard power > 0 else { return below }
    switch remainderComparedWithHalf(power) {
    case .below: return below
    case .above: return below == .max ? nil : below + 1
    case .half:
      guard tie != nil else { return nil }
      return below % 2 == 0 ? below : (below == .max ? nil : below + 1)
    }
  }

  private enum Half { case below, half, above }

  /// The remainder of the division by 2^`power` (`power` ≥ 1) against 2^(`power` − 1).
  private func remainderComparedWithHalf(_ power: Int) -> Half {
    if power > 128 { return .below }
    // The remainder's top bit (bit power − 1) against the bits beneath it.
    let top = power - 1
    let topSet = top >= 64 ? (high >> (top - 64)) & 1 == 1 : (low >> top) & 1 == 1
    let restZero: Bool
    if top >= 64 {
      restZero = low == 0 && high & (1 << (top - 64) - 1) == 0
    } else {
      restZero = low & (1 << top - 1) == 0
    }
    if !topSet { return .below }
    return restZero ? .half : .above
  }
}
