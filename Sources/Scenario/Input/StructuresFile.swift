import Geo

/// A structure as read from its CSV row, before projection.
struct StructureRecord {
  let id: String
  let line: Int
  let kind: StructureKind
  /// In the file's CRS, normalised order: `lon, lat` or `easting, northing`.
  let sourcePosition: Coordinate
  /// Whether `sourcePosition` is WGS84 `lon, lat` (columns lon, lat) or in the file's CRS.
  let isLonLat: Bool
  let heightM: Double
  let owner: String
  let freeSlots: Int
  let rentVNDPerMonth: Double?
}

/// Reads a structures CSV.
///
/// Columns: `id, kind, height_m, owner, free_slots` and a position, as either `lon, lat`
/// (WGS84), `easting, northing` or `x, y` in the CRS named in the scenario. `x, y` follow
/// the Vietnamese survey convention for VN-2000: **x is northing, y is easting**.
/// Optional: `name`, `rent_vnd_month`.
enum StructuresFile {
  static let required = ["id", "kind", "height_m", "owner", "free_slots"]
  static let optional = ["name", "rent_vnd_month", "lon", "lat", "x", "y", "easting", "northing"]

  static func read(text: String, file: String, diagnostics: Diagnostics) -> [StructureRecord] {
    let table = CSVTable(text: text, file: file, diagnostics: diagnostics)
    guard table.checkHeader(required: required, optional: optional, file: file, diagnostics: diagnostics) else {
      return []
    }
    table.reportDuplicates(in: "id", what: "structure", file: file, diagnostics: diagnostics)
    let positionColumns = [["lon", "lat"], ["easting", "northing"], ["x", "y"]].filter { pair in
      pair.allSatisfy { table.column($0) != nil }
    }
    guard positionColumns.count == 1 else {
      diagnostics.report(
        file, .line(1),
        "expected exactly one pair of position columns: lon,lat (WGS84) or easting,northing or x,y (x = northing)")
      return []
    }
    let pair = positionColumns[0]
    return table.records(file: file, diagnostics: diagnostics).compactMap { record in
      let id = record.string("id")
      let kind = record.choice("kind", StructureKind.self)
      let position = Self.position(record, columns: pair)
      let height = record.number("height_m", expected: "a height above ground in m", range: 1...300)
      let owner = record.string("owner")
      let slots = record.integer("free_slots", expected: "a count of free antenna slots", range: 0...50)
      let rent = record.number(
        "rent_vnd_month", expected: "a monthly rent in VND", range: 0...1e12, required: false)
      guard let id, let kind, let position, let height, let owner, let slots else { return nil }
      return StructureRecord(
        id: id, line: record.line, kind: kind, sourcePosition: position, isLonLat: pair == ["lon", "lat"],
        heightM: height, owner: owner, freeSlots: slots, rentVNDPerMonth: rent)
    }
  }

  private static func position(_ record: CSVRecord, columns: [String]) -> Coordinate? {
    switch columns {
    case ["lon", "lat"]:
      let lon = record.number("lon", expected: "a longitude in degrees", range: -180...180)
      let lat = record.number("lat", expected: "a latitude in degrees", range: -90...90)
      guard let lon, let lat else { return nil }
      return Coordinate(lon: lon, lat: lat)
    case ["easting", "northing"]:
      let east = record.number("easting", expected: "an easting in m", range: -1e8...1e8)
      let north = record.number("northing", expected: "a northing in m", range: -1e8...1e8)
      guard let east, let north else { return nil }
      return Coordinate(x: east, y: north)
    default:
      // VN-2000 survey convention: x is the northing, y the easting.
      let north = record.number("x", expected: "x = northing in m", range: -1e8...1e8)
      let east = record.number("y", expected: "y = easting in m", range: -1e8...1e8)
      guard let east, let north else { return nil }
      return Coordinate(x: east, y: north)
    }
  }
}
