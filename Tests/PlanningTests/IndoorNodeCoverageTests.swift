import Foundation
import Radio
import Scenario
import Testing

@testable import Planning

/// An indoor node's coverage radius and node count, worked by hand from TR 38.901 Table
/// 7.4.1-1 (NLOS formulas and σ_SF), the link budget and the hexagonal layout.
@Suite struct IndoorNodeCoverageTests {
  static let lte1800 = RadioLayer(
    id: "l1800", technology: .lte, band: "B3", frequencyMHz: 1815, bandwidthMHz: 20, tddDownlinkShare: 1)
  static let target = CoverageTarget(rsrpDBm: -105, indoor: true, minimumShare: 0.95, reliability: 0.95)

  static func coverage(
    _ scenario: IndoorScenario, layer: RadioLayer = lte1800, node: IndoorSystemSettings = IndoorSystemSettings()
  ) -> IndoorNodeCoverage {
    IndoorNodeCoverage(
      environment: IndoorEnvironment(scenario: scenario), layer: layer, node: node, ueHeightM: 1.5, target: target)
  }

  /// InF-SH (node at 8 m, UE 1.5 m), LTE 20 MHz at 1,815 MHz, 24 dBm, 2 dBi:
  /// EPRE = 24 − 10·log10(1200) = −6.7918 dBm; margin = 5.9 dB × z(0.95) 1.64485 = 9.7046 dB;
  /// allowed PL = −6.7918 + 2 + 105 − 9.7046 = 90.5036 dB. NLOS: 32.4 + 23·log10(d) +
  /// 20·log10(1.815) = 90.5036 → d_3D = 10^((90.5036 − 32.4 − 5.1782)/23) = 200.047 m (LOS,
  /// 31.84 + 21.5·log10(d) + 19·log10(1.815), is 86.2 dB there: below); d_2D = √(200.047² −
  /// 6.5²) = 199.941 m. One node covers (3√3/2)·r² = 103,862 m²: a 300 × 150 m hall needs 1.
  @Test func sparseHallWithCeilingNodes() {
    let coverage = Self.coverage(.infSH)
    #expect(abs(coverage.maxPathLossDB - 90.5036) < 1e-3)
    #expect(abs(coverage.radiusM - 199.941) < 0.02)
    #expect(coverage.nodes(floorAreaM2: 45_000) == 1)
    #expect(coverage.nodes(floorAreaM2: 103_000) == 1)
    #expect(coverage.nodes(floorAreaM2: 104_000) == 2)
  }

  /// InF-DL (node among dense clutter at 1.5 m = the UE's height, so d_3D = d_2D): σ 7.2 dB,
  /// margin 11.8429 dB, allowed PL 88.3652 dB. Beyond 25.8 m the dense term 18.6 +
  /// 35.7·log10(d) + 20·log10(f) is the largest of the three: d = 10^((88.3652 − 18.6 −
  /// 5.1782)/35.7) = 64.444 m. (3√3/2)·64.444² = 10,790 m² a node: 45,000 m² needs ⌈4.17⌉ = 5.
  @Test func denseHallWithLowNodes() {
    let coverage = Self.coverage(.infDL)
    #expect(abs(coverage.maxPathLossDB - 88.3652) < 1e-3)
    #expect(abs(coverage.radiusM - 64.444) < 0.02)
    #expect(coverage.nodes(floorAreaM2: 45_000) == 5)
  }

