import Foundation
import Geo
import Radio
import Scenario
import Testing

@testable import Coverage

/// The busy hour through the whole run: two n78 sectors facing each other across a park of
/// 4 × 4 parcels, checked against the load-coupling system written out cell by cell from each
/// sector's own field (`LoadCouplingProblem`, explicit interferers), and against the limits the
/// issue names.
@Suite struct BusyHourRunTests {
  /// A 1 km park of 250 m parcels (metal-clad halls and open yards alternating) at x, y
  /// 0…1,000 m, `workers` per parcel; towers `towerOffsetM` west and east of it at mid-height
  /// (at 800 m the far halls fall to the RSRP floor and the n78 uplink limits some), one NR
  /// n78 100 MHz TDD sector each (46 dBm, 17 dBi, 30 m) facing the park; a 100 m grid (one
  /// cell per interference block) with a 300 m margin; carrier "viettel".
  /// `emptyParcel`: a parcel id whose workers are 0.
  static func scenario(
    workers: Double = 60, towerOffsetM: Double = 800, tinyParcel: Bool = false, emptyParcel: String? = nil
  ) -> ScenarioModel {
    let origin = Coordinate(x: 600_000, y: 2_300_000)
    var parcels: [Parcel] = []
    for row in 0..<4 {
      for column in 0..<4 {
        let x = origin.x + Double(column) * 250
        let y = origin.y + Double(row) * 250
        let ring = try! LinearRing(
          [(x, y), (x + 250, y), (x + 250, y + 250), (x, y + 250), (x, y)].map { Coordinate(x: $0.0, y: $0.1) })
        let outline = MultiPolygon([Polygon(exterior: ring)])
        parcels.append(
          Parcel(
            id: "p-\(row)-\(column)", name: "", zoneID: "z", landUse: .factory,
            buildingClass: (row + column) % 2 == 0 ? "metal-clad" : "outdoor",
            workers: emptyParcel == "p-\(row)-\(column)" ? 0 : workers, demand: workers,
            outlineLonLat: outline, outline: outline))
      }
    }
    if tinyParcel {
      // 10 m square between cell centres (they lie at 50 m + multiples of 100 m): no cell.
      let ring = try! LinearRing(
        [(1_100.0, 1_100.0), (1_110, 1_100), (1_110, 1_110), (1_100, 1_110), (1_100, 1_100)].map {
          Coordinate(x: origin.x + $0.0, y: origin.y + $0.1)
        })
      let outline = MultiPolygon([Polygon(exterior: ring)])
      parcels.append(
        Parcel(
          id: "tiny", name: "", zoneID: "z", landUse: .utility, buildingClass: "outdoor", workers: 40, demand: 40,
          outlineLonLat: outline, outline: outline))
    }
    let zone = Zone(id: "z", name: "z", province: nil, publishedAreaHa: nil, parcels: parcels)
    let structures = [(-towerOffsetM, 500.0), (1_000 + towerOffsetM, 500.0)].enumerated().map { index, offset in
      let position = Coordinate(x: origin.x + offset.0, y: origin.y + offset.1)
      return Structure(
        id: "t\(index)", kind: .tower, positionLonLat: position, position: position, heightM: 30, owner: "x",
        freeSlots: 1, rentVNDPerMonth: 0)
    }
    let layer = RadioLayer(
      id: "nr3700", technology: .nr, band: "n78", frequencyMHz: 3700, bandwidthMHz: 100, tddDownlinkShare: 0.74)
    let sectors = [90.0, 270.0].enumerated().map { index, azimuth in
      Sector(
        id: "s\(index)", carrierID: "viettel", layerID: "nr3700", structureID: "t\(index)", azimuthDeg: azimuth,
        mechanicalTiltDeg: 2, electricalTiltDeg: 4, antennaGainDBi: 17, antennaPatternPath: nil, powerDBm: 46,
        heightM: 30, feederLossDB: 0.5)
    }
    return ScenarioModel(
      name: "busy hour", sourcePath: "", crs: CRS(epsg: 32648), crsName: "WGS 84 / UTM zone 48N",
      crsIsAutomatic: false, grid: GridSpec(resolutionM: 100, marginM: 300),
      buildingClasses: BuildingClass.defaults, zones: [zone],
      carriers: [Carrier(id: "viettel", name: "Viettel", layers: [layer])], structures: structures,
      sectors: sectors, costs: CostParameters(), coverage: CoverageSettings())
  }

