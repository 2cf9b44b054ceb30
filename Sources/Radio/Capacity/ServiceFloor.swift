import Foundation

/// The floors below which a location has no service at all: a downlink reference-signal level
/// the UE must see to camp on the cell, and a SINR below which no transport format decodes.
///
/// - RSRP: 3GPP sets no planning floor. A UE camps only where Srxlev = RSRP − Qrxlevmin > 0
///   (TS 36.304 §5.2.3.2, TS 38.304 §5.2.3.2), and Qrxlevmin is an operator setting broadcast in
///   SIB (q-RxLevMin, −140…−44 dBm in 2 dB steps, TS 36.331). The default −120 dBm is [K] an
///   engineering default (a common Qrxlevmin in operator practice; QCVN 81:2019 has none, [NF]).
/// - SINR: TR 36.942 Annex A.1 SINR_min, −10 dB, below which the attenuated Shannon throughput
///   is zero; the same figure for uplink and downlink (Table A.2).
public struct ServiceFloor: Sendable, Hashable {
  /// Lowest downlink RSRP (LTE) or SS-RSRP (NR) with service, dBm.
  public var minimumRSRPDBm: Double
  /// Lowest SINR with service, dB.
  public var minimumSINRDB: Double

  /// [K] −120 dBm RSRP; TR 36.942 A.1 SINR_min −10 dB.
  public init(minimumRSRPDBm: Double = -120, minimumSINRDB: Double = -10) {
    self.minimumRSRPDBm = minimumRSRPDBm
    self.minimumSINRDB = minimumSINRDB
  }

  /// Whether a location with this downlink RSRP and this SINR (of the direction being judged:
  /// downlink SINR for the downlink, uplink SINR for the uplink) has service. The RSRP floor
  /// applies to both directions: a UE that cannot camp has no uplink either.
  @inlinable public func isServed(rsrpDBm: Double, sinrDB: Double) -> Bool {
    rsrpDBm >= minimumRSRPDBm && sinrDB >= minimumSINRDB
  }
}
