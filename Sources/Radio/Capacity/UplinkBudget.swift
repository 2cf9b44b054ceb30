import Foundation

extension Throughput.ShannonParameters {
  /// TR 36.942 Annex A Table A.2, uplink: α 0.4, SINR_min −10 dB, Thr_max 2.0 b/s/Hz
  /// (reached at 15 dB). α 0.4 and −10 dB are also the uplink values of the ITU-R sharing
  /// simulator SHARC (ul_attenuation_factor, ul_sinr_min); Thr_max as commonly quoted from
  /// Table A.2, not read in the specification here.
  public static var uplink: Self {
    var parameters = Self()
    parameters.alpha = 0.4
    parameters.minimumSINRDB = -10
    parameters.maximumEfficiency = 2.0
    return parameters
  }
}

/// Maximum output power class of a UE.
public enum UEPowerClass: String, Sendable, Hashable, CaseIterable {
  /// Power class 2, 26 dBm ("HPUE"): TDD bands such as n41 (TS 38.101-3 Table 6.2B.1.1-1 lists
  /// 26 dBm PC2 for DC_(n)41AA) and n77/n78/n79 (TS 38.101-1 Table 6.2.1-1, as summarised in
  /// public descriptions of HPUE; the table itself not read here).
  case class2 = "PC2"
  /// Power class 3, 23 dBm: the default class (TS 36.101 Table 6.2.2-1, TS 38.101-1 §6.2.1).
  case class3 = "PC3"

  /// Maximum output power, dBm.
  public var maximumPowerDBm: Double {
    switch self {
    case .class2: 26
    case .class3: 23
    }
  }
}

/// Open-loop PUSCH power control (TS 36.213 §5.1.1.1, TS 38.213 §7.1.1):
/// P = min(P_max, P0 + 10·log10(2^μ · M_RB) + α·PL), closed-loop and Δ_TF terms left out.
public struct UplinkPowerControl: Sendable, Hashable {
  /// P0_PUSCH, nominal power per 15 kHz-equivalent resource block, dBm.
  public var nominalPowerPerResourceBlockDBm: Double
  /// α, the share of the path loss compensated (0…1).
  public var pathLossCompensation: Double

  public init(nominalPowerPerResourceBlockDBm: Double, pathLossCompensation: Double) {
    self.nominalPowerPerResourceBlockDBm = nominalPowerPerResourceBlockDBm
    self.pathLossCompensation = pathLossCompensation
  }
}

/// Uplink settings of a layer, each default with its source.
public struct UplinkParameters: Sendable, Hashable {
  /// UE power class: PC3, 23 dBm, the default class.
  public var powerClass: UEPowerClass
  /// Base-station noise figure, dB: 5 (TR 36.942 Table 4.6, reference E-UTRA BS, as quoted in
  /// public simulator code; TR 38.802 uses the same 5 dB below 6 GHz [K]).
  public var baseStationNoiseFigureDB: Double
  /// Uplink interference margin (noise rise from other cells' UEs), dB: [K] 3 dB, a common
  /// link-budget default; uplink load coupling is not modelled beyond it.
  public var interferenceMarginDB: Double
  /// Share of time carrying uplink: 1 for FDD; `TDDPattern.dddsu.uplinkShare` (0.229) for n78.
  public var tddUplinkShare: Double
  /// Attenuated Shannon mapping: TR 36.942 uplink values.
  public var shannon: Throughput.ShannonParameters
  /// Open-loop power control, or nil for UEs at full power (the coverage-limited case).
  public var powerControl: UplinkPowerControl?

  public init(
    powerClass: UEPowerClass = .class3, baseStationNoiseFigureDB: Double = 5, interferenceMarginDB: Double = 3,
    tddUplinkShare: Double = 1, shannon: Throughput.ShannonParameters = .uplink,
    powerControl: UplinkPowerControl? = nil
  ) {
    self.powerClass = powerClass
    self.baseStationNoiseFigureDB = baseStationNoiseFigureDB
    self.interferenceMarginDB = interferenceMarginDB
    self.tddUplinkShare = tddUplinkShare
    self.shannon = shannon
    self.powerControl = powerControl
  }
}

/// Uplink link budget of one UE: transmit power, SINR at the base station, rate.
///
/// Coupling loss is everything between the UE's connector and the base station's receiver:
/// path loss + penetration + feeder − base-station antenna gain − UE antenna gain, dB.
public enum UplinkBudget {
  /// UE transmit power over `resourceBlocks` RBs, dBm: P_max without power control, else
  /// min(P_max, P0 + 10·log10(2^μ · M) + α·PL) with PL = the coupling loss.
  public static func transmitPowerDBm(
    resourceBlocks: Double, couplingLossDB: Double, numerology: CarrierNumerology, parameters: UplinkParameters
  ) -> Double {
    let maximum = parameters.powerClass.maximumPowerDBm
    guard let control = parameters.powerControl else { return maximum }
    let requested =
      control.nominalPowerPerResourceBlockDBm + 10 * log10(pow(2, Double(numerology.mu)) * resourceBlocks)
      + control.pathLossCompensation * couplingLossDB
    return min(maximum, requested)
  }

