import Geo

/// An sRGB colour read from a simplestyle-spec value (`#rrggbb` or `#rgb`).
struct RGBColour: Hashable {
  let red: UInt8
  let green: UInt8
  let blue: UInt8

  init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  init?(hex text: String) {
    var digits = Array(text.hasPrefix("#") ? text.dropFirst() : Substring(text))
    if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
    guard digits.count == 6, let value = UInt32(String(digits), radix: 16) else { return nil }
    self.init(red: UInt8(value >> 16 & 0xff), green: UInt8(value >> 8 & 0xff), blue: UInt8(value & 0xff))
  }

  /// `#rrggbb`, lowercase.
  var hex: String { "#" + [red, green, blue].map(Self.byte).joined() }

  /// KML's `aabbggrr` (OGC 12-007r2 §16.9.1: alpha, blue, green, red).
  ///
  /// `#1a9850` at opacity 0.5: alpha ⌊0.5 × 255⌋ = 127 = 7f, then blue 50, green 98, red 1a
  /// → `7f50981a`.
  func kml(opacity: Double) -> String {
    [Self.alpha(opacity), blue, green, red].map(Self.byte).joined()
  }

  /// QGIS's `r,g,b,a` colour text.
  func qgis(opacity: Double) -> String {
    "\(red),\(green),\(blue),\(Self.alpha(opacity))"
  }

  /// An opacity in 0…1 as an 8-bit alpha, rounded down (0.5 → 127, 1 → 255).
  static func alpha(_ opacity: Double) -> UInt8 {
    UInt8((min(max(opacity, 0), 1) * 255).rounded(.down))
  }

  private static func byte(_ value: UInt8) -> String {
    let text = String(value, radix: 16)
    return value < 16 ? "0" + text : text
  }
}

/// How a feature is drawn, from its simplestyle-spec 1.1.0 properties with the spec's
/// defaults (fill #555555 at 0.6, stroke #555555 at 1 and 2 px, marker #7e7e7e).
enum FeatureLook: Hashable {
  case area(fill: RGBColour, fillOpacity: Double, stroke: RGBColour, strokeOpacity: Double, strokeWidth: Double)
  case point(marker: RGBColour)

  /// The simplestyle properties that decide a look.
  static let areaProperties = ["fill", "fill-opacity", "stroke", "stroke-opacity", "stroke-width"]
  static let pointProperties = ["marker-color"]

  static let defaultColour = RGBColour(red: 0x55, green: 0x55, blue: 0x55)
  static let defaultMarker = RGBColour(red: 0x7e, green: 0x7e, blue: 0x7e)

  /// The look of a feature with these style values (`nil` where the property is absent).
  init(isPoint: Bool, values: [String: JSONValue]) {
    func colour(_ key: String, _ fallback: RGBColour) -> RGBColour {
      values[key]?.stringValue.flatMap(RGBColour.init(hex:)) ?? fallback
    }
    func number(_ key: String, _ fallback: Double) -> Double { values[key]?.numberValue ?? fallback }
    if isPoint {
      self = .point(marker: colour("marker-color", Self.defaultMarker))
    } else {
      self = .area(
        fill: colour("fill", Self.defaultColour), fillOpacity: number("fill-opacity", 0.6),
        stroke: colour("stroke", Self.defaultColour), strokeOpacity: number("stroke-opacity", 1),
        strokeWidth: number("stroke-width", 2))
    }
  }
}
