import Coverage
import Foundation
import GeoIO
import Scenario
import Testing

/// `cosite run`'s rasters read back through GDAL: the grid's geotransform and CRS, the field
/// engine's values at every cell, nodata, band descriptions and statistics, and the mosaic of
/// several zone groups.
@Suite struct RasterOutputTests {
  /// Two far-apart Hai Phong parks: two zone groups (so a VRT per quantity), buildings
  /// (indoor bands).
  static let scenario = "Tests/CositeTests/Fixtures/two-groups/scenario.yaml"

  @Test func rastersHoldTheFieldOnTheGridWithTheirCRSAndNoWarning() throws {
    let out = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CLI.run(["run", Self.scenario, "--out", out.path, "--threads", "2"])
    #expect(result.status == 0, "\(result.standardError)")
    // The same run in-process: the cells a raster must hold, per carrier layer and grid.
    let model = try ScenarioLoader.load(path: CLI.repositoryRoot.appendingPathComponent(Self.scenario).path)
    var expected: [LayerCells] = []
    _ = try CoverageRun.run(model, threads: 2, cells: { expected.append($0) })
    let groups = Set(expected.map(\.groupZoneID))
    #expect(groups.count > 1 && !groups.contains(nil), "a multi-group scenario")
    let rasters = out.appendingPathComponent("rasters")
    var checkedCells = 0
    for cells in expected {
      let stem = "\(cells.carrierID)-\(cells.layerID)-\(cells.groupZoneID ?? "")"
      let rsrp = try GeoIO.describeRaster(Data(contentsOf: rasters.appendingPathComponent("rsrp-\(stem).tif")))
      let server = try GeoIO.describeRaster(Data(contentsOf: rasters.appendingPathComponent("server-\(stem).tif")))
      let probability = try GeoIO.describeRaster(
        Data(contentsOf: rasters.appendingPathComponent("probability-\(stem).tif")))
      let grid = cells.grid
      // GDAL's north-up geotransform of the grid (row 0 of the grid is its southern row).
      let north = grid.originY + Double(grid.rows) * grid.resolutionM
      #expect(rsrp.geoTransform == [grid.originX, grid.resolutionM, 0, north, 0, -grid.resolutionM])
      #expect(rsrp.columns == grid.columns && rsrp.rows == grid.rows)
      #expect(rsrp.epsg == model.crs.epsg)
      // The parks' parcels include buildings: an outdoor and an indoor band in every grid's file.
      #expect(rsrp.bands.count == 2 && probability.bands.count == 2 && server.bands.count == 1)
      #expect(rsrp.bands[0].noData == -9999 && server.bands[0].noData == -1)
      #expect(rsrp.bands[0].unit == "dBm" && rsrp.bands[0].description.hasPrefix("Best RSRP outdoors"))
      // GDAL's COG driver (OVERVIEWS=AUTO) halves the image until it fits one 512-cell block.
      if max(grid.columns, grid.rows) > 512 { #expect(rsrp.overviewCount >= 1) }
      for row in stride(from: 0, to: grid.rows, by: 5) {
        for column in stride(from: 0, to: grid.columns, by: 5) {
          let cell = row * grid.columns + column
          let fromNorth = grid.rows - 1 - row
          let value = rsrp.value(band: 0, column: column, rowFromNorth: fromNorth)
          let level = cells.rsrpOutdoorDBm[cell]
          if level.isNaN {
            #expect(value == -9999)
          } else {
            // Written rounded to 1/64 dB.
            #expect(abs(value - Double(level)) <= 1.0 / 128 + 1e-6, "rsrp at \(row), \(column)")
          }
          #expect(server.value(band: 0, column: column, rowFromNorth: fromNorth) == Double(cells.server[cell]))
          let chance = cells.probabilityOutdoor[cell]
          let read = probability.value(band: 0, column: column, rowFromNorth: fromNorth)
          #expect(chance.isNaN ? read == -9999 : abs(read - Double(chance)) <= 1.0 / 8192 + 1e-7)
          checkedCells += 1
        }
      }
      // The statistics GDAL reads back are those of the valid cells, computed here again.
      let valid = (0..<grid.cellCount).compactMap { cell -> Double? in
        let level = cells.rsrpOutdoorDBm[cell]
        return level.isNaN ? nil : Double((level * 64).rounded() / 64)
      }
      if let minimum = valid.min(), let maximum = valid.max() {
        #expect(abs((rsrp.bands[0].minimum ?? .nan) - minimum) < 1e-3)
        #expect(abs((rsrp.bands[0].maximum ?? .nan) - maximum) < 1e-3)
      }
    }
    #expect(checkedCells > 10_000)
    // gdalinfo with statistics: no warning of any kind.
    let first = try #require(expected.first)
    let info = try GeoIO.gdalInfo(
      Data(
        contentsOf: rasters.appendingPathComponent("sinr-\(first.carrierID)-\(first.layerID)-\(first.groupZoneID!).tif")
      ),
      statistics: true)
    #expect(info.warnings.isEmpty, "\(info.warnings)")
    // One mosaic per carrier layer and quantity, and each layer's server table lists its sectors.
    let names = try FileManager.default.contentsOfDirectory(atPath: rasters.path)
    let layers = model.carriers.reduce(0) { $0 + $1.layers.count }
    #expect(names.filter { $0.hasSuffix(".vrt") }.count == 4 * layers)
    #expect(names.filter { $0.hasSuffix(".tif") }.count == 4 * layers * groups.count)
    let table = try String(
      contentsOf: rasters.appendingPathComponent("servers-\(first.carrierID)-\(first.layerID).csv"), encoding: .utf8)
    let sectors = model.sectors.filter { $0.carrierID == first.carrierID && $0.layerID == first.layerID }
    #expect(table.split(separator: "\n").count == sectors.count + 1)
  }
}
