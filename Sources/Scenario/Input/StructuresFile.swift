import Geo

/// A structure as read from its CSV row, before projection.
struct StructureRecord {
  let id: String
  /// The file as shown to the planner, and the line of the row.
  let file: String
  let line: Int
  /// The CRS the scenario names for the file (for `easting, northing` or `x, y` rows).
  let crs: CRS?
  let kind: StructureKind
  /// In the file's CRS, normalised order: `lon, lat` or `easting, northing`.
  let sourcePosition: Coordinate
  /// Whether `sourcePosition` is WGS84 `lon, lat` (columns lon, lat) or in the file's CRS.
  let isLonLat: Bool
  let heightM: Double
  let owner: String
  let freeSlots: Int
  let rentVNDPerMonth: Double?
  /// Height of the building under a rooftop mast, m.
  let buildingHeightM: Double?
  let mountWindowM: ClosedRange<Double>?
  let maxAddedSectors: Int?
  /// Read from a `new_builds` file: a place a new structure may be built, not one that stands.
  var isPlanned = false
  /// Where it stands in its file when that is not a CSV line (a feature of a GeoPackage).
  var location: IssueLocation? = nil

  /// Where messages about it point: its feature, or its CSV line.
  var place: IssueLocation { location ?? .line(line) }
}

/// Reads a structures CSV.
///
/// Columns: `id, kind, height_m, owner, free_slots` and a position, as either `lon, lat`
/// (WGS84), `easting, northing` or `x, y` in the CRS named in the scenario. `x, y` follow
/// the Vietnamese survey convention for VN-2000: **x is northing, y is easting**.
/// Optional: `name`, `rent_vnd_month`, `building_height_m` (rooftop masts only: the roof
/// height, so the mast is `height_m − building_height_m` tall), `min_mount_m` and
/// `max_mount_m` (the owner's height window for new antennas, m above ground),
/// `max_added_sectors` (the structural budget for new antennas, shared by all tenants).
enum StructuresFile {
  static let required = ["id", "kind", "height_m", "owner", "free_slots"]
  /// The columns a vector file's features carry as attributes (their point is the position).
  static let attributeNames =
    required + [
      "name", "rent_vnd_month", "building_height_m", "min_mount_m", "max_mount_m", "max_added_sectors",
    ]
  static let optional = [
    "name", "rent_vnd_month", "building_height_m", "min_mount_m", "max_mount_m", "max_added_sectors", "lon", "lat", "x",
    "y", "easting", "northing",
  ]

  static func read(text: String, file: String, crs: CRS?, diagnostics: Diagnostics) -> [StructureRecord] {
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
      let building = record.number(
        "building_height_m", expected: "the height of the building under the mast in m", range: 1...300,
        required: false)
      let low = record.number(
        "min_mount_m", expected: "the lowest antenna mount for new tenants in m", range: 0...300, required: false)
      let high = record.number(
        "max_mount_m", expected: "the highest antenna mount for new tenants in m", range: 0...300, required: false)
      let budget = record.integer(
        "max_added_sectors", expected: "how many more sectors the structure can carry", range: 0...200,
        required: false)
      guard let id, let kind, let position, let height, let owner, let slots else { return nil }
      let window = Self.mountWindow(low: low, high: high, heightM: height, file: file, line: record.line, diagnostics)
      guard window.valid else { return nil }
      if let building {
        guard kind == .rooftop else {
          diagnostics.report(
            file, .line(record.line), "column 'building_height_m': only a rooftop structure stands on a building")
          return nil
        }
        guard building < height else {
          diagnostics.report(
            file, .line(record.line),
            "column 'building_height_m': the building (\(JSONWriter.number(building)) m) must be lower than the top of the mast (height_m \(JSONWriter.number(height)) m)"
          )
          return nil
        }
      }
      return StructureRecord(
        id: id, file: file, line: record.line, crs: crs, kind: kind, sourcePosition: position,
        isLonLat: pair == ["lon", "lat"], heightM: height, owner: owner, freeSlots: slots, rentVNDPerMonth: rent,
        buildingHeightM: building, mountWindowM: window.range, maxAddedSectors: budget)
    }
  }

  /// The height window from its two optional columns: both or neither, low ≤ high ≤ top.
  private static func mountWindow(
    low: Double?, high: Double?, heightM: Double, file: String, line: Int, _ diagnostics: Diagnostics
  ) -> (range: ClosedRange<Double>?, valid: Bool) {
    switch (low, high) {
    case (nil, nil): return (nil, true)
    case (let low?, let high?) where low <= high && high <= heightM: return (low...high, true)
    case (.some, .some):
      diagnostics.report(
        file, .line(line), "columns 'min_mount_m', 'max_mount_m': expected min ≤ max ≤ height_m")
    default:
      diagnostics.report(file, .line(line), "columns 'min_mount_m', 'max_mount_m': give both or neither")
    }
    return (nil, false)
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
