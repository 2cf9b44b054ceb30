import Foundation
import Geo
import TestSupport
import Testing

@testable import Scenario

@Suite struct ScenarioLoaderTests {
  /// Loads and returns the issues (file names relative to the fixture), failing the
  /// test when the load succeeds.
  func issues(_ fixture: ScenarioFixture) -> [ScenarioIssue] {
    do {
      _ = try ScenarioLoader.load(path: fixture.scenarioPath)
      Issue.record("expected the scenario to be rejected")
      return []
    } catch let error as ScenarioError {
      let prefix = fixture.directory.standardizedFileURL.path + "/"
      return error.issues.map { issue in
        let file = issue.file.hasPrefix(prefix) ? String(issue.file.dropFirst(prefix.count)) : issue.file
        return ScenarioIssue(file: file, location: issue.location, message: issue.message)
      }
    } catch {
      Issue.record("unexpected error \(error)")
      return []
    }
  }

  @Test func validFixtureLoadsAndProjectsToUTM48N() throws {
    let scenario = try ScenarioLoader.load(path: try ScenarioFixture().scenarioPath)
    #expect(scenario.crs == CRS(epsg: 32648))
    #expect(scenario.crsIsAutomatic)
    #expect(scenario.parcels.count == 2)
    #expect(scenario.parcels[0].demand == 120)  // demand defaults to workers
    // R1 has no rent: the default rent of the cost parameters applies.
    #expect(scenario.structure("R1")?.rentVNDPerMonth == CostParameters().defaultRentVNDPerMonth)
    // 106.755 E, 20.835 N in UTM 48N, checked against the PROJ forward of the same point.
    let t1 = try #require(scenario.structure("T1"))
    let expected = try CoordinateTransform(from: .wgs84, to: CRS(epsg: 32648)).forward(t1.positionLonLat)
    #expect(t1.position == expected)
  }

  /// A 100 m × 200 m rectangle given in UTM 48N metres is exactly 2 ha after the round
  /// trip through WGS84 (to well under 1 m²).
  @Test func parcelsInAMetricCRSKeepTheirArea() throws {
    let parcels = """
      {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"M1","land_use":"yard","building_class":"outdoor"},
      "geometry":{"type":"Polygon","coordinates":[[[685000,2306000],[685100,2306000],[685100,2306200],[685000,2306200],[685000,2306000]]]}}]}
      """
    let scenario = ScenarioFixture.validScenario.replacingOccurrences(
      of: "parcels: parcels.geojson", with: "parcels: { file: parcels.geojson, crs: EPSG:32648 }"
    ).replacingOccurrences(of: "crs: auto", with: "crs: EPSG:32648")
    let model = try ScenarioLoader.load(path: try ScenarioFixture(scenario: scenario, parcels: parcels).scenarioPath)
    #expect(abs(model.parcels[0].areaM2 - 20_000) < 0.01)
  }

