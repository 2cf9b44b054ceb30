import Coverage
import Foundation
import Geo
import Scenario
import Testing

@testable import Planning

/// Indoor systems beside the macro candidates in one optimisation (`cosite recommend` and
/// `compare`) on Dinh Vu: the candidates, what each option offers in a building and at what
/// cost (worked by hand), and the acceptance at a 90 % target.
@Suite struct IndoorPlanningTests {
  static func pool(
    _ scenario: ScenarioModel, _ coverage: CoverageResult, indoor: Bool = true
  ) -> CandidatePool {
    var settings = CandidatePool.Settings()
    settings.newBuildSpacingM = 0
    settings.indoorSystems = indoor
    return CandidatePool.build(
      scenario, coverage: coverage, carriers: Array(scenario.carriers.indices), settings: settings)
  }

  /// One site per building whose nodes reach the target for a carrier missing it somewhere
  /// on the parcel; each station's cells are exactly those of its parcel missing the target
  /// for its carrier (recounted here from the run's cell maps); none outdoors.
  @Test func candidatesAreTheBuildingsCellsMissingTheTarget() throws {
    let scenario = try PlannedNetworkTests.dinhVu()
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let pool = Self.pool(scenario, coverage)
    let designs = Dictionary(uniqueKeysWithValues: BuildingIndoorDesign.all(scenario).map { ($0.parcelIndex, $0) })
    var expectedSites = 0
    for (parcel, design) in designs {
      let missing = scenario.carriers.indices.filter { carrier in
        design.carriers[carrier].nodes != nil
          && coverage.cellMaps.contains { map in
            map.parcelIndex.indices.contains {
              map.parcelIndex[$0] == Int32(parcel) && map.coveredByCarrier[carrier][$0] == 0
            }
          }
      }
      if !missing.isEmpty { expectedSites += 1 }
    }
    let indoorSites = pool.sites.indices.filter { pool.sites[$0].isIndoor }
    #expect(indoorSites.count == expectedSites && expectedSites > 200)
    for (index, station) in pool.stations.enumerated() where pool.sites[station.siteIndex].isIndoor {
      let parcel = try #require(pool.sites[station.siteIndex].building?.parcelIndex)
      #expect(station.sectors.isEmpty)
      for (mapIndex, map) in coverage.cellMaps.enumerated() {
        let cells = map.parcelIndex.indices.filter {
          map.parcelIndex[$0] == Int32(parcel) && map.coveredByCarrier[station.carrierIndex][$0] == 0
        }.map(Int32.init)
        #expect(pool.targetCells[index][mapIndex] == cells, "\(station.id)")
        #expect(pool.outdoorCells[index][mapIndex].isEmpty, "\(station.id)")
      }
    }
    #expect(!Self.pool(scenario, coverage, indoor: false).sites.contains { $0.isIndoor })
  }

  /// A building of several storeys: each storey is a floor plate of floor_share × the parcel
  /// with nodes of its own — a layout covering the plate at the carrier's node radius r — so
  /// three storeys need three times one storey's coverage nodes and DAS antennas, and the
  /// floor area (DAS cabling) is three plates. Checked on buildings of Dinh Vu whose layer
  /// reaches, against a layout of the plate alone (not the one-storey design), and each
  /// storey's count against the lower bound no covering escapes: discs of radius r cover at
  /// most π·r² each, so at least ⌈A ÷ π·r²⌉.
  @Test func severalStoreysLayOutNodesOnEach() throws {
    let scenario = try PlannedNetworkTests.dinhVu()
    let memo = CapacityMemo()
    var checked = 0
    for design in BuildingIndoorDesign.all(scenario).prefix(40) {
      let parcel = scenario.parcels[design.parcelIndex]
      var environment = design.environment
      environment.floors = 3
      let storeys = BuildingIndoorDesign(
        scenario, parcelIndex: design.parcelIndex, parcel: parcel, environment: environment, memo: memo,
        engine: GeometryEngine())
      let plate = parcel.outline.area * environment.floorShare
      #expect(abs(storeys.floorAreaM2 - 3 * plate) < 1e-6 * plate)
      #expect(abs(storeys.plate.area - plate) < 1e-3 * plate)
      for carrier in storeys.carriers {
        guard let radius = carrier.coverage?.radiusM, radius > 0 else { continue }
        let perStorey = try #require(IndoorNodeLayout(covering: storeys.plate, radiusM: radius)).nodes.count
        #expect(perStorey >= Int((plate / (Double.pi * radius * radius)).rounded(.up)))
        #expect(carrier.coverageNodes == 3 * perStorey)
        // A DAS antenna's radius at its own power, laid out per storey (at least one per sector).
        if let das = carrier.das, let layer = carrier.layer {
          var antenna = scenario.indoorSystems
          antenna.nodePowerDBm = antenna.dasAntennaPowerDBm
          let reach = IndoorNodeCoverage(
            environment: environment, layer: layer, node: antenna, ueHeightM: scenario.coverage.ueHeightM,
            target: scenario.coverage.target
          ).radiusM
          let antennas = try #require(IndoorNodeLayout(covering: storeys.plate, radiusM: reach)).nodes.count
          #expect(das.antennas == max(3 * antennas, das.sectors))
        }
        checked += 1
      }
    }
    #expect(checked > 40)
  }

