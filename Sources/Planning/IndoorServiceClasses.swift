import Foundation
import Geo
import Radio
import Scenario

/// The busy-hour service class a planned indoor system gives its building's workers, per
/// carrier, at given points of the building's parcel (the run's cells): the macro run's
/// model (README, *Busy hour*) on the system's own nodes.
///
/// - Users: the building's workers × the carrier's subscriber share × the busy-hour active
///   share (`Traffic`), spread evenly over the points and the storeys (each storey the same
///   plate and nodes, its own users; the slab isolates them, ITU-R P.1238, as in the design).
///   They are indoors: a point off the plate (the parcel's yards) stands at the plate's
///   nearest point.
/// - A point is served by its nearest node, whose active users are those of the points it
///   serves. Levels are RSRP at the target's reliability (`IndoorNodeCoverage`), for the
///   serving node and every other node of the storey alike, as the macro run takes every
///   signal at the same reliability.
/// - Downlink: SINR γ = S ÷ (N + Σ ρ_j·I_j), noise per resource element at the scenario's UE
///   noise figure; node loads ρ_i = min(1, Σ demand ÷ (SE(γ) × B_eff)) over the points the
///   node serves, solved from ρ = 0 by Jacobi iteration to 10⁻⁶ (Siomina & Yuan's load
///   coupling, IEEE TWC 11(6), 2012, as the macro run); a point below the SINR floor loads its
///   node fully. Per-user rate SE(γ) × B_eff ÷ the node's active users (TR 36.942 A.1 SE; the
///   layer's overhead and TDD share).
/// - Uplink: `UplinkBudget` at coupling loss = EPRE − RSRP − UE gain (the node's antenna and
///   cable in the RSRP), the node's fair share of resource blocks.
/// - Class: the best whose downlink and uplink minima both hold (as `LayerReduction`); none
///   below the RSRP floor.
/// - A DAS: its sectors simulcast over their antennas, so a sector is one cell whose signal
///   is the sum of its antennas' (`dasRates`).
public enum IndoorServiceClasses {
  /// Per carrier of `plan` (in its order), per point, the class index among
  /// `serviceClassesBestFirst` (their count where none holds).
  public static func classes(
    plan: IndoorSystemPlan, building: BuildingIndoorDesign, points: [Coordinate], workers: Double,
    scenario: ScenarioModel
  ) -> [[Int]] {
    let settings = scenario.coverage
    let classes = settings.serviceClassesBestFirst
    return rates(plan: plan, building: building, points: points, workers: workers, scenario: scenario).map { rates in
      rates.map { rate in
        guard rate.rsrpDBm >= settings.capacity.floor.minimumRSRPDBm else { return classes.count }
        let down = classes.firstIndex { rate.downlinkMbps >= $0.minimumDownlinkMbps } ?? classes.count
        let up = classes.firstIndex { rate.uplinkMbps >= $0.minimumUplinkMbps } ?? classes.count
        return max(down, up)
      }
    }
  }

  /// A point's serving level and per-user rates.
  public struct PointRate: Sendable, Hashable {
    public let rsrpDBm: Double
    public let downlinkMbps: Double
    public let uplinkMbps: Double
  }