  /// The same rectangle with the file's own `crs` member (as QGIS and ogr2ogr write it) and no
  /// `crs` in the scenario: read in UTM 48N, exactly as when the scenario names it. A member
  /// contradicting the scenario, or naming no CRS Cosite reads, is an error naming the file.
  @Test func aGeoJSONCRSMemberIsHonouredOrRefused() throws {
    func parcels(_ member: String) -> String {
      """
      {"type":"FeatureCollection","crs":\(member),"features":[{"type":"Feature","properties":{"id":"M1","land_use":"yard","building_class":"outdoor"},
      "geometry":{"type":"Polygon","coordinates":[[[685000,2306000],[685100,2306000],[685100,2306200],[685000,2306200],[685000,2306000]]]}}]}
      """
    }
    let named = #"{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32648"}}"#
    let scenario = ScenarioFixture.validScenario.replacingOccurrences(of: "crs: auto", with: "crs: EPSG:32648")
    let model = try ScenarioLoader.load(
      path: try ScenarioFixture(scenario: scenario, parcels: parcels(named)).scenarioPath)
    #expect(abs(model.parcels[0].areaM2 - 20_000) < 0.01)
    // The scenario says VN-2000 for the file: the member contradicts it.
    let contradicted = scenario.replacingOccurrences(
      of: "parcels: parcels.geojson", with: "parcels: { file: parcels.geojson, crs: EPSG:9210 }")
    for (text, message) in [
      (
        contradicted, "'crs' member names EPSG:32648, but the scenario reads this file in EPSG:9210"
      ),
      (scenario, "'crs' member: expected a named EPSG code (urn:ogc:def:crs:EPSG::n) or CRS84, got"),
    ] {
      let file = text == scenario ? parcels(#"{"type":"link","properties":{"href":"x.prj"}}"#) : parcels(named)
      let fixture = try ScenarioFixture(scenario: text, parcels: file)
      do {
        _ = try ScenarioLoader.load(path: fixture.scenarioPath)
        Issue.record("loaded: expected \(message)")
      } catch {
        #expect("\(error)".contains("parcels.geojson") && "\(error)".contains(message), "\(error)")
      }
    }
  }

  /// VN-2000 survey convention: x is northing, y easting. The same point given as
  /// easting/northing must land on the same lon/lat.
  @Test func vn2000StructuresUseNorthingFirstXY() throws {
    func load(_ csv: String) throws -> Coordinate {
      let scenario = ScenarioFixture.validScenario.replacingOccurrences(
        of: "structures: structures.csv", with: "structures: { file: structures.csv, crs: EPSG:3405 }")
      let model = try ScenarioLoader.load(
        path: try ScenarioFixture(scenario: scenario, structures: csv).scenarioPath)
      return try #require(model.structure("T1")).positionLonLat
    }
    let fromXY = try load("id,kind,x,y,height_m,owner,free_slots\nT1,tower,2306500,685000,40,towerco,2\n")
    let fromEN = try load("id,kind,easting,northing,height_m,owner,free_slots\nT1,tower,685000,2306500,40,towerco,2\n")
    #expect(fromXY == fromEN)
    #expect(abs(fromXY.x - 106.78) < 0.01 && abs(fromXY.y - 20.85) < 0.01)
  }

  @Test func reportsEveryMistakeWithItsLine() throws {
    let scenario = """
      cosite: 1
      name: Mistakes
      crs: EPSG:4326
      grid:
        resolution_m: ten
        margn_m: 100
      zones:
        - id: z1
          parcels: parcels.geojson
      carriers:
        - id: viettel
          layers:
            - { id: lte1800, technology: LTE, band: B3, frequency_mhz: 300, bandwidth_mhz: 20 }
            - { id: nr, technology: NR, band: n78, frequency_mhz: 3750, bandwidth_mhz: 33 }
        - id: vnpt
          layers:
            - { id: lte1800, technology: LTE, band: B3, frequency_mhz: 1835, bandwidth_mhz: 20 }
      structures: structures.csv
      sites: sites.csv
      """
    let sites = """
      id,carrier,layer,structure,azimuth_deg,height_m,power_dbm
      S1,vnpt,lte1800,T1,400,38,43
      S1,vnpt,lte2100,T1,0,45,43
      S3,mobifone,lte1800,T1,0,-5,43
      """
    let found = issues(try ScenarioFixture(scenario: scenario, sites: sites)).map(\.description)
    let expected = [
      "scenario.yaml:3: 'crs': EPSG:4326 (WGS 84) is not a projected CRS in metres",
      "scenario.yaml:5: 'grid.resolution_m': expected a cell size in m, got 'ten'",
      "scenario.yaml:6: unknown key 'grid.margn_m'; did you mean 'margin_m'?",
      "scenario.yaml:13: 'carriers[0].layers[0].frequency_mhz': expected a downlink centre frequency in MHz between 400 and 7125, got '300'",
      "scenario.yaml:14: 'carriers[0].layers[1].bandwidth_mhz': expected a NR channel bandwidth",
      "sites.csv:2: column 'azimuth_deg': expected an azimuth in degrees from north between 0.0 and 360.0, got '400'",
      "sites.csv:3: sector id 'S1' is used twice",
      "sites.csv:3: column 'layer': carrier 'vnpt' has no layer 'lte2100' (it has: lte1800)",
      "sites.csv:3: column 'height_m': antenna at 45 m is above the top of structure 'T1' (40 m)",
      "sites.csv:4: column 'height_m': expected an antenna height above ground in m between 1.0 and 300.0, got '-5'",
    ]
    for prefix in expected {
      #expect(found.contains { $0.hasPrefix(prefix) }, "missing: \(prefix)\nfound:\n\(found.joined(separator: "\n"))")
    }
    #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
  }

  @Test func rejectsUnknownBuildingClassAndDuplicateParcel() throws {
    let parcels = ScenarioFixture.validParcels.replacingOccurrences(of: "\"P2\"", with: "\"P1\"")
      .replacingOccurrences(of: "\"outdoor\"", with: "\"glasshouse\"")
    let found = issues(try ScenarioFixture(parcels: parcels)).map(\.description)
    #expect(found.contains { $0.hasPrefix("parcels.geojson: feature index 1 (id 'P1'): parcel id 'P1' is used twice") })
    #expect(found.contains { $0.contains("unknown class 'glasshouse'") })
  }

  /// The bowtie (0,0)-(10,10)-(10,0)-(0,10) in 0.01° units is two triangles of a quarter of
  /// its bounding box each: half the box's area, once repaired.
  @Test func repairsSelfIntersectionOnlyWhenAsked() throws {
    let parcels = """
      {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"B","land_use":"yard","building_class":"outdoor"},
      "geometry":{"type":"Polygon","coordinates":[[[106.77,20.83],[106.78,20.84],[106.78,20.83],[106.77,20.84],[106.77,20.83]]]}}]}
      """
    let rejected = issues(try ScenarioFixture(parcels: parcels))
    #expect(rejected.count == 1)
    #expect(rejected.first?.description.contains("Self-intersection at (106.775, 20.835)") == true)
    let repairing = ScenarioFixture.validScenario + "\nrepair_geometry: true\n"
    let model = try ScenarioLoader.load(path: try ScenarioFixture(scenario: repairing, parcels: parcels).scenarioPath)
    let square = MultiPolygon([
      Polygon(
        exterior: try LinearRing([
          Coordinate(x: 106.77, y: 20.83), Coordinate(x: 106.78, y: 20.83), Coordinate(x: 106.78, y: 20.84),
          Coordinate(x: 106.77, y: 20.84), Coordinate(x: 106.77, y: 20.83),
        ]))
    ])
    let transform = try CoordinateTransform(from: .wgs84, to: model.crs)
    let boxArea = try square.map { try transform.forward($0) }.area
    #expect(abs(model.parcels[0].areaM2 - boxArea / 2) / boxArea < 0.001)
  }

  @Test func yamlSyntaxErrorNamesTheLine() throws {
    let broken = "cosite: 1\nname: x\nzones:\n  - id: [unclosed\n"
    let found = issues(try ScenarioFixture(scenario: broken))
    #expect(found.count == 1)
    guard case .line(let line)? = found.first?.location else {
      Issue.record("expected a line")
      return
    }
    #expect(line == 5 || line == 4)
  }

  @Test func passiveSharingRateCountsStructuresWithTwoCarriers() throws {
    // T1 hosts viettel and vnpt; R1 nobody: 1 shared of 2 structures = 50 %.
    let summary = ScenarioSummary(try ScenarioLoader.load(path: try ScenarioFixture().scenarioPath))
    #expect(summary.sharedStructureCount == 1)
    #expect(summary.passiveSharingRate == 0.5)
    #expect(summary.siteCount == 2)
  }
}
