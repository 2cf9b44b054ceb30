import Foundation
import Geo
import Radio
import Scenario
import TestSupport
import Testing

@testable import Coverage

/// The stages after the field engine run over row bands on the run's threads: what they give
/// must be what one thread gives, and what the per-cell definitions give.
@Suite struct ParallelStagesTests {
  /// Every figure, map shape, cell map and raster value of a run, on 1, 2 and 8 threads.
  @Test func runIsTheSameOnOneTwoAndEightThreads() throws {
    let scenario = try BandedWorld.scenario()
    let runs = try [1, 2, 8].map { threads in
      var cells: [LayerCells] = []
      let result = try CoverageRun.run(scenario, threads: threads, clustering: false, cells: { cells.append($0) })
      return (result, cells)
    }
    let (single, singleCells) = runs[0]
    #expect(single.grids[0].rows > 8 * ParallelRows.rowsPerBand)
    #expect(single.layers.count == 2 && singleCells.count == 2)
    // The world has something in every kind of output.
    #expect(single.layers.allSatisfy { $0.rsrpBands.count > 1 && $0.bestServer.count > 1 })
    #expect(single.carriers[0].gaps.count > 0)
    for (result, cells) in runs.dropFirst() {
      for (layer, expected) in zip(result.layers, single.layers) {
        #expect(layer.rsrpOutdoor == expected.rsrpOutdoor && layer.rsrpIndoor == expected.rsrpIndoor)
        #expect(layer.sinrOutdoor == expected.sinrOutdoor && layer.sinrIndoor == expected.sinrIndoor)
        #expect(layer.rsrpBands.map(\.bin) == expected.rsrpBands.map(\.bin))
        #expect(layer.rsrpBands.map(\.shape) == expected.rsrpBands.map(\.shape))
        #expect(layer.bestServer.map(\.sectorIndex) == expected.bestServer.map(\.sectorIndex))
        #expect(layer.bestServer.map(\.shape) == expected.bestServer.map(\.shape))
        // The busy hour: its groups, demand points and loads are found on the bands too.
        #expect(layer.sectorLoads == expected.sectorLoads && layer.loadIterations == expected.loadIterations)
        #expect(layer.unreachedUsers.bitPattern == expected.unreachedUsers.bitPattern)
        #expect(layer.uplinkLimitedIndoor == expected.uplinkLimitedIndoor)
      }
      let carrier = result.carriers[0]
      let expected = single.carriers[0]
      #expect(carrier.serviceOutdoor == expected.serviceOutdoor && carrier.serviceIndoor == expected.serviceIndoor)
      #expect(carrier.serviceIndoorUplink == expected.serviceIndoorUplink)
      #expect(carrier.coveredCells == expected.coveredCells)
      #expect(carrier.gaps.map(\.parcelIndex) == expected.gaps.map(\.parcelIndex))
      #expect(carrier.gaps.map(\.shape) == expected.gaps.map(\.shape))
      #expect(result.parcelCells == single.parcelCells)
      #expect(result.cellMaps[0].parcelIndex == single.cellMaps[0].parcelIndex)
      #expect(result.cellMaps[0].propagationClass == single.cellMaps[0].propagationClass)
      #expect(result.cellMaps[0].coveredByCarrier == single.cellMaps[0].coveredByCarrier)
      #expect(result.cellMaps[0].coveredOutdoorByCarrier == single.cellMaps[0].coveredOutdoorByCarrier)
      for (layer, expected) in zip(cells, singleCells) {
        #expect(layer.server == expected.server && layer.hasIndoor == expected.hasIndoor)
        for (values, expectedValues) in [
          (layer.rsrpOutdoorDBm, expected.rsrpOutdoorDBm), (layer.rsrpIndoorDBm, expected.rsrpIndoorDBm),
          (layer.sinrOutdoorDB, expected.sinrOutdoorDB), (layer.sinrIndoorDB, expected.sinrIndoorDB),
          (layer.probabilityOutdoor, expected.probabilityOutdoor),
          (layer.probabilityIndoor, expected.probabilityIndoor),
        ] {
          #expect(values.map(\.bitPattern) == expectedValues.map(\.bitPattern))
        }
      }
    }
  }

