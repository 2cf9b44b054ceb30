import Geo
import Scenario
import TestSupport
import Testing

@testable import Coverage

/// Tiled runs (issue #22): the plan puts each zone group in one tile, and a tile's archive
/// gives back exactly the results it was written from.
@Suite struct TileArchiveTests {
  /// `ZoneClusterTests`' three zones with a 500 m margin: group 0 (A) on x 599,500…600,900,
  /// group 1 (B + C) on 602,500…604,500, both on y 2,299,500…2,300,900.
  let model = ZoneClusterTests().scenario(marginM: 500)

  @Test func eachGroupGoesToTheTileOfItsGridCentre() {
    // Grid centres: A at x 600,200, B + C at 603,500, both at y 2,300,200. With 1 km tiles
    // they fall in columns 600 and 603 of row 2,300; with 10 km tiles both in column 60.
    let small = TilePlan(model, tileSizeM: 1_000)
    #expect(small.tiles.map(\.groups) == [[0], [1]])
    #expect(small.tiles.map(\.column) == [600, 603])
    #expect(small.tiles.map(\.row) == [2_300, 2_300])
    // A's grid is 1.4 km wide, B + C's 2 km: both larger than a 1 km tile.
    #expect(small.tiles.map(\.isOversized) == [true, true])
    // 140 × 140 and 200 × 140 cells (ZoneClusterTests).
    #expect(small.tiles.map(\.cells) == [19_600, 28_000])
    // Both towers are within 15 km of both grids: all six sectors reach each tile.
    #expect(small.tiles.map(\.sectorsInReach) == [6, 6])
    let large = TilePlan(model, tileSizeM: 10_000)
    #expect(large.tiles.map(\.groups) == [[0, 1]])
    #expect(large.tiles.map(\.cells) == [47_600])
    #expect(large.tiles.map(\.largestGridCells) == [28_000])
    #expect(large.tiles.map(\.isOversized) == [false])
  }

  /// The run leaves out sectors farther than `max_radius_m` from a grid's rectangle; that is
  /// exact only if no cell centre is nearer than the rectangle. Brute force over every cell.
  @Test func gridDistanceIsNeverMoreThanToAnyCellCentre() {
    let grid = CoverageGrid(originX: 1_000, originY: 2_000, resolutionM: 10, columns: 30, rows: 20)
    // By hand: the rectangle is x 1,000…1,300, y 2,000…2,200; (1,330, 2,240) is 30 m east and
    // 40 m north of its corner, 50 m away; a point inside is 0 m away.
    #expect(grid.distanceM(to: Coordinate(x: 1_330, y: 2_240)) == 50)
    #expect(grid.distanceM(to: Coordinate(x: 1_150, y: 2_100)) == 0)
    var generator = SplitMix(seed: 22)
    for _ in 0..<200 {
      let point = Coordinate(
        x: Double.random(in: 0...2_300, using: &generator), y: Double.random(in: 1_000...3_200, using: &generator))
      var nearestM = Double.infinity
      for row in 0..<grid.rows {
        for column in 0..<grid.columns {
          let centre = grid.centre(row: row, column: column)
          nearestM = min(
            nearestM,
            ((centre.x - point.x) * (centre.x - point.x) + (centre.y - point.y) * (centre.y - point.y)).squareRoot())
        }
      }
      // Never more than the nearest centre, and at most half a cell's diagonal (7.07 m) less.
      #expect(grid.distanceM(to: point) <= nearestM)
      #expect(grid.distanceM(to: point) >= nearestM - 5 * 2.0.squareRoot() - 1e-9)
    }
  }

  @Test func archiveGivesBackTheResultsBitForBit() throws {
    let groups = CoverageRun.groups(of: model)
    let parts = try CoverageRun.run(model, groups: groups, only: [1, 0], threads: 2)
    let bytes = TileArchive.encode(parts, scenarioDigest: model.digest, build: "b")
    let read = try TileArchive.decode(
      bytes, name: "tile.cosite", scenario: model, groups: groups, scenarioDigest: model.digest, build: "b")
    #expect(read.map(\.group) == [1, 0])
    // Written again, the same bytes: every value came back with its bits.
    #expect(TileArchive.encode(read, scenarioDigest: model.digest, build: "b") == bytes)
    // And the assembled result is the single run's.
    let single = try CoverageRun.run(model, threads: 2)
    let assembled = CoverageRun.assemble([read[1].result, read[0].result], groups: groups, scenario: model)
    #expect(assembled.parcelCells == single.parcelCells)
    #expect(assembled.zoneOfParcel == single.zoneOfParcel)
    #expect(assembled.validityWarnings == single.validityWarnings)
    for (a, b) in zip(assembled.layers, single.layers) {
      #expect(a.rsrpIndoor == b.rsrpIndoor && a.sinrOutdoor == b.sinrOutdoor)
      #expect(a.rsrpBands.map(\.shape) == b.rsrpBands.map(\.shape))
      #expect(a.bestServer.map(\.shape) == b.bestServer.map(\.shape))
      #expect(a.sectorLoads == b.sectorLoads)
    }
    for (a, b) in zip(assembled.carriers, single.carriers) {
      #expect(a.serviceIndoor == b.serviceIndoor && a.coveredCells == b.coveredCells)
      #expect(a.gaps.map(\.parcelIndex) == b.gaps.map(\.parcelIndex))
      #expect(a.gaps.map(\.shape) == b.gaps.map(\.shape))
    }
    for (a, b) in zip(assembled.cellMaps, single.cellMaps) {
      #expect(a.grid == b.grid && a.parcelIndex == b.parcelIndex && a.propagations == b.propagations)
      #expect(a.coveredByCarrier == b.coveredByCarrier && a.indoorClassByCarrier == b.indoorClassByCarrier)
    }
  }