  /// The fixture: one 45,000 m² InF-DL hall (nodes at 1.5 m among dense clutter),
  /// target −105 dBm at 95 %, three carriers each on one layer. Radii as in
  /// `denseHallWithLowNodes`: LTE 1,815 MHz 20 MHz 64.444 m → ⌈4.17⌉ = 5 nodes; LTE 2,117.5
  /// MHz 15 MHz (900 subcarriers: EPRE −5.542 dBm, PL ≤ 89.615 dB) 64.072 m → ⌈4.22⌉ = 5; NR
  /// 3,700 MHz 100 MHz (3,276 subcarriers: EPRE −11.153 dBm, PL ≤ 84.004 dB) 32.637 m →
  /// ⌈16.26⌉ = 17. Money (defaults): annuity (1 − 1.1⁻¹⁵)/0.1 = 7.60608; one carrier's node
  /// 120 M + 10.57 M × 7.60608 = 200.396 M VND. A neutral host for all three needs 17 nodes
  /// at 120 M × (1 + 2 × 0.6) + 10.57 M × (1 + 2 × 0.7) × 7.60608 = 456.951 M each: 7,768.2 M,
  /// 2,589.4 M a carrier — more than the first two carriers' own 5 nodes (1,002.0 M each):
  /// the 3.7 GHz layer sets the count. For the first two alone: 5 nodes at 120 M × 1.6 +
  /// 10.57 M × 1.7 × 7.60608 = 328.674 M: 1,643.4 M, 821.7 M a carrier, below their own.
  @Test func oneHallOwnSmallCellsAgainstANeutralHost() {
    let layers = [
      Self.lte1800,
      RadioLayer(
        id: "l2100", technology: .lte, band: "B1", frequencyMHz: 2117.5, bandwidthMHz: 15, tddDownlinkShare: 1),
      RadioLayer(
        id: "n78", technology: .nr, band: "n78", frequencyMHz: 3700, bandwidthMHz: 100, tddDownlinkShare: 0.74),
    ]
    let nodes = layers.map { Self.coverage(.infDL, layer: $0).nodes(floorAreaM2: 45_000) }
    #expect(nodes == [5, 5, 17])
    func close(_ value: Double?, _ expected: Double) -> Bool { abs((value ?? .nan) - expected) < 0.1e6 }
    let three = IndoorSystemCost(
      nodes: nodes, settings: IndoorSystemSettings(), costs: CostParameters(), factors: SharingFactors())
    #expect(close(three.ownLifetimeVND[0], 1_001.98e6) && close(three.ownLifetimeVND[2], 3_406.74e6))
    #expect(three.neutralHostNodes == 17)
    #expect(close(three.neutralHostLifetimeVND, 7_768.17e6) && close(three.neutralHostShareVND, 2_589.39e6))
    let two = IndoorSystemCost(
      nodes: Array(nodes.prefix(2)), settings: IndoorSystemSettings(), costs: CostParameters(),
      factors: SharingFactors())
    #expect(two.neutralHostNodes == 5)
    #expect(close(two.neutralHostLifetimeVND, 1_643.37e6) && close(two.neutralHostShareVND, 821.68e6))
    // One carrier alone: the neutral host is its own small cells.
    let one = IndoorSystemCost(
      nodes: [5], settings: IndoorSystemSettings(), costs: CostParameters(), factors: SharingFactors())
    #expect(one.neutralHostLifetimeVND == one.ownLifetimeVND[0])
    // A carrier no node serves leaves no neutral host.
    let none = IndoorSystemCost(
      nodes: [5, nil], settings: IndoorSystemSettings(), costs: CostParameters(), factors: SharingFactors())
    #expect(none.neutralHostNodes == nil && none.neutralHostShareVND == nil)
  }

  /// The same 45,000 m² InF-SH hall served by a DAS: antennas radiate 15 dBm per carrier, so
  /// EPRE = 15 − 30.7918 = −15.7918 dBm and the allowed PL = −15.7918 + 2 + 105 − 9.7046 =
  /// 81.5036 dB; NLOS d_3D = 10^((81.5036 − 32.4 − 5.1782)/23) = 81.251 m (LOS 77.8 dB there:
  /// below), d_2D = √(81.251² − 6.5²) = 80.990 m; one antenna covers 17,042 m², the hall needs
  /// ⌈2.64⌉ = 3. Money (defaults): cabling 45,000 m² × 40,000 = 1,800 M VND, 10 M an antenna,
  /// 350 M a carrier's source per sector, 10.57 M a source a year (annuity 7.60608: 80.396 M).
  /// One carrier, 3 antennas, 1 sector: 1,800 + 30 + 350 = 2,180 M once, 2,260.40 M over the
  /// life. Three carriers with 3, 3 and 4 antennas and 2, 1, 1 sectors: the antennas of the one
  /// needing most, 1,800 + 40 + 4 × 350 = 3,240 M once, 4 × 10.57 = 42.28 M a year, 3,561.59 M
  /// over the life; 4 sources × 0.3 kW × 8,760 h = 10,512 kWh a year.
  @Test func oneHallWithADAS() {
    var antenna = IndoorSystemSettings()
    antenna.nodePowerDBm = antenna.dasAntennaPowerDBm
    let coverage = Self.coverage(.infSH, node: antenna)
    #expect(abs(coverage.maxPathLossDB - 81.5036) < 1e-3)
    #expect(abs(coverage.radiusM - 80.990) < 0.02)
    #expect(coverage.nodes(floorAreaM2: 45_000) == 3)
    let settings = IndoorSystemSettings()
    let one = DASCarrierDesign.cost(
      floorAreaM2: 45_000, designs: [DASCarrierDesign(antennas: 3, sectors: 1)], settings: settings,
      costs: CostParameters())
    #expect(abs(one.oneOffVND - 2_180e6) < 1 && abs(one.lifetimeVND - 2_260.396e6) < 1e3)
    let three = DASCarrierDesign.cost(
      floorAreaM2: 45_000,
      designs: [
        DASCarrierDesign(antennas: 3, sectors: 2), DASCarrierDesign(antennas: 3, sectors: 1),
        DASCarrierDesign(antennas: 4, sectors: 1),
      ], settings: settings, costs: CostParameters())
    #expect(abs(three.oneOffVND - 3_240e6) < 1 && abs(three.yearlyVND - 42.28e6) < 1)
    #expect(abs(three.lifetimeVND - 3_561.585e6) < 1e3 && abs(three.energyKWhPerYear - 10_512) < 1e-6)
  }

