import Foundation

/// Downlink throughput from SINR.
public enum Throughput {
  /// TR 36.942 Annex A.1 attenuated Shannon bound, downlink defaults.
  public struct ShannonParameters: Sendable, Hashable {
    /// Implementation attenuation α (0.6).
    public var alpha = 0.6
    /// Below this SINR nothing gets through, dB (−10).
    public var minimumSINRDB = -10.0
    /// Spectral efficiency cap, b/s/Hz (4.4).
    public var maximumEfficiency = 4.4

    public init() {}
  }

  /// Spectral efficiency, b/s/Hz: 0 below SINR_min, α·log2(1 + SINR) up to the cap.
  @inlinable public static func spectralEfficiency(sinrDB: Double, parameters: ShannonParameters = .init()) -> Double {
    guard sinrDB >= parameters.minimumSINRDB else { return 0 }
    return min(parameters.alpha * log2(1 + pow(10, sinrDB / 10)), parameters.maximumEfficiency)
  }

  /// Downlink throughput, Mbit/s: efficiency × occupied bandwidth × TDD downlink share × layers.
  public static func downlinkMbps(
    sinrDB: Double, numerology: CarrierNumerology, tddDownlinkShare: Double = 1, layers: Int = 1,
    parameters: ShannonParameters = .init()
  ) -> Double {
    spectralEfficiency(sinrDB: sinrDB, parameters: parameters) * numerology.occupiedBandwidthHz * tddDownlinkShare
      * Double(layers) / 1e6
  }

  /// NR peak data rate, Mbit/s, TS 38.306 §4.1.2 for one carrier:
  /// 10⁻⁶ · v · Q_m · f · R_max · (N_PRB · 12 / T_s^μ) · (1 − OH), R_max = 948/1024,
  /// T_s^μ = 10⁻³ / (14 · 2^μ), OH = 0.14 (FR1 downlink).
  public static func nrPeakMbps(
    numerology: CarrierNumerology, layers: Int = 4, modulationOrder: Int = 8, scalingFactor: Double = 1,
    overhead: Double = 0.14
  ) -> Double {
    let symbolDuration = 1e-3 / (14 * pow(2, Double(numerology.mu)))
    let subcarriers = Double(numerology.resourceBlocks * CarrierNumerology.subcarriersPerResourceBlock)
    return 1e-6 * Double(layers) * Double(modulationOrder) * scalingFactor * (948.0 / 1024.0) * subcarriers
      / symbolDuration * (1 - overhead)
  }
}

/// A service class by minimum per-user rates, e.g. VNPT's LTE service zones: zone 1 at
/// least 5 Mbit/s, zone 2 at least 2.5 Mbit/s downlink (shared/notes/domain-facts.md). A
/// place is in the class when both directions reach their minimum.
public struct ServiceClass: Sendable, Hashable {
  public let name: String
  public let minimumDownlinkMbps: Double
  /// VNPT publishes no uplink minimum (only an average ≥ 2.5 Mbit/s [V]); the default is a
  /// tenth of the downlink minimum, the ratio of the default busy-hour demand
  /// (`TrafficModel`, Holma & Toskala: 5–10× more downlink traffic) [K].
  public let minimumUplinkMbps: Double

  public init(name: String, minimumDownlinkMbps: Double, minimumUplinkMbps: Double? = nil) {
    self.name = name
    self.minimumDownlinkMbps = minimumDownlinkMbps
    self.minimumUplinkMbps = minimumUplinkMbps ?? minimumDownlinkMbps / 10
  }

  public static let vietnameseLTEZones = [
    ServiceClass(name: "zone-1", minimumDownlinkMbps: 5), ServiceClass(name: "zone-2", minimumDownlinkMbps: 2.5),
  ]

  /// Index of the best class `throughputMbps` reaches in `classes` (any order), or nil.
  public static func best(in classes: [ServiceClass], throughputMbps: Double) -> Int? {
    var best: Int?
    for (index, service) in classes.enumerated() where throughputMbps >= service.minimumDownlinkMbps {
      if best == nil || service.minimumDownlinkMbps > classes[best!].minimumDownlinkMbps { best = index }
    }
    return best
  }
}
