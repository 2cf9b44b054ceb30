import Foundation
import Geo
import Radio
import TestSupport
import Testing

@testable import Scenario

@Suite struct CoverageSectionTests {
  func scenario(with coverage: String, zoneExtra: String = "") -> String {
    ScenarioFixture.validScenario.replacingOccurrences(
      of: "    parcels: parcels.geojson\n", with: "    parcels: parcels.geojson\n\(zoneExtra)") + "\n" + coverage
  }

  @Test func readsEverySettingAndZoneModels() throws {
    let text = scenario(
      with: """
        coverage:
          model: cost231-hata
          environment: suburban
          ue_height_m: 1.8
          floor_dbm: -130
          max_radius_m: 8000
          rsrp_bins_dbm: [-80, -100, -120]
          sinr_bins_db: [15, 5]
          load: 0.7
          noise_figure_db: 7
          service_classes: { bronze: 1, gold: 20 }
          target: { rsrp_dbm: -100, indoor: false, min_share: 0.9 }
        """,
      zoneExtra: "    propagation: { model: tr38901-umi-nlos }\n")
    let model = try ScenarioLoader.load(path: try ScenarioFixture(scenario: text).scenarioPath)
    let settings = model.coverage
    #expect(settings.propagation == Propagation(model: .cost231Hata, environment: .suburban))
    #expect(settings.ueHeightM == 1.8 && settings.floorDBm == -130 && settings.maxRadiusM == 8000)
    #expect(settings.rsrpBinsDBm == [-80, -100, -120] && settings.sinrBinsDB == [15, 5])
    #expect(settings.loadFactor == 0.7 && settings.noiseFigureDB == 7)
    #expect(settings.serviceClassesBestFirst.map(\.name) == ["gold", "bronze"])
    #expect(settings.target == CoverageTarget(rsrpDBm: -100, indoor: false, minimumShare: 0.9))
    #expect(model.zones[0].propagation == Propagation(model: .umiNLOS))
  }

  @Test func defaultsWhenTheSectionIsMissing() throws {
    let model = try ScenarioLoader.load(path: try ScenarioFixture().scenarioPath)
    #expect(model.coverage == CoverageSettings())
    #expect(model.coverage.propagation == Propagation(model: .ercegB))
    #expect(model.terrain == nil)
  }

  @Test func reportsBadSettingsWithTheirLines() throws {
    let text = scenario(
      with: """
        coverage:
          model: hata-2000
          rsrp_bins_dbm: [-100, -90]
          load: 2
          target: { min_share: 95 }
          terrain: { dem: missing.asc }
        """)
    let fixture = try ScenarioFixture(scenario: text)
    do {
      _ = try ScenarioLoader.load(path: fixture.scenarioPath)
      Issue.record("expected the scenario to be rejected")
    } catch let error as ScenarioError {
      let messages = error.issues.map { issue -> String in
        guard case .line(let line) = issue.location else { return issue.message }
        return "line \(line): \(issue.message)"
      }
      let expected = [
        "line 17: 'coverage.model': expected a propagation model",
        "line 18: 'coverage.rsrp_bins_dbm': expected a list of numbers",
        "line 19: 'coverage.load': expected coupled or an interferer load 0…1 between 0 and 1",
        "line 20: 'coverage.target.min_share': expected a share of area 0…1 between 0 and 1",
        "line 21: file not found",
      ]
      #expect(messages.count == expected.count, "\(messages)")
      for (message, prefix) in zip(messages, expected) { #expect(message.hasPrefix(prefix), "\(message)") }
    }
  }

  @Test func readsTheDiffractionMethodDeltaBullingtonByDefault() throws {
    let plain = try ScenarioLoader.load(path: try ScenarioFixture().scenarioPath)
    #expect(plain.coverage.diffraction == .deltaBullington)
    for (text, method) in [("deygout", DiffractionMethod.deygout), ("delta-bullington", .deltaBullington)] {
      let model = try ScenarioLoader.load(
        path: try ScenarioFixture(scenario: scenario(with: "coverage:\n  diffraction: \(text)\n")).scenarioPath)
      #expect(model.coverage.diffraction == method, "\(text)")
    }
  }

  @Test func reportsAnUnknownDiffractionMethodWithItsLineAndTheNamesExpected() throws {
    // Line 17 is the first line after the fixture's scenario (as in reportsBadSettingsWithTheirLines).
    let fixture = try ScenarioFixture(scenario: scenario(with: "coverage:\n  diffraction: bullington\n"))
    do {
      _ = try ScenarioLoader.load(path: fixture.scenarioPath)
      Issue.record("expected the scenario to be rejected")
    } catch let error as ScenarioError {
      #expect(error.issues.count == 1, "\(error.issues)")
      let issue = try #require(error.issues.first)
      #expect(issue.location == .line(17))
      #expect(issue.file.hasSuffix("scenario.yaml"), "\(issue.file)")
      #expect(
        issue.message
          == "'coverage.diffraction': expected a diffraction method (delta-bullington, deygout), got 'bullington'")
    }
  }