  /// A node too weak to reach the target even under itself covers nothing; one strong enough
  /// everywhere stops at the model's validity. At −40 dBm the link allows −40 − 30.792 + 2 +
  /// 105 − 9.705 = 26.504 dB, below the NLOS loss right under the node (d_3D 6.5 m: 32.4 +
  /// 23·log10(6.5) + 5.178 = 56.275 dB): no radius. At 80 dBm it allows 146.504 dB, above the
  /// loss at the 600 m edge of InF's range (d_3D 600.035 m: 101.476 dB): the radius is the
  /// whole range.
  @Test func limits() {
    var weak = IndoorSystemSettings()
    weak.nodePowerDBm = -40
    let none = Self.coverage(.infSH, node: weak)
    #expect(abs(none.maxPathLossDB - 26.504) < 1e-3)
    #expect(none.radiusM == 0 && none.nodes(floorAreaM2: 1_000) == nil)
    var strong = IndoorSystemSettings()
    strong.nodePowerDBm = 80
    let all = Self.coverage(.infSH, node: strong)
    #expect(abs(all.maxPathLossDB - 146.504) < 1e-3)
    #expect(all.radiusM == 600)
  }

  /// A 450 MHz layer is below the indoor models' 0.5 GHz: flagged (the bundled layers are not).
  @Test func frequenciesBelowTheModelsAreFlagged() {
    let low = RadioLayer(
      id: "l450", technology: .lte, band: "B31", frequencyMHz: 465, bandwidthMHz: 5, tddDownlinkShare: 1)
    for (layer, flagged) in [(low, true), (Self.lte1800, false)] {
      let coverage = Self.coverage(.inhMixed, layer: layer)
      #expect(coverage.outsideValidity.contains(.frequency) == flagged, "\(layer.id)")
      #expect(coverage.radiusM > 0)
    }
  }

  /// The standard environments by land use, with TR 38.901 Table 7.8-7's clutter and heights,
  /// and the high-node scenarios refused below their clutter.
  @Test func environmentsByLandUse() {
    #expect(IndoorEnvironment.standard(for: .factory)?.scenario == .infSH)
    #expect(IndoorEnvironment.standard(for: .warehouse)?.clutter == FactoryClutter(density: 0.6, sizeM: 2, heightM: 6))
    #expect(IndoorEnvironment.standard(for: .warehouse)?.nodeHeightM == 8)
    #expect(IndoorEnvironment.standard(for: .office)?.scenario == .inhMixed)
    #expect(IndoorEnvironment.standard(for: .road) == nil)
    #expect(IndoorEnvironment(scenario: .infDH, nodeHeightM: 5).problem != nil)
    #expect(IndoorEnvironment(scenario: .infDH).problem == nil)
    let open = BuildingClass(name: "yard", o2i: .none, extraLossDB: 0)
    #expect(open.indoorEnvironment(landUse: .factory) == nil)
  }
}
