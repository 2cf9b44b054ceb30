import Foundation
import Geo
import GeoIO
import Testing

@testable import Report

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `cosite.gpkg` and `cosite.kmz` read back through GDAL (GeoIO) and checked against the
/// GeoJSON files of the same run, parsed on their own.
@Suite struct MapFilesTests {
  static let scenario = "Tests/CositeTests/Fixtures/sharing-by-hand/scenario.yaml"

  /// The run's maps: GeoPackage table, KML folder, GeoJSON file.
  static let runMaps: [(table: String, folder: String, file: String)] = [
    ("zones", "Zones", "zones.geojson"), ("parcels", "Parcels", "parcels.geojson"),
    ("structures", "Structures", "structures.geojson"), ("sites", "Sites", "sites.geojson"),
    ("coverage_viettel_lte1800", "Coverage viettel lte1800", "coverage-viettel-lte1800.geojson"),
    ("best_server_viettel_lte1800", "Best server viettel lte1800", "best-server-viettel-lte1800.geojson"),
    ("gaps_viettel", "Gaps viettel", "gaps-viettel.geojson"),
    ("coverage_vnpt_lte1800", "Coverage vnpt lte1800", "coverage-vnpt-lte1800.geojson"),
    ("best_server_vnpt_lte1800", "Best server vnpt lte1800", "best-server-vnpt-lte1800.geojson"),
    ("gaps_vnpt", "Gaps vnpt", "gaps-vnpt.geojson"),
  ]

  /// The field-name table of docs/OUTPUTS.md for the properties these maps carry.
  static let fieldNames = [
    "id": "id", "name": "name", "zone": "zone", "province": "province", "area_ha": "area_ha",
    "published_area_ha": "pub_ha", "parcels": "parcels", "outline_given": "outline", "land_use": "land_use",
    "building_class": "bldg_class", "workers": "workers", "demand": "demand", "kind": "kind", "height_m": "height_m",
    "owner": "owner", "free_slots": "free_slots", "rent_vnd_month": "rent_vnd_m", "building_height_m": "bldg_h_m",
    "rooftop_permit": "roof_perm", "tenants": "tenants", "tenant_count": "n_tenants", "carrier": "carrier",
    "structure": "structure", "layers": "layers", "sectors": "sectors", "azimuths_deg": "azimuths",
    "layer": "layer", "technology": "tech", "band": "band", "frequency_mhz": "freq_mhz", "bin": "bin",
    "min_dbm": "min_dbm", "max_dbm": "max_dbm", "where": "location", "sector": "sector", "azimuth_deg": "azimuth",
    "parcel": "parcel", "parcel_name": "parcel_nam", "covered_share": "cov_share", "uncovered_ha": "uncov_ha",
    "target_rsrp_dbm": "tgt_rsrp", "indoor": "indoor", "min_share": "min_share", "rank": "rank", "option": "option",
    "candidate": "candidate", "newly_covered_ha": "new_ha", "lifetime_vnd": "life_vnd", "fill": "fill",
    "fill-opacity": "fill_opac", "stroke": "stroke", "stroke-width": "stroke_w", "marker-color": "marker_col",
    "marker-symbol": "marker_sym",
  ]

  /// The count field a list property gains in the GeoPackage.
  static let countFields = ["layers": "n_layers", "sectors": "n_sectors", "azimuths_deg": "n_azimuths"]

  /// The GeoPackage's tables: the maps', and the sites' sectors after the sites.
  static let runTables = Self.runMaps.map(\.table).flatMap { $0 == "sites" ? [$0, "site_sectors"] : [$0] }

  /// Lists kept in a child table (a site's sector ids can outgrow a 254-character text field).
  static let childLists: Set<String> = ["sectors", "azimuths_deg"]

