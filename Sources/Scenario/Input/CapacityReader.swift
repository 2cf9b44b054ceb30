import Radio
import Yams

/// Reads the capacity keys of the `coverage` section (`traffic`, `service_floor`, `uplink`)
/// and the service classes over `CapacitySettings` defaults.
enum CapacityReader {
  /// - Parameter carrierIDs: the scenario's carriers, which `subscriber_shares` must name.
  static func read(_ map: YAMLMap, into settings: inout CapacitySettings, carrierIDs: [String]) {
    if let traffic = map.map(
      "traffic", allowed: ["busy_hour_active_share", "downlink_mbps", "uplink_mbps", "subscriber_shares"])
    {
      var model = settings.traffic
      model.busyHourActiveShare =
        traffic.number("busy_hour_active_share", expected: "a share of subscribers 0…1", range: 0...1)
        ?? model.busyHourActiveShare
      model.downlinkDemandPerActiveUserMbps =
        traffic.number("downlink_mbps", expected: "a demand per active user in Mbit/s", range: 0...10_000)
        ?? model.downlinkDemandPerActiveUserMbps
      model.uplinkDemandPerActiveUserMbps =
        traffic.number("uplink_mbps", expected: "a demand per active user in Mbit/s", range: 0...10_000)
        ?? model.uplinkDemandPerActiveUserMbps
      settings.traffic = model
      if let shares = traffic.map("subscriber_shares", allowed: nil) {
        for carrier in shares.keys {
          guard carrierIDs.contains(carrier) else {
            shares.diagnostics.report(
              shares.file, .line(shares.line(of: carrier)),
              "'\(shares.path).\(carrier)': not a carrier of the scenario (expected one of: \(carrierIDs.joined(separator: ", ")))"
            )
            continue
          }
          if let share = shares.number(carrier, expected: "a subscriber share 0…1", range: 0...1) {
            settings.subscriberShares[carrier] = share
          }
        }
      }
    }
    if let floor = map.map("service_floor", allowed: ["rsrp_dbm", "sinr_db"]) {
      settings.floor.minimumRSRPDBm =
        floor.number("rsrp_dbm", expected: "an RSRP in dBm", range: -160 ... -40) ?? settings.floor.minimumRSRPDBm
      settings.floor.minimumSINRDB =
        floor.number("sinr_db", expected: "a SINR in dB", range: -30...30) ?? settings.floor.minimumSINRDB
    }
    if let uplink = map.map("uplink", allowed: ["bs_noise_figure_db", "interference_margin_db", "ue_antenna_gain_dbi"])
    {
      settings.baseStationNoiseFigureDB =
        uplink.number("bs_noise_figure_db", expected: "a noise figure in dB", range: 0...20)
        ?? settings.baseStationNoiseFigureDB
      settings.uplinkInterferenceMarginDB =
        uplink.number("interference_margin_db", expected: "a margin in dB", range: 0...30)
        ?? settings.uplinkInterferenceMarginDB
      settings.ueAntennaGainDBi =
        uplink.number("ue_antenna_gain_dbi", expected: "an antenna gain in dBi", range: -20...20)
        ?? settings.ueAntennaGainDBi
    }
  }

  /// `service_classes`: per name a minimum downlink rate in Mbit/s, or a mapping with
  /// `downlink_mbps` and an optional `uplink_mbps` (default: a tenth of the downlink).
  static func serviceClasses(_ classes: YAMLMap) -> [ServiceClass] {
    classes.keys.compactMap { name in
      if case .mapping = classes.node(name),
        let rates = classes.map(name, allowed: ["downlink_mbps", "uplink_mbps"])
      {
        let range = 0.0...100_000
        guard
          let downlink = rates.number(
            "downlink_mbps", expected: "a minimum downlink rate in Mbit/s", range: range, required: true)
        else { return nil }
        let uplink = rates.number("uplink_mbps", expected: "a minimum uplink rate in Mbit/s", range: range)
        return ServiceClass(name: name, minimumDownlinkMbps: downlink, minimumUplinkMbps: uplink)
      }
      return classes.number(
        name, expected: "a minimum downlink rate in Mbit/s, or downlink_mbps and uplink_mbps",
        range: 0...100_000
      ).map { ServiceClass(name: name, minimumDownlinkMbps: $0) }
    }
  }
}
