import Foundation
import Radio
import Scenario
import TestSupport

@testable import Coverage

extension LayerLoad {
  /// A layer's load for tests: cells in `groups` groups drawn from `seed` (−1 where the field
  /// has no server), each group at a random load 0…1; sectors 0..<`sectors` in kernel order,
  /// each with 0…40 active users and a coupling of 1 / EPRE of 40…49 dBm over 100 RB.
  static func random(
    field: LayerField, sectors: Int, layer: RadioLayer, settings: CoverageSettings, seed: UInt64, groups: Int = 7
  ) -> LayerLoad {
    var random = SplitMix(seed: seed)
    let cellGroup = field.server.map { $0 >= 0 ? Int32.random(in: 0..<Int32(groups), using: &random) : -1 }
    let groupLoad = (0..<groups).map { _ in Double.random(in: 0...1, using: &random) }
    let users = (0..<sectors).map { _ in Double.random(in: 0...40, using: &random) }
    let coupling = (0..<sectors).map { _ in 1 / pow(10, (Double.random(in: 40...49, using: &random) - 30.8) / 10) }
    return LayerLoad(
      cellGroup: cellGroup, groupLoad: groupLoad, kernelOfSector: (0..<Int32(sectors)).map { $0 },
      couplingPerMilliwatt: coupling, activeUsers: users, rates: SectorRates.of(layer, settings: settings),
      classes: settings.serviceClassesBestFirst)
  }
}

extension SectorRates {
  /// A layer's rates as `LayerLoad` makes them from the scenario's settings.
  static func of(_ layer: RadioLayer, settings: CoverageSettings) -> SectorRates {
    let numerology = layer.numerology!
    return SectorRates(
      numerology: numerology,
      downlinkBandwidthHz: CoverageRun.downlinkBandwidthHz(layer),
      uplinkOverhead: Overhead.fraction(numerology: numerology, direction: .uplink),
      uplink: settings.capacity.uplink(of: layer), floor: settings.capacity.floor)
  }
}
