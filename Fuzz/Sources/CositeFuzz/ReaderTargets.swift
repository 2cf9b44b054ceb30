import Foundation
import Geo

@testable import Radio
@testable import Scenario

/// The file readers on their own: fast, so most of the executions go here.
enum ReaderTargets {
  static let all: [FuzzTarget] = [
    FuzzTarget(
      name: "geojson",
      covers: "Geo: JSONParser, GeoJSON.features(in:), writing each geometry back (GeoJSON.json, JSONWriter) and "
        + "reading it again; GEOS conversion, validity, area and WKT of each geometry",
      maxLength: 32_768, dictionary: "geojson", setUp: {}, run: { geojson($0.text) }),
    FuzzTarget(
      name: "csv",
      covers: "Scenario: CSVTable.parse(_:file:), and the table written back fully quoted reads back the same",
      maxLength: 8_192, dictionary: "csv", setUp: {}, run: { csv($0.text) }),
    FuzzTarget(
      name: "dem-asc",
      covers: "Scenario: DEMFile.readASCII (ESRI ASCII grid) and ElevationModel.heightM(at:) on what it reads",
      maxLength: 8_192, dictionary: "dem", setUp: {}, run: { demASCII($0.text) }),
    FuzzTarget(
      name: "dem-hgt",
      covers: "Scenario: DEMFile.readHGT (SRTM .hgt); input = file name, newline, tile bytes; an odd-length tile "
        + "is repeated to a full 1201² tile so that the decoder runs",
      maxLength: 4_096, dictionary: "dem", setUp: {}, run: demHGT),
    FuzzTarget(
      name: "msi",
      covers: "Radio: MSIPattern(text:), gains at a grid of angles, and the written text (.text) reads back equal",
      maxLength: 16_384, dictionary: "msi", setUp: {}, run: { msi($0.text) }),
    FuzzTarget(
      name: "site-export",
      covers: "Scenario: SiteExport.read (an operator's cell export through a fixed mapping: detected separator, "
        + "decimal commas, DMS by AngleText, rows folded into structures); a converted export must read back "
        + "through StructuresFile and SectorsFile without an issue, row for row",
      maxLength: 8_192, dictionary: "csv", setUp: {}, run: { siteExport($0.text) }),
  ]

  // MARK: Site exports

  static let exportMapping: SiteExportMapping = {
    var mapping = SiteExportMapping()
    mapping.carrier = "viettel"
    let columns = [
      "structure": "site", "sector": "cell", "layer": "band", "lon": "lon", "lat": "lat", "azimuth_deg": "az",
      "height_m": "h", "power": "p", "structure_height_m": "sh", "structure_kind": "kind", "free_slots": "slots",
      "building_height_m": "bh", "antenna_gain": "gain",
    ]
    mapping.columns = columns
    mapping.columnNames = columns
    mapping.values = ["layer": ["L18": "lte1800", "N37": "nr3700"], "structure_kind": ["GF": "tower", "RT": "rooftop"]]
    mapping.gainUnit = .dBd
    return mapping
  }()

  static func siteExport(_ text: String) {
    let diagnostics = Diagnostics()
    guard let export = SiteExport.read(text: text, file: "export", mapping: exportMapping, diagnostics: diagnostics)
    else { return }
    let structures = StructuresFile.read(text: export.structuresCSV, file: "s", crs: nil, diagnostics: diagnostics)
    let sectors = SectorsFile.read(text: export.sitesCSV, file: "c", resolve: { $0 }, diagnostics: diagnostics)
    // What the import writes Cosite must read — or SiteImport.checked must have said why.
    let checks = Diagnostics()
    let accepted = SiteImport.checked(export, file: "export", diagnostics: checks)
    fuzzCheck(accepted == diagnostics.issues.isEmpty, "SiteImport.checked disagrees with the readers")
    if accepted {
      fuzzCheck(structures.count == export.structures.count, "structures lost in the round trip")
      fuzzCheck(sectors.count == export.sectors.count, "sectors lost in the round trip")
    }
  }

  // MARK: GeoJSON

  nonisolated(unsafe) static let engine = GeometryEngine()

  static func geojson(_ text: String) {
    guard let features = try? GeoJSON.features(in: text) else { return }
    for feature in features {
      guard case .success(let geometry) = feature.geometry else { continue }
      // What Cosite writes must read back as a geometry of the same kind and size.
      let written = JSONWriter.text(GeoJSON.json(geometry))
      let reread: Geometry
      do {
        reread = try GeoJSON.geometry(from: try JSONParser.parse(written))
      } catch {
        fuzzCheck(false, "GeoJSON written for feature \(feature.index) does not read back: \(error)\n\(written)")
        return
      }
      fuzzCheck(shape(reread) == shape(geometry), "GeoJSON round trip changed the geometry's shape\n\(written)")
      _ = JSONWriter.text(.object(feature.properties), pretty: true)
      // GEOS: conversion both ways, validity, area, WKT; bounded so that one input stays fast.
      guard shape(geometry).reduce(0, +) <= 4_000 else { continue }
      _ = try? engine.invalidity(of: geometry)
      _ = try? engine.area(of: geometry)
      if let wkt = try? engine.wkt(geometry) { _ = try? engine.geometry(wkt: wkt) }
      if let wkb = try? engine.wkb(geometry) { _ = try? engine.geometry(wkb: wkb) }
      let areal = geometry.areal
      _ = areal.area
      _ = areal.bounds
    }
  }

