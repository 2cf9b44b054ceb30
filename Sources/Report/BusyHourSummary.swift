import Coverage
import Geo
import Radio
import Scenario

/// The busy-hour part of `summary.md`: what the service classes mean, the traffic behind
/// them, and per layer the sectors' loads and where the uplink limits service.
enum BusyHourSummary {
  /// "zone-1 (≥ 5 Mbit/s down, 0.5 up)".
  static func classLabel(_ service: ServiceClass) -> String {
    "\(service.name) (≥ \(JSONWriter.number(service.minimumDownlinkMbps)) Mbit/s down, \(JSONWriter.number(service.minimumUplinkMbps)) up)"
  }

  /// What a service class is, in one sentence.
  static func classSentence(_ settings: CoverageSettings) -> String {
    let capacity = settings.capacity
    let load =
      capacity.load == .coupled
      ? "each cell's load coupled to its neighbours'" : "interferers at a fixed \(percent(settings.loadFactor)) load"
    return
      "Service classes: one busy-hour user's rate on the carrier's best layer, its sector's capacity shared among its active users (\(load)), with the downlink and the uplink both at the class's minimum; no service below \(CoverageMaps.format(capacity.floor.minimumRSRPDBm)) dBm RSRP or \(CoverageMaps.format(capacity.floor.minimumSINRDB)) dB SINR."
  }

  static func lines(_ result: CoverageResult, scenario: ScenarioModel) -> [String] {
    let table = table(result)
    var lines = [
      "", "## Busy hour", "", introduction(result, scenario: scenario), "", CoverageSummary.row(table.header),
      CoverageSummary.row(Array(repeating: "---", count: table.header.count)),
    ]
    lines += table.rows.map(CoverageSummary.row)
    let directions = directionTable(result)
    lines += [
      "",
      "Workers indoors by service class, over every zone: with both directions at the class's minimum (the figures above), by the downlink alone, and by the uplink alone.",
      "", CoverageSummary.row(directions.header),
      CoverageSummary.row(Array(repeating: "---", count: directions.header.count)),
    ]
    lines += directions.rows.map(CoverageSummary.row)
    let unconverged = result.layers.filter { !$0.loadConverged }.map { "\($0.carrierID) \($0.layer.id)" }
    if !unconverged.isEmpty {
      lines += [
        "",
        "The load iteration stopped before converging on: \(unconverged.joined(separator: ", ")) (loads near 100 %).",
      ]
    }
    return lines
  }

  /// Who is active, what they ask for, and how the loads are found.
  static func introduction(_ result: CoverageResult, scenario: ScenarioModel) -> String {
    let capacity = result.settings.capacity
    let traffic = capacity.traffic
    let shares = scenario.carriers.map { carrier in
      let share = capacity.subscriberShare(of: carrier, carrierCount: scenario.carriers.count)
      let basis =
        capacity.subscriberShares[carrier.id] != nil
        ? "scenario" : CapacitySettings.publishedShare(of: carrier) != nil ? "MIC, Oct 2016" : "equal split"
      return "\(carrier.id) \(percent(share)) (\(basis))"
    }
    let loads =
      capacity.load == .coupled
      ? "the least fixed point of the load coupling (Siomina & Yuan 2012)"
      : "interferers fixed at \(percent(result.settings.loadFactor))"
    return
      "Active users: workers × subscriber share (\(shares.joined(separator: ", "))) × \(percent(traffic.busyHourActiveShare)) active at the busy hour, asking \(JSONWriter.number(traffic.downlinkDemandPerActiveUserMbps)) Mbit/s down and \(JSONWriter.number(traffic.uplinkDemandPerActiveUserMbps)) up each; each cell's users split by downlink capacity between the carrier's layers that serve it. Loads: \(loads). Per sector: sectors.csv."
  }

