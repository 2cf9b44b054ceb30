import Radio
import Scenario

/// A carrier's busy-hour users per cell and layer on one grid.
///
/// A parcel's active users (workers × the carrier's subscriber share × the busy-hour active
/// share, `TrafficModel`) are spread evenly over its cells. A cell's users go to the carrier's
/// layers that serve it — the layer's best RSRP behind the parcel's building loss reaches the
/// service floor — in proportion to their downlink capacity (`capacityShare`), as traffic
/// steering by load would share them; where no layer serves the cell they are split by
/// capacity over every layer (and counted without service on each), as are the users of a
/// parcel too small to hold a cell centre. Every cell's users add up over the layers to its
/// share of the parcel's, so users are counted once. With more than 8
/// layers the split is static (by capacity everywhere). A parcel whose users a planned indoor
/// system serves (`CapacitySettings.indoorServedParcels`) has none here: they are the
/// system's.
struct DemandSplit: Sendable {
  /// Active users of the carrier per cell of each parcel, all layers together.
  let usersPerParcelCell: [Double]
  /// Active users of parcels too small to hold a cell centre: counted without service.
  let usersWithoutCells: Double
  /// Per cell, bit l set when layer l (the carrier's order of layers with a numerology) serves it.
  let servedLayers: [UInt8]
  /// Per layer, its share of the carrier's downlink capacity.
  let capacityShare: [Double]
  /// Per served-layer mask and layer, the layer's share of the cell's users.
  let shareOfMask: [[Double]]

  /// - Parameters:
  ///   - layers: per layer with a numerology, in the carrier's order: its layer, field and
  ///     building loss per parcel, dB.
  ///   - threads: workers for the per-cell pass (the result does not depend on them).
  init(
    carrier: Carrier, layers: [(layer: RadioLayer, field: LayerField, indoorLossDB: [Double])], raster: ParcelRaster,
    scenario: ScenarioModel, threads: Int = 1
  ) {
    let capacity = scenario.coverage.capacity
    let share = capacity.subscriberShare(of: carrier, carrierCount: scenario.carriers.count)
    // A building whose users a planned indoor system serves loads no macro sector.
    let indoorServed = capacity.indoorServedParcels[carrier.id] ?? []
    let users = raster.parcels.map {
      indoorServed.contains($0.id) ? 0 : capacity.traffic.activeUsers(people: $0.workers, subscriberShare: share)
    }
    usersPerParcelCell = raster.parcels.indices.map { parcel in
      raster.cellCount[parcel] > 0 ? users[parcel] / Double(raster.cellCount[parcel]) : 0
    }
    usersWithoutCells = raster.parcels.indices.reduce(0) { $0 + (raster.cellCount[$1] > 0 ? 0 : users[$1]) }
    let shares = layers.map { CoverageRun.capacityShare(of: $0.layer, in: carrier) }
    let total = shares.reduce(0, +)
    capacityShare = shares.map { total > 0 ? $0 / total : 0 }
    let grid = raster.grid
    let floor = capacity.floor.minimumRSRPDBm
    let parcelIndex = raster.parcelIndex
    let masks = [UInt8](count: grid.cellCount) { masks in
      ParallelRows(rows: grid.rows, threads: threads).forEachBand { _, rows in
        let cells = rows.lowerBound * grid.columns..<rows.upperBound * grid.columns
        for cell in cells { masks[cell] = 0 }
        guard layers.count <= 8 else { return }
        // Layer by layer (a layer's arrays taken once, not per cell).
        for (bit, entry) in layers.enumerated() {
          let best = entry.field.bestDBm
          let loss = entry.indoorLossDB
          let flag = UInt8(1) << UInt8(bit)
          for cell in cells {
            let parcel = Int(parcelIndex[cell])
            if parcel >= 0, Double(best[cell]) - loss[parcel] >= floor { masks[cell] |= flag }
          }
        }
      }
    }
    servedLayers = masks
    let normalised = capacityShare
    shareOfMask = (0..<(layers.count <= 8 ? 1 << layers.count : 1)).map { mask in
      guard mask != 0 else { return normalised }
      let served = normalised.indices.filter { mask & (1 << $0) != 0 }
      let sum = served.reduce(0.0) { $0 + normalised[$1] }
      return normalised.indices.map { mask & (1 << $0) != 0 && sum > 0 ? normalised[$0] / sum : 0 }
    }
  }

  /// Active users of layer `layer` in `cell` (of parcel `parcel`).
  @inline(__always) func users(cell: Int, parcel: Int, layer: Int) -> Double {
    usersPerParcelCell[parcel] * shareOfMask[Int(servedLayers[cell])][layer]
  }
}

extension CoverageRun {
  /// A layer's share of its carrier's downlink capacity: its effective bandwidth over the sum
  /// of the carrier's layers'.
  static func capacityShare(of layer: RadioLayer, in carrier: Carrier) -> Double {
    let total = carrier.layers.reduce(0) { $0 + downlinkBandwidthHz($1) }
    return total > 0 ? downlinkBandwidthHz(layer) / total : 0
  }

  /// Effective downlink bandwidth of a layer, Hz (`UserRate`, `Overhead`): occupied bandwidth
  /// × (1 − overhead) × TDD downlink share; 0 for a bandwidth without numerology.
  static func downlinkBandwidthHz(_ layer: RadioLayer) -> Double {
    guard let numerology = layer.numerology else { return 0 }
    return UserRate.effectiveBandwidthHz(
      numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .downlink),
      tddShare: layer.tddDownlinkShare)
  }
}
