extension GeoJSON {
  /// An RFC 7946 FeatureCollection: WGS84 `lon, lat`, no `crs` member, counter-clockwise
  /// shells and clockwise holes (§3.1.6), coordinates rounded to `coordinateDecimals`.
  ///
  /// One feature per line, so that diffs of outputs stay readable.
  public static func featureCollection(
    _ features: [OutputFeature], members: [(String, JSONValue)] = []
  ) -> String {
    String(decoding: featureCollectionBytes(features, members: members), as: UTF8.self)
  }

  /// The text of `featureCollection` as UTF-8 bytes, written straight from the geometries
  /// (no `JSONValue` per coordinate: a coverage map holds hundreds of thousands).
  ///
  /// - Parameter decimals: decimal places of the coordinates: `coordinateDecimals` for the
  ///   files, fewer where size matters more than centimetres (1…9).
  public static func featureCollectionBytes(
    _ features: [OutputFeature], members: [(String, JSONValue)] = [], decimals: Int = coordinateDecimals
  ) -> [UInt8] {
    precondition((1...9).contains(decimals), "GeoJSON coordinates take 1 to 9 decimals")
    var bytes: [UInt8] = []
    // Room for the coordinates at once (digits, sign, point, brackets): no regrowth copies.
    let positions = features.reduce(0) { $0 + $1.geometry.positionCount }
    bytes.reserveCapacity(positions * (2 * decimals + 12) + features.count * 512)
    bytes.append(contentsOf: #"{"type":"FeatureCollection""#.utf8)
    for (key, value) in members {
      bytes.append(UInt8(ascii: ","))
      JSONWriter.appendQuoted(key, to: &bytes)
      bytes.append(UInt8(ascii: ":"))
      JSONWriter.append(value, to: &bytes)
    }
    bytes.append(contentsOf: #","features":["#.utf8)
    for (offset, feature) in features.enumerated() {
      if offset > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(UInt8(ascii: "\n"))
      bytes.append(contentsOf: #"{"type":"Feature","properties":"#.utf8)
      JSONWriter.append(.object(feature.properties), to: &bytes)
      bytes.append(contentsOf: #","geometry":"#.utf8)
      appendGeometry(feature.geometry, decimals: decimals, to: &bytes)
      bytes.append(UInt8(ascii: "}"))
    }
    bytes.append(contentsOf: "\n]}\n".utf8)
    return bytes
  }

  /// A geometry as a GeoJSON geometry object.
  public static func json(_ geometry: Geometry) -> JSONValue {
    switch geometry {
    case .point(let point):
      return .object([("type", .string("Point")), ("coordinates", position(point))])
    case .lineString(let line):
      return .object([
        ("type", .string("LineString")), ("coordinates", .array(line.coordinates.map(position))),
      ])
    case .polygon(let polygon):
      return .object([("type", .string("Polygon")), ("coordinates", rings(polygon))])
    case .multiPolygon(let multiPolygon):
      return .object([
        ("type", .string("MultiPolygon")),
        ("coordinates", .array(multiPolygon.polygons.map(rings))),
      ])
    }
  }

  private static func rings(_ polygon: Polygon) -> JSONValue {
    .array(polygon.rightHandRuleOriented.rings.map { .array($0.coordinates.map(position)) })
  }

  private static func position(_ coordinate: Coordinate) -> JSONValue {
    .array([.number(rounded(coordinate.x)), .number(rounded(coordinate.y))])
  }

  /// `value` rounded half away from zero to `coordinateDecimals` places.
  static func rounded(_ value: Double) -> Double {
    rounded(value, decimals: coordinateDecimals)
  }

  /// `value` rounded half away from zero to `decimals` places.
  static func rounded(_ value: Double, decimals: Int) -> Double {
    // From 1e15 on a double has no 7th decimal to round, and `value * scale` would overflow
    // to infinity beyond about 1.8e301 (written as null).
    guard abs(value) < 1e15 else { return value }
    let scale = decimalScales[decimals]
    let result = (value * scale).rounded() / scale
    return result == 0 ? 0 : result
  }

  /// 10^0 … 10^9, exact doubles.
  private static let decimalScales: [Double] = (0...9).map { power in (0..<power).reduce(1.0) { total, _ in total * 10 }
  }

  /// The geometry object, as `JSONWriter.text(json(geometry))` writes it.
  static func appendGeometry(_ geometry: Geometry, decimals: Int, to bytes: inout [UInt8]) {
    switch geometry {
    case .point(let point):
      bytes.append(contentsOf: #"{"type":"Point","coordinates":"#.utf8)
      appendPosition(point, decimals: decimals, to: &bytes)
    case .lineString(let line):
      bytes.append(contentsOf: #"{"type":"LineString","coordinates":"#.utf8)
      appendPositions(line.coordinates, reversed: false, decimals: decimals, to: &bytes)
    case .polygon(let polygon):
      bytes.append(contentsOf: #"{"type":"Polygon","coordinates":"#.utf8)
      appendRings(polygon, decimals: decimals, to: &bytes)
    case .multiPolygon(let multiPolygon):
      bytes.append(contentsOf: #"{"type":"MultiPolygon","coordinates":["#.utf8)
      for (index, polygon) in multiPolygon.polygons.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        appendRings(polygon, decimals: decimals, to: &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
    }
    bytes.append(UInt8(ascii: "}"))
  }

  /// The rings in the right-hand-rule order of `rightHandRuleOriented`, read backwards where
  /// it would reverse them (no reversed copy).
  private static func appendRings(_ polygon: Polygon, decimals: Int, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "["))
    appendPositions(
      polygon.exterior.coordinates, reversed: !polygon.exterior.isCounterClockwise, decimals: decimals, to: &bytes)
    for hole in polygon.holes {
      bytes.append(UInt8(ascii: ","))
      appendPositions(hole.coordinates, reversed: hole.isCounterClockwise, decimals: decimals, to: &bytes)
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// `[[x,y],…]`, gathered in a stack buffer and appended to `bytes` a few kilobytes at a time.
  private static func appendPositions(
    _ coordinates: [Coordinate], reversed: Bool, decimals: Int, to bytes: inout [UInt8]
  ) {
    let scale = decimalScales[decimals]
    let limit = 1e15 / scale
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { scratch in
      guard let base = scratch.baseAddress else { return }
      var used = 0
      func flush() {
        bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: used))
        used = 0
      }
      func put(_ byte: UInt8) {
        base[used] = byte
        used += 1
      }
      // As `appendCoordinate`: the short path below `limit`, `JSONWriter`'s beyond.
      func number(_ value: Double) {
        if abs(value) < limit {
          used += DecimalText.write(units: Int64((value * scale).rounded()), decimals: decimals, to: base + used)
        } else {
          flush()
          DecimalText.appendShortest(rounded(value, decimals: decimals), to: &bytes)
        }
      }
      put(UInt8(ascii: "["))
      for offset in coordinates.indices {
        if used > scratch.count - 2 * DecimalText.writeRoom - 8 { flush() }
        if offset > 0 { put(UInt8(ascii: ",")) }
        let point = coordinates[reversed ? coordinates.count - 1 - offset : offset]
        put(UInt8(ascii: "["))
        number(point.x)
        put(UInt8(ascii: ","))
        number(point.y)
        put(UInt8(ascii: "]"))
      }
      put(UInt8(ascii: "]"))
      flush()
    }
  }

  private static func appendPosition(_ coordinate: Coordinate, decimals: Int, to bytes: inout [UInt8]) {
    bytes.append(UInt8(ascii: "["))
    appendCoordinate(coordinate.x, decimals: decimals, to: &bytes)
    bytes.append(UInt8(ascii: ","))
    appendCoordinate(coordinate.y, decimals: decimals, to: &bytes)
    bytes.append(UInt8(ascii: "]"))
  }

  /// `value` rounded to `decimals` places, as `JSONWriter.number(rounded(value))` writes it.
  ///
  /// Below 10^(15 − decimals) the rounded value is k / 10^decimals with |k| < 10^15, and a
  /// decimal of at most 15 significant digits is the shortest text of the double nearest to
  /// it (doubles resolve 15.95 digits), so its digits are k's with the point set in. Larger
  /// values take `JSONWriter`'s own path.
  static func appendCoordinate(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
    let scale = decimalScales[decimals]
    guard abs(value) < 1e15 / scale else {
      DecimalText.appendShortest(rounded(value, decimals: decimals), to: &bytes)
      return
    }
    DecimalText.appendUnits(Int64((value * scale).rounded()), decimals: decimals, to: &bytes)
  }
}

extension Geometry {
  /// The number of positions written for the geometry (rings counted whole).
  public var positionCount: Int {
    switch self {
    case .point: return 1
    case .lineString(let line): return line.coordinates.count
    case .polygon(let polygon):
      return polygon.exterior.coordinates.count + polygon.holes.reduce(0) { $0 + $1.coordinates.count }
    case .multiPolygon(let multiPolygon):
      return multiPolygon.polygons.reduce(0) { total, polygon in
        total + polygon.exterior.coordinates.count + polygon.holes.reduce(0) { $0 + $1.coordinates.count }
      }
    }
  }
}
