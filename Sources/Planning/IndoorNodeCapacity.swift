import Foundation
import Radio
import Scenario

/// How much busy-hour downlink traffic one indoor node carries, and how many nodes a building's
/// busy hour needs beside the coverage count (`IndoorNodeCoverage`).
///
/// A node serves the hexagon of its coverage radius r; users spread evenly over it. At each
/// point the SINR is the node's received power per resource element (the same link budget and
/// median NLOS path loss of the indoor model as the radius) over noise (UE noise figure) plus k
/// co-channel neighbours of a hexagonal layout at √3·r, fully loaded; the rate is TR 36.942
/// Annex A.1's spectral efficiency (`Throughput`) at or above the service floor's SINR, times
/// the layer's effective downlink bandwidth (`UserRate`: overhead and TDD share). A node's
/// capacity C(k) is the demand at which the fluid load model the macro cells use (load =
/// Σ demand ÷ rate, Siomina & Yuan 2012) reaches 1 with users spread evenly: the harmonic mean
/// of the point rates. For identical nodes the coupled loads stay ≤ 1 exactly when each node's
/// demand is ≤ C at full load, so n nodes carry a demand D when D ÷ n ≤ C(k), k = min(6, n − 1)
/// neighbours (taken in opposite pairs: a row of nodes first, as in a long hall). The design's
/// count is the least such n at or above the coverage count.
///
/// Demand: the building's workers × the carrier's subscriber share × the busy-hour active share
/// × the downlink demand per active user (`TrafficModel`), as the macro run counts them.
public struct IndoorNodeCapacity: Sendable, Hashable {
  /// Capacity of a node with k = 0…6 fully loaded co-channel neighbours, Mbit/s.
  public let capacityMbps: [Double]
  /// The carrier's busy-hour downlink demand in the building, Mbit/s.
  public let demandMbps: Double

  /// Points per side of the square grid sampled over a node's hexagon.
  static let samplesPerSide = 31

  /// - Parameter demandMbps: the carrier's busy-hour downlink demand in the building
  ///   (`busyHourDemandMbps`).
  public init(
    coverage: IndoorNodeCoverage, environment: IndoorEnvironment, layer: RadioLayer, node: IndoorSystemSettings,
    ueHeightM: Double, floor: ServiceFloor, demandMbps: Double
  ) {
    self.demandMbps = demandMbps
    guard let numerology = layer.numerology, coverage.radiusM > 0 else {
      capacityMbps = Array(repeating: 0, count: 7)
      return
    }
    let bandwidthHz = UserRate.effectiveBandwidthHz(
      numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink),
      tddShare: layer.tddDownlinkShare)
    let epreDBm =
      LinkBudget.energyPerResourceElementDBm(totalPowerDBm: node.nodePowerDBm, numerology: numerology)
      + node.nodeAntennaGainDBi - node.nodeCableLossDB
    let noiseMW = Units.milliwatts(fromDBm: LinkBudget.noisePerResourceElementDBm(numerology: numerology))
    let floorDB = max(floor.minimumSINRDB, Throughput.ShannonParameters().minimumSINRDB)
    func receivedMW(_ groundM: Double) -> Double {
      let loss = environment.scenario.pathLoss(
        LinkGeometry(
          frequencyMHz: layer.frequencyMHz, bsHeightM: environment.nodeHeightM, ueHeightM: ueHeightM,
          distance2DM: max(groundM, 1)), lineOfSight: false
      ).lossDB
      return Units.milliwatts(fromDBm: epreDBm - loss)
    }
    // Neighbours of a hexagonal layout of circumradius r: √3·r away, at 30° + k·60°, in
    // opposite pairs.
    let r = coverage.radiusM
    let neighbours = [0, 3, 1, 4, 2, 5].map { k -> (Double, Double) in
      let angle = (30.0 + 60.0 * Double(k)) * .pi / 180
      return (3.0.squareRoot() * r * cos(angle), 3.0.squareRoot() * r * sin(angle))
    }
    var inverse = [Double](repeating: 0, count: 7)
    var points = 0
    let n = Self.samplesPerSide
    for i in 0..<n {
      for j in 0..<n {
        let x = -r + 2 * r * (Double(i) + 0.5) / Double(n)
        let y = -r + 2 * r * (Double(j) + 0.5) / Double(n)
        let own = (x * x + y * y).squareRoot()
        // The node's own cell: nearer to it than to any neighbour.
        let distances = neighbours.map { ((x - $0.0) * (x - $0.0) + (y - $0.1) * (y - $0.1)).squareRoot() }
        guard distances.allSatisfy({ own <= $0 }) else { continue }
        let signal = receivedMW(own)
        var interference = 0.0
        for k in 0...6 {
          if k > 0 { interference += receivedMW(distances[k - 1]) }
          let sinrDB = 10 * log10(signal / (noiseMW + interference))
          let rate = sinrDB < floorDB ? 0 : Throughput.spectralEfficiency(sinrDB: sinrDB) * bandwidthHz / 1e6
          inverse[k] += rate > 0 ? 1 / rate : .infinity
        }
        points += 1
      }
    }
    // A point below the SINR floor has no rate: the harmonic mean is then 0 (the node cannot
    // serve its whole hexagon under that load), and a carrier needing such nodes gets none.
    capacityMbps = inverse.map { points > 0 ? Double(points) / $0 : 0 }
  }

  /// A capacity given directly (per neighbour count k = 0…6), for tests of the count.
  init(capacityMbps: [Double], demandMbps: Double) {
    precondition(capacityMbps.count == 7, "k = 0…6")
    self.capacityMbps = capacityMbps
    self.demandMbps = demandMbps
  }

  /// The busy-hour downlink demand of `workers` who are `carrier`'s subscribers, Mbit/s.
  public static func busyHourDemandMbps(workers: Double, carrier: Carrier, scenario: ScenarioModel) -> Double {
    let capacity = scenario.coverage.capacity
    let share = capacity.subscriberShare(of: carrier, carrierCount: scenario.carriers.count)
    return capacity.traffic.activeUsers(people: workers, subscriberShare: share)
      * capacity.traffic.downlinkDemandPerActiveUserMbps
  }

  /// The least node count n ≥ `minimum` whose nodes carry the demand: D ÷ n ≤ C(min(6, n − 1));
  /// nil when a fully surrounded node carries nothing.
  public func nodes(atLeast minimum: Int) -> Int? {
    var n = max(1, minimum)
    while demandMbps / Double(n) > capacityMbps[min(6, n - 1)] {
      // Beyond six neighbours the capacity no longer falls: solve directly.
      if n >= 7 {
        guard capacityMbps[6] > 0 else { return nil }
        return max(n, Int((demandMbps / capacityMbps[6]).rounded(.up)))
      }
      n += 1
    }
    return n
  }
}
