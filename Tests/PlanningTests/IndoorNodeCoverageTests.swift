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

  /// InF-SH (node at 8 m, UE 1.5 m), LTE 20 MHz at 1,815 MHz, 24 dBm, 2 dBi:
  /// EPRE = 24 − 10·log10(1200) = −6.7918 dBm; margin = 5.9 dB × z(0.95) 1.64485 = 9.7046 dB;
  /// allowed PL = −6.7918 + 2 + 105 − 9.7046 = 90.5036 dB. NLOS: 32.4 + 23·log10(d) +
  /// 20·log10(1.815) = 90.5036 → d_3D = 10^((90.5036 − 32.4 − 5.1782)/23) = 200.047 m (LOS,
  /// 31.84 + 21.5·log10(d) + 19·log10(1.815), is 86.2 dB there: below); d_2D = √(200.047² −
  /// 6.5²) = 199.941 m. One node covers (3√3/2)·r² = 103,862 m²: a 300 × 150 m hall needs 1.
  @Test func sparseHallWithCeilingNodes() {
    let coverage = IndoorNodeCoverage(
      environment: IndoorEnvironment(scenario: .infSH), layer: Self.lte1800, node: IndoorNodeSettings(),
      ueHeightM: 1.5, target: Self.target)
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
    let coverage = IndoorNodeCoverage(
      environment: IndoorEnvironment(scenario: .infDL), layer: Self.lte1800, node: IndoorNodeSettings(),
      ueHeightM: 1.5, target: Self.target)
    #expect(abs(coverage.maxPathLossDB - 88.3652) < 1e-3)
    #expect(abs(coverage.radiusM - 64.444) < 0.02)
    #expect(coverage.nodes(floorAreaM2: 45_000) == 5)
  }

  /// A node too weak to reach the target even under itself covers nothing; one strong enough
  /// everywhere stops at the model's validity (600 m).
  @Test func limits() {
    var weak = IndoorNodeSettings()
    weak.powerDBm = -40
    let none = IndoorNodeCoverage(
      environment: IndoorEnvironment(scenario: .infSH), layer: Self.lte1800, node: weak, ueHeightM: 1.5,
      target: Self.target)
    #expect(none.radiusM == 0 && none.nodes(floorAreaM2: 1_000) == nil)
    var strong = IndoorNodeSettings()
    strong.powerDBm = 80
    let all = IndoorNodeCoverage(
      environment: IndoorEnvironment(scenario: .infSH), layer: Self.lte1800, node: strong, ueHeightM: 1.5,
      target: Self.target)
    #expect(all.radiusM == 600)
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
