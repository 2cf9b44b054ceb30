import Foundation
import Geo
import Scenario
import Testing

/// Guards the bundled Hai Phong sample against the published figures it was built to match
/// (geodata/README.md): DEEP C Hai Phong I ≈ 541 ha, Nam Dinh Vu ≈ 1,329 ha.
@Suite struct HaiPhongDataTests {
  let scenario: ScenarioModel

  init() throws {
    scenario = try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path)
  }

  @Test func zoneAreasAreWithinFivePercentOfPublished() {
    for zone in scenario.zones {
      let published = zone.publishedAreaHa ?? 0
      #expect(abs(zone.parcelAreaHa - published) / published < 0.05, "\(zone.id): \(zone.parcelAreaHa) ha")
    }
  }

  @Test func parcelsDoNotOverlap() throws {
    // The union of a tiling has the area of the sum of its tiles.
    let engine = GeometryEngine()
    for zone in scenario.zones {
      let union = try engine.union(zone.parcels.map(\.outline))
      #expect(abs(union.area - zone.parcels.reduce(0) { $0 + $1.areaM2 }) < 1, "\(zone.id)")
    }
  }

  @Test func todaysSharingRateIsInTheReportedRange() {
    let rate = ScenarioSummary(scenario).passiveSharingRate
    #expect((0.20...0.30).contains(rate), "\(rate)")
  }

  @Test func zonesCentreNearTheirPublishedCentres() throws {
    let centres = [
      "deep-c-1": Coordinate(lon: 106.758, lat: 20.837), "nam-dinh-vu": Coordinate(lon: 106.786, lat: 20.820),
    ]
    for zone in scenario.zones {
      let bounds = try #require(MultiPolygon(zone.parcels.flatMap(\.outlineLonLat.polygons)).bounds)
      let centre = try #require(centres[zone.id])
      #expect(abs((bounds.min.x + bounds.max.x) / 2 - centre.x) < 0.01)
      #expect(abs((bounds.min.y + bounds.max.y) / 2 - centre.y) < 0.01)
    }
  }
}
