import Geo

/// A parcel feature as read, before validation against GEOS and projection.
struct ParcelRecord {
  let index: Int
  let id: String
  let name: String
  let landUse: LandUse
  let buildingClass: String
  let workers: Double
  let demand: Double?
  /// Outline in the file's CRS (WGS84 `lon, lat` unless the scenario names another).
  let outline: MultiPolygon
}

/// Reads parcels: Polygon/MultiPolygon features of any vector file (`VectorInput`).
///
/// Properties: `id` (text or whole number), `land_use` (see `LandUse`), `building_class`
/// (a class of the scenario); optional `name`, `workers`, `demand`. Other properties are kept
/// out of the model and ignored.
enum ParcelsFile {
  /// The property names a parcels file's `fields:` may map.
  static let propertyNames = ["id", "name", "land_use", "building_class", "workers", "demand"]

  /// The parcels of `features`, read in `crs` (nil = WGS 84 lon, lat).
  static func read(features: [GeoJSONFeature], crs: CRS?, file: String, diagnostics: Diagnostics) -> [ParcelRecord] {
    if features.isEmpty { diagnostics.report(file, .file, "no features: expected parcel polygons") }
    let isLonLat = crs == nil || crs == .wgs84
    return features.compactMap { record(from: $0, file: file, isLonLat: isLonLat, diagnostics: diagnostics) }
  }

  private static func record(
    from feature: GeoJSONFeature, file: String, isLonLat: Bool, diagnostics: Diagnostics
  ) -> ParcelRecord? {
    let id = identifier(feature.property("id"))
    let location = IssueLocation.feature(index: feature.index, id: id)
    func report(_ message: String) { diagnostics.report(file, location, message) }
    if id == nil {
      report(
        feature.property("id") == nil
          ? "property 'id' is missing: expected a text or whole-number id"
          : "property 'id': expected a text or a whole number up to 2⁵³ (give larger ids as text), got \(Excerpt.quoted(JSONWriter.text(feature.property("id") ?? .null)))"
      )
    }

    var outline: MultiPolygon?
    switch feature.geometry {
    case .failure(let error): report("geometry: \(error)")
    case .success(.polygon(let polygon)): outline = MultiPolygon([polygon])
    case .success(.multiPolygon(let multiPolygon)): outline = multiPolygon
    case .success: report("geometry: expected a Polygon or MultiPolygon")
    }
    if let valid = outline, isLonLat, !valid.polygons.allSatisfy(inLonLatRange) {
      report("geometry: coordinates outside lon −180…180, lat −90…90 (is the file in WGS84 lon, lat order?)")
      outline = nil  // not projected: it would only fail again
    }

    let landUse = feature.property("land_use")?.stringValue.flatMap { LandUse(rawValue: $0.lowercased()) }
    if landUse == nil {
      report("property 'land_use': expected one of \(LandUse.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let buildingClass = feature.property("building_class")?.stringValue
    if buildingClass == nil { report("property 'building_class' is missing: expected a building class name") }
    let workers = count(feature.property("workers"), "workers", report) ?? 0
    let demand = count(feature.property("demand"), "demand", report)
    let name = feature.property("name")?.stringValue ?? id ?? ""

    guard let id, let outline, let landUse, let buildingClass else { return nil }
    return ParcelRecord(
      index: feature.index, id: id, name: name, landUse: landUse, buildingClass: buildingClass,
      workers: workers, demand: demand, outline: outline)
  }

  private static func identifier(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let text) where !text.isEmpty: return text
    case .number(let number) where number == number.rounded() && abs(number) <= Self.largestExactWhole:
      return String(Int64(number))
    default: return nil
    }
  }

  /// 2⁵³: whole numbers up to this size are exact in a JSON number (a Double).
  static let largestExactWhole = 9_007_199_254_740_992.0

  /// Most people one parcel may hold: 10⁶ (the largest factory campuses employ ~10⁵).
  static let maximumCount = 1_000_000.0

  private static func count(_ value: JSONValue?, _ name: String, _ report: (String) -> Void) -> Double? {
    guard let value, value != .null else { return nil }
    guard let number = value.numberValue, (0...maximumCount).contains(number) else {
      report(
        "property '\(name)': expected a number from 0 to \(Int(maximumCount)), got \(Excerpt.quoted(JSONWriter.text(value)))"
      )
      return nil
    }
    return number
  }

  private static func inLonLatRange(_ polygon: Polygon) -> Bool {
    polygon.rings.allSatisfy { ring in
      ring.coordinates.allSatisfy { (-180...180).contains($0.x) && (-90...90).contains($0.y) }
    }
  }
}
