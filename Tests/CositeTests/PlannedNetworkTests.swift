import Coverage
import Foundation
import Planning
import Scenario
import Testing

/// The network a plan builds (`PlannedNetwork`), whose busy-hour run gives `cosite compare`'s
/// service KPI, on the Dinh Vu scenario.
@Suite struct PlannedNetworkTests {
  static func dinhVu() throws -> ScenarioModel {
    try ScenarioLoader.load(
      path: CLI.repositoryRoot.appendingPathComponent("scenarios/hai-phong-dinh-vu.yaml").path)
  }

  /// Workers indoors in the best class for one carrier, the way `cosite run`'s summary counts
  /// them: each parcel's share of cells in bin 0 of the carrier's `serviceIndoor` histogram
  /// × its workers (histograms, not the cell maps `BusyHourReach` reads).
  static func fromHistogram(_ coverage: CoverageResult, carrier: Int) -> Double {
    coverage.parcels.indices.reduce(0) { sum, parcel in
      sum + (coverage.shares(coverage.carriers[carrier].serviceIndoor, parcel: parcel)?[0] ?? 0)
        * coverage.parcels[parcel].workers
    }
  }

  /// With no picks the planned network is today's, with only the planned carriers: their
  /// figures do not change (carriers never interfere, and each keeps its subscriber share even
  /// though an equal split would now differ), and they match the run's own histograms.
  @Test func aPlanWithoutStationsKeepsTodaysBusyHour() throws {
    let scenario = try Self.dinhVu()
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let carriers = [0, 2]
    let today = BusyHourReach(coverage, carrierIndex: carriers)
    let planned = PlannedNetwork(scenario, carriers: carriers, picks: [], pool: nil, pooled: false)
    #expect(planned.scenario.carriers.map(\.id) == carriers.map { scenario.carriers[$0].id })
    let again = BusyHourReach(try CoverageRun.run(planned.scenario, threads: 2), carrierIndex: planned.carrierIndex)
    #expect(again == today)
    for (position, carrier) in carriers.enumerated() {
      let expected = Self.fromHistogram(coverage, carrier: carrier)
      #expect(abs(today.perCarrier[position] - expected) < 1e-6 * max(1, expected))
      #expect(today.perCarrier[position] > 0)
    }
    // Every carrier at once: at most each, at least what the two leave after their misses
    // overlap least (Bonferroni: a + b − all workers).
    let (a, b) = (today.perCarrier[0], today.perCarrier[1])
    #expect(today.everyCarrier <= min(a, b) + 1e-9)
    #expect(today.everyCarrier >= a + b - today.allWorkers - 1e-9)
    #expect(abs(today.allWorkers - scenario.parcels.reduce(0) { $0 + $1.workers }) < 1e-6)
  }

