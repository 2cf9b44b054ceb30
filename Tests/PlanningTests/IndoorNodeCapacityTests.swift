import Foundation
import Radio
import Scenario
import Testing

@testable import Planning

/// An indoor node's busy-hour capacity against an independent integration, and the node count
/// the busy hour needs, worked by hand.
@Suite struct IndoorNodeCapacityTests {
  /// LTE 20 MHz: 18 MHz occupied × (1 − 36,552/168,000) downlink overhead (2 CRS ports, CFI 2:
  /// (100 · 10 · 36 + 552) RE of 168,000, `Overhead.lteDownlink`'s worked 20 MHz value) =
  /// 14.0837 MHz.
  static let effectiveBandwidthHz = 18e6 * (1 - 36_552.0 / 168_000)

  static func capacity(_ node: IndoorSystemSettings = IndoorSystemSettings()) -> IndoorNodeCapacity {
    IndoorNodeCapacity(
      coverage: IndoorNodeCoverageTests.coverage(.infSH, node: node), environment: IndoorEnvironment(scenario: .infSH),
      layer: IndoorNodeCoverageTests.lte1800, node: node, ueHeightM: 1.5, floor: ServiceFloor(), demandMbps: 0)
  }

  /// The harmonic mean of the point rates over the node's hexagon, integrated independently in
  /// polar coordinates (720 angles × 400 rings, the boundary at the apothem (√3/2)·r ÷
  /// cos(θ − the nearest edge normal at 30° + k·60°)), with TR 38.901 Table 7.4.1-1's InF-SH
  /// NLOS loss written out: max(31.84 + 21.5·log10 d + 19·log10 f, 32.4 + 23·log10 d +
  /// 20·log10 f), d_3D with the 8 m node and 1.5 m UE, f = 1.815 GHz. EPRE 24 dBm − 10·log10
  /// 1200 + 2 dBi; noise −174 + 10·log10(15,000) + 9 dB; rate 0.6·log2(1 + SINR) ≤ 4.4
  /// b/s/Hz (TR 36.942 A.1), 0 below −10 dB, × 14.0837 MHz.
  static func integrated(radiusM r: Double, neighbours k: Int, powerDBm: Double = 24) -> Double {
    func loss(_ groundM: Double) -> Double {
      let d = (max(groundM, 1) * max(groundM, 1) + 6.5 * 6.5).squareRoot()
      return max(31.84 + 21.5 * log10(d) + 19 * log10(1.815), 32.4 + 23 * log10(d) + 20 * log10(1.815))
    }
    let epre = powerDBm - 10 * log10(1200.0) + 2
    let noise = pow(10, (-174 + 10 * log10(15_000.0) + 9) / 10)
    let order = [0, 3, 1, 4, 2, 5].prefix(k)
    let others = order.map { n -> (Double, Double) in
      let angle = (30 + 60 * Double(n)) * .pi / 180
      return (3.0.squareRoot() * r * cos(angle), 3.0.squareRoot() * r * sin(angle))
    }
    let (angles, rings) = (720, 400)
    var inverseArea = 0.0
    var area = 0.0
    for a in 0..<angles {
      let theta = (Double(a) + 0.5) / Double(angles) * 2 * .pi
      let sector = ((theta * 180 / .pi - 30) / 60).rounded()
      let normal = (30 + 60 * sector) * .pi / 180
      let edge = 3.0.squareRoot() / 2 * r / cos(theta - normal)
      for ring in 0..<rings {
        let rho = (Double(ring) + 0.5) / Double(rings) * edge
        let dA = rho * (edge / Double(rings)) * (2 * .pi / Double(angles))
        let (x, y) = (rho * cos(theta), rho * sin(theta))
        let signal = pow(10, (epre - loss(rho)) / 10)
        let interference = others.reduce(0.0) {
          $0 + pow(10, (epre - loss(((x - $1.0) * (x - $1.0) + (y - $1.1) * (y - $1.1)).squareRoot())) / 10)
        }
        let sinr = signal / (noise + interference)
        let rate = 10 * log10(sinr) < -10 ? 0 : min(0.6 * log2(1 + sinr), 4.4) * effectiveBandwidthHz / 1e6
        inverseArea += dA / rate
        area += dA
      }
    }
    return area / inverseArea
  }

  @Test func capacityMatchesAnIndependentIntegration() {
    let capacity = Self.capacity()
    let radius = IndoorNodeCoverageTests.coverage(.infSH).radiusM
    for k in [0, 1, 2, 6] {
      let expected = Self.integrated(radiusM: radius, neighbours: k)
      #expect(abs(capacity.capacityMbps[k] - expected) < 0.01 * expected, "k = \(k): \(capacity.capacityMbps[k])")
    }
    // More loaded neighbours never leave more capacity.
    #expect(zip(capacity.capacityMbps, capacity.capacityMbps.dropFirst()).allSatisfy { $0 >= $1 })
  }

  /// At 80 dBm the radius is InF's 600 m and the weakest point still gets −49.6 dBm (EPRE
  /// 80 − 30.79 + 2 = 51.21 dBm minus 100.8 dB at 600 m), 73 dB over noise: every point is
  /// at the 4.4 b/s/Hz cap, so a lone node carries 4.4 × 14.0837 = 61.97 Mbit/s exactly.
  @Test func aLoneNodeAtTheCapCarriesTheCappedRate() {
    var strong = IndoorSystemSettings()
    strong.nodePowerDBm = 80
    let capacity = Self.capacity(strong)
    #expect(abs(capacity.capacityMbps[0] - 4.4 * Self.effectiveBandwidthHz / 1e6) < 1e-6)
  }

  /// Capacities C(k) = [60, 30, 20, 15, 12, 11, 10] Mbit/s: a demand of 64 needs n with
  /// 64 ÷ n ≤ C(n − 1): 64 > 60, 32 > 30, 21.3 > 20, 16 > 15, 12.8 > 12, 10.67 ≤ 11 → 6. At
  /// least 7 nodes: 9.14 ≤ 10 → 7. A demand of 100: 7 nodes carry 70, so ⌈100 ÷ 10⌉ = 10. No
  /// demand: the coverage count. A node carrying nothing when surrounded: no count.
  @Test func nodesForTheBusyHour() {
    let table = [60.0, 30, 20, 15, 12, 11, 10]
    #expect(IndoorNodeCapacity(capacityMbps: table, demandMbps: 64).nodes(atLeast: 1) == 6)
    #expect(IndoorNodeCapacity(capacityMbps: table, demandMbps: 64).nodes(atLeast: 7) == 7)
    #expect(IndoorNodeCapacity(capacityMbps: table, demandMbps: 100).nodes(atLeast: 1) == 10)
    #expect(IndoorNodeCapacity(capacityMbps: table, demandMbps: 60).nodes(atLeast: 1) == 1)
    #expect(IndoorNodeCapacity(capacityMbps: table, demandMbps: 0).nodes(atLeast: 3) == 3)
    #expect(IndoorNodeCapacity(capacityMbps: [5, 1, 0, 0, 0, 0, 0], demandMbps: 6).nodes(atLeast: 1) == nil)
  }
}
