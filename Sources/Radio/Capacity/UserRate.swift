import Foundation

/// Per-user rates at the busy hour: the cell's capacity shared among its active users.
///
/// Full-buffer users under proportional-fair scheduling each receive, over time, about an equal
/// share of the resources (the resource-fair approximation of system-level studies and of the
/// load-coupling model, Siomina & Yuan, IEEE TWC 11(6), 2012); each user's rate is then its own
/// full-carrier rate divided by the number of active users. The multi-user diversity gain of
/// PF over a fading channel is not modelled, which errs on the low side. [K]
///
/// No service (rate 0) below the `ServiceFloor`'s RSRP or SINR.
public enum UserRate {
  /// Capacity-relevant bandwidth, Hz: occupied bandwidth × (1 − overhead) × TDD share × layers.
  public static func effectiveBandwidthHz(
    numerology: CarrierNumerology, overhead: Double, tddShare: Double = 1, layers: Int = 1
  ) -> Double {
    numerology.occupiedBandwidthHz * (1 - overhead) * tddShare * Double(layers)
  }

  /// Equal-share rate, Mbit/s: efficiency × effective bandwidth / active users (at least one:
  /// the user asking is there).
  @inlinable public static func sharedRateMbps(
    spectralEfficiency: Double, effectiveBandwidthHz: Double, activeUsers: Double
  ) -> Double {
    spectralEfficiency * effectiveBandwidthHz / 1e6 / max(1, activeUsers)
  }

  /// Downlink rate of one user, Mbit/s: SE(SINR) × occupied bandwidth × (1 − overhead) × TDD
  /// downlink share × layers / active users, 0 below the floor. With overhead 0 and one user
  /// this is `Throughput.downlinkMbps` exactly (same operations in the same order).
  public static func downlinkMbps(
    sinrDB: Double, rsrpDBm: Double, numerology: CarrierNumerology, overhead: Double, tddDownlinkShare: Double = 1,
    layers: Int = 1, activeUsers: Double = 1, floor: ServiceFloor = .init(),
    parameters: Throughput.ShannonParameters = .init()
  ) -> Double {
    guard floor.isServed(rsrpDBm: rsrpDBm, sinrDB: sinrDB) else { return 0 }
    return Throughput.spectralEfficiency(sinrDB: sinrDB, parameters: parameters) * numerology.occupiedBandwidthHz
      * (1 - overhead) * tddDownlinkShare * Double(layers) / 1e6 / max(1, activeUsers)
  }

  /// Uplink rate of one user, Mbit/s: the user's fair share of the carrier's RBs (N_RB / active
  /// users) through `UplinkBudget.rateMbps`, 0 below the RSRP floor or the uplink SINR floor.
  public static func uplinkMbps(
    couplingLossDB: Double, rsrpDBm: Double, numerology: CarrierNumerology, overhead: Double,
    activeUsers: Double = 1, floor: ServiceFloor = .init(), parameters: UplinkParameters = .init()
  ) -> Double {
    guard rsrpDBm >= floor.minimumRSRPDBm else { return 0 }
    return UplinkBudget.rateMbps(
      couplingLossDB: couplingLossDB, resourceBlockShare: Double(numerology.resourceBlocks) / max(1, activeUsers),
      numerology: numerology, overhead: overhead, minimumSINRDB: floor.minimumSINRDB, parameters: parameters)
  }
}
