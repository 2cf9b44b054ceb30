import Coverage
import Foundation
import Geo
import Planning
import Scenario
import Testing

/// A candidate station's field, computed on a window of the grid, against an independent
/// computation: a full coverage run of the scenario with the station's sectors added as
/// real sites. Over flat ground and over a ridge.
@Suite struct CandidateFieldTests {
  static let scenario = "Tests/CositeTests/Fixtures/sharing-by-hand/scenario.yaml"

  /// The scenario with a north–south ridge 60 m high and 40 m wide, 60 m east of tower T1
  /// (VNPT's antennas on T1 stand at 36 m: the ridge shadows the parcel's east side).
  static func withRidge(_ scenario: ScenarioModel) -> ScenarioModel {
    let tower = scenario.structure("T1")!.position
    let columns = 200
    let rows = 200
    var heights = [Float](repeating: 0, count: columns * rows)
    for row in 0..<rows {
      for column in 0..<columns {
        let x = tower.x - 1000 + Double(column) * 10
        if abs(x - (tower.x + 80)) <= 20 { heights[row * columns + column] = 60 }
      }
    }
    let dem = ElevationModel(
      crs: scenario.crs, columns: columns, rows: rows, originX: tower.x - 1000, originY: tower.y + 1000,
      cellSizeX: 10, cellSizeY: 10, heightsM: heights)
    return with(scenario, terrain: dem, sectors: scenario.sectors)
  }

  static func with(_ s: ScenarioModel, terrain: ElevationModel?, sectors: [Sector]) -> ScenarioModel {
    ScenarioModel(
      name: s.name, sourcePath: s.sourcePath, crs: s.crs, crsName: s.crsName, crsIsAutomatic: s.crsIsAutomatic,
      grid: s.grid, buildingClasses: s.buildingClasses, zones: s.zones, carriers: s.carriers, structures: s.structures,
      sectors: sectors, costs: s.costs, coverage: s.coverage, terrain: terrain, antennaPatterns: s.antennaPatterns,
      plannedSites: s.plannedSites, ownerPolicy: s.ownerPolicy, sharing: s.sharing)
  }

  @Test(arguments: [false, true])
  func candidateCellsEqualAFullRunWithTheStationBuilt(ridge: Bool) throws {
    let flat = try ScenarioLoader.load(path: CLI.repositoryRoot.appendingPathComponent(Self.scenario).path)
    let scenario = ridge ? Self.withRidge(flat) : flat
    let coverage = try CoverageRun.run(scenario, threads: 2)
    var settings = CandidatePool.Settings()
    settings.newBuildSpacingM = 0
    let pool = CandidatePool.build(scenario, coverage: coverage, carriers: [1], settings: settings)
    let index = try #require(pool.stations.firstIndex { pool.sites[$0.siteIndex].structure.id == "T1" })
    let station = pool.stations[index]
    // VNPT has no site today, so every cell its new station covers is newly covered.
    let built = Self.with(scenario, terrain: scenario.terrain, sectors: scenario.sectors + station.sectors)
    let after = try CoverageRun.run(built, threads: 2)
    #expect(after.cellMaps.count == 1 && coverage.cellMaps.count == 1)
    let map = after.cellMaps[0]
    let covered = map.coveredByCarrier[1].indices.filter {
      map.coveredByCarrier[1][$0] != 0 && map.parcelIndex[$0] >= 0
    }
    let outdoor = map.coveredOutdoorByCarrier[1].indices.filter {
      map.coveredOutdoorByCarrier[1][$0] != 0 && map.parcelIndex[$0] >= 0
    }
    #expect(pool.targetCells[index][0].map(Int.init) == covered)
    #expect(pool.outdoorCells[index][0].map(Int.init) == outdoor)
    let parcelCells = map.parcelIndex.filter { $0 >= 0 }.count
    if ridge {
      // The ridge leaves part of the parcel without the target; flat ground covers it all.
      #expect(covered.count < parcelCells, "\(covered.count) of \(parcelCells)")
    } else {
      #expect(covered.count == parcelCells)
    }
  }
}
