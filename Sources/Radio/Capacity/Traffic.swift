import Foundation

/// A carrier's share of a market's mobile subscribers, 0…1.
public struct SubscriberShare: Sendable, Hashable {
  public let carrier: String
  public let share: Double

  public init(carrier: String, share: Double) {
    self.carrier = carrier
    self.share = share
  }

  /// Vietnam, active mobile subscribers at the end of October 2016 (Ministry of Information and
  /// Communications report, as published by VietNamNet): 131.9 M in all; Viettel 63.3 M,
  /// MobiFone 34 M, VinaPhone (VNPT) 25 M (Gmobile 6 M and Vietnamobile 4 M make the rest).
  /// Dated: VIRAC (2019) reports Viettel at 55.5 % by the end of 2017 and VinaPhone passing
  /// MobiFone in Q3 2018; no newer complete split was found [NF]. Override per scenario.
  public static let vietnam2016: [SubscriberShare] = [
    SubscriberShare(carrier: "Viettel", share: 63.3 / 131.9),
    SubscriberShare(carrier: "MobiFone", share: 34 / 131.9),
    SubscriberShare(carrier: "VinaPhone", share: 25 / 131.9),
  ]
}

/// Busy-hour traffic: who is active and what each active user asks for.
///
/// Active users = people × carrier subscriber share × busy-hour active share; demand = active
/// users × demand per active user. "Active" means a user with data to send or receive at the
/// busy hour (a full-buffer user of the load model), not merely a connected one.
public struct TrafficModel: Sendable, Hashable {
  /// Share of a carrier's subscribers active at the busy hour: [K] 5 %, an engineering default
  /// (no published figure for Vietnamese industrial parks was found [NF]).
  public var busyHourActiveShare: Double
  /// Downlink demand of one active user, Mbit/s: 5, VNPT's LTE zone-1 minimum speed
  /// (shared/notes/domain-facts.md).
  public var downlinkDemandPerActiveUserMbps: Double
  /// Uplink demand of one active user, Mbit/s: 0.5, a tenth of the downlink, after Holma &
  /// Toskala, LTE-Advanced (Wiley 2012) §11.4: "typical traffic is 5–10 times more in
  /// downlink than in uplink" [K].
  public var uplinkDemandPerActiveUserMbps: Double

  public init(
    busyHourActiveShare: Double = 0.05, downlinkDemandPerActiveUserMbps: Double = 5,
    uplinkDemandPerActiveUserMbps: Double = 0.5
  ) {
    self.busyHourActiveShare = busyHourActiveShare
    self.downlinkDemandPerActiveUserMbps = downlinkDemandPerActiveUserMbps
    self.uplinkDemandPerActiveUserMbps = uplinkDemandPerActiveUserMbps
  }

  /// Active users among `people`: people × subscriber share × busy-hour active share.
  public func activeUsers(people: Double, subscriberShare: Double) -> Double {
    people * subscriberShare * busyHourActiveShare
  }

  /// Downlink demand of `activeUsers`, bit/s.
  public func downlinkDemandBitsPerSecond(activeUsers: Double) -> Double {
    activeUsers * downlinkDemandPerActiveUserMbps * 1e6
  }

  /// Uplink demand of `activeUsers`, bit/s.
  public func uplinkDemandBitsPerSecond(activeUsers: Double) -> Double {
    activeUsers * uplinkDemandPerActiveUserMbps * 1e6
  }
}