  @Test func readsAnESRIASCIIGridWithItsGeoreference() throws {
    // 3 × 2 cells of 30 m, lower-left corner at (500000, 2300000): the centre of the
    // north-west cell is at (500015, 2300045).
    let asc =
      "ncols 3\nnrows 2\nxllcorner 500000\nyllcorner 2300000\ncellsize 30\nNODATA_value -9999\n1 2 3\n4 -9999 6\n"
    let diagnostics = Diagnostics()
    let dem = try #require(DEMFile.readASCII(asc, name: "t.asc", crs: CRS(epsg: 32648), diagnostics: diagnostics))
    #expect(diagnostics.isEmpty)
    #expect(dem.originX == 500_015 && dem.originY == 2_300_045)
    #expect(dem.heightsM[0] == 1 && dem.heightsM[5] == 6 && dem.heightsM[4].isNaN)
    // Bilinear halfway between the first two northern cells: (1 + 2) / 2.
    #expect(dem.heightM(at: Coordinate(x: 500_030, y: 2_300_045)) == 1.5)
    #expect(dem.heightM(at: Coordinate(x: 500_060, y: 2_300_030)) == nil)  // next to the void
    // Windows line ends read the same ("\r\n" is one Character: found by fuzzing).
    let crlf = try #require(
      DEMFile.readASCII(
        asc.replacingOccurrences(of: "\n", with: "\r\n"), name: "t.asc", crs: CRS(epsg: 32648),
        diagnostics: diagnostics))
    #expect(crlf.heightsM.count == 6 && crlf.heightsM[5] == 6 && crlf.originX == dem.originX)
    let short = DEMFile.readASCII(
      "ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n", name: "s.asc", crs: .wgs84,
      diagnostics: diagnostics)
    #expect(short == nil)
    #expect(diagnostics.issues.first?.message.hasPrefix("3 heights: expected ncols × nrows = 6") == true)
  }

  @Test func readsAnSRTMTileFromItsName() throws {
    // 1201² big-endian heights; the sample at row 0, column 1 is 258 (0x0102).
    var bytes = [UInt8](repeating: 0, count: 1201 * 1201 * 2)
    bytes[2] = 0x01
    bytes[3] = 0x02
    let diagnostics = Diagnostics()
    let dem = try #require(
      DEMFile.readHGT(Data(bytes), fileName: "N20E106.hgt", name: "N20E106.hgt", diagnostics: diagnostics))
    #expect(dem.originX == 106 && dem.originY == 21 && dem.cellSizeX == 1.0 / 1200)
    #expect(dem.heightsM[1] == 258)
    #expect(DEMFile.hgtCorner("S07W035.hgt")! == (-35, -7))
  }
}
