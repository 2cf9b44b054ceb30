import Foundation
import Geo
import TestSupport
import Testing

@testable import Scenario

/// `cosite import sites` and `sites: { file:, mapping: }` (#20): an operator's cell export
/// with foreign column names, semicolons, decimal commas and degrees-minutes-seconds.
@Suite struct SiteImportTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
    .standardizedFileURL

  /// Degrees-minutes-seconds as exports write them; each expected value is d + m/60 + s/3600
  /// worked out in the comment.
  @Test func anglesInDecimalDegreesAndDMS() {
    let cases: [(String, AngleText.Axis, Bool, Double)] = [
      // 106 + 45/60 + 8.514/3600 = 106 + 0.75 + 0.002365 = 106.752365
      ("106°45'08,5140\"E", .longitude, true, 106.752365),
      ("106 45 8.514 E", .longitude, false, 106.752365),
      ("E106:45:08.514", .longitude, false, 106.752365),
      // 20 + 50/60 + 30/3600 = 20.841666…; south is negative
      ("20°50′30″S", .latitude, false, -(20 + 50.0 / 60 + 30.0 / 3600)),
      ("-20°50'30\"", .latitude, false, -(20 + 50.0 / 60 + 30.0 / 3600)),
      ("20.8449613", .latitude, false, 20.8449613),
      ("20,8449613", .latitude, true, 20.8449613),
      ("W 0°30'", .longitude, false, -0.5),
    ]
    for (text, axis, comma, expected) in cases {
      let result = AngleText.degrees(text, axis: axis, decimalComma: comma)
      guard case .success(let degrees) = result else {
        Issue.record("\(text): \(result)")
        continue
      }
      #expect(abs(degrees - expected) < 1e-12, "\(text): \(degrees) vs \(expected)")
    }
    let failures: [(String, AngleText.Axis, AngleError)] = [
      ("106°61'00\"E", .longitude, .malformed),  // 61 minutes
      ("106°45.5'10\"E", .longitude, .malformed),  // a fraction before the last part
      ("20°50'N", .longitude, .wrongHemisphere("N")),
      ("190°00'00\"E", .longitude, .outOfRange(180)),
      ("ninety", .latitude, .malformed),
      ("20,5", .latitude, .malformed),  // a decimal comma where the export uses points
      ("-20.5N", .latitude, .malformed),  // a minus sign and a hemisphere letter contradict
      ("-106W", .longitude, .malformed),
    ]
    for (text, axis, expected) in failures {
      #expect(AngleText.degrees(text, axis: axis, decimalComma: false) == .failure(expected), "\(text)")
    }
  }

  /// The bundled export read through its mapping gives exactly the native scenario's sectors
  /// and, with the free structures beside it, its structures (positions to the bit: DMS to
  /// 0.0001″ written back to 10⁻⁷°, as the native files hold them; W to dBm to 0.001 dB;
  /// dBd + 2.15 = dBi).
  @Test func theBundledExportGivesTheNativeStructuresAndSectors() throws {
    let own = try ScenarioLoader.load(
      path: Self.root.appendingPathComponent("scenarios/hai-phong-dinh-vu-own-data.yaml").path)
    let native = try ScenarioLoader.load(
      path: Self.root.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path)
    #expect(own.sectors == native.sectors)
    #expect(own.sectors.count == 669)
    #expect(Set(own.structures) == Set(native.structures))
    #expect(own.structures.count == native.structures.count)
  }

  /// A small export with one problem per row: every one is reported with its line and the
  /// export's own column name, and nothing converts.
  @Test func badRowsAreNamedByLineAndColumn() throws {
    let mapping = """
      carrier: viettel
      columns: { structure: SITE, sector: CELL, layer: BAND, lon: LON, lat: LAT, azimuth_deg: AZ, height_m: H, power: P }
      values: { layer: { L18: lte1800 } }
      """
    let export = """
      SITE;CELL;BAND;LON;LAT;AZ;H;P
      T1;C1;L18;106°45'00"E;20°50'00"N;0;30;43
      T1;C2;L09;106°45'00"E;20°50'00"N;120;30;43
      T2;C3;L18;106°45'00"E;20°50'00"E;240;30;43
      T2;C4;L18;106°45'00"E;20°50'00"N;0;30;forty
      T1;C5;L18;106°46'00"E;20°50'00"N;0;30;43
      T3;C1;L18;106°45'00"E;20°51'00"N;0;30;43
      """
    let lines = try Self.conversionIssues(export: export, mapping: mapping)
    let expected = [
      "export.csv:3: column 'BAND': 'L09' is not in values.layer ('L18')",
      "export.csv:4: column 'LAT': expected a latitude (hemisphere N or S), got '20°50\\'00\"E'",
      "export.csv:5: column 'P': expected a transmit power in dBm (0 to 70), got 'forty'",
      // 1′ of longitude at 20°50′ N: 111,320 / 60 × cos 20.8333° = 1,855.33 × 0.93462 = 1,734.0 m
      "export.csv:6: structure 'T1' is 1734 m from where line 2 puts it",
      "export.csv:7: sector 'C1' is also on line 2: expected one row per cell",
    ]
    for text in expected { #expect(lines.contains { $0.hasPrefix(text) }, "missing \(text) in \(lines)") }
    #expect(lines.count == expected.count, "\(lines)")
  }

  /// Rows that pass the export's own checks but that Cosite's structures reader refuses — a
  /// building as high as its rooftop mast, a building under a tower — are reported on the
  /// export's line that made the structure, and nothing converts.
  @Test func convertedRowsAreCheckedByTheScenarioReaders() throws {
    let mapping = """
      carrier: viettel
      columns:
        { structure: SITE, sector: CELL, layer: BAND, lon: LON, lat: LAT, azimuth_deg: AZ, height_m: H, power: P,
          structure_kind: KIND, building_height_m: BH }
      values: { structure_kind: { RT: rooftop, GF: tower } }
      """
    let export = """
      SITE,CELL,BAND,LON,LAT,AZ,H,P,KIND,BH
      R1,C1,lte1800,106.75,20.83,0,18,43,RT,15
      R2,C2,lte1800,106.76,20.83,0,18,43,RT,18
      T1,C3,lte1800,106.77,20.83,0,30,43,GF,10
      """
    let lines = try Self.conversionIssues(export: export, mapping: mapping)
    #expect(lines.count == 2, "\(lines)")
    #expect(
      lines.contains { $0.hasPrefix("export.csv:3: column 'building_height_m': the building (18 m) must be lower") })
    #expect(lines.contains { $0.hasPrefix("export.csv:4: column 'building_height_m': only a rooftop") }, "\(lines)")
  }

  /// A scenario reading an export whose band code maps to a layer its carrier does not have:
  /// the error names the export and the export's own line, not a converted table's.
  @Test func laterChecksNameTheExportsLine() throws {
    let mapping = """
      carrier: viettel
      columns: { structure: SITE, sector: CELL, layer: BAND, lon: LON, lat: LAT, azimuth_deg: AZ, height_m: H, power: P }
      """
    let export = """
      SITE,CELL,BAND,LON,LAT,AZ,H,P
      T9,C1,lte1800,106.755,20.835,0,30,43
      T9,C2,lte2600,106.755,20.835,120,30,43
      """
    let scenario = ScenarioFixture.validScenario.replacingOccurrences(
      of: "sites: sites.csv", with: "sites: { file: export.csv, mapping: map.yaml }")
    let fixture = try ScenarioFixture(scenario: scenario, extra: ["export.csv": export, "map.yaml": mapping])
    do {
      _ = try ScenarioLoader.load(path: fixture.scenarioPath)
      Issue.record("loaded: expected an unknown layer")
    } catch {
      #expect("\(error)".contains("export.csv:3:"), "\(error)")
      #expect(!"\(error)".contains("as imported"), "\(error)")
    }
  }

  /// A header that does not hold a mapped column names it, and hints at the separator when
  /// the whole header reads as one column.
  @Test func aMissingColumnIsNamedWithTheHeader() throws {
    let mapping = """
      carrier: viettel
      separator: ","
      columns: { structure: SITE, sector: CELL, layer: BAND, lon: LON, lat: LAT, azimuth_deg: AZ, height_m: H, power: P }
      """
    let fixture = try ScenarioFixture(extra: [
      "export.csv": "SITE;CELL;BAND;LON;LAT;AZ;H;P\nT1;C1;L18;106.75;20.83;0;30;43\n", "map.yaml": mapping,
    ])
    let path = { (name: String) in fixture.directory.appendingPathComponent(name).path }
    #expect(throws: ScenarioError.self) {
      try SiteImport.convert(exportPath: path("export.csv"), mappingPath: path("map.yaml"))
    }
    do {
      _ = try SiteImport.convert(exportPath: path("export.csv"), mappingPath: path("map.yaml"))
    } catch {
      #expect("\(error)".contains("export.csv:1: no column 'AZ' (mapped to 'azimuth_deg')"), "\(error)")
      #expect("\(error)".contains("is the file separated by another character?"), "\(error)")
    }
  }

  /// What converting `export` through `mapping` reports, each issue as the planner reads it
  /// (file names without their folder); records a test issue if it converts.
  static func conversionIssues(export: String, mapping: String) throws -> [String] {
    let fixture = try ScenarioFixture(extra: ["export.csv": export, "map.yaml": mapping])
    let path = { (name: String) in fixture.directory.appendingPathComponent(name).path }
    do {
      _ = try SiteImport.convert(exportPath: path("export.csv"), mappingPath: path("map.yaml")) {
        URL(fileURLWithPath: $0).lastPathComponent
      }
      Issue.record("converted: expected errors")
      return []
    } catch let error as ScenarioError {
      return error.issues.map(\.description)
    }
  }
}
