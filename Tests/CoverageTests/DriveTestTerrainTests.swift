import Foundation
import Geo
import Radio
import Scenario
import Testing

@testable import Coverage

/// `cosite calibrate` over terrain (#21): the drive-test predictor's RSRP at a cell — its
/// antenna gain toward the cell's ground, the class's median loss and the diffraction it
/// computes for the cell — is the RSRP `cosite run` gives the cell (the field engine's table
/// lookups, radial samples and Float arithmetic), so a tuning fitted to the predictions is
/// fitted over the diffraction the run adds.
@Suite struct DriveTestTerrainTests {
  /// One sector looking east over a Gaussian hill 80 m high (σ 250 m) 1.2 km east of the
  /// tower on ground at 5 m; a 20 m DEM over ± 4 km; Erceg B at the median.
  static func scenario(_ method: DiffractionMethod) throws -> ScenarioModel {
    var world = OneSiteWorld()
    world.settings.propagation = Propagation(model: .ercegB)
    world.settings.diffraction = method
    world.settings.target = CoverageTarget(rsrpDBm: -105, indoor: false, minimumShare: 0.95, reliability: 0.5)
    world.squares = [OneSiteWorld.Square(eastM: 50, northM: -1000, sideM: 2400)]
    world.sectors = [OneSiteWorld.sector("s1", azimuthDeg: 90)]
    let flat = try world.scenario()
    let tower = OneSiteWorld.towerPosition
    let (cellM, columns, rows) = (20.0, 400, 400)
    let originX = tower.x - 4000 + cellM / 2
    let originY = tower.y + 4000 - cellM / 2
    var heights = [Float](repeating: 0, count: columns * rows)
    for row in 0..<rows {
      for column in 0..<columns {
        let dx = originX + Double(column) * cellM - (tower.x + 1200)
        let dy = originY - Double(row) * cellM - (tower.y + 100)
        heights[row * columns + column] = Float(5 + 80 * exp(-(dx * dx + dy * dy) / (2 * 250 * 250)))
      }
    }
    var dem = ElevationModel(
      crs: flat.crs, columns: columns, rows: rows, originX: originX, originY: originY, cellSizeX: cellM,
      cellSizeY: cellM, heightsM: heights)
    dem.sourceName = "hill.tif"
    return ScenarioModel(
      name: flat.name, sourcePath: "", crs: flat.crs, crsName: flat.crsName, crsIsAutomatic: false, grid: flat.grid,
      buildingClasses: flat.buildingClasses, zones: flat.zones, carriers: flat.carriers, structures: flat.structures,
      sectors: flat.sectors, costs: flat.costs, coverage: flat.coverage, terrain: dem)
  }

  @Test(arguments: [DiffractionMethod.deltaBullington, .deygout])
  func thePredictorGivesTheRunsRSRPOverTerrain(method: DiffractionMethod) throws {
    let scenario = try Self.scenario(method)
    var rsrp: [Float] = []
    var grid: CoverageGrid?
    _ = try CoverageRun.run(
      scenario, threads: 2,
      cells: { layer in
        rsrp = layer.rsrpOutdoorDBm
        grid = layer.grid
      })
    let runGrid = try #require(grid)
    let predictor = try DriveTestPredictor(scenario: scenario, threads: 2)
    // Every third cell of every third row.
    var cells: [Int] = []
    var points: [(x: Double, y: Double)] = []
    for row in stride(from: 0, to: runGrid.rows, by: 3) {
      for column in stride(from: 0, to: runGrid.columns, by: 3) {
        let centre = runGrid.centre(row: row, column: column)
        cells.append(row * runGrid.columns + column)
        points.append((centre.x, centre.y))
      }
    }
    let terrain = predictor.terrain(sector: 0, points: points, threads: 2)
    var checked = 0
    var shadowed = 0
    var worst = 0.0
    for (index, point) in points.enumerated() {
      let distance = predictor.distanceM(sector: 0, x: point.x, y: point.y)
      guard rsrp[cells[index]] > -140, distance >= 60, let cell = predictor.cell(x: point.x, y: point.y) else {
        continue
      }
      let expected =
        predictor.radiatedDBm(sector: 0, x: point.x, y: point.y, groundOffsetM: terrain[index].groundOffsetM)
        - predictor.medianLossDB(cell.propagation, layer: OneSiteWorld.layer, bsHeightM: 35, distanceM: distance)
        - terrain[index].lossDB
      worst = max(worst, abs(Double(rsrp[cells[index]]) - expected))
      checked += 1
      if terrain[index].lossDB > 6 { shadowed += 1 }
    }
    // The loss table's interpolation and the engine's Float arithmetic: a few hundredths of a dB.
    #expect(worst < 0.05, "worst difference \(worst) dB")
    #expect(checked > 1000 && shadowed > 50, "\(checked) cells, \(shadowed) behind the hill")
  }
}
