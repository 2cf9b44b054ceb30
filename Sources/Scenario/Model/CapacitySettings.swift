import Radio

/// How the interfering cells' load is set.
public enum LoadMode: Hashable, Sendable {
  /// Each sector's load follows from the demand it serves, the loads coupled through the
  /// interference (Siomina & Yuan 2012, `LoadCouplingProblem`).
  case coupled
  /// Every interferer at this share of its resources, 0…1 (`CoverageSettings.loadFactor`).
  case fixed
}

/// Busy-hour traffic, the service floor and the uplink: what turns a field into the rates
/// people get (the scenario's `coverage.load`, `traffic`, `service_floor` and `uplink` keys).
public struct CapacitySettings: Hashable, Sendable {
  /// Coupled by default; `load: <number>` fixes every interferer's load instead.
  public var load = LoadMode.coupled
  /// Active share at the busy hour and demand per active user (`TrafficModel` defaults).
  public var traffic = TrafficModel()
  /// Subscriber share per carrier id, 0…1, where the scenario gives one.
  public var subscriberShares: [String: Double] = [:]
  /// RSRP and SINR floors (`ServiceFloor` defaults: −120 dBm [K], −10 dB TR 36.942).
  public var floor = ServiceFloor()
  /// Base-station noise figure, dB: 5 (`UplinkParameters`).
  public var baseStationNoiseFigureDB = 5.0
  /// Uplink interference margin, dB: [K] 3 (`UplinkParameters`).
  public var uplinkInterferenceMarginDB = 3.0
  /// UE antenna gain, dBi: 0 (TR 36.942 Table 4.5, as for the downlink).
  public var ueAntennaGainDBi = 0.0
  /// Per carrier id, the parcels (ids) whose users a planned indoor system serves: the macro
  /// network carries none of that carrier's users there at the busy hour. Set by a plan's
  /// network (`PlannedNetwork`), never read from a scenario file.
  public var indoorServedParcels: [String: Set<String>] = [:]

  public init() {}

  /// A carrier's subscriber share: the scenario's, else Vietnam's published share for a
  /// carrier whose id or name contains Viettel, MobiFone, VinaPhone or VNPT
  /// (`SubscriberShare.vietnam2016`), else an equal split over `carrierCount` carriers.
  public func subscriberShare(of carrier: Carrier, carrierCount: Int) -> Double {
    if let share = subscriberShares[carrier.id] { return share }
    if let known = Self.publishedShare(of: carrier) { return known }
    return 1 / Double(max(carrierCount, 1))
  }

  /// Vietnam's published share of a carrier recognised by id or name, or nil.
  public static func publishedShare(of carrier: Carrier) -> Double? {
    let names = [carrier.id.lowercased(), carrier.name.lowercased()]
    let aliases = ["Viettel": ["viettel"], "MobiFone": ["mobifone"], "VinaPhone": ["vinaphone", "vnpt"]]
    for share in SubscriberShare.vietnam2016 {
      let keys = aliases[share.carrier] ?? []
      if names.contains(where: { name in keys.contains { name.contains($0) } }) { return share.share }
    }
    return nil
  }

  /// The uplink settings of `layer`.
  public func uplink(of layer: RadioLayer) -> UplinkParameters {
    UplinkParameters(
      powerClass: layer.uePowerClass, baseStationNoiseFigureDB: baseStationNoiseFigureDB,
      interferenceMarginDB: uplinkInterferenceMarginDB, tddUplinkShare: layer.tddUplinkShare)
  }
}