  /// Per carrier of `plan`, per point, the serving node's RSRP at the target's reliability and
  /// one active user's downlink and uplink rates at the busy hour.
  public static func rates(
    plan: IndoorSystemPlan, building: BuildingIndoorDesign, points: [Coordinate], workers: Double,
    scenario: ScenarioModel
  ) -> [[PointRate]] {
    let settings = scenario.coverage
    let nodes = plan.layout.nodes
    let indoor = points.map { building.plate.nearestPoint(to: $0) }
    // Distances from every point to every node, and each point's serving node.
    let distances = indoor.map { point in nodes.map { $0.distance(to: point) } }
    let serving = distances.map { row in row.indices.min { (row[$0], $0) < (row[$1], $1) } ?? 0 }
    var pointsOfNode = [Int](repeating: 0, count: nodes.count)
    for node in serving { pointsOfNode[node] += 1 }
    return plan.carriers.map { carrier in
      guard let numerology = carrier.layer.numerology, !nodes.isEmpty else {
        return points.map { _ in PointRate(rsrpDBm: -.infinity, downlinkMbps: 0, uplinkMbps: 0) }
      }
      let share = settings.capacity.subscriberShare(
        of: scenario.carriers[carrier.index], carrierCount: scenario.carriers.count)
      let usersPerPoint =
        settings.capacity.traffic.activeUsers(people: workers, subscriberShare: share)
        / Double(max(1, points.count) * building.environment.floors)
      let link = Link(carrier: carrier, building: building, numerology: numerology, scenario: scenario)
      let levels = distances.map { row in row.map { Units.milliwatts(fromDBm: link.rsrpDBm(groundM: $0)) } }
      if let sectors = carrier.dasSectors {
        // S sectors over F storeys: k = max(1, ⌊S ÷ F⌋) on a storey, each carrying F·k ÷ S
        // storeys' worth of its points' users (S = 1 on 5 storeys: one cell for all 5).
        let floors = building.environment.floors
        let perStorey = max(1, min(nodes.count, sectors / floors))
        return dasRates(
          link, levels: levels, serving: serving,
          usersPerPoint: usersPerPoint * Double(floors * perStorey) / Double(max(1, sectors)), sectors: perStorey)
      }
      let loads = link.loads(levels: levels, serving: serving, nodeCount: nodes.count, usersPerPoint: usersPerPoint)
      return points.indices.map { point in
        let node = serving[point]
        let rsrpDBm = Units.dBm(fromMilliwatts: levels[point][node])
        let users = usersPerPoint * Double(pointsOfNode[node])
        return PointRate(
          rsrpDBm: rsrpDBm,
          downlinkMbps: link.downlinkMbps(
            efficiency: link.efficiency(levels[point], serving: node, loads: loads), activeUsers: users),
          uplinkMbps: link.uplinkMbps(rsrpDBm: rsrpDBm, activeUsers: users))
      }
    }
  }

  /// A DAS's rates: the antennas of a sector simulcast one cell, so at a point their levels add
  /// and none interferes (RSRP is the sum); the storey's sectors take the antennas in layout
  /// order, a point the sector of its nearest antenna, a sector's users those of its points
  /// (`usersPerPoint` already scaled to the storeys a sector spans).
  /// Interference between sectors at their borders is left out, as in the design
  /// (`DASCarrierDesign`, it errs high). The uplink reaches the nearest antenna.
  static func dasRates(
    _ link: Link, levels: [[Double]], serving: [Int], usersPerPoint: Double, sectors: Int
  ) -> [PointRate] {
    let antennas = levels.first?.count ?? 0
    let sectorOf = { (antenna: Int) in antenna * sectors / max(1, antennas) }
    var pointsOfSector = [Int](repeating: 0, count: sectors)
    for antenna in serving { pointsOfSector[sectorOf(antenna)] += 1 }
    return levels.indices.map { point in
      let sector = sectorOf(serving[point])
      var signal = 0.0
      for (antenna, level) in levels[point].enumerated() where sectorOf(antenna) == sector { signal += level }
      let users = usersPerPoint * Double(pointsOfSector[sector])
      let sinrDB = 10 * log10(signal / link.noiseMW)
      let efficiency = sinrDB < link.floorDB ? 0 : Throughput.spectralEfficiency(sinrDB: sinrDB)
      return PointRate(
        rsrpDBm: Units.dBm(fromMilliwatts: signal),
        downlinkMbps: link.downlinkMbps(efficiency: efficiency, activeUsers: users),
        uplinkMbps: link.uplinkMbps(
          rsrpDBm: Units.dBm(fromMilliwatts: levels[point][serving[point]]), activeUsers: users))
    }
  }

