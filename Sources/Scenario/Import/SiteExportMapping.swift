import Foundation
import Geo
import Yams

/// How an operator's cell export maps onto Cosite's structures and sites (`cosite import
/// sites FILE --mapping MAP.yaml`, or `sites: { file:, mapping: }` in a scenario): which
/// column holds what, in which units, and how the export's codes translate.
///
/// ```yaml
/// separator: ";"          # optional: detected from the header line (, ; tab |)
/// decimal: ","            # optional: "," or "."; detected (a comma in a number is a decimal
///                         # comma when the separator is not one)
/// carrier: viettel        # every row's carrier, unless `columns.carrier` names a column
/// crs: EPSG:9210          # with easting/northing columns (default WGS 84 lon/lat columns)
/// columns: { structure: SITE_ID, sector: CELL_ID, layer: BAND, lon: LONG, lat: LAT, … }
/// units: { power: W, antenna_gain: dBd }
/// values: { layer: { L1800: lte1800 }, structure_kind: { GF: tower, RT: rooftop } }
/// defaults: { structure_kind: tower, owner: viettel, free_slots: 0 }
/// ```
struct SiteExportMapping {
  /// Cosite's fields, in the order the columns are read.
  static let required = ["structure", "sector", "layer", "azimuth_deg", "height_m", "power"]
  static let optional = [
    "carrier", "lon", "lat", "easting", "northing", "structure_height_m", "structure_kind", "structure_name", "owner",
    "free_slots", "building_height_m", "rent_vnd_month", "mechanical_tilt_deg", "electrical_tilt_deg", "antenna_gain",
    "feeder_loss_db",
  ]
  /// Fields `defaults` may give for rows (or exports) without them.
  static let defaultable = ["structure_kind", "owner", "free_slots", "feeder_loss_db"]
  /// Fields whose export codes `values` may translate.
  static let coded = ["carrier", "layer", "structure_kind", "owner"]

  enum PowerUnit: String, CaseIterable {
    case dBm
    case watts = "W"
  }
  enum GainUnit: String, CaseIterable { case dBi, dBd }

  var separator: Unicode.Scalar?
  /// Whether a comma in a number is a decimal comma; nil = detected.
  var decimalComma: Bool?
  var carrier: String?
  var crs: CRS?
  /// Cosite field → the export's column (lower-cased, as `CSVTable` keeps headers).
  var columns: [String: String] = [:]
  /// The export's column names as the mapping spells them (for messages).
  var columnNames: [String: String] = [:]
  var powerUnit = PowerUnit.dBm
  var gainUnit = GainUnit.dBi
  /// Field → export code → Cosite value.
  var values: [String: [String: String]] = [:]
  var defaults: [String: String] = [:]

  /// Reads the mapping file at `path` (shown as `file`); issues go to `diagnostics`.
  static func read(path: String, file: String, diagnostics: Diagnostics) -> SiteExportMapping? {
    let keys = ["separator", "decimal", "carrier", "crs", "columns", "units", "values", "defaults"]
    guard let map = MappingFile.root(path: path, file: file, keys: keys, diagnostics: diagnostics) else { return nil }
    var mapping = SiteExportMapping()
    (mapping.separator, mapping.decimalComma) = MappingFile.separatorAndDecimal(map)
    mapping.carrier = map.string("carrier", expected: "a carrier id of the scenario")
    if let text = map.string("crs", expected: "'EPSG:<code>'") {
      do { mapping.crs = try CRS(parsing: text) } catch {
        diagnostics.report(file, .line(map.line(of: "crs")), "'crs': \(error)")
      }
    }
    if let columns = map.map("columns", allowed: required + optional, required: true) {
      for field in columns.keys {
        if let name = columns.string(field, required: true, expected: "the export's column name") {
          mapping.columns[field] = name.lowercased()
          mapping.columnNames[field] = name
        }
      }
      for field in required where columns.node(field) == nil {
        columns.missing(field, "the export's column holding it")
      }
      let positioned = ["lon", "lat"].allSatisfy { mapping.columns[$0] != nil }
      let projected = ["easting", "northing"].allSatisfy { mapping.columns[$0] != nil }
      if positioned == projected {
        diagnostics.report(
          file, .line(map.line(of: "columns")),
          "'columns': expected either lon and lat (degrees or DMS) or easting and northing (metres in 'crs')")
      }
      if positioned, mapping.crs != nil {
        diagnostics.report(
          file, .line(map.line(of: "crs")), "'crs' is for easting/northing columns: lon and lat are WGS 84 degrees")
      }
      if projected, mapping.crs == nil {
        diagnostics.report(
          file, .line(map.line(of: "columns")), "'crs' is missing: expected the CRS of easting/northing")
      }
      if mapping.columns["carrier"] == nil, mapping.carrier == nil {
        diagnostics.report(
          file, .line(map.line(of: "columns")), "expected 'carrier' (every row's) or 'columns.carrier'")
      }
    }
    if let units = map.map("units", allowed: ["power", "antenna_gain"]) {
      if let power = units.string("power", expected: "dBm or W") {
        if let unit = PowerUnit(rawValue: power) {
          mapping.powerUnit = unit
        } else {
          units.wrong("power", "dBm or W", got: units.node("power")!)
        }
      }
      if let gain = units.string("antenna_gain", expected: "dBi or dBd") {
        if let unit = GainUnit(rawValue: gain) {
          mapping.gainUnit = unit
        } else {
          units.wrong("antenna_gain", "dBi or dBd", got: units.node("antenna_gain")!)
        }
      }
    }
    if let values = map.map("values", allowed: coded) {
      for field in values.keys {
        guard let codes = values.map(field, allowed: nil) else { continue }
        mapping.values[field] = Dictionary(
          codes.keys.compactMap { code in codes.string(code, required: true).map { (code, $0) } },
          uniquingKeysWith: { first, _ in first })
      }
    }
    if let defaults = map.map("defaults", allowed: Self.defaultable) {
      for field in defaults.keys {
        if let value = defaults.string(field, required: true) { mapping.defaults[field] = value }
      }
      if let slots = mapping.defaults["free_slots"], !(Int(slots).map { (0...50).contains($0) } ?? false) {
        diagnostics.report(
          file, .line(defaults.line(of: "free_slots")), "'defaults.free_slots': expected a whole number from 0 to 50")
      }
      if let loss = mapping.defaults["feeder_loss_db"], !(Double(loss).map { (0...20).contains($0) } ?? false) {
        diagnostics.report(
          file, .line(defaults.line(of: "feeder_loss_db")),
          "'defaults.feeder_loss_db': expected a loss in dB from 0 to 20 (with a decimal point)")
      }
      if let kind = mapping.defaults["structure_kind"], !["tower", "rooftop", "pole"].contains(kind) {
        diagnostics.report(
          file, .line(defaults.line(of: "structure_kind")), "'defaults.structure_kind': expected tower, rooftop or pole"
        )
      }
    }
    return mapping
  }
}
