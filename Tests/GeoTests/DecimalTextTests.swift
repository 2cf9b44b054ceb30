import Foundation
import Testing

@testable import Geo

/// `DecimalText` against independent references: Swift's own shortest printer
/// (`description`) and C's `printf` through `String(format:)`, over edge cases and hundreds
/// of thousands of seeded random doubles of every kind.
@Suite struct DecimalTextTests {
  /// What `JSONWriter.number` wrote before `DecimalText` (the bytes every output must keep).
  static func referenceNumber(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
    let shortest = "\(value)"
    guard shortest.contains("e") else { return shortest }
    return stripped(String(format: "%.12f", value))
  }

  /// What `JSONWriter.fixed` wrote before `DecimalText`.
  static func referenceFixed(_ value: Double, _ decimals: Int) -> String {
    let text = stripped(String(format: "%.\(decimals)f", value))
    return text == "-0" ? "0" : text
  }

  static func stripped(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var trimmed = Substring(text)
    while trimmed.last == "0" { trimmed.removeLast() }
    if trimmed.last == "." { trimmed.removeLast() }
    return String(trimmed)
  }

  static func shortest(_ value: Double) -> String {
    var bytes: [UInt8] = []
    DecimalText.appendShortest(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  static func fixed(_ value: Double, _ decimals: Int) -> String {
    var bytes: [UInt8] = []
    DecimalText.appendFixed(value, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  static let edgeCases: [Double] = [
    0, -0.0, 1, -1, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 0.5, 0.25, 0.125, 0.375, 2.5, -2.5, 1.005, 1.015,
    0.0001, (0.0001).nextDown, (0.0001).nextUp, -0.0001, 0.001, 1e-5, 1e-7, 1e-12, 5e-13, 4.9999999999999e-13,
    9_007_199_254_740_992, 9_007_199_254_740_991, 9_007_199_254_740_992.0.nextUp, 4_503_599_627_370_495.5,
    4_503_599_627_370_496.5, 18_014_398_509_481_984, 1e15 + 0.5, 1e16, 1e17, 1e21, 1e22, 1e23, 1e300, -1e300,
    .ulpOfOne, 1 + .ulpOfOne, 1 - .ulpOfOne / 2, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
    .leastNormalMagnitude, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .infinity, -.infinity, .nan, -.nan,
    .signalingNaN, 106.7292419, 20.7889981, -85, 1401.63, 0.6, 0.9999, 123.456, 2.2250738585072014e-308,
  ]

  /// Doubles of every kind: random bit patterns (NaNs, infinities and subnormals included),
  /// log-uniform magnitudes, decimals of a few places (as the outputs hold) and dyadic
  /// fractions (exact ties for rounding).
  static func randomValues(count: Int, seed: UInt64) -> [Double] {
    var random = SeededRandom(seed: seed)
    return (0..<count).map { index in
      let sign: Double = random.next() & 1 == 0 ? 1 : -1
      switch index % 4 {
      case 0: return Double(bitPattern: random.next())
      case 1: return sign * Double.random(in: -6...17, using: &random).exponentialTen
      case 2:
        let places = Int(random.next() % 10)
        let units = Double(random.next() % 100_000_000_000)
        return sign * units / (1.0).timesTen(places)
      default:
        let power = Int(random.next() % 12)
        return sign * Double(random.next() % 1_000_000) / Double(1 << power)
      }
    }
  }

  @Test func shortestMatchesSwiftsPrinterOnEdgeCases() {
    for value in Self.edgeCases {
      #expect(Self.shortest(value) == Self.referenceNumber(value), "\(value.bitPattern)")
    }
  }

  @Test func shortestMatchesSwiftsPrinterOnRandomDoubles() {
    var mismatches: [Double] = []
    for value in Self.randomValues(count: 400_000, seed: 17) where Self.shortest(value) != Self.referenceNumber(value) {
      mismatches.append(value)
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map(\.bitPattern))")
  }

  @Test func shortestReadsBackAsTheSameDouble() {
    for value in Self.randomValues(count: 100_000, seed: 18) where value.isFinite && abs(value) >= 1e-4 {
      #expect(Double(Self.shortest(value)) == value)
    }
  }

  /// The exact path, not the `String` fallback, writes nearly every value from 0.001 to 10^15
  /// (below, 17 significant digits can need more than 19 decimals).
  @Test func exactPathCoversNearlyEveryValue() {
    var random = SeededRandom(seed: 19)
    var covered = 0
    let count = 100_000
    for _ in 0..<count {
      let value = Double.random(in: -3...15, using: &random).exponentialTen
      if value == value.rounded() || ExactDecimal.shortest(value) != nil { covered += 1 }
    }
    #expect(covered >= count * 999 / 1000)
    #expect(ExactDecimal.shortest(0.3).map { $0 == (3, 1) } == true)
    #expect(ExactDecimal.shortest(106.7292419).map { $0 == (1_067_292_419, 7) } == true)
  }

  @Test func fixedMatchesPrintfOnEdgeCases() {
    for value in Self.edgeCases {
      for decimals in 0...19 {
        #expect(Self.fixed(value, decimals) == Self.referenceFixed(value, decimals), "\(value.bitPattern) \(decimals)")
      }
    }
    // Exact ties go to the even digit, as printf rounds; "-0" never appears.
    #expect(Self.fixed(0.125, 2) == "0.12")
    #expect(Self.fixed(0.375, 2) == "0.38")
    #expect(Self.fixed(2.5, 0) == "2")
    #expect(Self.fixed(-0.00001, 4) == "0")
    #expect(Self.fixed(-0.0, 2) == "0")
    #expect(Self.fixed(.nan, 2) == "nan")
  }

  @Test func fixedMatchesPrintfOnRandomDoubles() {
    var mismatches: [(Double, Int)] = []
    for (index, value) in Self.randomValues(count: 300_000, seed: 23).enumerated() {
      let decimals = [0, 1, 2, 4, 7, 12, 19][index % 7]
      if Self.fixed(value, decimals) != Self.referenceFixed(value, decimals) { mismatches.append((value, decimals)) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { ($0.0.bitPattern, $0.1) })")
  }

  @Test func unitsAreWrittenWithoutTrailingZeros() {
    func units(_ value: Int64, _ decimals: Int) -> String {
      var bytes: [UInt8] = []
      DecimalText.appendUnits(value, decimals: decimals, to: &bytes)
      return String(decoding: bytes, as: UTF8.self)
    }
    #expect(units(1_234_500, 7) == "0.12345")
    #expect(units(-5, 7) == "-0.0000005")
    #expect(units(10_000_000, 7) == "1")
    #expect(units(0, 7) == "0")
    #expect(units(.min, 0) == "-9223372036854775808")
    #expect(units(.max, 19) == "0.9223372036854775807")
    // Against the integer's own digits with the point put in by hand, over every decimal count
    // and magnitude (the eight-digits-at-once path and the one-by-one path).
    func reference(_ value: Int64, _ decimals: Int) -> String {
      var digits = String(value.magnitude)
      if digits.count <= decimals { digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits }
      var text = decimals == 0 ? digits : digits.dropLast(decimals) + "." + digits.suffix(decimals)
      if decimals > 0 {
        while text.last == "0" { text.removeLast() }
        if text.last == "." { text.removeLast() }
      }
      return (value < 0 ? "-" : "") + text
    }
    var random = SeededRandom(seed: 37)
    for index in 0..<300_000 {
      let value = Int64(bitPattern: random.next()) >> (random.next() % 64)
      let decimals = index % 3 == 0 ? 7 : Int(random.next() % 20)
      #expect(units(value, decimals) == reference(value, decimals), "\(value) \(decimals)")
    }
  }

  /// GeoJSON positions take a short path; it must write what the number writer writes for
  /// the rounded coordinate.
  @Test func coordinatesMatchTheNumberWriterOfTheRoundedValue() {
    var random = SeededRandom(seed: 29)
    var values = Self.edgeCases + [1e8, (1e8).nextDown, -1e8, 99_999_999.99999995, 1e15, (1e15).nextDown]
    values += (0..<200_000).map { index in
      index % 2 == 0
        ? Double.random(in: -180...180, using: &random) : Double.random(in: -9...16, using: &random).exponentialTen
    }
    for value in values {
      var bytes: [UInt8] = []
      GeoJSON.appendCoordinate(value, decimals: GeoJSON.coordinateDecimals, to: &bytes)
      let rounded = abs(value) < 1e15 ? (value * 10_000_000).rounded() / 10_000_000 : value
      let expected = Self.referenceNumber(rounded == 0 ? 0 : rounded)
      #expect(String(decoding: bytes, as: UTF8.self) == expected, "\(value.bitPattern)")
    }
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014), so every run draws the same values.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension Double {
  /// 10^self.
  fileprivate var exponentialTen: Double { Foundation.pow(10, self) }

  /// self × 10^places, exactly for places ≤ 22.
  fileprivate func timesTen(_ places: Int) -> Double { (0..<places).reduce(self) { total, _ in total * 10 } }
}
