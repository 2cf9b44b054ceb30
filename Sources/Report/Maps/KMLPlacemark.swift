import Geo

/// One feature as a KML 2.2 Placemark (OGC 12-007r2): its name, a balloon for points, its
/// figures as `ExtendedData`, a shared style and the geometry clamped to the ground.
enum KMLPlacemark {
  /// Appends the placemark's element to `bytes`; `labels` keeps each property's label
  /// (`label(_:)`) and its escaped form, worked out once per document.
  static func append(
    _ feature: OutputFeature, name: String, styleID: String, balloon: Bool, labels: inout [String: Label],
    to bytes: inout [UInt8]
  ) {
    func labelled(_ key: String) -> Label {
      if let known = labels[key] { return known }
      let text = label(key)
      let made = Label(text: text, escaped: XMLText.escaped(text), escapedKey: XMLText.escaped(key))
      labels[key] = made
      return made
    }
    var text = "<Placemark><name>\(XMLText.escaped(name))</name>"
    let shown = feature.properties.filter { !isStyleProperty($0.0) && $0.1 != .null }
    let figures = shown.compactMap { key, value in AttributeTable.text(value).map { (key, $0) } }
    if balloon && !figures.isEmpty {
      let readable = shown.compactMap { key, value in readableText(value).map { (labelled(key).text, $0) } }
      text += "<description>\(XMLText.escaped(balloonTable(readable)))</description>"
    }
    text += "<styleUrl>#\(styleID)</styleUrl>"
    if !figures.isEmpty {
      text += "<ExtendedData>"
      for (key, value) in figures {
        let label = labelled(key)
        text += "<Data name=\"\(label.escapedKey)\"><displayName>\(label.escaped)</displayName>"
        text += "<value>\(XMLText.escaped(value))</value></Data>"
      }
      text += "</ExtendedData>"
    }
    bytes.append(contentsOf: text.utf8)
    geometry(feature.geometry, into: &bytes)
    bytes.append(contentsOf: "</Placemark>".utf8)
  }

  /// A property's label as a reader sees it, escaped for XML, and its escaped key.
  struct Label {
    let text: String
    let escaped: String
    let escapedKey: String
  }

  /// simplestyle-spec properties: the shared style carries them, the balloon leaves them out.
  static func isStyleProperty(_ key: String) -> Bool {
    FeatureLook.areaProperties.contains(key) || ["marker-color", "marker-symbol", "marker-size"].contains(key)
  }

  /// The balloon: an HTML table of the feature's figures, each under its label (Google
  /// Earth renders the description as HTML).
  static func balloonTable(_ figures: [(label: String, value: String)]) -> String {
    var html = "<table>"
    for (label, value) in figures {
      html += "<tr><th align=\"left\">\(XMLText.escaped(label))</th><td>\(XMLText.escaped(value))</td></tr>"
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

  private static func geometry(_ geometry: Geometry, into bytes: inout [UInt8]) {
    switch geometry {
    case .point(let point):
      bytes.append(contentsOf: "<Point><coordinates>".utf8)
      positions([point], reversed: false, into: &bytes)
      bytes.append(contentsOf: "</coordinates></Point>".utf8)
    case .lineString(let line):
      bytes.append(
        contentsOf: "<LineString><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode><coordinates>".utf8
      )
      positions(line.coordinates, reversed: false, into: &bytes)
      bytes.append(contentsOf: "</coordinates></LineString>".utf8)
    case .polygon(let polygon):
      self.polygon(polygon, into: &bytes)
    case .multiPolygon(let shape) where shape.polygons.count == 1:
      polygon(shape.polygons[0], into: &bytes)
    case .multiPolygon(let shape):
      bytes.append(contentsOf: "<MultiGeometry>".utf8)
      for part in shape.polygons { polygon(part, into: &bytes) }
      bytes.append(contentsOf: "</MultiGeometry>".utf8)
    }
  }

  /// Shells counter-clockwise and holes clockwise, as in the GeoJSON (RFC 7946 §3.1.6): a
  /// ring `rightHandRuleOriented` would reverse is read backwards.
  private static func polygon(_ polygon: Polygon, into bytes: inout [UInt8]) {
    bytes.append(contentsOf: "<Polygon><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode>".utf8)
    for (index, ring) in polygon.rings.enumerated() {
      let outer = index == 0
      bytes.append(contentsOf: ((outer ? "<outerBoundaryIs>" : "<innerBoundaryIs>") + "<LinearRing><coordinates>").utf8)
      positions(ring.coordinates, reversed: ring.isCounterClockwise != outer, into: &bytes)
      bytes.append(
        contentsOf: ("</coordinates></LinearRing>" + (outer ? "</outerBoundaryIs>" : "</innerBoundaryIs>")).utf8)
    }
    bytes.append(contentsOf: "</Polygon>".utf8)
  }

  /// `lon,lat lon,lat …` rounded to 7 decimals (about 1 cm) as the GeoJSON, gathered in a
  /// stack buffer and appended a few kilobytes at a time (a large KML has millions).
  private static func positions(_ points: [Coordinate], reversed: Bool, into bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { scratch in
      guard let base = scratch.baseAddress else { return }
      var used = 0
      func flush() {
        bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: used))
        used = 0
      }
      // As `appendDecimal`.
      func number(_ value: Double) {
        if abs(value) < 1e11 {
          used += DecimalText.write(units: Int64((value * 10_000_000).rounded()), decimals: 7, to: base + used)
        } else {
          flush()
          DecimalText.appendShortest(value, to: &bytes)
        }
      }
      for offset in points.indices {
        if used > scratch.count - 2 * DecimalText.writeRoom - 8 { flush() }
        if offset > 0 {
          base[used] = UInt8(ascii: " ")
          used += 1
        }
        let point = points[reversed ? points.count - 1 - offset : offset]
        number(point.x)
        base[used] = UInt8(ascii: ",")
        used += 1
        number(point.y)
      }
      flush()
    }
  }

  /// `value` rounded half away from zero to 7 places, written without exponent or trailing
  /// zeros.
  static func decimal(_ value: Double) -> String {
    var bytes: [UInt8] = []
    appendDecimal(value, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `decimal(value)` appended to `bytes`: a large KML has millions.
  static func appendDecimal(_ value: Double, to bytes: inout [UInt8]) {
    guard value.isFinite, abs(value) < 1e11 else {
      DecimalText.appendShortest(value, to: &bytes)
      return
    }
    DecimalText.appendUnits(Int64((value * 10_000_000).rounded()), decimals: 7, to: &bytes)
  }
}