  @Test func cutOrForeignArchivesAreErrorsNotCrashes() throws {
    let groups = CoverageRun.groups(of: model)
    let parts = try CoverageRun.run(model, groups: groups, only: [0], threads: 2)
    let bytes = TileArchive.encode(parts, scenarioDigest: model.digest, build: "b")
    // Cut anywhere (about 300 places, the first bytes one by one): an error, never a crash.
    for cut in Array(0..<64) + Array(stride(from: 64, to: bytes.count, by: max(1, bytes.count / 300))) {
      #expect(throws: TileError.self) {
        try TileArchive.decode(
          Array(bytes[..<cut]), name: "t", scenario: model, groups: groups, scenarioDigest: model.digest, build: "b")
      }
    }
    let foreign = #expect(throws: TileError.self) {
      try TileArchive.decode(bytes, name: "t", scenario: model, groups: groups, scenarioDigest: "0", build: "b")
    }
    #expect(foreign?.description.hasPrefix("t: computed from another scenario") == true)
    let otherBuild = #expect(throws: TileError.self) {
      try TileArchive.decode(
        bytes, name: "t", scenario: model, groups: groups, scenarioDigest: model.digest, build: "c")
    }
    #expect(otherBuild?.description == "t: computed by another build (b; this is c): run the tile again with this one")
    let trailing = #expect(throws: TileError.self) {
      try TileArchive.decode(
        bytes + [0], name: "t", scenario: model, groups: groups, scenarioDigest: model.digest, build: "b")
    }
    #expect(trailing?.description.contains("expected the end of the file") == true)
  }

  /// Eight bytes overwritten with a huge, a negative or a large count, anywhere (about 400
  /// places): the archive is refused or read, never a crash or a huge allocation; in the
  /// header (magic, version, digest, build) always refused.
  @Test func overwrittenWordsAreErrorsNotCrashes() throws {
    let groups = CoverageRun.groups(of: model)
    let parts = try CoverageRun.run(model, groups: groups, only: [1], threads: 2)
    let bytes = TileArchive.encode(parts, scenarioDigest: model.digest, build: "b")
    // magic, version, digest and the build "b", each with its count
    let headerBytes = 8 + TileArchive.magic.utf8.count + 8 + 8 + model.digest.utf8.count + 8 + 1
    for offset in stride(from: 0, to: bytes.count - 8, by: max(1, bytes.count / 400)) {
      for value: Int64 in [.max, -1, 1 << 40] {
        var damaged = bytes
        withUnsafeBytes(of: value.littleEndian) {
          for (index, byte) in $0.enumerated() { damaged[offset + index] = byte }
        }
        guard damaged != bytes else { continue }
        let result = try? TileArchive.decode(
          damaged, name: "t", scenario: model, groups: groups, scenarioDigest: model.digest, build: "b")
        if offset + 8 <= headerBytes { #expect(result == nil, "byte \(offset) = \(value) was read") }
      }
    }
  }

  @Test func digestFollowsEveryValueButNotThePath() {
    #expect(model.digest == ZoneClusterTests().scenario(marginM: 500).digest)
    #expect(model.digest != ZoneClusterTests().scenario(marginM: 501).digest)
    let louder = model.sectors.map { sector in
      Sector(
        id: sector.id, carrierID: sector.carrierID, layerID: sector.layerID, structureID: sector.structureID,
        azimuthDeg: sector.azimuthDeg, mechanicalTiltDeg: sector.mechanicalTiltDeg,
        electricalTiltDeg: sector.electricalTiltDeg, antennaGainDBi: sector.antennaGainDBi,
        antennaPatternPath: nil, powerDBm: sector.id == "s4" ? sector.powerDBm + 0.1 : sector.powerDBm,
        heightM: sector.heightM, feederLossDB: sector.feederLossDB)
    }
    let changed = model.withNetwork(
      carriers: model.carriers, structures: model.structures, sectors: louder, coverage: model.coverage)
    #expect(changed.digest != model.digest)
    let same = model.withNetwork(
      carriers: model.carriers, structures: model.structures, sectors: model.sectors, coverage: model.coverage)
    #expect(same.digest == model.digest)
  }
}
