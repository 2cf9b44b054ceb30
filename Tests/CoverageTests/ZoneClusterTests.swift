import Geo
import Radio
import Scenario
import Testing

@testable import Coverage

/// Zones far apart get their own grids; the figures must not change for it.
@Suite struct ZoneClusterTests {
  /// Three zones of 4 × 4 parcels of 100 m: A at x 0…400, B at 3,000…3,400 and C at
  /// 3,600…4,000 (all y 0…400). With a 500 m margin A's grid spans −500…900 and B's
  /// 2,500…3,900, so A stands alone, while B and C (grids 2,500…3,900 and 3,100…4,500)
  /// share one. With a 1,500 m margin every grid overlaps: one group.
  func scenario(marginM: Double) -> ScenarioModel {
    let origin = Coordinate(x: 600_000, y: 2_300_000)
    let zones = [("a", 0.0), ("b", 3_000.0), ("c", 3_600.0)].map { id, west in
      var parcels: [Parcel] = []
      for row in 0..<4 {
        for column in 0..<4 {
          let x = origin.x + west + Double(column) * 100
          let y = origin.y + Double(row) * 100
          let ring = try! LinearRing(
            [(x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100), (x, y)].map { Coordinate(x: $0.0, y: $0.1) })
          let outline = MultiPolygon([Polygon(exterior: ring)])
          parcels.append(
            Parcel(
              id: "\(id)-\(row)-\(column)", name: "", zoneID: id, landUse: .factory,
              buildingClass: (row + column) % 2 == 0 ? "metal-clad" : "outdoor", workers: 10, demand: 10,
              outlineLonLat: outline, outline: outline))
        }
      }
      return Zone(id: id, name: id, province: nil, publishedAreaHa: nil, parcels: parcels)
    }
    // Two towers: one by A, one between B and C; both reach every zone (15 km).
    let structures = [(-300.0, 200.0), (3_500.0, -250.0)].enumerated().map { index, offset in
      let position = Coordinate(x: origin.x + offset.0, y: origin.y + offset.1)
      return Structure(
        id: "t\(index)", kind: .tower, positionLonLat: position, position: position, heightM: 40, owner: "x",
        freeSlots: 1, rentVNDPerMonth: 0)
    }
    let layer = RadioLayer(
      id: "lte1800", technology: .lte, band: "B3", frequencyMHz: 1815, bandwidthMHz: 20, tddDownlinkShare: 1)
    let sectors = (0..<6).map { index in
      Sector(
        id: "s\(index)", carrierID: "c", layerID: "lte1800", structureID: "t\(index / 3)",
        azimuthDeg: Double(index % 3) * 120 + 30, mechanicalTiltDeg: 2, electricalTiltDeg: 4, antennaGainDBi: 17,
        antennaPatternPath: nil, powerDBm: 40, heightM: 35, feederLossDB: 0.5)
    }
    var settings = CoverageSettings()
    settings.target = CoverageTarget(rsrpDBm: -100, indoor: true, minimumShare: 0.95, reliability: 0.5)
    settings.capacity.load = .fixed
    return ScenarioModel(
      name: "clusters", sourcePath: "", crs: CRS(epsg: 32648), crsName: "WGS 84 / UTM zone 48N",
      crsIsAutomatic: false, grid: GridSpec(resolutionM: 10, marginM: marginM),
      buildingClasses: BuildingClass.defaults, zones: zones,
      carriers: [Carrier(id: "c", name: "C", layers: [layer])], structures: structures, sectors: sectors,
      costs: CostParameters(), coverage: settings)
  }

  @Test func nearbyZonesShareAGridAndFarOnesDoNot() {
    let groups = ZoneClusters.of(scenario(marginM: 500))
    #expect(groups.map(\.zoneIndices) == [[0], [1, 2]])
    // A: x −500…900, y −500…900 → 140 × 140 cells; B+C: 2,500…4,500 → 200 × 140.
    #expect(groups.map(\.grid.columns) == [140, 200])
    #expect(groups.map(\.grid.rows) == [140, 140])
    #expect(ZoneClusters.of(scenario(marginM: 1_500)).map(\.zoneIndices) == [[0, 1, 2]])
  }

  /// At a fixed load (`scenario`). Under coupled loads the groups' figures differ slightly from
  /// one grid's: the interference mix is sampled on blocks aligned to each grid's origin
  /// (ARCHITECTURE).
  @Test func groupedGridsGiveTheFiguresOfOneGrid() throws {
    let model = scenario(marginM: 500)
    let grouped = try CoverageRun.run(model, threads: 2)
    let single = try CoverageRun.run(model, threads: 2, clustering: false)
    #expect(grouped.grids.count == 2)
    #expect(single.grids.count == 1)
    #expect(grouped.parcelCells == single.parcelCells)
    #expect(grouped.zoneOfParcel == single.zoneOfParcel)
    for (a, b) in zip(grouped.layers, single.layers) {
      #expect(a.rsrpOutdoor == b.rsrpOutdoor)
      #expect(a.rsrpIndoor == b.rsrpIndoor)
      #expect(a.sinrOutdoor == b.sinrOutdoor)
      #expect(a.sinrIndoor == b.sinrIndoor)
      // The single grid also computes the 2 km of empty land between A and B.
      #expect(a.evaluations < b.evaluations)
    }
    for (a, b) in zip(grouped.carriers, single.carriers) {
      #expect(a.coveredCells == b.coveredCells)
      #expect(a.serviceIndoor == b.serviceIndoor)
      #expect(a.gaps.map(\.parcelIndex) == b.gaps.map(\.parcelIndex))
      #expect(a.gaps.map(\.shape.area) == b.gaps.map(\.shape.area))
    }
    // Some parcels miss the −100 dBm target and some meet it, so the comparison has teeth.
    let gaps = Set(grouped.carriers[0].gaps.map(\.parcelIndex))
    #expect(!gaps.isEmpty && gaps.count < model.parcels.count)
  }

  /// A land cover's class per parcel (zone A open, B and C behind 20 dB of clutter): a group
  /// must take its own parcels' classes, which set its parcels' propagation (their indoor σ
  /// and O2I spread, and the candidates' indoor loss). Before the fix, the group of B and C
  /// read A's classes for B.
  @Test func groupsTakeTheirOwnParcelsLandCover() {
    var model = scenario(marginM: 500)
    let base = model.coverage.propagation
    func cover(_ clutterDB: Double) -> LandCoverClass {
      var propagation = base
      propagation.clutterLossDB = clutterDB
      return LandCoverClass(name: "clutter \(clutterDB)", propagation: propagation)
    }
    model.landCoverOfParcels = model.zones.flatMap { zone in zone.parcels.map { _ in cover(zone.id == "a" ? 0 : 20) } }
    // Zones of 16 parcels each: B and C are parcels 16…47 of the whole scenario.
    let group = model.keepingZones([1, 2])
    #expect(group.landCoverOfParcels == Array(model.landCoverOfParcels[16...]))
    #expect(group.propagationOfParcels == Array(model.propagationOfParcels[16...]))
    #expect(group.propagationOfParcels.allSatisfy { $0.clutterLossDB == 20 })
    #expect(model.keepingZones([0]).propagationOfParcels.allSatisfy { $0.clutterLossDB == 0 })
  }
}