  /// One carrier's link on the system's nodes.
  struct Link {
    let carrier: IndoorSystemPlan.Carrier
    let building: BuildingIndoorDesign
    let numerology: CarrierNumerology
    let scenario: ScenarioModel
    let bandwidthHz: Double
    let noiseMW: Double
    let floorDB: Double
    let demandBitsPerSecondPerUser: Double

    init(
      carrier: IndoorSystemPlan.Carrier, building: BuildingIndoorDesign, numerology: CarrierNumerology,
      scenario: ScenarioModel
    ) {
      (self.carrier, self.building, self.numerology, self.scenario) = (carrier, building, numerology, scenario)
      let capacity = scenario.coverage.capacity
      bandwidthHz = UserRate.effectiveBandwidthHz(
        numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink),
        tddShare: carrier.layer.tddDownlinkShare)
      noiseMW = Units.milliwatts(
        fromDBm: LinkBudget.noisePerResourceElementDBm(
          numerology: numerology, noiseFigureDB: scenario.coverage.noiseFigureDB))
      floorDB = max(capacity.floor.minimumSINRDB, Throughput.ShannonParameters().minimumSINRDB)
      demandBitsPerSecondPerUser = capacity.traffic.downlinkDemandPerActiveUserMbps * 1e6
    }

    func rsrpDBm(groundM: Double) -> Double {
      carrier.coverage.rsrpAtReliabilityDBm(
        groundM: groundM, environment: building.environment, layer: carrier.layer,
        ueHeightM: scenario.coverage.ueHeightM, target: scenario.coverage.target)
    }

    /// TR 36.942 A.1 spectral efficiency at a point whose node levels are `levels`, 0 below
    /// the floor.
    func efficiency(_ levels: [Double], serving: Int, loads: [Double]) -> Double {
      var interference = noiseMW
      for (node, level) in levels.enumerated() where node != serving { interference += loads[node] * level }
      let sinrDB = 10 * log10(levels[serving] / interference)
      return sinrDB < floorDB ? 0 : Throughput.spectralEfficiency(sinrDB: sinrDB)
    }

    /// The nodes' coupled downlink loads (Jacobi from 0 to 10⁻⁶, at most 1,000 sweeps).
    func loads(levels: [[Double]], serving: [Int], nodeCount: Int, usersPerPoint: Double) -> [Double] {
      let demand = usersPerPoint * demandBitsPerSecondPerUser
      var loads = [Double](repeating: 0, count: nodeCount)
      for _ in 0..<1_000 {
        var next = [Double](repeating: 0, count: nodeCount)
        for (point, node) in serving.enumerated() {
          let efficiency = efficiency(levels[point], serving: node, loads: loads)
          next[node] += efficiency > 0 ? demand / (efficiency * bandwidthHz) : .infinity
        }
        next = next.map { min(1, $0) }
        let change = zip(next, loads).map { abs($0 - $1) }.max() ?? 0
        loads = next
        if change < 1e-6 { break }
      }
      return loads
    }

    func downlinkMbps(efficiency: Double, activeUsers: Double) -> Double {
      UserRate.sharedRateMbps(
        spectralEfficiency: efficiency, effectiveBandwidthHz: bandwidthHz, activeUsers: activeUsers)
    }

    /// Coupling loss = EPRE − RSRP − UE gain, the node's EPRE before its antenna and cable.
    func uplinkMbps(rsrpDBm: Double, activeUsers: Double) -> Double {
      let capacity = scenario.coverage.capacity
      return UplinkBudget.rateMbps(
        couplingLossDB: carrier.coverage.energyPerResourceElementDBm - rsrpDBm - capacity.ueAntennaGainDBi,
        resourceBlockShare: Double(numerology.resourceBlocks) / max(1, activeUsers), numerology: numerology,
        overhead: Overhead.fraction(numerology: numerology, direction: .uplink),
        minimumSINRDB: capacity.floor.minimumSINRDB, parameters: capacity.uplink(of: carrier.layer))
    }
  }
}
