import Foundation
import Scenario
import TestSupport
import Testing

/// Plausible mistakes are warnings on the model: the run goes ahead, the planner is told.
@Suite struct ScenarioWarningsTests {
  /// The warnings as printed, with the fixture's folder left out of the file names.
  static func warnings(_ fixture: ScenarioFixture) throws -> [String] {
    try ScenarioLoader.load(path: fixture.scenarioPath).warnings.map {
      $0.description.replacingOccurrences(of: fixture.directory.path + "/", with: "")
    }
  }

  @Test func theValidFixtureHasNoWarning() throws {
    #expect(try Self.warnings(ScenarioFixture()) == [])
  }

  @Test func overlappingParcelsAreNamedWithTheSharedArea() throws {
    // P2 is moved 0.0005° west, onto the eastern strip of P1: 0.0005° × 0.01° of P1 is shared,
    // 0.0005 · 104,050 m (one degree of longitude at 20.835° N, WGS84 ≈ 111,320 · cos φ) ×
    // 0.01 · 110,700 m (a degree of latitude) ≈ 52 m × 1,107 m ≈ 57,600 m² — far above 1 m².
    let parcels = ScenarioFixture.validParcels.replacingOccurrences(
      of: "[[[106.76,20.83],[106.761,20.83],[106.761,20.84],[106.76,20.84],[106.76,20.83]]]",
      with: "[[[106.7595,20.83],[106.7605,20.83],[106.7605,20.84],[106.7595,20.84],[106.7595,20.83]]]")
    let found = try Self.warnings(ScenarioFixture(parcels: parcels))
    #expect(found.count == 1, "\(found)")
    let warning = try #require(found.first)
    #expect(warning.hasPrefix("parcels.geojson: feature index 0 (id 'P1'): parcel overlaps parcel 'P2'"), "\(warning)")
    let area = try #require(warning.split(separator: " by ").last?.split(separator: " ").first.flatMap { Double($0) })
    #expect(abs(area - 57_600) < 1_500, "\(warning)")
  }

  @Test func aStructureBeyondTheReachOfEveryZoneIsNamed() throws {
    // 106.755 → 107.055 E at 20.835 N: 0.3° · 104,050 m ≈ 31 km east, beyond the default
    // 'coverage.max_radius_m' of 15 km (less the parcels' own 1 km: ~30 km from their box).
    let structures = ScenarioFixture.validStructures + "\nF1,tower,107.055,20.835,40,towerco,2,\n"
    let found = try Self.warnings(ScenarioFixture(structures: structures))
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.hasPrefix("structures.csv:4: structure 'F1' is 3") == true, "\(found)")
    #expect(found.first?.contains("km from the nearest zone, beyond 'coverage.max_radius_m' (15000 m)") == true)
  }

  /// Five far structures (F1…F5, 0.3°–0.7° east: 31–73 km away) make one line that names the
  /// first and where the other four are, as a national network's thousands would.
  @Test func manyFarStructuresFoldIntoOneLine() throws {
    let far = ["107.055", "107.155", "107.255", "107.355", "107.455"].enumerated().map {
      "F\($0.offset + 1),tower,\($0.element),20.835,40,towerco,2,"
    }
    let structures = ScenarioFixture.validStructures + "\n" + far.joined(separator: "\n") + "\n"
    let found = try Self.warnings(ScenarioFixture(structures: structures))
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.hasPrefix("structures.csv:4: structure 'F1' is 3") == true, "\(found)")
    #expect(found.first?.hasSuffix("; and 4 more like it (line 5, line 6, line 7, line 8)") == true, "\(found)")
  }

  @Test func aPowerThatLooksLikeWattsGivesItsDBmValue() throws {
    // 20 given as dBm is 0.1 W; 20 W is 10·log10(20,000 mW) = 43.0 dBm.
    let sites = ScenarioFixture.validSites.replacingOccurrences(
      of: "S2,vnpt,lte1800,T1,120,35,43", with: "S2,vnpt,lte1800,T1,120,35,20")
    let found = try Self.warnings(ScenarioFixture(sites: sites))
    #expect(
      found == ["sites.csv:3: column 'power_dbm': 20 dBm is 0.1 W, below 1 W; if this is 20 W, give 43 dBm"],
      "\(found)")
  }

  @Test func aZoneFarFromItsPublishedAreaIsNamed() throws {
    // The two parcels: (0.01 + 0.001)° × 0.01° ≈ 1,144 m × 1,107 m ≈ 126.7 ha; 500 ha published
    // is more than twice that.
    let scenario = ScenarioFixture.validScenario.replacingOccurrences(
      of: "  - id: z1\n", with: "  - id: z1\n    published_area_ha: 500\n")
    let found = try Self.warnings(ScenarioFixture(scenario: scenario))
    #expect(found.count == 1, "\(found)")
    #expect(found.first?.hasPrefix("scenario.yaml:5: zone 'z1' measures 12") == true, "\(found)")
  }
}
