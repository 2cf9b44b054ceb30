import Foundation

/// Direction of a radio link.
public enum LinkDirection: String, Sendable, Hashable, CaseIterable {
  case downlink
  case uplink
}

/// NR frequency range (TS 38.104 §5.1): FR1 410–7125 MHz, FR2 24.25–71 GHz.
public enum NRFrequencyRange: String, Sendable, Hashable, CaseIterable {
  case fr1 = "FR1"
  case fr2 = "FR2"
}

/// Cell-specific reference signal antenna ports of an LTE cell (TS 36.211 §6.10.1: 1, 2 or 4).
public enum LTEAntennaPorts: Int, Sendable, Hashable, CaseIterable {
  case one = 1
  case two = 2
  case four = 4
}

/// Share of a carrier's resource elements that carries no user data (reference signals,
/// control, synchronisation, broadcast), 0…1. A rate is multiplied by `1 − overhead`.
public enum Overhead {
  /// NR overhead factor OH of TS 38.306 §4.1.2: 0.14 downlink FR1, 0.18 downlink FR2,
  /// 0.08 uplink FR1, 0.10 uplink FR2 (SSB, PDCCH/PUCCH, DMRS, CSI-RS, PTRS, SRS averaged).
  public static func nr(direction: LinkDirection, frequencyRange: NRFrequencyRange = .fr1) -> Double {
    switch (direction, frequencyRange) {
    case (.downlink, .fr1): 0.14
    case (.downlink, .fr2): 0.18
    case (.uplink, .fr1): 0.08
    case (.uplink, .fr2): 0.10
    }
  }

  /// Resource elements in one resource-block pair (one subframe): 12 subcarriers × 14 OFDM
  /// symbols, normal cyclic prefix (TS 36.211 §6.2.3, Table 6.2.3-1).
  public static let lteResourceElementsPerResourceBlockPair = 12 * 14

  /// Cell-specific reference-signal REs in OFDM symbol `symbol` (0…13) of a subframe, per RB,
  /// normal CP (TS 36.211 §6.10.1.2): ports 0 and 1 in symbols 0, 4, 7, 11 and ports 2 and 3
  /// in symbols 1 and 8, two REs per port and symbol.
  static func lteReferenceSignalElements(symbol: Int, antennaPorts: LTEAntennaPorts) -> Int {
    let slotSymbol = symbol % 7
    if slotSymbol == 0 || slotSymbol == 4 { return 2 * min(antennaPorts.rawValue, 2) }
    if slotSymbol == 1 && antennaPorts == .four { return 4 }
    return 0
  }

  /// Overhead REs of one LTE resource-block pair: the control region (the first `controlSymbols`
  /// OFDM symbols, all 12 REs: PDCCH, PCFICH, PHICH, TS 36.211 §6.7–6.9) plus the CRS outside it.
  /// 2 ports, CFI 2: 2 × 12 + CRS in symbols 4, 7, 11 (3 × 4) = 36 of 168.
  public static func lteDownlinkResourceElementsPerResourceBlockPair(
    antennaPorts: LTEAntennaPorts, controlSymbols: Int
  ) -> Int {
    var count = 0
    for symbol in 0..<14 {
      count += symbol < controlSymbols ? 12 : lteReferenceSignalElements(symbol: symbol, antennaPorts: antennaPorts)
    }
    return count
  }

  /// Synchronisation and broadcast REs per 10 ms FDD frame outside the CRS, all on the central
  /// 72 subcarriers: PSS and SSS, one symbol each in subframes 0 and 5 (TS 36.211 §6.11:
  /// 4 × 72 = 288), and the PBCH block, symbols 0–3 of slot 1 (§6.6.4: 4 × 72 = 288) less
  /// the cell's CRS already counted there (6 RB × the CRS of symbols 7 and 8). With 4 ports
  /// the PBCH part is 240 REs, the PBCH's own size (480 QPSK bits per frame).
  public static func lteSynchronisationAndBroadcastElementsPerFrame(antennaPorts: LTEAntennaPorts) -> Int {
    let crsInPBCH =
      6
      * (lteReferenceSignalElements(symbol: 7, antennaPorts: antennaPorts)
        + lteReferenceSignalElements(symbol: 8, antennaPorts: antennaPorts))
    return 4 * 72 + (4 * 72 - crsInPBCH)
  }

  /// LTE downlink overhead from TS 36.211 resource-element counting, averaged over a 10 ms frame
  /// (FDD framing; in TDD the sync/broadcast part, < 0.4 %, is slightly larger per DL subframe):
  /// (10 · N_RB · RB-pair overhead + sync/broadcast) / (10 · N_RB · 168).
  /// 20 MHz (100 RB), 2 ports, CFI 2: (100 · 10 · 36 + 552) / 168,000 = 0.21757.
  /// `controlSymbols` is the CFI: 1…3, or 2…4 when N_RB ≤ 10 (TS 36.211 Table 6.7-1).
  public static func lteDownlink(
    resourceBlocks: Int, antennaPorts: LTEAntennaPorts = .two, controlSymbols: Int = 2
  ) -> Double {
    precondition(resourceBlocks >= 6, "an LTE carrier has at least 6 resource blocks")
    precondition((1...4).contains(controlSymbols), "the control region spans 1…4 OFDM symbols")
    let perPair = lteDownlinkResourceElementsPerResourceBlockPair(
      antennaPorts: antennaPorts, controlSymbols: controlSymbols)
    let overhead =
      10 * resourceBlocks * perPair + lteSynchronisationAndBroadcastElementsPerFrame(antennaPorts: antennaPorts)
    return Double(overhead) / Double(10 * resourceBlocks * lteResourceElementsPerResourceBlockPair)
  }

  /// LTE uplink overhead: PUSCH DMRS takes symbol 3 of each slot, 2 of 14 symbols (TS 36.211
  /// §5.5.2.1.2), on the RBs left after `pucchResourceBlocks` at the band edges (§5.4.3):
  /// 1 − (1 − N_PUCCH / N_RB) · 12/14. 100 RB, 4 PUCCH RB: 1 − 0.96 · 12/14 = 0.17714.
  /// PUCCH RBs: [K] 4 (2 per band edge), an operator setting. SRS and PRACH are not counted.
  public static func lteUplink(resourceBlocks: Int, pucchResourceBlocks: Int = 4) -> Double {
    precondition(resourceBlocks > pucchResourceBlocks && pucchResourceBlocks >= 0, "PUCCH leaves no PUSCH")
    let pusch = 1 - Double(pucchResourceBlocks) / Double(resourceBlocks)
    return 1 - pusch * 12 / 14
  }

  /// Overhead of a carrier in one direction with default settings: NR from TS 38.306 (FR1, as
  /// `CarrierNumerology` covers FR1 only); LTE from the RE counts with 2 CRS ports, CFI 2
  /// (3 when N_RB ≤ 10, the middle of each allowed range) and 4 PUCCH RBs (2 below 15 RB) [K].
  public static func fraction(numerology: CarrierNumerology, direction: LinkDirection) -> Double {
    switch (numerology.technology, direction) {
    case (.nr, _): nr(direction: direction)
    case (.lte, .downlink):
      lteDownlink(resourceBlocks: numerology.resourceBlocks, controlSymbols: numerology.resourceBlocks <= 10 ? 3 : 2)
    case (.lte, .uplink):
      lteUplink(resourceBlocks: numerology.resourceBlocks, pucchResourceBlocks: numerology.resourceBlocks < 15 ? 2 : 4)
    }
  }
}
