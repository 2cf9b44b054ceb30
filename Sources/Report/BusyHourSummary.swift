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
      "Service classes: one busy-hour user's rate on the carrier's best layer, its sector's capacity shared among its active users (\(load)), with the downlink and the uplink both at the class's minimum; no service below \(JSONWriter.number(capacity.floor.minimumRSRPDBm)) dBm RSRP or \(JSONWriter.number(capacity.floor.minimumSINRDB)) dB SINR."
  }

  static func lines(_ result: CoverageResult, scenario: ScenarioModel) -> [String] {
    let table = table(result)
    var lines = [
      "", "## Busy hour", "", introduction(result, scenario: scenario), "", CoverageSummary.row(table.header),
      CoverageSummary.row(Array(repeating: "---", count: table.header.count)),
    ]
    lines += table.rows.map(CoverageSummary.row)
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
      "Active users: workers × subscriber share (\(shares.joined(separator: ", "))) × \(percent(traffic.busyHourActiveShare)) active at the busy hour, asking \(JSONWriter.number(traffic.downlinkDemandPerActiveUserMbps)) Mbit/s down and \(JSONWriter.number(traffic.uplinkDemandPerActiveUserMbps)) up each; a carrier's users split between its layers by downlink capacity. Loads: \(loads). Per sector: sectors.csv."
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

  /// Share of all workers in bin 0 of `histogram` (each parcel's share of cells × its workers).
  static func workerShare(_ histogram: ParcelHistogram, _ result: CoverageResult) -> Double {
    var inBin = 0.0
    var total = 0.0
    for parcel in result.parcels.indices {
      guard let shares = result.shares(histogram, parcel: parcel) else { continue }
      inBin += shares[0] * result.parcels[parcel].workers
      total += result.parcels[parcel].workers
    }
    return total > 0 ? inBin / total : 0
  }

  static func percent(_ share: Double) -> String { CoverageSummary.percent(share) }
}
