import Dispatch
import Foundation
import Radio
import Scenario

/// The area distributions of one carrier layer over the zones, from dropped users.
public struct LayerDistributions: Sendable {
  public let carrierID: String
  public let layerID: String
  public let users: Int
  public let indoorUsers: Int
  /// Percentiles 1…99 (index p − 1) of the serving link's coupling gain (antenna gain −
  /// path loss − shadow fading − O2I), dB.
  public let couplingGainDB: [Double]
  /// Percentiles 1…99 of the best server's RSRP, dBm.
  public let rsrpDBm: [Double]
  /// Percentiles 1…99 of SINR with the scenario's interferer load and noise, dB.
  public let sinrDB: [Double]
  /// Percentiles 1…99 of the geometry SIR: every other sector at full power, no noise, dB.
  public let sirDB: [Double]
}

/// The seeded Monte-Carlo drop mode: users dropped uniformly over the zones' parcels, each
/// link with its own LOS state and shadow fading (per user and structure, so a site's
/// sectors share them, as TR 38.901's large-scale parameters are per site), indoor users
/// with floors and an O2I draw; the serving cell is the strongest with fading. Flat earth
/// (no terrain diffraction). Deterministic for a seed on any thread count: each user's
/// draws come from its own stream and results land in fixed slots.
public enum MonteCarloDrops {
  public static func run(_ scenario: ScenarioModel, threads: Int) -> [LayerDistributions] {
    let settings = scenario.coverage
    guard settings.drops.users > 0 else { return [] }
    let sampler = AreaSampler(parcels: scenario.parcels)
    guard !sampler.isEmpty else { return [] }
    let classes = Dictionary(scenario.buildingClasses.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let parcelClasses = scenario.parcels.map { classes[$0.buildingClass] }
    let propagations = scenario.propagationOfParcels
    return scenario.carriers.flatMap { carrier in
      carrier.layers.compactMap { layer -> LayerDistributions? in
        guard let numerology = layer.numerology else { return nil }
        let links = DropLinks(scenario: scenario, carrierID: carrier.id, layer: layer, numerology: numerology)
        guard !links.sectors.isEmpty else { return nil }
        let count = settings.drops.users
        var samples = [DropSample](repeating: DropSample(), count: count)
        samples.withUnsafeMutableBufferPointer { buffer in
          let slots = SampleSlots(buffer: buffer)
          let chunks = max(1, min(threads * 4, count))
          DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var draws = [(los: Double, normal: Double)]()
            draws.reserveCapacity(links.structurePositions.count)
            for user in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
              var random = DropRandom(seed: settings.drops.seed, stream: UInt64(user))
              let dropped = DroppedUser.draw(
                &random, sampler: sampler, parcelClasses: parcelClasses, settings: settings,
                frequencyMHz: layer.frequencyMHz, antennas: links.structurePositions)
              slots.buffer[user] = links.sample(
                dropped, propagation: propagations[dropped.parcel], random: &random, draws: &draws)
            }
          }
        }
        return LayerDistributions(
          carrierID: carrier.id, layerID: layer.id, users: count, indoorUsers: samples.filter(\.indoor).count,
          couplingGainDB: Percentiles.of(samples.map(\.couplingGainDB)),
          rsrpDBm: Percentiles.of(samples.map(\.rsrpDBm)), sinrDB: Percentiles.of(samples.map(\.sinrDB)),
          sirDB: Percentiles.of(samples.map(\.sirDB)))
      }
    }
  }
}

/// The users' result slots, each written by exactly one worker.
private struct SampleSlots: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<DropSample>
}

/// What one user measures on one layer.
struct DropSample {
  var couplingGainDB = -Double.infinity
  var rsrpDBm = -Double.infinity
  var sinrDB = -Double.infinity
  var sirDB = -Double.infinity
  var indoor = false
}

/// Percentiles 1…99 by linear interpolation between order statistics (Hyndman & Fan 1996,
/// definition 7: h = (n − 1)p).
enum Percentiles {
  static func of(_ values: [Double]) -> [Double] {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return [] }
    return (1...99).map { percent in
      let position = Double(sorted.count - 1) * Double(percent) / 100
      let low = Int(position)
      let high = min(low + 1, sorted.count - 1)
      let fraction = position - Double(low)
      if fraction == 0 || sorted[low] == sorted[high] { return sorted[low] }
      // Users no sector reaches (−∞) and SIR without interferers (+∞): interpolating toward
      // an infinity stays at it (−∞ + ∞ would be NaN).
      if sorted[low] == -.infinity { return -.infinity }
      if sorted[high] == .infinity { return .infinity }
      return sorted[low] + (sorted[high] - sorted[low]) * fraction
    }
  }
}