  @Test func geoPackageHoldsEveryMapWithItsFeaturesAndShortFields() throws {
    let out = try Self.cosite(["run", Self.scenario, "--threads", "1"])
    defer { try? FileManager.default.removeItem(at: out) }
    let gpkg = try Data(contentsOf: out.appendingPathComponent("cosite.gpkg"))
    let tables = try GeoIO.readVector(gpkg, kind: .geoPackage)
    #expect(tables.map(\.name).filter { $0 != "layer_styles" } == Self.runTables)
    for map in Self.runMaps {
      let table = try #require(tables.first { $0.name == map.table }, "\(map.table)")
      let geoJSON = try Self.features(out, map.file)
      #expect(table.featureCount == geoJSON.count, "\(map.table)")
      #expect(table.epsg == 4326, "\(map.table)")
      let isPoints = ["structures", "sites"].contains(map.table)
      #expect(table.geometryType == (isPoints ? "Point" : "Multi Polygon"), "\(map.table)")
      // dBase keeps 10 characters: every name fits, is lowercase ASCII and unique.
      for name in table.fieldNames {
        #expect(name.count <= 10 && name.allSatisfy { $0.isASCII && !$0.isUppercase }, "\(map.table).\(name)")
      }
      #expect(Set(table.fieldNames).count == table.fieldNames.count, "\(map.table)")
      // Attributes equal the GeoJSON properties under the documented names; lists are text.
      for (feature, row) in zip(geoJSON, table.features) {
        for (property, value) in feature.properties {
          let field = try #require(Self.fieldNames[property], "\(property) has no documented field name")
          if Self.childLists.contains(property) {
            #expect(row[field] == nil, "\(map.table).\(field) is in the child table")
          } else {
            Self.expectEqual(row[field], value, "\(map.table).\(field)")
          }
          if case .array(let items) = value, let count = Self.countFields[property] {
            #expect(row[count] == "\(items.count)", "\(map.table).\(count)")
          }
        }
        for (field, text) in row {
          #expect(!text.hasPrefix("[") && text.range(of: #"^\(\d+:"#, options: .regularExpression) == nil, "\(field)")
        }
      }
    }
    // The sites' sectors: one row per sector, in the site's order, at the site.
    let sites = try Self.features(out, "sites.geojson")
    let sectors = try #require(tables.first { $0.name == "site_sectors" })
    #expect(sectors.geometryType == "Point" && sectors.fieldNames == ["site", "item", "sector", "azimuth"])
    var expected: [[String: String]] = []
    for site in sites {
      let ids = site.property("sectors")?.arrayValue ?? []
      let azimuths = site.property("azimuths_deg")?.arrayValue ?? []
      for index in ids.indices {
        let azimuth = Int(azimuths[index].numberValue ?? -1)
        expected.append([
          "site": site.property("id")?.stringValue ?? "?", "item": "\(index + 1)",
          "sector": ids[index].stringValue ?? "?", "azimuth": "\(azimuth)",
        ])
      }
    }
    #expect(sectors.features == expected)
    #expect(sectors.geometries.count == expected.count && sectors.geometries.allSatisfy { $0.hasPrefix("POINT") })
    let layers = try #require(tables.first { $0.name == "sites" })
    #expect(layers.features.first?["layers"] == "lte1800" && layers.features.first?["n_sectors"] == "3")
  }