  /// Kind and coordinate count per part: what a round trip through the writer must keep.
  static func shape(_ geometry: Geometry) -> [Int] {
    switch geometry {
    case .point: return [1]
    case .lineString(let line): return [2, line.coordinates.count]
    case .polygon(let polygon): return [3] + polygon.rings.map(\.coordinates.count)
    case .multiPolygon(let multi): return [4] + multi.polygons.flatMap { [-1] + $0.rings.map(\.coordinates.count) }
    }
  }

  // MARK: CSV

  static func csv(_ text: String) {
    guard let table = try? CSVTable.parse(text, file: "fuzz.csv") else { return }
    fuzzCheck(zip(table.rows, table.rows.dropFirst()).allSatisfy { $0.line < $1.line }, "CSV row lines not increasing")
    // Every field quoted: the text must read back to the same header and fields. Quotes are
    // doubled scalar by scalar: a quote followed by a combining mark is one Character.
    func quoted(_ fields: [String]) -> String {
      fields.map { field in
        var text = "\""
        for scalar in field.unicodeScalars {
          text.unicodeScalars.append(scalar)
          if scalar == "\"" { text.unicodeScalars.append(scalar) }
        }
        return text + "\""
      }.joined(separator: ",")
    }
    guard !table.header.isEmpty else { return }
    let written = ([quoted(table.header)] + table.rows.map { quoted($0.fields) }).joined(separator: "\n") + "\n"
    guard let again = try? CSVTable.parse(written, file: "fuzz.csv") else {
      fuzzCheck(false, "CSV written back does not parse:\n\(written)")
      return
    }
    fuzzCheck(again.header == table.header.map { $0.lowercased() }, "CSV round trip changed the header")
    fuzzCheck(again.rows.map(\.fields) == table.rows.map(\.fields), "CSV round trip changed the rows:\n\(written)")
  }

  // MARK: DEM

  static func demASCII(_ text: String) {
    let diagnostics = Diagnostics()
    guard let model = DEMFile.readASCII(text, name: "fuzz.asc", crs: .wgs84, diagnostics: diagnostics) else {
      fuzzCheck(!diagnostics.isEmpty, "readASCII returned nil without reporting an issue")
      return
    }
    probe(model)
  }

  /// A 3″ tile's worth of bytes, reused: allocating 2.9 MB per input would dominate.
  nonisolated(unsafe) static var hgtTile = Data(count: 1201 * 1201 * 2)

  static func demHGT(_ bytes: UnsafeRawBufferPointer) {
    // First line: the file name (it gives the tile's corner); the rest: the tile.
    let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    let fileName = String(decoding: bytes[..<min(newline, 64)], as: UTF8.self)
    let tile = Data(bytes[min(newline + 1, bytes.count)...])
    _ = DEMFile.hgtCorner(fileName)
    let diagnostics = Diagnostics()
    _ = DEMFile.readHGT(tile, fileName: fileName, name: fileName, diagnostics: diagnostics)
    // Only a full-size tile reaches the decoder: an odd-length input is repeated to one.
    guard tile.count % 2 == 1 else { return }
    let size = hgtTile.count
    hgtTile.withUnsafeMutableBytes { target in
      tile.withUnsafeBytes { source in
        var offset = 0
        while offset < size {
          let count = min(source.count, size - offset)
          target.baseAddress!.advanced(by: offset).copyMemory(from: source.baseAddress!, byteCount: count)
          offset += count
        }
      }
    }
    let fullDiagnostics = Diagnostics()
    guard let model = DEMFile.readHGT(hgtTile, fileName: fileName, name: fileName, diagnostics: fullDiagnostics) else {
      fuzzCheck(!fullDiagnostics.isEmpty, "readHGT returned nil without reporting an issue")
      return
    }
    fuzzCheck(model.columns == 1201 && model.rows == 1201, "a 3″ tile read as \(model.columns) × \(model.rows)")
    probe(model)
  }

  /// Heights at the corners, the centre and just outside: nil or a number, never a trap.
  static func probe(_ model: ElevationModel) {
    let width = model.cellSizeX * Double(model.columns - 1)
    let height = model.cellSizeY * Double(model.rows - 1)
    for fx in [-0.1, 0, 0.25, 0.5, 0.999, 1, 1.1] {
      for fy in [-0.1, 0, 0.5, 1, 1.1] {
        _ = model.heightM(at: Coordinate(x: model.originX + fx * width, y: model.originY - fy * height))
      }
    }
  }

  // MARK: MSI

  static func msi(_ text: String) {
    guard let pattern = try? MSIPattern(text: text) else { return }
    fuzzCheck(
      pattern.horizontalDB.count == 360 && pattern.verticalDB.count == 360, "MSI tables are not 360 entries")
    for azimuth in stride(from: -180.0, through: 180, by: 22.5) {
      for depression in stride(from: -90.0, through: 90, by: 15) {
        _ = pattern.gainDBi(AntennaAngles(azimuthOffBoresightDeg: azimuth, depressionDeg: depression))
      }
    }
    let written = pattern.text
    let again: MSIPattern
    do {
      again = try MSIPattern(text: written)
    } catch {
      fuzzCheck(false, "MSI text written does not read back: \(error)\n\(written)")
      return
    }
    // Written with 2 decimals: equal within 0.005 dB (or both the same non-finite value).
    func close(_ a: Double, _ b: Double) -> Bool {
      a == b || (a.isNaN && b.isNaN) || abs(a - b) <= 0.005 + 1e-9 * abs(a)
    }
    fuzzCheck(close(again.peakGainDBi, pattern.peakGainDBi), "MSI round trip changed the gain")
    fuzzCheck(
      zip(again.horizontalDB, pattern.horizontalDB).allSatisfy(close)
        && zip(again.verticalDB, pattern.verticalDB).allSatisfy(close),
      "MSI round trip changed the pattern:\n\(written)")
  }
}
