import Geo

/// One feature as a KML 2.2 Placemark (OGC 12-007r2): its name, a balloon for points, its
/// figures as `ExtendedData`, a shared style and the geometry clamped to the ground.
enum KMLPlacemark {
  static func text(_ feature: OutputFeature, name: String, styleID: String, balloon: Bool) -> String {
    var text = "<Placemark><name>\(XMLText.escaped(name))</name>"
    let shown = feature.properties.filter { !isStyleProperty($0.0) && $0.1 != .null }
    let figures = shown.compactMap { key, value in AttributeTable.text(value).map { (key, $0) } }
    if balloon && !figures.isEmpty {
      let readable = shown.compactMap { key, value in readableText(value).map { (key, $0) } }
      text += "<description>\(XMLText.escaped(balloonTable(readable)))</description>"
    }
    text += "<styleUrl>#\(styleID)</styleUrl>"
    if !figures.isEmpty {
      text += "<ExtendedData>"
      for (key, value) in figures {
        text += "<Data name=\"\(XMLText.escaped(key))\"><displayName>\(XMLText.escaped(label(key)))</displayName>"
        text += "<value>\(XMLText.escaped(value))</value></Data>"
      }
      text += "</ExtendedData>"
    }
    geometry(feature.geometry, into: &text)
    return text + "</Placemark>"
  }

  /// simplestyle-spec properties: the shared style carries them, the balloon leaves them out.
  static func isStyleProperty(_ key: String) -> Bool {
    FeatureLook.areaProperties.contains(key) || ["marker-color", "marker-symbol", "marker-size"].contains(key)
  }

  /// The balloon: an HTML table of the feature's figures (Google Earth renders the
  /// description as HTML).
  static func balloonTable(_ figures: [(String, String)]) -> String {
    var html = "<table>"
    for (key, value) in figures {
      html += "<tr><th align=\"left\">\(XMLText.escaped(label(key)))</th><td>\(XMLText.escaped(value))</td></tr>"
    }
    return html + "</table>"
  }

  /// A value as the balloon shows it: whole numbers from 10,000 on grouped by thousands
  /// ("4,707,000,000" VND), everything else as in the attributes.
  static func readableText(_ value: JSONValue) -> String? {
    guard case .number(let number) = value, number == number.rounded(), abs(number) >= 10_000, abs(number) < 1e15
    else { return AttributeTable.text(value) }
    var digits = String(Int64(abs(number)))
    var groups: [Substring] = []
    while digits.count > 3 {
      groups.insert(Substring(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    groups.insert(Substring(digits), at: 0)
    return (number < 0 ? "-" : "") + groups.joined(separator: ",")
  }

  /// A property name as a reader sees it: `rent_vnd_month` → "Rent (VND/month)".
  static func label(_ key: String) -> String {
    let units = [
      ("_vnd_month", "VND/month"), ("_vnd", "VND"), ("_dbm", "dBm"), ("_mhz", "MHz"), ("_deg", "°"),
      ("_ha", "ha"), ("_m", "m"),
    ]
    var stem = key
    var unit: String?
    if let (suffix, name) = units.first(where: { key.hasSuffix($0.0) && key.count > $0.0.count }) {
      stem = String(key.dropLast(suffix.count))
      unit = name
    }
    let words = stem.split(whereSeparator: { $0 == "_" || $0 == "-" }).map { word in
      ["rsrp", "sinr", "id"].contains(word) ? word.uppercased() : String(word)
    }
    var text = words.joined(separator: " ")
    if let first = text.first { text = first.uppercased() + text.dropFirst() }
    return unit.map { "\(text) (\($0))" } ?? text
  }

  private static func geometry(_ geometry: Geometry, into text: inout String) {
    switch geometry {
    case .point(let point):
      text += "<Point><coordinates>"
      positions([point], into: &text)
      text += "</coordinates></Point>"
    case .lineString(let line):
      text += "<LineString><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode><coordinates>"
      positions(line.coordinates, into: &text)
      text += "</coordinates></LineString>"
    case .polygon(let polygon):
      self.polygon(polygon, into: &text)
    case .multiPolygon(let shape) where shape.polygons.count == 1:
      polygon(shape.polygons[0], into: &text)
    case .multiPolygon(let shape):
      text += "<MultiGeometry>"
      for part in shape.polygons { polygon(part, into: &text) }
      text += "</MultiGeometry>"
    }
  }

  /// Shells counter-clockwise and holes clockwise, as in the GeoJSON (RFC 7946 §3.1.6).
  private static func polygon(_ polygon: Polygon, into text: inout String) {
    let oriented = polygon.rightHandRuleOriented
    text += "<Polygon><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode>"
    for (index, ring) in oriented.rings.enumerated() {
      text += (index == 0 ? "<outerBoundaryIs>" : "<innerBoundaryIs>") + "<LinearRing><coordinates>"
      positions(ring.coordinates, into: &text)
      text += "</coordinates></LinearRing>" + (index == 0 ? "</outerBoundaryIs>" : "</innerBoundaryIs>")
    }
    text += "</Polygon>"
  }

  /// `lon,lat lon,lat …` rounded to 7 decimals (about 1 cm) as the GeoJSON.
  private static func positions(_ points: [Coordinate], into text: inout String) {
    for (index, point) in points.enumerated() {
      if index > 0 { text += " " }
      text += decimal(point.x)
      text += ","
      text += decimal(point.y)
    }
  }

  /// `value` rounded half away from zero to 7 places, written without exponent or trailing
  /// zeros. Digits are written straight into the string's storage: a large KML has millions.
  static func decimal(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e11 else { return JSONWriter.number(value) }
    let scaled = Int64((value * 10_000_000).rounded())
    var magnitude = scaled.magnitude
    var places = 7
    while places > 0 && magnitude % 10 == 0 {
      magnitude /= 10
      places -= 1
    }
    return String(unsafeUninitializedCapacity: 24) { buffer in
      // Least significant digit first, then reversed.
      var count = 0
      func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
      }
      for _ in 0..<places {
        put(UInt8(truncatingIfNeeded: 48 + magnitude % 10))
        magnitude /= 10
      }
      if places > 0 { put(UInt8(ascii: ".")) }
      repeat {
        put(UInt8(truncatingIfNeeded: 48 + magnitude % 10))
        magnitude /= 10
      } while magnitude > 0
      if scaled < 0 { put(UInt8(ascii: "-")) }
      var low = 0
      var high = count - 1
      while low < high {
        buffer.swapAt(low, high)
        low += 1
        high -= 1
      }
      return count
    }
  }

}