  @Test func everyTableHasOneDefaultQGISStyle() throws {
    let out = try Self.cosite(["run", Self.scenario, "--threads", "1"])
    defer { try? FileManager.default.removeItem(at: out) }
    let gpkg = try Data(contentsOf: out.appendingPathComponent("cosite.gpkg"))
    let styles = try GeoIO.sqlRows(
      gpkg, kind: .geoPackage,
      sql: "SELECT f_table_name, useAsDefault, styleQML, styleSLD FROM layer_styles ORDER BY f_table_name")
    #expect(styles.compactMap { $0["f_table_name"] } == Self.runTables.sorted())
    for style in styles {
      let table = style["f_table_name"] ?? "?"
      #expect(style["useAsDefault"] == "1" || style["useAsDefault"] == "true", "\(table)")
      let qml = style["styleQML"] ?? ""
      let sld = style["styleSLD"] ?? ""
      #expect(qml.contains("<qgis version=\"3.28") && qml.contains("styleCategories=\"Symbology\""), "\(table)")
      #expect(sld.contains("<StyledLayerDescriptor") && sld.contains("version=\"1.1.0\""), "\(table)")
      #expect(XMLParser(data: Data(qml.utf8)).parse(), "\(table): QML is not well-formed XML")
      #expect(XMLParser(data: Data(sld.utf8)).parse(), "\(table): SLD is not well-formed XML")
    }
    // The coverage style has one rule per band colour, filtered on the fill field, coloured
    // as the GeoJSON: #1a9850 at fill-opacity 0.5 is QGIS's "26,152,80,127".
    let coverage = try Self.features(out, "coverage-viettel-lte1800.geojson")
    let fills = Set(coverage.compactMap { $0.property("fill")?.stringValue })
    let qml = styles.first { $0["f_table_name"] == "coverage_viettel_lte1800" }?["styleQML"] ?? ""
    let elements = XMLElements(Data(qml.utf8))
    let filters = elements.attributes(of: "rule").compactMap { $0["filter"] }
    #expect(Set(filters) == Set(fills.map { "\"fill\" = '\($0)'" }) && filters.count == fills.count, "\(filters)")
    let colours = elements.attributes(of: "Option").filter { $0["name"] == "color" }.compactMap { $0["value"] }
    #expect(colours.count == fills.count)
    if fills.contains("#1a9850") { #expect(colours.contains("26,152,80,127")) }
  }

  @Test func kmzHoldsEveryMapInFoldersWithNamedColouredPlacemarks() throws {
    let out = try Self.cosite(["run", Self.scenario, "--threads", "1"])
    defer { try? FileManager.default.removeItem(at: out) }
    let kmz = try Data(contentsOf: out.appendingPathComponent("cosite.kmz"))
    #expect(kmz.prefix(4) == Data([0x50, 0x4b, 0x03, 0x04]) && kmz.dropFirst(30).prefix(7) == Data("doc.kml".utf8))
    // GDAL's LIBKML driver reads each Folder as a layer (and resolves shared styles when asked).
    setenv("LIBKML_RESOLVE_STYLE", "YES", 1)
    let folders = try GeoIO.readVector(kmz, kind: .kmz)
    for map in Self.runMaps {
      let folder = try #require(folders.first { $0.name == map.folder }, "\(map.folder)")
      let geoJSON = try Self.features(out, map.file)
      #expect(folder.featureCount == geoJSON.count, "\(map.folder)")
      #expect(folder.epsg == 4326, "\(map.folder)")
    }
    // Bands are named by their bin, and their colour is the GeoJSON's fill with the
    // fill-opacity as alpha: KML writes #1a9850 at 0.5 as aabbggrr 7f50981a, which GDAL
    // reads back as RGBA #1A98507F.
    let bands = try Self.features(out, "coverage-viettel-lte1800.geojson")
    let styled = try GeoIO.sqlRows(
      kmz, kind: .kmz, sql: "SELECT Name, OGR_STYLE FROM \"Coverage viettel lte1800\"")
    #expect(styled.count == bands.count)
    for (band, row) in zip(bands, styled) {
      #expect(row["Name"] == band.property("bin")?.stringValue)
      let fill = band.property("fill")?.stringValue?.uppercased() ?? "?"
      let alpha = String(format: "%02X", Int((band.property("fill-opacity")?.numberValue ?? 0) * 255))
      #expect(row["OGR_STYLE"]?.contains("BRUSH(fc:\(fill)\(alpha))") == true, "\(row)")
    }
    // Structures: named by id, their figures in the balloon and the extended data.
    let structures = try #require(folders.first { $0.name == "Structures" })
    let t1 = try #require(structures.features.first)
    #expect(t1["Name"] == "T1" && t1["owner"] == "towerco" && t1["tenants"] == "viettel")
    #expect(t1["description"]?.contains("<table>") == true && t1["description"]?.contains("towerco") == true)
  }

  @Test func aBandColourIsKMLsAlphaBlueGreenRed() {
    // #1a9850 at opacity 0.5: alpha ⌊0.5 × 255⌋ = 127 = 7f, blue 50, green 98, red 1a.
    #expect(RGBColour(hex: "#1a9850")?.kml(opacity: 0.5) == "7f50981a")
    #expect(RGBColour(hex: "#d73027")?.kml(opacity: 0.6) == "992730d7")
    #expect(RGBColour(hex: "#abc")?.kml(opacity: 1) == "ffccbbaa")
  }

  @Test func kmlCoordinatesHaveSevenDecimalsAtMost() {
    let cases: [(Double, String)] = [
      (106.75145, "106.75145"), (-1.5, "-1.5"), (20, "20"), (0.0000001, "0.0000001"), (-0.0000012, "-0.0000012"),
      (-0.00000004, "0"), (106.123456789, "106.1234568"), (-179.99999999, "-180"),
    ]
    for (value, text) in cases { #expect(KMLPlacemark.decimal(value) == text, "\(value)") }
  }

  @Test func planMapsJoinTheGeoPackageAndKMZ() throws {
    let out = try Self.cosite(["compare", Self.scenario, "--spacing-m", "0", "--threads", "1"])
    defer { try? FileManager.default.removeItem(at: out) }
    let gpkg = try GeoIO.readVector(Data(contentsOf: out.appendingPathComponent("cosite.gpkg")), kind: .geoPackage)
    let kmz = try GeoIO.readVector(Data(contentsOf: out.appendingPathComponent("cosite.kmz")), kind: .kmz)
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
    let stationFiles = names.filter { $0.hasSuffix("-recommended-stations.geojson") }.sorted()
    #expect(stationFiles.count == 5)
    for file in stationFiles {
      let option = String(file.dropLast("-recommended-stations.geojson".count))
      let stations = try Self.features(out, file)
      let table = try #require(gpkg.first { $0.name == MapLayer.tableName(fileName: file) }, "\(option)")
      #expect(table.featureCount == stations.count && table.geometryType == "Point")
      for (feature, row) in zip(stations, table.features) {
        #expect(row["rank"] == feature.property("rank").map { "\(Int($0.numberValue ?? 0))" })
        #expect(row["candidate"] == feature.property("candidate")?.stringValue)
        #expect(Double(row["life_vnd"] ?? "") == feature.property("lifetime_vnd")?.numberValue)
      }
      let folder = try #require(kmz.first { $0.name == "Recommended stations (\(option))" })
      #expect(folder.featureCount == stations.count)
      for (feature, placemark) in zip(stations, folder.features) {
        #expect(placemark["kind"] == feature.property("kind")?.stringValue)
        #expect(placemark["description"]?.contains("Lifetime (VND)") == true)
        // The balloon groups money by thousands: 3457000000 → 3,457,000,000.
        let money = Int64(feature.property("lifetime_vnd")?.numberValue ?? 0)
        let grouped = money.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        #expect(placemark["description"]?.contains("<td>\(grouped)</td>") == true, "\(grouped)")
      }
      for carrier in ["viettel", "vnpt"] {
        let newly = try Self.features(out, "\(option)-newly-covered-\(carrier).geojson")
        let table = try #require(
          gpkg.first { $0.name == MapLayer.tableName(fileName: "\(option)-newly-covered-\(carrier).geojson") })
        #expect(table.featureCount == newly.count, "\(option) \(carrier)")
        let folder = try #require(kmz.first { $0.name == "Newly covered \(carrier) (\(option))" })
        #expect(folder.featureCount == newly.count, "\(option) \(carrier)")
      }
    }
    // Today's maps come first, as in `cosite run`.
    #expect(Array(gpkg.map(\.name).prefix(Self.runTables.count)) == Self.runTables)
  }

  @Test func mapFilesAreByteIdenticalWhateverTheThreads() throws {
    for command in [["run", Self.scenario], ["recommend", Self.scenario, "--spacing-m", "0"]] {
      let first = try Self.cosite(command + ["--threads", "1"])
      let second = try Self.cosite(command + ["--threads", "2"])
      defer {
        try? FileManager.default.removeItem(at: first)
        try? FileManager.default.removeItem(at: second)
      }
      for name in ["cosite.gpkg", "cosite.kmz"] {
        let a = try Data(contentsOf: first.appendingPathComponent(name))
        let b = try Data(contentsOf: second.appendingPathComponent(name))
        #expect(!a.isEmpty && a == b, "\(command[0]): \(name) differs between 1 and 2 threads")
      }
    }
  }

  @Test(.enabled(if: MapFilesTests.ogr2ogr != nil, "ogr2ogr (gdal-bin) is not installed: Shapefile export not tried"))
  func shapefileExportKeepsEveryFieldWhole() throws {
    let out = try Self.cosite(["run", Self.scenario, "--threads", "1"])
    defer { try? FileManager.default.removeItem(at: out) }
    for table in Self.runTables {
      let shapefile = out.appendingPathComponent("\(table).shp")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: try #require(Self.ogr2ogr))
      // UTF-8 attributes: band labels ("≥ −85 dBm") and Vietnamese names are not Latin-1.
      process.arguments = [
        "-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shapefile.path,
        out.appendingPathComponent("cosite.gpkg").path, table,
      ]
      let error = Pipe()
      process.standardError = error
      process.standardOutput = Pipe()
      try process.run()
      let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0, "\(table): \(message)")
      #expect(!message.localizedCaseInsensitiveContains("truncat"), "\(table): \(message)")
      #expect(!message.localizedCaseInsensitiveContains("list"), "\(table): \(message)")
      #expect(!message.contains("Warning"), "\(table): \(message)")
    }
  }