  /// What a building is offered, at the default costs: the annuity of 15 years at 10 % is
  /// (1 − 1.1⁻¹⁵)/0.1 = 7.60608. A carrier's own small cells: n × (120 M + 10.57 M × 7.60608)
  /// VND and n × 0.3 kW × 8,760 h. A neutral host for a set of m carriers: max n × (120 M ×
  /// (1 + (m − 1) × 0.6) + 10.57 M × (1 + (m − 1) × 0.7) × 7.60608). Passive: own small cells
  /// only; neutral host: every set of the building's carriers; MOCN: one system for all. Each
  /// set is offered as small cells or, where every carrier of it has a DAS design, as a DAS
  /// (cabling floor × 40,000 VND, 10 M VND for each antenna of the carrier needing most, per
  /// carrier 350 M VND a sector's source and 10.57 M VND a year), whichever costs less.
  @Test func offersAndTheirCostsPerOption() throws {
    let scenario = try PlannedNetworkTests.dinhVu()
    let coverage = try CoverageRun.run(scenario, threads: 2)
    let pool = Self.pool(scenario, coverage)
    let carriers = Array(scenario.carriers.indices)
    let annuity = (1 - pow(1.1, -15.0)) / 0.1
    func option(_ rules: SharingOption.Rules) throws -> SharingOption {
      try #require(SharingOption.all(for: scenario).first { $0.rules == rules })
    }
    func indoorOffers(_ rules: SharingOption.Rules) throws -> [StationOffer] {
      OfferBuilder(pool: pool, option: try option(rules), carriers: carriers, scenario: scenario).offers().filter {
        pool.sites[$0.siteIndex].isIndoor
      }
    }
    let stationsPerSite = Dictionary(
      grouping: pool.stations.indices.filter { pool.sites[pool.stations[$0].siteIndex].isIndoor }
    ) {
      pool.stations[$0].siteIndex
    }
    func das(_ carriers: [Int], _ design: BuildingIndoorDesign, cablingVND: Double, sourceVND: Double) -> Double? {
      let parts = carriers.compactMap { design.carriers[$0].das }
      guard parts.count == carriers.count else { return nil }
      let sectors = Double(parts.reduce(0) { $0 + $1.sectors })
      return design.floorAreaM2 * cablingVND + Double(parts.map(\.antennas).max()!) * 10e6 + sectors * sourceVND
        + sectors * 10.57e6 * annuity
    }
    func smallCells(
      _ carriers: [Int], _ design: BuildingIndoorDesign, shares: (radio: Double, power: Double)
    ) throws -> (nodes: Int, vnd: Double) {
      let most = try carriers.map { try #require(design.carriers[$0].nodes) }.max()!
      let extra = Double(carriers.count - 1)
      return (
        most, Double(most) * (120e6 * (1 + extra * shares.radio) + 10.57e6 * (1 + extra * shares.power) * annuity)
      )
    }
    // The cheaper kind, by hand, for every offer: `priced` are the carriers it is priced for.
    func checkKinds(
      _ offers: [StationOffer], in pool: CandidatePool, shares: (radio: Double, power: Double) = (0.6, 0.7),
      cablingVND: Double = 40_000, sourceVND: Double = 350e6
    ) throws {
      for offer in offers {
        let design = try #require(pool.sites[offer.siteIndex].building)
        let priced = offer.stations.map { pool.stations[$0].carrierIndex }
        let cells = try smallCells(priced, design, shares: shares)
        if let viaDAS = das(priced, design, cablingVND: cablingVND, sourceVND: sourceVND), viaDAS < cells.vnd {
          #expect(offer.indoorKind == .das && abs(offer.cost.lifetimeVND - viaDAS) < 1e-3)
        } else {
          #expect(offer.indoorKind == .smallCells && offer.nodes == cells.nodes)
          #expect(abs(offer.cost.lifetimeVND - cells.vnd) < 1e-3 * Double(cells.nodes))
        }
      }
    }
    let passive = try indoorOffers(.passive)
    #expect(passive.count == stationsPerSite.values.reduce(0) { $0 + $1.count })
    #expect(passive.allSatisfy { $0.carriers.count == 1 })
    try checkKinds(passive, in: pool)
    for offer in passive where offer.indoorKind == .smallCells {
      #expect(abs(offer.cost.energyKWhPerYear - Double(offer.nodes) * 0.3 * 8_760) < 1e-9 * Double(offer.nodes))
    }
    let hosts = try indoorOffers(.neutralHost)
    #expect(hosts.count == stationsPerSite.values.reduce(0) { $0 + (1 << $1.count) - 1 })
    try checkKinds(hosts, in: pool)
    #expect(hosts.filter { $0.carriers.count == 3 }.count > 100)
    // A DAS wins where cabling is free and sources cheap: a building's three carriers then
    // share one distribution instead of three sets of nodes.
    var cheap = scenario
    cheap.indoorSystems.dasCablingVNDPerM2 = 0
    cheap.indoorSystems.dasSourceVND = 1e6
    let cheapPool = Self.pool(cheap, coverage)
    let cheapHosts = OfferBuilder(
      pool: cheapPool, option: try option(.neutralHost), carriers: carriers, scenario: cheap
    )
    .offers().filter { cheapPool.sites[$0.siteIndex].isIndoor }
    try checkKinds(cheapHosts, in: cheapPool, cablingVND: 0, sourceVND: 1e6)
    #expect(cheapHosts.contains { $0.indoorKind == .das && $0.carriers.count == 3 })
    // MOCN: one pooled system per building, serving every planned carrier, priced for those
    // with a station there at the MOCN shares (0.3 of a radio, 0.4 of the yearly cost).
    let pooled = try indoorOffers(.mocn)
    #expect(pooled.count == stationsPerSite.count && pooled.allSatisfy { $0.carriers == carriers })
    try checkKinds(pooled, in: pool, shares: (0.3, 0.4))
  }

  /// The acceptance: on Dinh Vu a target of 90 % of the indoor workers is reachable
  /// with indoor systems (it is not with macro stations alone: 30 % already failed), and the
  /// neutral host costs less than every carrier building its own. The files are the same with
  /// one thread and with two, CBC included: where it does not prove these plans optimal its
  /// node limit stops it, not the clock (README, *Recommendations*).
  @Test func ninetyPercentIndoorsAndTheNeutralHostCostsLess() throws {
    let out = CLI.temporaryDirectory()
    let one = CLI.temporaryDirectory()
    defer { for directory in [out, one] { try? FileManager.default.removeItem(at: directory) } }
    for (directory, threads) in [(out, "2"), (one, "1")] {
      let run = try CLI.run([
        "compare", "scenarios/hai-phong-dinh-vu.yaml", "--target", "90%", "--options", "standalone,neutral-host",
        "--threads", threads, "--out", directory.path,
      ])
      #expect(run.status == 0, "\(run.standardError)")
    }
    for name in try FileManager.default.contentsOfDirectory(atPath: one.path).sorted() {
      let a = try Data(contentsOf: one.appendingPathComponent(name))
      let b = try Data(contentsOf: out.appendingPathComponent(name))
      #expect(a == b, "\(name) differs between 1 and 2 threads")
    }
    for option in ["standalone", "neutral-host"] {
      let plan = try JSONSerialization.jsonObject(
        with: Data(contentsOf: out.appendingPathComponent("\(option)-recommendations.json")))
      // The root node (cuts, heuristics: ~5 s here) has no node limit; 60 s of clock is the
      // safety net a machine 10× slower than this one would reach.
      #expect((plan as? [String: Any])?["solver_stopped_by"] as? String != "time_limit", "\(option) hit the clock")
    }
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("comparison.json")))
    let rows = try #require((json as? [String: Any])?["rows"] as? [[String: Any]]).filter {
      $0["carrier"] as? String == "all"
    }
    func row(_ option: String) throws -> [String: Any] {
      try #require(rows.first { $0["option"] as? String == option })
    }
    func number(_ row: [String: Any], _ key: String) -> Double { (row[key] as? NSNumber)?.doubleValue ?? .nan }
    for option in ["standalone", "neutral-host"] {
      #expect(try row(option)["target_met"] as? Bool == true, "\(option)")
      #expect(number(try row(option), "indoor_systems") > 0, "\(option)")
    }
    #expect(number(try row("neutral-host"), "npv_cost_vnd") < number(try row("standalone"), "npv_cost_vnd"))
    #expect(number(try row("neutral-host"), "indoor_nodes") < number(try row("standalone"), "indoor_nodes"))
    // Macro stations alone do not reach it.
    let macro = CLI.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: macro) }
    let alone = try CLI.run([
      "recommend", "scenarios/hai-phong-dinh-vu.yaml", "--all", "--target", "90%", "--no-indoor", "--out", macro.path,
    ])
    #expect(alone.status == 0, "\(alone.standardError)")
    let plan = try JSONSerialization.jsonObject(
      with: Data(contentsOf: macro.appendingPathComponent("recommendations.json")))
    #expect((plan as? [String: Any])?["target_met"] as? Bool == false)
  }
}
