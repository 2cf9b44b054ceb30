import Foundation
import TestSupport
import Testing

@testable import Radio

/// Uplink link budget and rate against hand budgets.
@Suite struct CapacityUplinkTests {
  /// Full power: SINR = P_max − CL − noise − IM, so PC2 (26 dBm) is exactly 3 dB above PC3
  /// (23 dBm) on any allocation. Power control P0 −60 dBm, α 1 asks for more than either class
  /// can give at CL 130 (−60 + 10·log10(2·20) + 130 = 86 dBm), so both are capped: still 3 dB.
  /// With P0 −100, α 0.5 the request is −100 + 16.02 + 65 = −18.98 dBm: neither is capped, 0 dB.
  @Test func hpueGivesThreeDecibelsWhenPowerLimited() throws {
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    var random = SplitMix(seed: 18)
    for _ in 0..<200 {
      let loss = Double.random(in: 90...150, using: &random)
      let blocks = Double.random(in: 1...273, using: &random)
      let pc3 = UplinkParameters(powerClass: .class3)
      let pc2 = UplinkParameters(powerClass: .class2)
      let gain =
        UplinkBudget.sinrDB(couplingLossDB: loss, resourceBlocks: blocks, numerology: nr, parameters: pc2)
        - UplinkBudget.sinrDB(couplingLossDB: loss, resourceBlocks: blocks, numerology: nr, parameters: pc3)
      #expect(abs(gain - 3) < 1e-9)
    }
    let capped = UplinkPowerControl(nominalPowerPerResourceBlockDBm: -60, pathLossCompensation: 1)
    let headroom = UplinkPowerControl(nominalPowerPerResourceBlockDBm: -100, pathLossCompensation: 0.5)
    for (control, expected) in [(capped, 3.0), (headroom, 0.0)] {
      let pc3 = UplinkParameters(powerClass: .class3, powerControl: control)
      let pc2 = UplinkParameters(powerClass: .class2, powerControl: control)
      let gain =
        UplinkBudget.sinrDB(couplingLossDB: 130, resourceBlocks: 20, numerology: nr, parameters: pc2)
        - UplinkBudget.sinrDB(couplingLossDB: 130, resourceBlocks: 20, numerology: nr, parameters: pc3)
      #expect(abs(gain - expected) < 1e-9)
    }
  }

  /// Hand budget: 23 dBm PC3 over 10 PRB × 12 × 30 kHz = 3.6 MHz; noise −174 + 10·log10(3.6e6)
  /// + 5 dB BS NF (TR 36.942 Table 4.6) = −103.43697 dBm; coupling loss 125 dB; IM 3 dB:
  /// SINR = 23 − 125 + 103.43697 − 3 = −1.56303 dB (python3: −1.563025007672877).
  @Test func uplinkSINRMatchesHandLinkBudget() throws {
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    let sinr = UplinkBudget.sinrDB(couplingLossDB: 125, resourceBlocks: 10, numerology: nr, parameters: .init())
    #expect(abs(sinr + 1.563025007672877) < 1e-9)
    #expect(
      abs(UplinkBudget.noiseDBm(resourceBlocks: 10, numerology: nr, noiseFigureDB: 5) + 103.43697499232712) < 1e-9)
  }

  /// TS 38.213 §7.1.1: P0 −90 dBm + 10·log10(2¹ · 10) + 0.8 × 120 = 19.0103 dBm (below 23).
  @Test func openLoopPowerControl() throws {
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    let parameters = UplinkParameters(
      powerControl: UplinkPowerControl(nominalPowerPerResourceBlockDBm: -90, pathLossCompensation: 0.8))
    let power = UplinkBudget.transmitPowerDBm(
      resourceBlocks: 10, couplingLossDB: 120, numerology: nr, parameters: parameters)
    #expect(abs(power - 19.010299956639813) < 1e-9)
  }

  /// TR 36.942 Table A.2 uplink: 0.4·log2(1 + SINR), 0 below −10 dB, cap 2.0 b/s/Hz.
  /// 0 dB → 0.4; −10 dB → 0.4·log2(1.1) = 0.0550016; 20 dB → 2.0 (0.4·log2(101) = 2.663 capped).
  @Test func uplinkShannonParameters() {
    let uplink = Throughput.ShannonParameters.uplink
    #expect(abs(Throughput.spectralEfficiency(sinrDB: 0, parameters: uplink) - 0.4) < 1e-12)
    #expect(abs(Throughput.spectralEfficiency(sinrDB: -10, parameters: uplink) - 0.4 * log2(1.1)) < 1e-12)
    #expect(Throughput.spectralEfficiency(sinrDB: 20, parameters: uplink) == 2.0)
    #expect(Throughput.spectralEfficiency(sinrDB: -10.01, parameters: uplink) == 0)
  }

  /// One UE alone on NR 100 MHz (273 PRB), coupling loss 125 dB, PC3, DDDSU uplink share,
  /// overhead 0.08. python3: noise per PRB n1 = −174 + 10·log10(360e3) + 5; M_max =
  /// 10^((23 − 125 − n1 − 3 + 10)/10) = 69.7746 PRB < 273, so the UE transmits on 69.77 PRB
  /// at SINR −10 dB: 0.4·log2(1.1) × 69.7746 × 360 kHz × 0.92 × 0.228571 = 0.29052505 Mbit/s.
  @Test func powerLimitedUEUsesOnlyTheBlocksItsPowerCarries() throws {
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    let parameters = UplinkParameters(tddUplinkShare: TDDPattern.dddsu.uplinkShare)
    let largest = UplinkBudget.maximumResourceBlocks(
      couplingLossDB: 125, minimumSINRDB: -10, numerology: nr, parameters: parameters)
    #expect(abs(largest - 69.77462309748825) < 1e-9)
    let rate = UserRate.uplinkMbps(
      couplingLossDB: 125, rsrpDBm: -100, numerology: nr, overhead: 0.08, activeUsers: 1, parameters: parameters)
    #expect(abs(rate / 0.29052505302385306 - 1) < 1e-9)
    #expect(UserRate.uplinkMbps(couplingLossDB: 125, rsrpDBm: -121, numerology: nr, overhead: 0.08) == 0)
  }

  /// More active users never raise a UE's uplink rate: its share of RBs only shrinks, and
  /// M · SE(SINR(M)) grows with M (seeded sweep).
  @Test func moreUsersNeverRaiseTheUplinkRate() throws {
    var random = SplitMix(seed: 1818)
    let carriers = [
      try #require(CarrierNumerology.nr(bandwidthMHz: 100)), try #require(CarrierNumerology.lte(bandwidthMHz: 20)),
      try #require(CarrierNumerology.nr(bandwidthMHz: 20, subcarrierSpacingKHz: 15)),
    ]
    for _ in 0..<2_000 {
      let carrier = carriers[Int.random(in: 0..<carriers.count, using: &random)]
      let loss = Double.random(in: 80...160, using: &random)
      let users = Double.random(in: 0...400, using: &random)
      let more = users + Double.random(in: 0...50, using: &random)
      let parameters = UplinkParameters(powerClass: Bool.random(using: &random) ? .class2 : .class3)
      let before = UserRate.uplinkMbps(
        couplingLossDB: loss, rsrpDBm: -90, numerology: carrier, overhead: 0.1, activeUsers: users,
        parameters: parameters)
      let after = UserRate.uplinkMbps(
        couplingLossDB: loss, rsrpDBm: -90, numerology: carrier, overhead: 0.1, activeUsers: more,
        parameters: parameters)
      #expect(after <= before * (1 + 1e-12), "CL \(loss), \(users) → \(more) users")
    }
  }
}