  /// A budget plan's stations join the network, new builds with their structures, and every
  /// cell the plan says a pick newly brings to the target is at the target in the planned
  /// network's own run (RSRP only grows when sectors are added, and the candidate fields are
  /// the run's field engine).
  ///
  /// The run that reuses today's fields (`FieldStore`, as `cosite compare` does) gives what a
  /// run from scratch gives: the same coverage cell by cell, the same busy-hour figures to
  /// rounding (total power summed in two parts where several new sectors reach a cell).
  @Test func aPlansStationsJoinTheNetworkAndCoverWhatItClaims() throws {
    let scenario = try Self.dinhVu()
    let store = FieldStore()
    let coverage = try CoverageRun.run(scenario, threads: 2, fields: store)
    store.reuse(sectorsBelow: scenario.sectors.count)
    let carriers = Array(scenario.carriers.indices)
    var options = Recommender.Options(carriers: carriers, goal: .budget(60e9))
    options.timeLimitSeconds = 5
    // Macro stations (indoor systems are not in the busy-hour network).
    options.pool.indoorSystems = false
    let result = Recommender.recommend(scenario, coverage: coverage, options: options)
    try #require(!result.picks.isEmpty)
    let planned = PlannedNetwork(scenario, carriers: carriers, picks: result.picks, pool: result.pool, pooled: false)
    let added = result.picks.flatMap { $0.offer.stations.flatMap { result.pool.stations[$0].sectors } }
    #expect(planned.scenario.sectors.count == scenario.sectors.count + added.count)
    let structures = Set(planned.scenario.structures.map(\.id))
    for sector in added { #expect(structures.contains(sector.structureID), "\(sector.id)") }
    let run = try CoverageRun.run(planned.scenario, threads: 2)
    #expect(run.cellMaps.count == coverage.cellMaps.count)
    var claimed = 0
    for pick in result.picks {
      for (slot, perMap) in pick.newCells.enumerated() {
        for (mapIndex, cells) in perMap.enumerated() {
          let covered = run.cellMaps[mapIndex].coveredByCarrier[planned.carrierIndex[slot]]
          for cell in cells {
            claimed += 1
            #expect(covered[Int(cell)] != 0, "carrier \(slot) map \(mapIndex) cell \(cell)")
          }
        }
      }
    }
    #expect(claimed > 0)
    let reused = try CoverageRun.run(planned.scenario, threads: 2, fields: store)
    for (mine, theirs) in zip(reused.cellMaps, run.cellMaps) {
      #expect(mine.coveredByCarrier == theirs.coveredByCarrier)
    }
    let scratch = BusyHourReach(run, carrierIndex: planned.carrierIndex)
    let again = BusyHourReach(reused, carrierIndex: planned.carrierIndex)
    for (a, b) in zip(again.perCarrier + [again.everyCarrier], scratch.perCarrier + [scratch.everyCarrier]) {
      #expect(abs(a - b) <= 1e-6 * b, "\(a) vs \(b)")
    }
  }

  /// The buildings of a plan's indoor systems leave the macro network for the carriers each
  /// system serves (its `IndoorSystemPlan`), under MOCN those it serves for every carrier; the
  /// planned run's macro users are then exactly the workers of the other buildings × each
  /// carrier's share × 5 %, every one counted once (served, out of service or unreached).
  @Test func buildingsWithAPlannedIndoorSystemLeaveTheMacroNetwork() throws {
    let scenario = try Self.dinhVu()
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let carriers = Array(scenario.carriers.indices)
    var options = Recommender.Options(carriers: carriers, goal: .budget(30e9))
    options.timeLimitSeconds = 5
    let result = Recommender.recommend(scenario, coverage: coverage, options: options)
    var served: [String: Set<String>] = [:]
    for pick in result.picks {
      guard let building = result.pool.sites[pick.offer.siteIndex].building,
        let plan = IndoorSystemPlan(pick.offer, building: building, pool: result.pool)
      else { continue }
      for carrier in plan.carriers {
        served[scenario.carriers[carrier.index].id, default: []].insert(scenario.parcels[building.parcelIndex].id)
      }
    }
    try #require(!served.isEmpty)
    let planned = PlannedNetwork(scenario, carriers: carriers, picks: result.picks, pool: result.pool, pooled: false)
    for carrier in scenario.carriers {
      #expect(planned.scenario.coverage.capacity.indoorServedParcels[carrier.id] ?? [] == served[carrier.id] ?? [])
    }
    let pooled = PlannedNetwork(scenario, carriers: carriers, picks: result.picks, pool: result.pool, pooled: true)
    let everyCarrier = scenario.carriers.dropFirst().reduce(served[scenario.carriers[0].id] ?? []) {
      $0.intersection(served[$1.id] ?? [])
    }
    #expect(pooled.scenario.coverage.capacity.indoorServedParcels == [pooled.scenario.carriers[0].id: everyCarrier])
    let run = try CoverageRun.run(planned.scenario, threads: 2)
    let capacity = scenario.coverage.capacity
    for carrier in scenario.carriers {
      let share = capacity.subscriberShare(of: carrier, carrierCount: scenario.carriers.count)
      let expected = scenario.parcels.reduce(0.0) { sum, parcel in
        (served[carrier.id] ?? []).contains(parcel.id) ? sum : sum + parcel.workers * share * 0.05
      }
      let counted = run.layers.filter { $0.carrierID == carrier.id }.reduce(0.0) { sum, layer in
        layer.sectorLoads.reduce(sum + layer.unreachedUsers) { $0 + $1.activeUsers + $1.outOfServiceUsers }
      }
      #expect(abs(counted - expected) <= 1e-9 * expected, "\(carrier.id)")
    }
  }

  /// MOCN pooling two identical networks changes nothing per user: each cell's users double,
  /// and split by capacity over twice the layers, each layer carries what it carried alone.
  /// The twin is Viettel again under another id, both with the same subscriber share.
  @Test func poolingTwoIdenticalNetworksLeavesEachUsersService() throws {
    let scenario = try Self.dinhVu()
    let viettel = scenario.carriers[0]
    let twin = Carrier(id: "twin", name: "Twin", layers: viettel.layers)
    let twinSectors = scenario.sectors.filter { $0.carrierID == viettel.id }.map { sector in
      Sector(
        id: "twin-\(sector.id)", carrierID: "twin", layerID: sector.layerID, structureID: sector.structureID,
        azimuthDeg: sector.azimuthDeg, mechanicalTiltDeg: sector.mechanicalTiltDeg,
        electricalTiltDeg: sector.electricalTiltDeg, antennaGainDBi: sector.antennaGainDBi,
        antennaPatternPath: sector.antennaPatternPath, powerDBm: sector.powerDBm, heightM: sector.heightM,
        feederLossDB: sector.feederLossDB, antennaType: sector.antennaType)
    }
    var settings = scenario.coverage
    settings.capacity.subscriberShares = [viettel.id: 0.3, "twin": 0.3]
    let pair = scenario.withNetwork(
      carriers: [viettel, twin], structures: scenario.structures,
      sectors: scenario.sectors.filter { $0.carrierID == viettel.id } + twinSectors, coverage: settings)
    let alone = BusyHourReach(try CoverageRun.run(pair, threads: 2), carrierIndex: [0, 1])
    #expect(alone.perCarrier[0] == alone.perCarrier[1])
    let pooled = PlannedNetwork(pair, carriers: [0, 1], picks: [], pool: nil, pooled: true)
    #expect(pooled.scenario.carriers.count == 1)
    #expect(pooled.scenario.carriers[0].layers.count == 2 * viettel.layers.count)
    #expect(pooled.scenario.coverage.capacity.subscriberShares == ["viettel+twin": 0.6])
    let reach = BusyHourReach(try CoverageRun.run(pooled.scenario, threads: 2), carrierIndex: pooled.carrierIndex)
    for value in reach.perCarrier + [reach.everyCarrier] {
      #expect(abs(value - alone.perCarrier[0]) < 1e-6 * alone.perCarrier[0], "\(value) vs \(alone.perCarrier[0])")
    }
  }
}
