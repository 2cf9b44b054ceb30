import Foundation

/// Received power per resource element and signal-to-interference-plus-noise ratio.
public enum LinkBudget {
  /// Energy per resource element, dBm: total power spread evenly over 12·N_RB subcarriers
  /// (LTE RS EPRE, TS 36.213 §5.2; NR SSB EPRE with equal power). LTE 20 MHz at 46 dBm:
  /// 46 − 10·log10(1200) = 15.21 dBm.
  public static func energyPerResourceElementDBm(totalPowerDBm: Double, numerology: CarrierNumerology) -> Double {
    totalPowerDBm - 10 * log10(Double(numerology.resourceElements))
  }

  /// RSRP (LTE) or SS-RSRP (NR), dBm: EPRE + antenna gain toward the UE − feeder loss −
  /// path loss − building penetration.
  public static func rsrpDBm(
    energyPerResourceElementDBm epre: Double, antennaGainDBi: Double, feederLossDB: Double, pathLossDB: Double,
    penetrationLossDB: Double = 0
  ) -> Double {
    epre + antennaGainDBi - feederLossDB - pathLossDB - penetrationLossDB
  }

  /// Noise in one resource element (one subcarrier), dBm: −174 + 10·log10(SCS) + NF.
  public static func noisePerResourceElementDBm(
    numerology: CarrierNumerology, noiseFigureDB: Double = ThermalNoise.defaultUENoiseFigureDB
  ) -> Double {
    ThermalNoise.powerDBm(bandwidthHz: numerology.subcarrierSpacingKHz * 1000, noiseFigureDB: noiseFigureDB)
  }

  /// SINR, dB, of a serving signal against same-frequency interferers scaled by their
  /// load (share of occupied resource elements, 0…1) and noise, all per resource element.
  public static func sinrDB(
    signalDBm: Double, interferersDBm: [Double], loadFactor: Double, noiseDBm: Double
  ) -> Double {
    var interference = 0.0
    for power in interferersDBm { interference += Units.milliwatts(fromDBm: power) }
    return sinrDB(
      signalMilliwatts: Units.milliwatts(fromDBm: signalDBm), interferenceMilliwatts: interference * loadFactor,
      noiseMilliwatts: Units.milliwatts(fromDBm: noiseDBm))
  }

  /// SINR from linear powers, dB (allocation-free form for inner loops).
  @inlinable public static func sinrDB(
    signalMilliwatts: Double, interferenceMilliwatts: Double, noiseMilliwatts: Double
  ) -> Double {
    10 * log10(signalMilliwatts / (interferenceMilliwatts + noiseMilliwatts))
  }
}
