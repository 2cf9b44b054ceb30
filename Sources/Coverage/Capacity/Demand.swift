import Radio
import Scenario

extension CoverageRun {
  /// Busy-hour active users per cell of each parcel on `layer`: the parcel's workers × the
  /// carrier's subscriber share × the busy-hour active share (`TrafficModel`) × the layer's
  /// share of the carrier's downlink capacity, spread evenly over the parcel's cells.
  static func usersPerCell(
    _ carrier: Carrier, layer: RadioLayer, raster: ParcelRaster, scenario: ScenarioModel
  )
    -> [Double]
  {
    let capacity = scenario.coverage.capacity
    let share = capacity.subscriberShare(of: carrier, carrierCount: scenario.carriers.count)
    let layerShare = capacityShare(of: layer, in: carrier)
    return raster.parcels.indices.map { parcel in
      let cells = raster.cellCount[parcel]
      guard cells > 0 else { return 0 }
      let users = capacity.traffic.activeUsers(people: raster.parcels[parcel].workers, subscriberShare: share)
      return users * layerShare / Double(cells)
    }
  }

  /// A layer's share of its carrier's downlink capacity: its effective bandwidth (`UserRate`,
  /// `Overhead`) over the sum of the carrier's layers'. Traffic is split between layers in
  /// that proportion everywhere, a static split: a user where a layer does not reach is not
  /// moved to another layer [K].
  static func capacityShare(of layer: RadioLayer, in carrier: Carrier) -> Double {
    func bandwidth(_ layer: RadioLayer) -> Double {
      guard let numerology = layer.numerology else { return 0 }
      return UserRate.effectiveBandwidthHz(
        numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink),
        tddShare: layer.tddDownlinkShare)
    }
    let total = carrier.layers.reduce(0) { $0 + bandwidth($1) }
    return total > 0 ? bandwidth(layer) / total : 0
  }
}