  /// The reference: per sector its own field (the field engine with that sector alone), the
  /// joint field's server, and per cell with users a demand point with the other sector as an
  /// explicit interferer; solved by `LoadCouplingProblem`; each place's class from the rates at
  /// the solution written out: DL SE = min(0.6·log2(1 + γ), 4.4) for γ ≥ −10 dB (TR 36.942 A.1)
  /// × 100 MHz occupied (273 RB × 12 × 30 kHz) × (1 − 0.14) (TS 38.306) × 0.74 / users; UL
  /// through `UserRate.uplinkMbps` with PC2 (26 dBm) and the DDDSU uplink share 16/70.
  struct Reference {
    var loads: [Double]
    var activeUsers: [Double]
    /// Per parcel: class counts indoors and outdoors, uplink-limited counts, and the cells
    /// within 0.1 % of a class threshold (where rounding may tip the class either way).
    var indoor: [[Int]]
    var outdoor: [[Int]]
    var limitedIndoor: [Int]
    var ambiguous: [Int]
  }

  static func reference(_ model: ScenarioModel) throws -> Reference {
    let settings = model.coverage
    let grid = try #require(CoverageRun.gridCovering(model))
    let raster = ParcelRaster(scenario: model, grid: grid)
    let layer = model.carriers[0].layers[0]
    let numerology = try #require(layer.numerology)
    var builder = KernelBuilder(
      settings: settings, propagations: raster.propagations, grid: grid, patterns: [:])
    let kernels = model.sectors.enumerated().map { index, sector in
      builder.kernel(
        sectorIndex: index, sector: sector, structure: model.structures[index], layer: layer, numerology: numerology)
    }
    let joint = FieldEngine.compute(
      kernels: kernels, grid: grid, propagationClass: raster.propagationClass, terrain: nil, threads: 1)
    let own = kernels.map {
      FieldEngine.compute(
        kernels: [$0], grid: grid, propagationClass: raster.propagationClass, terrain: nil, threads: 1)
    }
    let classes = Dictionary(uniqueKeysWithValues: model.buildingClasses.map { ($0.name, $0) })
    let loss = raster.parcels.indices.map { parcel in
      CoverageRun.indoorLossDB(
        classes[raster.parcels[parcel].buildingClass]!, frequencyMHz: 3700,
        propagation: raster.propagation(ofParcel: parcel), settings: settings)
    }
    let noise = pow(10, LinkBudget.noisePerResourceElementDBm(numerology: numerology, noiseFigureDB: 9) / 10)
    let share = 63.3 / 131.9 * 0.05
    let bandwidth = 273.0 * 12 * 30e3 * (1 - 0.14) * 0.74
    var points: [LoadCouplingProblem.DemandPoint] = []
    var pointCell: [Int] = []
    for cell in 0..<grid.cellCount {
      let parcel = Int(raster.parcelIndex[cell])
      let server = Int(joint.server[cell])
      guard parcel >= 0, server >= 0, Double(joint.bestDBm[cell]) - loss[parcel] >= -120 else { continue }
      let a = pow(10, -loss[parcel] / 10)
      let users = raster.parcels[parcel].workers * share / Double(raster.cellCount[parcel])
      let other = 1 - server
      let interference = own[other].bestDBm[cell] > -.infinity ? pow(10, Double(own[other].bestDBm[cell]) / 10) : 0
      points.append(
        LoadCouplingProblem.DemandPoint(
          sector: server, demandBitsPerSecond: users * 5e6,
          signalMilliwatts: pow(10, Double(own[server].bestDBm[cell]) / 10) * a, noiseMilliwatts: noise,
          activeUsers: users,
          interferers: [LoadCouplingProblem.Interferer(sector: other, powerMilliwatts: interference * a)]))
      pointCell.append(cell)
    }
    let solution = try LoadCouplingProblem(effectiveBandwidthsHz: [bandwidth, bandwidth], demandPoints: points)
      .solve(options: .init(tolerance: 1e-12))
    let loads = solution.sectors.map(\.load)
    let users = solution.sectors.map(\.activeUsers)
    var reference = Reference(
      loads: loads, activeUsers: users,
      indoor: [[Int]](repeating: [0, 0, 0], count: raster.parcels.count),
      outdoor: [[Int]](repeating: [0, 0, 0], count: raster.parcels.count),
      limitedIndoor: [Int](repeating: 0, count: raster.parcels.count),
      ambiguous: [Int](repeating: 0, count: raster.parcels.count))
    let epre = 46 - 10 * log10(273.0 * 12)
    let uplink = UplinkParameters(powerClass: .class2, tddUplinkShare: 16.0 / 70)
    for cell in 0..<grid.cellCount {
      let parcel = Int(raster.parcelIndex[cell])
      guard parcel >= 0 else { continue }
      let server = Int(joint.server[cell])
      guard server >= 0 else {
        reference.indoor[parcel][2] += 1
        reference.outdoor[parcel][2] += 1
        continue
      }
      let other = 1 - server
      let signal = pow(10, Double(own[server].bestDBm[cell]) / 10)
      let interference = own[other].bestDBm[cell] > -.infinity ? pow(10, Double(own[other].bestDBm[cell]) / 10) : 0
      for indoors in [true, false] {
        let lossDB = indoors ? loss[parcel] : 0
        let a = pow(10, -lossDB / 10)
        let rsrp = 10 * log10(signal) - lossDB
        var place = 2
        var limited = false
        if rsrp >= -120 {
          let sinr = signal * a / (loads[other] * interference * a + noise)
          let efficiency = sinr >= 0.1 ? min(0.6 * log2(1 + sinr), 4.4) : 0
          let downlink = efficiency * bandwidth / 1e6 / max(1, users[server])
          let up = UserRate.uplinkMbps(
            couplingLossDB: epre - rsrp, rsrpDBm: rsrp, numerology: numerology, overhead: 0.08,
            activeUsers: users[server], parameters: uplink)
          let downClass = downlink >= 5 ? 0 : downlink >= 2.5 ? 1 : 2
          let upClass = up >= 0.5 ? 0 : up >= 0.25 ? 1 : 2
          place = max(downClass, upClass)
          limited = upClass > downClass
          let near = [(downlink, 5.0), (downlink, 2.5), (up, 0.5), (up, 0.25)].contains {
            abs($0.0 - $0.1) <= 1e-3 * $0.1
          }
          if near { reference.ambiguous[parcel] += 1 }
        }
        if indoors {
          reference.indoor[parcel][place] += 1
          if limited { reference.limitedIndoor[parcel] += 1 }
        } else {
          reference.outdoor[parcel][place] += 1
        }
      }
    }
    return reference
  }

