import Foundation
import Testing

@testable import Radio

/// Overheads, TDD shares and traffic helpers against their sources and independent counts.
@Suite struct CapacityOverheadTests {
  /// TS 38.306 §4.1.2: OH = 0.14 (DL FR1), 0.18 (DL FR2), 0.08 (UL FR1), 0.10 (UL FR2).
  @Test func nrOverheadFactorsFromTS38306() {
    #expect(Overhead.nr(direction: .downlink) == 0.14)
    #expect(Overhead.nr(direction: .downlink, frequencyRange: .fr2) == 0.18)
    #expect(Overhead.nr(direction: .uplink) == 0.08)
    #expect(Overhead.nr(direction: .uplink, frequencyRange: .fr2) == 0.10)
  }

  /// TS 38.306 §4.1.2 formula, 100 MHz μ = 1 (273 PRB), Q_m 8, f 1, R_max 948/1024:
  /// python3: 1e-6*v*8*(948/1024)*273*12/(1e-3/28)*(1-OH)
  ///   DL v = 4, OH 0.14 → 2337.00012 Mbit/s (the ≈ 2.34 Gbit/s of domain-facts.md)
  ///   UL v = 1, OH 0.08 → 625.01166 Mbit/s
  @Test func nrOverheadReproducesTheTS38306PeakRate() throws {
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    let downlink = Throughput.nrPeakMbps(numerology: nr, overhead: Overhead.nr(direction: .downlink))
    let uplink = Throughput.nrPeakMbps(numerology: nr, layers: 1, overhead: Overhead.nr(direction: .uplink))
    #expect(abs(downlink - 2337.00012) < 1e-4)
    #expect(abs(uplink - 625.01166) < 1e-4)
    #expect(Overhead.fraction(numerology: nr, direction: .downlink) == 0.14)
  }

  /// Expected values from an independent count: a Python script marks every resource element
  /// of one FDD frame that is CRS (k = 6m + (v + v_shift) mod 6, TS 36.211 §6.10.1.2), in the
  /// first CFI symbols, PSS/SSS (symbols 5, 6 of subframes 0 and 5, central 72 subcarriers) or
  /// the PBCH block (symbols 7–10 of subframe 0, central 72), and divides by 10 · 14 · 12 · N_RB:
  ///   (N_RB, ports, CFI) = (100, 2, 2) → 0.21757142857142858   (100, 1, 1) → 0.1105
  ///   (100, 4, 3) → 0.31266666666666665   (50, 2, 1) → 0.14942857142857144
  ///   (6, 2, 2) → 0.26904761904761904
  @Test func lteDownlinkOverheadMatchesResourceGridCount() {
    let cases: [(Int, LTEAntennaPorts, Int, Double)] = [
      (100, .two, 2, 0.21757142857142858), (100, .one, 1, 0.1105), (100, .four, 3, 0.31266666666666665),
      (50, .two, 1, 0.14942857142857144), (6, .two, 2, 0.26904761904761904),
    ]
    for (blocks, ports, cfi, expected) in cases {
      let overhead = Overhead.lteDownlink(resourceBlocks: blocks, antennaPorts: ports, controlSymbols: cfi)
      #expect(abs(overhead - expected) < 1e-15, "\(blocks) RB, \(ports.rawValue) ports, CFI \(cfi)")
    }
    // Per RB pair, 2 ports, CFI 2: 2 × 12 control + 3 × 4 CRS = 36; PBCH with 4 ports is 240 REs.
    #expect(Overhead.lteDownlinkResourceElementsPerResourceBlockPair(antennaPorts: .two, controlSymbols: 2) == 36)
    #expect(Overhead.lteSynchronisationAndBroadcastElementsPerFrame(antennaPorts: .four) == 288 + 240)
  }

  /// 1 − (1 − 4/100) · 12/14 = 0.17714285714285727 (python3); no PUCCH: 2/14.
  @Test func lteUplinkOverheadCountsDMRSAndPUCCH() {
    #expect(abs(Overhead.lteUplink(resourceBlocks: 100, pucchResourceBlocks: 4) - 0.17714285714285727) < 1e-15)
    #expect(abs(Overhead.lteUplink(resourceBlocks: 50, pucchResourceBlocks: 0) - 2.0 / 14) < 1e-15)
  }

  /// DDDSU, special slot 10:2:2: DL (3 + 10/14) / 5 = 0.742857, UL (1 + 2/14) / 5 = 0.228571.
  @Test func tddPatternShares() {
    #expect(abs(TDDPattern.dddsu.downlinkShare - (3 + 10.0 / 14) / 5) < 1e-15)
    #expect(abs(TDDPattern.dddsu.uplinkShare - (1 + 2.0 / 14) / 5) < 1e-15)
    #expect(
      TDDPattern(slots: "DDXU", specialDownlinkSymbols: 10, specialGuardSymbols: 2, specialUplinkSymbols: 2) == nil)
    #expect(
      TDDPattern(slots: "DDSU", specialDownlinkSymbols: 10, specialGuardSymbols: 2, specialUplinkSymbols: 3) == nil)
  }

  /// MIC, end of October 2016: Viettel 63.3 M, MobiFone 34 M, VinaPhone 25 M of 131.9 M.
  /// 2,000 workers × 63.3/131.9 × 5 % = 47.99 active Viettel users; × 5 Mbit/s = 239.9 Mbit/s.
  @Test func trafficFromWorkersAndShares() throws {
    let viettel = try #require(SubscriberShare.vietnam2016.first(where: { $0.carrier == "Viettel" }))
    let traffic = TrafficModel()
    let users = traffic.activeUsers(people: 2_000, subscriberShare: viettel.share)
    #expect(abs(users - 2_000 * 63.3 / 131.9 * 0.05) < 1e-12)
    #expect(abs(traffic.downlinkDemandBitsPerSecond(activeUsers: users) - users * 5e6) < 1e-6)
    #expect(abs(traffic.uplinkDemandBitsPerSecond(activeUsers: users) - users * 0.5e6) < 1e-6)
    #expect(SubscriberShare.vietnam2016.map(\.share).reduce(0, +) < 1)
  }

  /// TR 36.942 A.1: no service below −10 dB SINR; [K] −120 dBm RSRP.
  @Test func serviceFloorNeedsBothRSRPAndSINR() {
    let floor = ServiceFloor()
    #expect(floor.isServed(rsrpDBm: -120, sinrDB: -10))
    #expect(!floor.isServed(rsrpDBm: -120.1, sinrDB: 20))
    #expect(!floor.isServed(rsrpDBm: -80, sinrDB: -10.1))
  }
}
