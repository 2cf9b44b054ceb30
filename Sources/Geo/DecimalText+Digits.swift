/// Digits written straight to memory: the inner loop of every number `DecimalText` writes.
extension DecimalText {
  /// The room `write(units:decimals:to:)` needs at `out`: it writes at most 22 bytes (a sign,
  /// 20 digits, a point), eight at a time, so it may touch up to 33.
  public static let writeRoom = 33

  /// Writes `units` × 10^−`decimals` (as `appendUnits`) at `out`, which has `writeRoom` bytes
  /// of room; returns the number of bytes written. `decimals` is 0…19.
  ///
  /// For writers that fill a buffer of their own with many numbers (coordinates), so that
  /// the bytes reach the output array in large pieces.
  @inline(__always)
  public static func write(units: Int64, decimals: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
    if units < 0 {
      out[0] = UInt8(ascii: "-")
      return 1 &+ writeUnsignedUnits(units.magnitude, decimals: decimals, to: out + 1)
    }
    return writeUnsignedUnits(units.magnitude, decimals: decimals, to: out)
  }

  /// `units` × 10^−`decimals` without sign or trailing zeros, at `out` (`writeRoom` − 1 bytes of room);
  /// returns the count.
  static func writeUnsignedUnits(_ units: UInt64, decimals: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
    precondition((0...19).contains(decimals), "DecimalText writes 0 to 19 decimals")
    guard decimals <= 7, units < 10_000_000_000_000_000 else {
      return writeUnsignedUnitsByDivision(units, decimals: decimals, to: out)
    }
    // The last eight digits at once: `decimals` of them after the point, the rest (and the
    // digits of `high`, eight at once too) before it. Byte i of a digit word is the i-th digit
    // from the left: leading zeros are its low zero bytes, trailing zeros its high ones. Each
    // run of digits is stored as one word, whose bytes past the run the next store overwrites.
    let high = units / 100_000_000
    let low = eightDigits(units % 100_000_000)
    let ascii = low | 0x3030_3030_3030_3030
    let wholeInLow = 8 &- decimals
    var count = 0
    var first = 0
    if high > 0 {
      let highDigits = eightDigits(high)
      let leadingZeros = highDigits.trailingZeroBitCount &>> 3
      store((highDigits | 0x3030_3030_3030_3030) &>> (8 &* leadingZeros), at: out)
      count = 8 &- leadingZeros
    } else {
      first = Swift.min(low == 0 ? 8 : low.trailingZeroBitCount &>> 3, wholeInLow &- 1)
    }
    store(ascii &>> (8 &* first), at: out + count)
    count &+= wholeInLow &- first
    let trailingZeros = low == 0 ? 8 : low.leadingZeroBitCount &>> 3
    let places = decimals &- Swift.min(trailingZeros, decimals)
    if places > 0 {
      out[count] = UInt8(ascii: ".")
      store(ascii &>> (8 &* wholeInLow), at: out + count + 1)
      count &+= 1 &+ places
    }
    return count
  }

  @inline(__always) private static func store(_ word: UInt64, at pointer: UnsafeMutablePointer<UInt8>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: word.littleEndian, as: UInt64.self)
  }

  /// The eight decimal digits of `value` (below 10^8), one per byte, the most significant in
  /// the lowest byte (so that storing the word little-endian writes them in reading order).
  ///
  /// Split in halves of four digits, quarters of two, then single digits, all lanes at once by
  /// multiplications with reciprocals exact in range: 10486 / 2^20 for ⌊x / 100⌋ with x < 10^4,
  /// 103 / 2^10 for ⌊x / 10⌋ with x < 100 (Khuong, "How to print integers really fast", 2017).
  static func eightDigits(_ value: UInt64) -> UInt64 {
    let merged = value / 10_000 | (value % 10_000) << 32
    let hundreds = ((merged &* 10486) >> 20) & 0x0000_007F_0000_007F
    let pairs = (merged &- 100 &* hundreds) << 16 &+ hundreds
    let tens = ((pairs &* 103) >> 10) & 0x000F_000F_000F_000F
    return tens &+ (pairs &- 10 &* tens) << 8
  }

  /// The plain method: digits from the last, one division each; for long numbers and many
  /// decimals.
  static func writeUnsignedUnitsByDivision(
    _ units: UInt64, decimals: Int, to out: UnsafeMutablePointer<UInt8>
  ) -> Int {
    var magnitude = units
    var places = decimals
    while places > 0 && magnitude % 10 == 0 {
      magnitude /= 10
      places -= 1
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    return withUnsafeMutableBytes(of: &digits) { raw in
      var start = raw.count
      repeat {
        start -= 1
        raw[start] = UInt8(truncatingIfNeeded: 48 &+ magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      while raw.count - start <= places {
        start -= 1
        raw[start] = UInt8(ascii: "0")
      }
      let whole = raw.count - start - places
      var count = 0
      for index in start..<(start + whole) {
        out[count] = raw[index]
        count += 1
      }
      if places > 0 {
        out[count] = UInt8(ascii: ".")
        count += 1
        for index in (start + whole)..<raw.count {
          out[count] = raw[index]
          count += 1
        }
      }
      return count
    }
  }
}