  /// Loads to 0.1 % of the explicit system (the acceptance's tolerance; the run's total power
  /// is summed in Float32), and per parcel the service classes and uplink-limited cells of the
  /// reference, give or take the cells within 0.1 % of a threshold.
  @Test func twoSectorParkMatchesTheExplicitLoadCoupling() throws {
    let model = Self.scenario()
    let result = try CoverageRun.run(model, threads: 2)
    let expected = try Self.reference(model)
    let layer = result.layers[0]
    #expect(layer.sectorLoads.map(\.sectorIndex) == [0, 1])
    #expect(layer.loadConverged)
    for (row, load) in zip(layer.sectorLoads, expected.loads) {
      #expect(load > 0.05 && load < 1, "the fixture loads its cells without saturating them")
      #expect(abs(row.load - load) <= 1e-3 * load, "sector \(row.sectorIndex): \(row.load) vs \(load)")
    }
    for (row, users) in zip(layer.sectorLoads, expected.activeUsers) {
      #expect(abs(row.activeUsers - users) <= 1e-9 * users)
    }
    let carrier = result.carriers[0]
    for parcel in 0..<model.parcels.count {
      let slack = expected.ambiguous[parcel]
      for bin in 0..<3 {
        #expect(abs(carrier.serviceIndoor.count(parcel: parcel, bin: bin) - expected.indoor[parcel][bin]) <= slack)
        #expect(abs(carrier.serviceOutdoor.count(parcel: parcel, bin: bin) - expected.outdoor[parcel][bin]) <= slack)
      }
      #expect(abs(layer.uplinkLimitedIndoor.count(parcel: parcel, bin: 0) - expected.limitedIndoor[parcel]) <= slack)
    }
    #expect(expected.limitedIndoor.reduce(0, +) > 0, "n78's uplink limits some halls")
    #expect(expected.ambiguous.reduce(0, +) < 5, "the comparison has teeth")
  }

