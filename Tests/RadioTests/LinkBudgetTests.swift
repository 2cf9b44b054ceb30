import Foundation
import Testing

@testable import Radio

@Suite struct LinkBudgetTests {
  /// Resource blocks from TS 36.101 Table 5.6-1 and TS 38.101-1 Table 5.3.2-1.
  @Test func numerologyFromSpecTables() throws {
    #expect(CarrierNumerology.lte(bandwidthMHz: 20)?.resourceBlocks == 100)
    #expect(CarrierNumerology.lte(bandwidthMHz: 1.4)?.resourceBlocks == 6)
    #expect(CarrierNumerology.lte(bandwidthMHz: 25) == nil)
    #expect(CarrierNumerology.nr(bandwidthMHz: 100)?.resourceBlocks == 273)
    #expect(CarrierNumerology.nr(bandwidthMHz: 20, subcarrierSpacingKHz: 15)?.resourceBlocks == 106)
    #expect(CarrierNumerology.nr(bandwidthMHz: 100, subcarrierSpacingKHz: 15) == nil)
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    #expect(nr.mu == 1)
    #expect(nr.occupiedBandwidthHz == 273 * 12 * 30_000)
  }

  /// shared/notes/domain-facts.md: LTE 20 MHz at 46 dBm → RS EPRE ≈ 15.2 dBm;
  /// NR 100 MHz (273 PRB) at 53 dBm → ≈ 17.8 dBm.
  @Test func energyPerResourceElement() throws {
    let lte = try #require(CarrierNumerology.lte(bandwidthMHz: 20))
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    #expect(
      abs(LinkBudget.energyPerResourceElementDBm(totalPowerDBm: 46, numerology: lte) - (46 - 10 * log10(1200.0)))
        < 1e-12)
    #expect(abs(LinkBudget.energyPerResourceElementDBm(totalPowerDBm: 46, numerology: lte) - 15.21) < 0.01)
    #expect(abs(LinkBudget.energyPerResourceElementDBm(totalPowerDBm: 53, numerology: nr) - 17.85) < 0.01)
  }

  /// −174 dBm/Hz + 10 log10(15 kHz) + 9 dB = −123.239 dBm per LTE subcarrier.
  @Test func noisePerResourceElement() throws {
    let lte = try #require(CarrierNumerology.lte(bandwidthMHz: 20))
    #expect(abs(LinkBudget.noisePerResourceElementDBm(numerology: lte) + 123.2391) < 1e-4)
    #expect(abs(ThermalNoise.powerDBm(bandwidthHz: 20e6, noiseFigureDB: 0) + 100.9897) < 1e-4)
  }

  /// Hand: EPRE 15.21 + 17 − 0.5 − 120 − 11.65 = −99.94 dBm.
  @Test func rsrpSumsTheBudget() {
    let rsrp = LinkBudget.rsrpDBm(
      energyPerResourceElementDBm: 15.21, antennaGainDBi: 17, feederLossDB: 0.5, pathLossDB: 120,
      penetrationLossDB: 11.65)
    #expect(abs(rsrp + 99.94) < 1e-9)
  }

  /// Signal −90, two interferers −100 dBm at 50 % load, noise −120: I = 2 × 10⁻¹⁰ mW × 0.5
  /// = 10⁻¹⁰; N = 10⁻¹²; SINR = 10⁻⁹ / 1.01 × 10⁻¹⁰ → 9.9568 dB.
  @Test func sinrFromInterferersAndNoise() {
    let sinr = LinkBudget.sinrDB(signalDBm: -90, interferersDBm: [-100, -100], loadFactor: 0.5, noiseDBm: -120)
    #expect(abs(sinr - 10 * log10(1e-9 / 1.01e-10)) < 1e-9)
    #expect(abs(sinr - 9.9568) < 1e-4)
  }

  /// TR 36.942 A.1: 0 below −10 dB, 0.6 log2(1 + SINR), cap 4.4 b/s/Hz (reached at 22.05 dB).
  @Test func attenuatedShannon() {
    let cases: [(Double, Double)] = [(-11, 0), (-10, 0.082502), (0, 0.6), (10, 2.075659), (22, 4.390390), (30, 4.4)]
    for (sinr, expected) in cases {
      #expect(abs(Throughput.spectralEfficiency(sinrDB: sinr) - expected) < 1e-6, "\(sinr) dB")
    }
  }

  /// LTE 20 MHz at 10 dB SINR, 2 layers: 2.075659 × 18 MHz × 2 = 74.72 Mbit/s;
  /// NR 100 MHz TDD 0.74, 4 layers at 30 dB: 4.4 × 98.28 MHz × 0.74 × 4 = 1,280.0 Mbit/s.
  @Test func downlinkThroughput() throws {
    let lte = try #require(CarrierNumerology.lte(bandwidthMHz: 20))
    #expect(abs(Throughput.downlinkMbps(sinrDB: 10, numerology: lte, layers: 2) - 74.7237) < 1e-3)
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    #expect(abs(Throughput.downlinkMbps(sinrDB: 30, numerology: nr, tddDownlinkShare: 0.74, layers: 4) - 1280.0) < 0.1)
  }

  /// TS 38.306 §4.1.2: 100 MHz, μ = 1, 4 layers, 256QAM → 2,337.0 Mbit/s (≈ 2.34 Gbit/s).
  @Test func nrPeakRate() throws {
    let nr = try #require(CarrierNumerology.nr(bandwidthMHz: 100))
    #expect(abs(Throughput.nrPeakMbps(numerology: nr) - 2337.0001) < 1e-3)
  }

  @Test func serviceClassesByMinimumRate() {
    let zones = ServiceClass.vietnameseLTEZones
    #expect(ServiceClass.best(in: zones, throughputMbps: 6) == 0)
    #expect(ServiceClass.best(in: zones, throughputMbps: 3) == 1)
    #expect(ServiceClass.best(in: zones, throughputMbps: 2) == nil)
  }
}
