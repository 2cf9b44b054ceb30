import Foundation
import Geo
import Radio
import Scenario
import Testing

@testable import Planning

/// Busy-hour rates and classes an indoor system gives its building, worked by hand from TR
/// 38.901 Table 7.4.1-1 (InF-SH), the link budget, TR 36.942 A.1 and the traffic model.
@Suite struct IndoorServiceClassesTests {
  /// Viettel's LTE-1800 node (1,815 MHz, 20 MHz: 1,200 subcarriers) alone in a Dinh Vu hall
  /// (InF-SH: node 8 m, UE 1.5 m), at the scenario's 90 % reliability: EPRE = P −
  /// 10·log10(1200) = P − 30.7918 dBm, +2 dBi; margin z(0.9)·σ_NLOS = 1.281552 × 5.9 = 7.5612
  /// dB; PL the larger of NLOS 32.4 + 23·log10(d₃D) + 20·log10(f) and LOS 31.84 +
  /// 21.5·log10(d₃D) + 19·log10(f) (`rsrp` below). Noise per resource element −174 +
  /// 10·log10(15,000) + 9 = −123.2391 dBm; no other node: SINR = RSRP − noise; SE =
  /// min(4.4, 0.6·log2(1 + SINR)). At 24 dBm and 30 m: d₃D = 30.6961 m, PL 71.7813 dB, RSRP
  /// −84.1343 dBm, SINR 39.1 dB (SE at the cap); at 0 dBm the SINR is 24 dB lower, 15.1 dB,
  /// below the cap (SE 3.04). 1,000 workers, Viettel's 47.99 % of subscribers (63.3 M of 131.9
  /// M), 5 % active: 23.9954 users on the one node, so one's downlink is SE × B_eff ÷ 23.9954
  /// (B_eff the layer's effective bandwidth, `UserRate`, tested with the macro run) and its
  /// uplink the budget at coupling loss EPRE − RSRP − 0 dBi UE gain with 100 ÷ 23.9954
  /// resource blocks (`UplinkBudget`, tested on its own): this test checks what the model
  /// feeds them.
  @Test func aLoneNodeGivesItsLinkBudget() throws {
    let (scenario, carrierIndex, layer, design) = try Self.hall()
    let centre = try Self.centre(design)
    let points = [Coordinate(x: centre.x + 30, y: centre.y), Coordinate(x: centre.x + 70, y: centre.y)]
    #expect(points.allSatisfy(design.plate.contains))
    let numerology = try #require(layer.numerology)
    let bandwidthHz = UserRate.effectiveBandwidthHz(
      numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink))
    let users = 1_000 * 63.3 / 131.9 * 0.05
    for powerDBm in [24.0, 0.0] {
      var node = scenario.indoorSystems
      node.nodePowerDBm = powerDBm
      let coverage = IndoorNodeCoverage(
        environment: design.environment, layer: layer, node: node, ueHeightM: 1.5, target: scenario.coverage.target)
      let plan = IndoorSystemPlan(
        layout: IndoorNodeLayout(nodes: [centre], radiusM: coverage.radiusM),
        carriers: [IndoorSystemPlan.Carrier(index: carrierIndex, layer: layer, coverage: coverage)])
      let rates = IndoorServiceClasses.rates(
        plan: plan, building: design, points: points, workers: 1_000, scenario: scenario)[0]
      var byHand: [(downlink: Double, uplink: Double)] = []
      for (rate, groundM) in zip(rates, [30.0, 70.0]) {
        let rsrp = Self.rsrp(groundM, powerDBm: powerDBm)
        let efficiency = min(4.4, 0.6 * log2(1 + pow(10, (rsrp + 123.2391) / 10)))
        #expect(abs(rate.rsrpDBm - rsrp) < 0.001)
        #expect(abs(rate.downlinkMbps - efficiency * bandwidthHz / 1e6 / users) < 1e-3 * rate.downlinkMbps)
        let uplink = UplinkBudget.rateMbps(
          couplingLossDB: powerDBm - 30.7918 - rsrp, resourceBlockShare: 100 / users, numerology: numerology,
          overhead: Overhead.fraction(numerology: numerology, direction: .uplink), minimumSINRDB: -10,
          parameters: scenario.coverage.capacity.uplink(of: layer))
        #expect(abs(rate.uplinkMbps - uplink) < 1e-3 * uplink)
        byHand.append((efficiency * bandwidthHz / 1e6 / users, uplink))
      }
      #expect(abs(Self.rsrp(30, powerDBm: 24) - -84.1343) < 0.001)
      // The classes of the rates by hand: the best whose downlink and uplink minima both hold
      // (VNPT's zones, best first: 5 and 0.5 Mbit/s, then 2.5 and 0.25, …).
      let classes = scenario.coverage.serviceClassesBestFirst
      let expected = byHand.map { rate in
        max(
          classes.firstIndex { rate.downlink >= $0.minimumDownlinkMbps } ?? classes.count,
          classes.firstIndex { rate.uplink >= $0.minimumUplinkMbps } ?? classes.count)
      }
      #expect(
        IndoorServiceClasses.classes(plan: plan, building: design, points: points, workers: 1_000, scenario: scenario)[
          0] == expected)
    }
  }

  /// Dinh Vu, Viettel's LTE-1800 layer and its first InF-SH hall.
  static func hall() throws -> (ScenarioModel, Int, RadioLayer, BuildingIndoorDesign) {
    let scenario = try PlannedNetworkTests.dinhVu()
    let carrierIndex = try #require(scenario.carriers.firstIndex { $0.id == "viettel" })
    let layer = try #require(scenario.carriers[carrierIndex].layers.first { $0.id == "lte1800" })
    let design = try #require(BuildingIndoorDesign.all(scenario).first { $0.environment.scenario == .infSH })
    return (scenario, carrierIndex, layer, design)
  }

  /// The centre of the plate's bounds, which must be on the plate.
  static func centre(_ design: BuildingIndoorDesign) throws -> Coordinate {
    let bounds = try #require(design.plate.bounds)
    let centre = Coordinate(x: (bounds.min.x + bounds.max.x) / 2, y: (bounds.min.y + bounds.max.y) / 2)
    #expect(design.plate.contains(centre))
    return centre
  }

  /// RSRP at 90 % reliability `groundM` from a node of `powerDBm` at 8 m (UE 1.5 m), 1,815 MHz.
  static func rsrp(_ groundM: Double, powerDBm: Double = 24) -> Double {
    let d = (groundM * groundM + 6.5 * 6.5).squareRoot()
    let nlos = max(32.4 + 23 * log10(d) + 20 * log10(1.815), 31.84 + 21.5 * log10(d) + 19 * log10(1.815))
    return powerDBm - 30.7918 + 2 - nlos - 1.281552 * 5.9
  }

  /// Two nodes 100 m apart, one point beside each (10 m out): symmetric, so both loads are the
  /// same ρ, and each point's SINR is S ÷ (N + ρ·I). The fixed point ρ = d ÷ (SE(γ(ρ))·B_eff)
  /// (d: the point's users × 5 Mbit/s) is found here by bisection on ρ ∈ [0, 1] — a solver of
  /// the test's own — and the rate the model gives must be SE(γ(ρ))·B_eff ÷ users.
  @Test func twoNodesLoadEachOther() throws {
    let (scenario, carrierIndex, layer, design) = try Self.hall()
    let coverage = IndoorNodeCoverage(
      environment: design.environment, layer: layer, node: scenario.indoorSystems, ueHeightM: 1.5,
      target: scenario.coverage.target)
    let centre = try Self.centre(design)
    let nodes = [Coordinate(x: centre.x - 50, y: centre.y), Coordinate(x: centre.x + 50, y: centre.y)]
    let points = [Coordinate(x: centre.x - 60, y: centre.y), Coordinate(x: centre.x + 60, y: centre.y)]
    #expect(points.allSatisfy(design.plate.contains))
    let plan = IndoorSystemPlan(
      layout: IndoorNodeLayout(nodes: nodes, radiusM: coverage.radiusM),
      carriers: [IndoorSystemPlan.Carrier(index: carrierIndex, layer: layer, coverage: coverage)])
    let workers = 500.0
    let rate = IndoorServiceClasses.rates(
      plan: plan, building: design, points: points, workers: workers, scenario: scenario)[0][0]
    // By hand: levels at 10 m and 110 m at the reliability, as in the lone node's test.
    let (signal, interference) = (pow(10, Self.rsrp(10) / 10), pow(10, Self.rsrp(110) / 10))
    let noise = pow(10, -123.2391 / 10)
    let numerology = try #require(layer.numerology)
    let bandwidthHz = UserRate.effectiveBandwidthHz(
      numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink))
    let users = workers * 63.3 / 131.9 * 0.05 / 2
    func efficiency(_ load: Double) -> Double {
      min(4.4, 0.6 * log2(1 + signal / (noise + load * interference)))
    }
    var (low, high) = (0.0, 1.0)
    for _ in 0..<60 {
      let load = (low + high) / 2
      if users * 5e6 / (efficiency(load) * bandwidthHz) > load { low = load } else { high = load }
    }
    #expect(low > 0.05 && low < 0.95)
    #expect(abs(rate.downlinkMbps - efficiency(low) * bandwidthHz / 1e6 / users) < 2e-3 * rate.downlinkMbps)
  }

  /// A DAS sector simulcasts over its antennas: two antennas 100 m apart at 15 dBm
  /// (`das_antenna_power_dbm`), one sector, a point 10 m from the first. Its RSRP is the sum of
  /// the two levels (`rsrp` above at 10 m and 110 m), its SINR that sum over the noise (no
  /// interferer), and the sector's users are all of them: 1,000 workers → 23.9954.
  @Test func aDASSectorAddsItsAntennas() throws {
    let (scenario, carrierIndex, layer, design) = try Self.hall()
    var antenna = scenario.indoorSystems
    antenna.nodePowerDBm = 15
    let coverage = IndoorNodeCoverage(
      environment: design.environment, layer: layer, node: antenna, ueHeightM: 1.5, target: scenario.coverage.target)
    let centre = try Self.centre(design)
    let antennas = [Coordinate(x: centre.x - 50, y: centre.y), Coordinate(x: centre.x + 50, y: centre.y)]
    let points = [Coordinate(x: centre.x - 60, y: centre.y)]
    let plan = IndoorSystemPlan(
      layout: IndoorNodeLayout(nodes: antennas, radiusM: coverage.radiusM),
      carriers: [IndoorSystemPlan.Carrier(index: carrierIndex, layer: layer, coverage: coverage, dasSectors: 1)])
    let rate = IndoorServiceClasses.rates(
      plan: plan, building: design, points: points, workers: 1_000, scenario: scenario)[0][0]
    let sum = pow(10, Self.rsrp(10, powerDBm: 15) / 10) + pow(10, Self.rsrp(110, powerDBm: 15) / 10)
    #expect(abs(rate.rsrpDBm - 10 * log10(sum)) < 0.001)
    let numerology = try #require(layer.numerology)
    let bandwidthHz = UserRate.effectiveBandwidthHz(
      numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink))
    let efficiency = min(4.4, 0.6 * log2(1 + sum / pow(10, -123.2391 / 10)))
    let users = 1_000 * 63.3 / 131.9 * 0.05
    #expect(abs(rate.downlinkMbps - efficiency * bandwidthHz / 1e6 / users) < 1e-3 * rate.downlinkMbps)
  }

  /// A DAS of one sector on three storeys is one cell for all three: its users are the whole
  /// building's (1,000 workers → 23.9954), not a storey's third. One antenna per storey at
  /// 15 dBm, a point 10 m away: SINR = RSRP − noise, rate SE × B_eff ÷ 23.9954.
  @Test func aDASSectorSpansItsStoreys() throws {
    let (scenario, carrierIndex, layer, design) = try Self.hall()
    var environment = design.environment
    environment.floors = 3
    let storeys = BuildingIndoorDesign(
      scenario, parcelIndex: design.parcelIndex, parcel: scenario.parcels[design.parcelIndex],
      environment: environment, memo: CapacityMemo(), engine: GeometryEngine())
    var antenna = scenario.indoorSystems
    antenna.nodePowerDBm = 15
    let coverage = IndoorNodeCoverage(
      environment: environment, layer: layer, node: antenna, ueHeightM: 1.5, target: scenario.coverage.target)
    let centre = try Self.centre(storeys)
    let plan = IndoorSystemPlan(
      layout: IndoorNodeLayout(nodes: [centre], radiusM: coverage.radiusM),
      carriers: [IndoorSystemPlan.Carrier(index: carrierIndex, layer: layer, coverage: coverage, dasSectors: 1)])
    let rate = IndoorServiceClasses.rates(
      plan: plan, building: storeys, points: [Coordinate(x: centre.x + 10, y: centre.y)], workers: 1_000,
      scenario: scenario)[0][0]
    let numerology = try #require(layer.numerology)
    let bandwidthHz = UserRate.effectiveBandwidthHz(
      numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink))
    let efficiency = min(4.4, 0.6 * log2(1 + pow(10, (Self.rsrp(10, powerDBm: 15) + 123.2391) / 10)))
    let users = 1_000 * 63.3 / 131.9 * 0.05
    #expect(abs(rate.downlinkMbps - efficiency * bandwidthHz / 1e6 / users) < 1e-3 * rate.downlinkMbps)
  }
}