  /// Per layer: the sectors serving users, their users and loads, users without service, and
  /// the workers indoors whose service class the uplink limits.
  static func table(_ result: CoverageResult) -> (header: [String], rows: [[String]]) {
    let header = [
      "Carrier", "Layer", "Sectors serving users", "Active users", "Mean load", "Highest load", "Overloaded sectors",
      "Active users without service", "Uplink-limited indoors (*workers*)",
    ]
    let rows = result.layers.map { layer -> [String] in
      let sectors = layer.sectorLoads
      let users = sectors.reduce(0) { $0 + $1.activeUsers }
      let without = sectors.reduce(layer.unreachedUsers) { $0 + $1.outOfServiceUsers }
      let mean = sectors.isEmpty ? 0 : sectors.reduce(0) { $0 + $1.load } / Double(sectors.count)
      return [
        layer.carrierID, layer.layer.id, "\(sectors.count)", JSONWriter.fixed(users, decimals: 1), percent(mean),
        percent(sectors.map(\.load).max() ?? 0), "\(sectors.filter(\.isOverloaded).count)",
        JSONWriter.fixed(without, decimals: 1), percent(workerShare(layer.uplinkLimitedIndoor, result)),
      ]
    }
    return (header, rows)
  }

  /// Per carrier, the share of all workers indoors in each class by both directions, by the
  /// downlink alone and by the uplink alone.
  static func directionTable(_ result: CoverageResult) -> (header: [String], rows: [[String]]) {
    let names = result.settings.serviceClassesBestFirst.map(\.name) + ["none"]
    let header =
      ["Carrier"] + names.map { "\($0) (*workers*)" } + names.map { "Downlink \($0)" }
      + names.map { "Uplink \($0)" }
    let rows = result.carriers.map { carrier in
      [carrier.carrierID]
        + [carrier.serviceIndoor, carrier.serviceIndoorDownlink, carrier.serviceIndoorUplink].flatMap {
          workerShares($0, result).map(percent)
        }
    }
    return (header, rows)
  }

  /// Share of all workers in each bin of `histogram` (each parcel's share of cells × its
  /// workers), over every zone.
  static func workerShares(_ histogram: ParcelHistogram, _ result: CoverageResult) -> [Double] {
    var inBin = [Double](repeating: 0, count: histogram.binCount)
    var total = 0.0
    for parcel in result.parcels.indices {
      guard let shares = result.shares(histogram, parcel: parcel) else { continue }
      for bin in inBin.indices { inBin[bin] += shares[bin] * result.parcels[parcel].workers }
      total += result.parcels[parcel].workers
    }
    return inBin.map { total > 0 ? $0 / total : 0 }
  }

  /// Share of all workers in bin 0 of `histogram` (each parcel's share of cells × its workers).
  static func workerShare(_ histogram: ParcelHistogram, _ result: CoverageResult) -> Double {
    workerShares(histogram, result)[0]
  }

  static func percent(_ share: Double) -> String { CoverageSummary.percent(share) }

  /// The settings and, per layer, the figures of the table, for `summary.json`.
  static func json(_ result: CoverageResult) -> JSONValue {
    let settings = result.settings
    let capacity = settings.capacity
    let layers: [JSONValue] = result.layers.map { layer in
      let sectors = layer.sectorLoads
      return .object([
        ("carrier", .string(layer.carrierID)), ("layer", .string(layer.layer.id)),
        ("sectors_serving_users", .number(Double(sectors.count))),
        ("active_users", number(sectors.reduce(0) { $0 + $1.activeUsers }, decimals: 3)),
        (
          "active_users_without_service",
          number(sectors.reduce(layer.unreachedUsers) { $0 + $1.outOfServiceUsers }, decimals: 3)
        ),
        (
          "mean_load",
          number(sectors.isEmpty ? 0 : sectors.reduce(0) { $0 + $1.load } / Double(sectors.count), decimals: 4)
        ),
        ("highest_load", number(sectors.map(\.load).max() ?? 0, decimals: 4)),
        ("overloaded_sectors", .number(Double(sectors.filter(\.isOverloaded).count))),
        ("uplink_limited_indoor_workers", number(workerShare(layer.uplinkLimitedIndoor, result), decimals: 4)),
        ("iterations", .number(Double(layer.loadIterations))), ("converged", .bool(layer.loadConverged)),
      ])
    }
    return .object([
      ("load", capacity.load == .coupled ? .string("coupled") : .number(settings.loadFactor)),
      ("busy_hour_active_share", .number(capacity.traffic.busyHourActiveShare)),
      ("downlink_mbps_per_active_user", .number(capacity.traffic.downlinkDemandPerActiveUserMbps)),
      ("uplink_mbps_per_active_user", .number(capacity.traffic.uplinkDemandPerActiveUserMbps)),
      ("floor_rsrp_dbm", .number(capacity.floor.minimumRSRPDBm)),
      ("floor_sinr_db", .number(capacity.floor.minimumSINRDB)),
      ("layers", .array(layers)),
    ])
  }
}