  // MARK: - Helpers

  static let ogr2ogr: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/ogr2ogr" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Runs `cosite` with `--out` a new directory, which it returns.
  static func cosite(_ arguments: [String]) throws -> URL {
    let out = CLI.temporaryDirectory()
    let result = try CLI.run(arguments + ["--out", out.path])
    try #require(result.status == 0, "\(result.standardError)")
    return out
  }

  static func features(_ directory: URL, _ file: String) throws -> [GeoJSONFeature] {
    try GeoJSON.features(in: String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8))
  }

  /// A GDAL attribute (text; absent when null) against a GeoJSON value.
  static func expectEqual(_ text: String?, _ value: JSONValue, _ context: String) {
    switch value {
    case .null: #expect(text == nil, "\(context)")
    case .bool(let flag): #expect(text == (flag ? "1" : "0"), "\(context)")
    case .string(let string): #expect(text == string, "\(context)")
    case .number(let number):
      let read = Double(text ?? "") ?? .nan
      #expect(abs(read - number) <= 1e-9 * max(1, abs(number)), "\(context): \(text ?? "null") ≠ \(number)")
    case .array(let items):
      let joined = items.map { item -> String in
        switch item {
        case .number(let number) where number == number.rounded(): return String(Int(number))
        case .number(let number): return "\(number)"
        default: return item.stringValue ?? "?"
        }
      }.joined(separator: ", ")
      #expect(text == joined, "\(context)")
    case .object: Issue.record("\(context): objects are not expected in Cosite's maps")
    }
  }
}

/// Every element's attributes, by element name, as an XML parser reads them.
final class XMLElements: NSObject, XMLParserDelegate {
  private var found: [(name: String, attributes: [String: String])] = []

  init(_ data: Data) {
    super.init()
    let parser = XMLParser(data: data)
    parser.delegate = self
    // Well-formedness is checked by its own expectation (the QML/SLD test); here only the
    // elements matter.
    _ = parser.parse()
  }

  func attributes(of element: String) -> [[String: String]] {
    found.filter { $0.name == element }.map(\.attributes)
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    found.append((elementName, attributes))
  }
}
