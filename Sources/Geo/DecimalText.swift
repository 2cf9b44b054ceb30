import Foundation

/// Decimal text of numbers appended to a byte buffer, for writers of large files: no
/// `String` per number, no Foundation formatting on the common paths.
///
/// Each function gives exactly the bytes of its `String` counterpart (`JSONWriter.number`,
/// `JSONWriter.fixed`), so outputs do not change with the writer. The digits come from exact
/// integer arithmetic on the double's significand and exponent (`DecimalText+Exact`) and
/// reach the buffer eight at a time (`DecimalText+Digits`); the rare values that arithmetic
/// leaves aside (exponent notation, more than 19 decimals, a decimal exactly on the edge of
/// a double's rounding interval) take the `String` path, which stays the reference.
/// `DecimalTextTests` holds them to Swift's `description` and C's `printf`.
public enum DecimalText {
  /// `value` as JSON text: integral values below 2^53 without a fraction, others in the
  /// shortest form that reads back to the same double (Swift's `description`), never in
  /// exponent form (tiny and huge values in fixed notation, up to 12 decimals); `null` when
  /// not finite.
  public static func appendShortest(_ value: Double, to bytes: inout [UInt8]) {
    guard value.isFinite else {
      bytes.append(contentsOf: "null".utf8)
      return
    }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      appendInteger(Int64(value), to: &bytes)
      return
    }
    // Swift writes 1e-4 ≤ |value| < 2^53 without an exponent; the rest take the slow path.
    if abs(value) >= 0.0001, abs(value) < 9_007_199_254_740_992,
      let (units, decimals) = ExactDecimal.shortest(abs(value))
    {
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      appendUnsignedUnits(units, decimals: decimals, to: &bytes)
      return
    }
    bytes.append(contentsOf: referenceShortest(value).utf8)
  }

  /// `value` rounded to `decimals` places (half to even on exact ties, as C's `printf`) and
  /// written without trailing zeros; never `-0`. `nan` and `inf` as C writes them.
  public static func appendFixed(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
    if value.isFinite, (0...19).contains(decimals), let units = ExactDecimal.fixed(abs(value), decimals: decimals) {
      if units == 0 {
        bytes.append(UInt8(ascii: "0"))
        return
      }
      if value < 0 { bytes.append(UInt8(ascii: "-")) }
      appendUnsignedUnits(units, decimals: decimals, to: &bytes)
      return
    }
    bytes.append(contentsOf: referenceFixed(value, decimals: decimals).utf8)
  }

  /// `units` × 10^−`decimals`, written without trailing zeros (`1234500, 7` → `0.12345`);
  /// `decimals` is 0…19.
  public static func appendUnits(_ units: Int64, decimals: Int, to bytes: inout [UInt8]) {
    withScratch { scratch in
      var count = 0
      if units < 0 {
        scratch[0] = UInt8(ascii: "-")
        count = 1
      }
      count += writeUnsignedUnits(units.magnitude, decimals: decimals, to: scratch + count)
      bytes.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
    }
  }

  /// A whole number in decimal digits.
  public static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
    appendUnits(value, decimals: 0, to: &bytes)
  }

  /// `units` × 10^−`decimals` without sign or trailing zeros: `0.` and leading zeros below 1.
  static func appendUnsignedUnits(_ units: UInt64, decimals: Int, to bytes: inout [UInt8]) {
    withScratch { scratch in
      let count = writeUnsignedUnits(units, decimals: decimals, to: scratch)
      bytes.append(contentsOf: UnsafeBufferPointer(start: scratch, count: count))
    }
  }

  /// Runs `body` with 64 bytes of stack (room for a sign and `writeRoom`).
  @inline(__always) static func withScratch(_ body: (UnsafeMutablePointer<UInt8>) -> Void) {
    var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &scratch) { raw in
      body(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// The reference for what `appendShortest` writes: Swift's shortest round-trip
  /// `description`, or, where it would use an exponent, 12 fixed decimals without trailing
  /// zeros.
  static func referenceShortest(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
    let shortest = "\(value)"
    guard shortest.contains("e") else { return shortest }
    return strippingTrailingZeros(String(format: "%.12f", value))
  }

  /// The reference for what `appendFixed` writes: C's `%.<decimals>f`, trailing zeros and
  /// the sign of zero dropped.
  static func referenceFixed(_ value: Double, decimals: Int) -> String {
    let stripped = strippingTrailingZeros(String(format: "%.\(decimals)f", value))
    return stripped == "-0" ? "0" : stripped
  }

  private static func strippingTrailingZeros(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.last == "0" { trimmed.removeLast() }
    if trimmed.last == "." { trimmed.removeLast() }
    return String(trimmed)
  }
}