  /// The parcel raster on 8 threads equals the one-thread raster, and the one-thread raster
  /// equals a point-in-polygon test of every cell centre against the parcels in order (the
  /// overlap's cells belong to the parcels before it; the courtyard to nobody).
  @Test func parcelRasterIsTheFirstParcelContainingEachCentre() throws {
    let scenario = try BandedWorld.scenario()
    let grid = try #require(CoverageRun.gridCovering(scenario))
    let single = ParcelRaster(scenario: scenario, grid: grid, threads: 1)
    let banded = ParcelRaster(scenario: scenario, grid: grid, threads: 8)
    #expect(banded.parcelIndex == single.parcelIndex)
    #expect(banded.propagationClass == single.propagationClass)
    #expect(banded.cellCount == single.cellCount)
    let parcels = scenario.parcels
    var mismatches = 0
    for row in stride(from: 0, to: grid.rows, by: 3) {
      for column in 0..<grid.columns {
        let centre = grid.centre(row: row, column: column)
        let expected = parcels.firstIndex { Self.contains($0.outline, centre) }.map { Int32($0) } ?? -1
        if single.parcelIndex[row * grid.columns + column] != expected { mismatches += 1 }
      }
    }
    #expect(mismatches == 0)
    let overlap = try #require(parcels.firstIndex { $0.id == "overlap" })
    #expect(single.cellCount[overlap] > 0 && single.cellCount[overlap] < 2_500)
  }

  /// With a land cover, the parcel raster's classes on 8 threads equal one thread's, and each
  /// cell outside the zone with its own propagation has the propagation of the raster cell its
  /// centre falls in (`LandCover.code(at:)` here, one cell at a time): the class's where the
  /// code has one, else the scenario's (a code without a class, nodata).
  @Test func landCoverClassesAreEachCellsOwnOnAnyThreads() throws {
    var scenario = try BandedWorld.scenario()
    let grid = try #require(CoverageRun.gridCovering(scenario))
    var open = scenario.coverage.propagation
    open.clutterLossDB = 3
    var dense = scenario.coverage.propagation
    dense.clutterLossDB = 12
    // 170 m squares over the grid from its north-west corner: codes 0, 1, 2 (no class) and
    // nodata (−1) in turn.
    let (columns, rows, side) = (30, 30, 170.0)
    let codes = (0..<(columns * rows)).map { Int32(($0 % columns + $0 / columns) % 4) - 1 }
    scenario.landCover = LandCover(
      crs: scenario.crs, columns: columns, rows: rows, originX: grid.originX + side / 2,
      originY: grid.originY + Double(grid.rows) * grid.resolutionM - side / 2, cellSizeX: side, cellSizeY: side,
      codes: codes,
      classes: [
        0: LandCoverClass(name: "open", propagation: open), 1: LandCoverClass(name: "dense", propagation: dense),
      ])
    let single = ParcelRaster(scenario: scenario, grid: grid, threads: 1)
    let banded = ParcelRaster(scenario: scenario, grid: grid, threads: 8)
    #expect(banded.propagationClass == single.propagationClass && banded.propagations == single.propagations)
    let cover = try #require(scenario.landCover)
    let ownZone = Set(scenario.zones.filter { $0.propagation != nil }.flatMap(\.parcels).map(\.id))
    var checked = Set<Int32>()
    for row in 0..<grid.rows {
      for column in 0..<grid.columns {
        let cell = row * grid.columns + column
        let parcel = Int(single.parcelIndex[cell])
        guard parcel < 0 || !ownZone.contains(single.parcels[parcel].id) else { continue }
        let code = cover.code(at: grid.centre(row: row, column: column)) ?? -1
        let expected = cover.classes[code]?.propagation ?? scenario.coverage.propagation
        #expect(single.propagations[Int(single.propagationClass[cell])] == expected, "cell \(cell)")
        checked.insert(code)
      }
    }
    #expect(checked == [-1, 0, 1, 2])
  }

  /// Even–odd point in polygon over all rings (no centre lies on an edge: the parcels' corners
  /// are on multiples of 10 m, the centres 5 m off them).
  static func contains(_ shape: MultiPolygon, _ point: Coordinate) -> Bool {
    var inside = false
    for ring in shape.polygons.flatMap(\.rings) {
      let points = ring.coordinates
      for k in 0..<(points.count - 1) {
        let a = points[k]
        let b = points[k + 1]
        if (a.y > point.y) != (b.y > point.y), point.x < a.x + (point.y - a.y) * (b.x - a.x) / (b.y - a.y) {
          inside.toggle()
        }
      }
    }
    return inside
  }
}
