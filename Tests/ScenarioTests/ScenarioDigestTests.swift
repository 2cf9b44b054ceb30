import Foundation
import Geo
import TestSupport
import Testing

@testable import Scenario

/// The digest a tiled run's plan, tiles and merge compare (#22): from the input files' bytes
/// when every input is a file read whole, from the parsed model otherwise.
@Suite struct ScenarioDigestTests {
  func digest(_ fixture: ScenarioFixture) throws -> (value: String, fromFiles: Bool) {
    let model = try ScenarioLoader.load(path: fixture.scenarioPath)
    return (model.digest, model.inputDigest != nil)
  }

  @Test func filesDigestFollowsTheBytesNotTheFolder() throws {
    let first = try digest(ScenarioFixture())
    #expect(first.fromFiles)
    // The same files in another folder: the same digest (the path is left out).
    #expect(try digest(ScenarioFixture()).value == first.value)
    // One value changed in one file (T1's height 40 → 41 m): another digest.
    let taller = ScenarioFixture.validStructures.replacingOccurrences(of: ",40,towerco", with: ",41,towerco")
    #expect(taller != ScenarioFixture.validStructures)
    #expect(try digest(ScenarioFixture(structures: taller)).value != first.value)
    // Bytes, not values: a file saved again with one more line break is another input.
    #expect(try digest(ScenarioFixture(sites: ScenarioFixture.validSites + "\n")).value != first.value)
    // A setting in the scenario file itself.
    let scenario = ScenarioFixture.validScenario.replacingOccurrences(of: "name: Fixture", with: "name: Fixture 2")
    #expect(try digest(ScenarioFixture(scenario: scenario)).value != first.value)
  }

  /// What changes no result leaves the digest alone: a raster's display name (relative to
  /// the working directory, which a job array's tasks change), the folder of an absolute
  /// path (antenna pattern files, by their contents), and the cell budget `--max-cells` sets.
  @Test func namesFoldersAndTheCellBudgetAreNotValues() throws {
    func digest(_ value: Any) -> UInt64 {
      var digest = ModelDigest()
      digest.add(value)
      return digest.value
    }
    var terrain = ElevationModel(
      crs: CRS(epsg: 32648), columns: 2, rows: 1, originX: 0, originY: 0, cellSizeX: 30, cellSizeY: 30,
      heightsM: [1, 2])
    let before = digest(terrain)
    terrain.sourceName = "../geodata/dem.tif"
    #expect(digest(terrain) == before)
    #expect(digest("/work/a/scenarios/panel.msi") == digest("/srv/copy/scenarios/panel.msi"))
    #expect(digest("/work/a/scenarios/panel.msi") != digest("/work/a/scenarios/other.msi"))
    let heights = ElevationModel(
      crs: CRS(epsg: 32648), columns: 2, rows: 1, originX: 0, originY: 0, cellSizeX: 30, cellSizeY: 30,
      heightsM: [1, 3])
    #expect(digest(heights) != before)
    var model = try ScenarioLoader.load(path: try ScenarioFixture().scenarioPath)
    let loaded = model.digest
    model.grid.maxCells = 123
    #expect(model.digest == loaded)
  }

  /// Parcels GDAL reads (a GeoPackage) are not a file read whole: the digest walks the model,
  /// and still follows the parcels' values.
  @Test func inputsReadThroughGDALFallBackToTheModel() throws {
    let vector = VectorInputTests()
    let reference = "{ file: parcels.gpkg, \(VectorInputTests.fields) }"
    let first = try digest(vector.fixture([VectorInputTests.parcelsLayer()], reference: reference))
    #expect(!first.fromFiles)
    #expect(try digest(vector.fixture([VectorInputTests.parcelsLayer()], reference: reference)).value == first.value)
    let renamed = try digest(vector.fixture([VectorInputTests.parcelsLayer(id: "M2")], reference: reference))
    #expect(renamed.value != first.value)
  }
}