  /// Base-station noise over `resourceBlocks` RBs, dBm: −174 + 10·log10(M · 12 · SCS) + NF.
  public static func noiseDBm(resourceBlocks: Double, numerology: CarrierNumerology, noiseFigureDB: Double) -> Double {
    ThermalNoise.powerDBm(
      bandwidthHz: resourceBlocks * Double(CarrierNumerology.subcarriersPerResourceBlock)
        * numerology.subcarrierSpacingKHz * 1000, noiseFigureDB: noiseFigureDB)
  }

  /// Uplink SINR at the base station, dB: P_tx − coupling loss − noise − interference margin.
  /// The UE's power is spread over the RBs it transmits on: fewer RBs, more power per RB.
  public static func sinrDB(
    couplingLossDB: Double, resourceBlocks: Double, numerology: CarrierNumerology, parameters: UplinkParameters
  ) -> Double {
    transmitPowerDBm(
      resourceBlocks: resourceBlocks, couplingLossDB: couplingLossDB, numerology: numerology, parameters: parameters)
      - couplingLossDB
      - noiseDBm(
        resourceBlocks: resourceBlocks, numerology: numerology, noiseFigureDB: parameters.baseStationNoiseFigureDB)
      - parameters.interferenceMarginDB
  }

  /// Largest number of RBs (fractional) over which the UE still reaches `minimumSINRDB`, or 0
  /// when it cannot reach it on any allocation. At full power the SINR falls as 1/M, so
  /// M_max = 10^((P_max − CL − IM − floor − noise in one RB) / 10); under uncapped power
  /// control the SINR does not depend on M.
  public static func maximumResourceBlocks(
    couplingLossDB: Double, minimumSINRDB: Double, numerology: CarrierNumerology, parameters: UplinkParameters
  ) -> Double {
    let noisePerBlock = noiseDBm(
      resourceBlocks: 1, numerology: numerology, noiseFigureDB: parameters.baseStationNoiseFigureDB)
    if let control = parameters.powerControl {
      // Power-controlled SINR, the same on any allocation while the UE has headroom.
      let controlled =
        control.nominalPowerPerResourceBlockDBm + 10 * log10(pow(2, Double(numerology.mu)))
        + control.pathLossCompensation * couplingLossDB - couplingLossDB - noisePerBlock
        - parameters.interferenceMarginDB
      if controlled < minimumSINRDB { return 0 }
    }
    let headroomDB =
      parameters.powerClass.maximumPowerDBm - couplingLossDB - noisePerBlock - parameters.interferenceMarginDB
      - minimumSINRDB
    return pow(10, headroomDB / 10)
  }

  /// Uplink rate of one UE, Mbit/s, when its fair share is `resourceBlockShare` RBs (N_RB over
  /// the active users; below 1 it has one RB for that share of the time).
  ///
  /// The UE transmits on M = max(1, min(share, M_max)) RBs: rate M · 12 · SCS · SE(SINR(M))
  /// grows with M while the SINR stays above the floor (at full power M · α·log2(1 + K/M)
  /// increases with M), so a power-limited UE uses no more RBs than keep it at the floor.
  /// Rate = SE(SINR(M)) × min(share, M) × 12 × SCS × (1 − overhead) × TDD uplink share.
  public static func rateMbps(
    couplingLossDB: Double, resourceBlockShare: Double, numerology: CarrierNumerology, overhead: Double,
    minimumSINRDB: Double = -10, parameters: UplinkParameters = .init()
  ) -> Double {
    guard resourceBlockShare > 0 else { return 0 }
    let floor = max(minimumSINRDB, parameters.shannon.minimumSINRDB)
    let largest = maximumResourceBlocks(
      couplingLossDB: couplingLossDB, minimumSINRDB: floor, numerology: numerology, parameters: parameters)
    let transmitted = max(1, min(resourceBlockShare, largest))
    var sinr = sinrDB(
      couplingLossDB: couplingLossDB, resourceBlocks: transmitted, numerology: numerology, parameters: parameters)
    // On M_max the SINR is the floor itself; keep rounding from dropping it just below.
    if transmitted == largest { sinr = max(sinr, floor) }
    guard sinr >= floor else { return 0 }
    let efficiency = Throughput.spectralEfficiency(sinrDB: sinr, parameters: parameters.shannon)
    let averageBlocks = min(resourceBlockShare, transmitted)
    return efficiency * averageBlocks * Double(CarrierNumerology.subcarriersPerResourceBlock)
      * numerology.subcarrierSpacingKHz * 1000 * (1 - overhead) * parameters.tddUplinkShare / 1e6
  }
}
