import Foundation
import Geo
import Yams

/// How a drive-test log's columns map onto Cosite's fields (`cosite calibrate --mapping
/// MAP.yaml`), so that a TEMS or NEMO export is read as it is.
///
/// ```yaml
/// separator: ";"          # optional: detected from the header line (, ; tab |)
/// decimal: ","            # optional: "," or "."; detected (see SiteExportMapping)
/// carrier: viettel        # every row's carrier, unless `columns.carrier` names a column
/// layer: lte1800          # every row's layer, unless `columns.layer` names a column
/// crs: EPSG:32648         # with x/y columns (default: WGS 84 lon/lat columns)
/// columns: { lon: Longitude, lat: Latitude, sector: "Serving Cell", rsrp_dbm: "RSRP (dBm)" }
/// ```
///
/// Without a mapping the log's header uses Cosite's own names (`DriveTestMapping.fields`).
struct DriveTestMapping {
  /// Cosite's fields: a position (lon/lat or x/y), the cell (a sector id, or PCI and channel
  /// with the carrier), the RSRP; time is optional and not used (the log's order is the
  /// route's), speed optional and checked to be a speed.
  static let fields = [
    "lon", "lat", "x", "y", "carrier", "layer", "sector", "pci", "channel", "rsrp_dbm", "time", "speed_kmh",
  ]

  var separator: Unicode.Scalar?
  var decimalComma: Bool?
  var carrier: String?
  var layer: String?
  var crs: CRS?
  /// Cosite field → the log's column (lower-cased, as `CSVTable` keeps headers); identity
  /// without a mapping.
  var columns: [String: String] = Dictionary(uniqueKeysWithValues: fields.map { ($0, $0) })
  /// Whether `columns` came from a mapping file (then every field it names must be in the log).
  var fromFile = false
  /// The mapping file as shown, and the lines of its `carrier` and `layer`, for messages.
  var file: String?
  var carrierLine: Int?
  var layerLine: Int?

  /// Reads the mapping file at `path` (shown as `file`); issues go to `diagnostics`.
  static func read(path: String, file: String, diagnostics: Diagnostics) -> DriveTestMapping? {
    let keys = ["separator", "decimal", "carrier", "layer", "crs", "columns"]
    guard let map = MappingFile.root(path: path, file: file, keys: keys, diagnostics: diagnostics) else { return nil }
    var mapping = DriveTestMapping()
    mapping.fromFile = true
    mapping.file = file
    (mapping.separator, mapping.decimalComma) = MappingFile.separatorAndDecimal(map)
    mapping.carrier = map.string("carrier", expected: "a carrier id of the scenario")
    mapping.layer = map.string("layer", expected: "a layer id of the carrier")
    mapping.carrierLine = mapping.carrier == nil ? nil : map.line(of: "carrier")
    mapping.layerLine = mapping.layer == nil ? nil : map.line(of: "layer")
    if let text = map.string("crs", expected: "'EPSG:<code>'") {
      do { mapping.crs = try CRS(parsing: text) } catch {
        diagnostics.report(file, .line(map.line(of: "crs")), "'crs': \(error)")
      }
    }
    guard let columns = map.map("columns", allowed: fields, required: true) else { return nil }
    mapping.columns = [:]
    var fieldOfColumn: [String: String] = [:]  // the first field naming each column, in document order
    for field in columns.keys {
      if let name = columns.string(field, required: true, expected: "the log's column name") {
        if let other = fieldOfColumn[name.lowercased()] {
          diagnostics.report(
            file, .line(columns.line(of: field)),
            "'columns.\(field)': column \(Excerpt.quoted(name)) is already '\(other)'")
        }
        if fieldOfColumn[name.lowercased()] == nil { fieldOfColumn[name.lowercased()] = field }
        mapping.columns[field] = name.lowercased()
      }
    }
    let line = map.line(of: "columns")
    let lonLat = ["lon", "lat"].allSatisfy { mapping.columns[$0] != nil }
    let xy = ["x", "y"].allSatisfy { mapping.columns[$0] != nil }
    if lonLat == xy {
      diagnostics.report(
        file, .line(line), "'columns': expected either lon and lat (WGS 84 degrees) or x and y (in 'crs')")
    }
    if xy, mapping.crs == nil { diagnostics.report(file, .line(line), "'crs' is missing: expected the CRS of x and y") }
    if lonLat, mapping.crs != nil {
      diagnostics.report(file, .line(map.line(of: "crs")), "'crs' is for x/y columns: lon and lat are WGS 84 degrees")
    }
    if mapping.columns["rsrp_dbm"] == nil { columns.missing("rsrp_dbm", "the log's column of the RSRP in dBm") }
    let pciAndChannel = mapping.columns["pci"] != nil && mapping.columns["channel"] != nil
    if mapping.columns["sector"] == nil, !pciAndChannel {
      diagnostics.report(
        file, .line(line), "'columns': expected 'sector' (the cell's sector id) or 'pci' and 'channel'")
    }
    if mapping.columns["carrier"] != nil, mapping.carrier != nil {
      diagnostics.report(file, .line(map.line(of: "carrier")), "'carrier' and 'columns.carrier': give one of them")
    }
    if mapping.columns["layer"] != nil, mapping.layer != nil {
      diagnostics.report(file, .line(map.line(of: "layer")), "'layer' and 'columns.layer': give one of them")
    }
    return mapping
  }
}