  /// Three times the workers: no sector's load falls and no parcel gains cells in any class
  /// or better (the cumulative counts best first never rise), indoors or outdoors.
  @Test func moreWorkersNeverRaiseAnyonesRate() throws {
    let base = try CoverageRun.run(Self.scenario(workers: 60), threads: 2)
    let busier = try CoverageRun.run(Self.scenario(workers: 180), threads: 2)
    for (a, b) in zip(base.layers[0].sectorLoads, busier.layers[0].sectorLoads) { #expect(b.load >= a.load) }
    var fell = false
    for parcel in 0..<base.parcels.count {
      for bin in 0..<2 {
        for (a, b) in [
          (base.carriers[0].serviceIndoor, busier.carriers[0].serviceIndoor),
          (base.carriers[0].serviceOutdoor, busier.carriers[0].serviceOutdoor),
        ] {
          #expect(b.cumulative(parcel: parcel, throughBin: bin) <= a.cumulative(parcel: parcel, throughBin: bin))
          if b.cumulative(parcel: parcel, throughBin: bin) < a.cumulative(parcel: parcel, throughBin: bin) {
            fell = true
          }
        }
      }
    }
    #expect(fell, "more workers lower some rates")
  }

  /// Every busy-hour user is counted once: served, without service at a sector, or unreached
  /// (also those of a parcel too small to hold a cell centre); together the parcels' workers ×
  /// Viettel's share × 5 %.
  @Test func usersReconcileWithTheWorkers() throws {
    let model = Self.scenario(tinyParcel: true)
    let layer = try CoverageRun.run(model, threads: 2).layers[0]
    let counted = layer.sectorLoads.reduce(layer.unreachedUsers) { $0 + $1.activeUsers + $1.outOfServiceUsers }
    let expected = model.parcels.reduce(0) { $0 + $1.workers } * 63.3 / 131.9 * 0.05
    #expect(abs(counted - expected) <= 1e-9 * expected)
  }

  /// A building whose users a planned indoor system serves (`indoorServedParcels`) loads no
  /// macro sector: the run equals, load for load and class for class, the run of the same
  /// park with that building's workers at 0, and its sectors carry that many users fewer, at
  /// no higher load. For another carrier the building's users stay on the macro network.
  @Test func aBuildingServedIndoorsLoadsNoMacroSector() throws {
    let park = Self.scenario()
    func served(by carrier: String) -> ScenarioModel {
      var coverage = park.coverage
      coverage.capacity.indoorServedParcels = [carrier: ["p-1-1"]]
      return park.withNetwork(
        carriers: park.carriers, structures: park.structures, sectors: park.sectors, coverage: coverage)
    }
    let offloaded = try CoverageRun.run(served(by: "viettel"), threads: 2)
    let empty = try CoverageRun.run(Self.scenario(emptyParcel: "p-1-1"), threads: 2)
    let today = try CoverageRun.run(park, threads: 2)
    let other = try CoverageRun.run(served(by: "mobifone"), threads: 2)
    #expect(offloaded.layers[0].sectorLoads == empty.layers[0].sectorLoads)
    #expect(offloaded.carriers[0].serviceIndoor == empty.carriers[0].serviceIndoor)
    #expect(offloaded.carriers[0].serviceOutdoor == empty.carriers[0].serviceOutdoor)
    #expect(other.layers[0].sectorLoads == today.layers[0].sectorLoads)
    // The macro users fall by the building's: 60 workers × Viettel's 63.3 ÷ 131.9 × 5 %.
    func macroUsers(_ run: CoverageResult) -> Double {
      run.layers[0].sectorLoads.reduce(run.layers[0].unreachedUsers) { $0 + $1.activeUsers + $1.outOfServiceUsers }
    }
    let building = 60 * 63.3 / 131.9 * 0.05
    #expect(abs(macroUsers(today) - macroUsers(offloaded) - building) <= 1e-9 * building)
    let pairs = zip(offloaded.layers[0].sectorLoads, today.layers[0].sectorLoads)
    #expect(pairs.allSatisfy { $0.load <= $1.load })
  }
}
