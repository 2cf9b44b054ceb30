import Foundation

/// Radio access technology.
public enum RadioTechnology: String, Sendable, Hashable, CaseIterable {
  case lte = "LTE"
  case nr = "NR"
}

/// Resource grid of one carrier: resource blocks and subcarrier spacing.
public struct CarrierNumerology: Sendable, Hashable {
  public let technology: RadioTechnology
  public let bandwidthMHz: Double
  public let subcarrierSpacingKHz: Double
  /// Transmission bandwidth in resource blocks (N_RB).
  public let resourceBlocks: Int

  /// Subcarriers per resource block (TS 36.211 §6.2.3, TS 38.211 §4.4.4.1).
  public static let subcarriersPerResourceBlock = 12

  /// LTE: TS 36.101 Table 5.6-1 (15 kHz subcarriers).
  static let lteResourceBlocks: [Double: Int] = [1.4: 6, 3: 15, 5: 25, 10: 50, 15: 75, 20: 100]

  /// NR FR1: TS 38.101-1 Table 5.3.2-1, maximum transmission bandwidth N_RB by SCS.
  static let nrResourceBlocks: [Double: [Double: Int]] = [
    15: [5: 25, 10: 52, 15: 79, 20: 106, 25: 133, 30: 160, 35: 188, 40: 216, 45: 242, 50: 270],
    30: [
      5: 11, 10: 24, 15: 38, 20: 51, 25: 65, 30: 78, 35: 92, 40: 106, 45: 119, 50: 133, 60: 162, 70: 189, 80: 217,
      90: 245, 100: 273,
    ],
    60: [
      10: 11, 15: 18, 20: 24, 25: 31, 30: 38, 35: 44, 40: 51, 45: 58, 50: 65, 60: 79, 70: 93, 80: 107, 90: 121,
      100: 135,
    ],
  ]

  /// LTE channel bandwidths, MHz, ascending.
  public static var lteBandwidthsMHz: [Double] { lteResourceBlocks.keys.sorted() }

  /// NR FR1 channel bandwidths for a subcarrier spacing, MHz, ascending.
  public static func nrBandwidthsMHz(subcarrierSpacingKHz: Double = 30) -> [Double] {
    (nrResourceBlocks[subcarrierSpacingKHz] ?? [:]).keys.sorted()
  }

  /// The numerology of an LTE carrier, or nil for a bandwidth LTE does not have.
  public static func lte(bandwidthMHz: Double) -> CarrierNumerology? {
    guard let blocks = lteResourceBlocks[bandwidthMHz] else { return nil }
    return CarrierNumerology(
      technology: .lte, bandwidthMHz: bandwidthMHz, subcarrierSpacingKHz: 15, resourceBlocks: blocks)
  }

  /// The numerology of an NR FR1 carrier (SCS 15, 30 or 60 kHz), or nil when the
  /// combination is not in TS 38.101-1 Table 5.3.2-1.
  public static func nr(bandwidthMHz: Double, subcarrierSpacingKHz: Double = 30) -> CarrierNumerology? {
    guard let blocks = nrResourceBlocks[subcarrierSpacingKHz]?[bandwidthMHz] else { return nil }
    return CarrierNumerology(
      technology: .nr, bandwidthMHz: bandwidthMHz, subcarrierSpacingKHz: subcarrierSpacingKHz, resourceBlocks: blocks)
  }

  /// Resource elements per OFDM symbol across the carrier: 12 × N_RB.
  public var resourceElements: Int { resourceBlocks * Self.subcarriersPerResourceBlock }

  /// Occupied bandwidth, Hz: N_RB × 12 × SCS.
  public var occupiedBandwidthHz: Double { Double(resourceElements) * subcarrierSpacingKHz * 1000 }

  /// NR numerology index μ (SCS = 15 × 2^μ kHz, TS 38.211 §4.2).
  public var mu: Int { Int(log2(subcarrierSpacingKHz / 15).rounded()) }
}

/// Thermal noise: −174 dBm/Hz at 290 K plus the receiver's noise figure.
public enum ThermalNoise {
  /// kT at 290 K, dBm/Hz (10·log10(1.380649e−23 × 290 × 1000) = −173.98).
  public static let densityDBmPerHz = -174.0
  /// UE noise figure, dB: TR 36.942 Table 4.5 (9 dB).
  public static let defaultUENoiseFigureDB = 9.0

  /// Noise power in `bandwidthHz` with a receiver noise figure, dBm.
  public static func powerDBm(bandwidthHz: Double, noiseFigureDB: Double = defaultUENoiseFigureDB) -> Double {
    densityDBmPerHz + 10 * log10(bandwidthHz) + noiseFigureDB
  }
}
