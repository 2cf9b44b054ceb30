import Geo
import Scenario

extension CoverageRun {
  /// One result from the runs of each zone group: parcels back in scenario order, map shapes
  /// of a class joined (groups' grids never touch, so the joined polygons stay valid).
  static func merge(
    _ parts: [(cluster: ZoneCluster, result: CoverageResult)], scenario: ScenarioModel
  ) -> CoverageResult {
    var firstParcel: [Int] = []
    var count = 0
    for zone in scenario.zones {
      firstParcel.append(count)
      count += zone.parcels.count
    }
    // Scenario parcel index of each part's parcels.
    let globalIndex = parts.map { part in
      part.cluster.zoneIndices.flatMap { zone in
        (0..<scenario.zones[zone].parcels.count).map { firstParcel[zone] + $0 }
      }
    }
    var parcelCells = [Int](repeating: 0, count: count)
    var isIndoor = [Bool](repeating: false, count: count)
    var zoneOfParcel = [Int](repeating: 0, count: count)
    for (part, indices) in zip(parts, globalIndex) {
      for (local, global) in indices.enumerated() {
        parcelCells[global] = part.result.parcelCells[local]
        isIndoor[global] = part.result.parcelIsIndoor[local]
        zoneOfParcel[global] = part.cluster.zoneIndices[part.result.zoneOfParcel[local]]
      }
    }
    func histogram(_ pick: (CoverageResult) -> ParcelHistogram) -> ParcelHistogram {
      var merged = ParcelHistogram(parcels: count, binCount: pick(parts[0].result).binCount)
      for (part, indices) in zip(parts, globalIndex) {
        merged.copy(pick(part.result), mapping: indices)
      }
      return merged
    }
    let layers = parts[0].result.layers.indices.map { layer -> LayerCoverage in
      let first = parts[0].result.layers[layer]
      return LayerCoverage(
        carrierID: first.carrierID, layer: first.layer,
        rsrpBands: joined(parts.map { $0.result.layers[layer].rsrpBands }),
        bestServer: joined(parts.map { $0.result.layers[layer].bestServer }),
        rsrpOutdoor: histogram { $0.layers[layer].rsrpOutdoor }, rsrpIndoor: histogram { $0.layers[layer].rsrpIndoor },
        sinrOutdoor: histogram { $0.layers[layer].sinrOutdoor }, sinrIndoor: histogram { $0.layers[layer].sinrIndoor },
        uplinkLimitedOutdoor: histogram { $0.layers[layer].uplinkLimitedOutdoor },
        uplinkLimitedIndoor: histogram { $0.layers[layer].uplinkLimitedIndoor },
        sectorLoads: parts.flatMap { $0.result.layers[layer].sectorLoads },
        unreachedUsers: parts.reduce(0) { $0 + $1.result.layers[layer].unreachedUsers },
        loadIterations: parts.map { $0.result.layers[layer].loadIterations }.max() ?? 0,
        loadConverged: parts.allSatisfy { $0.result.layers[layer].loadConverged },
        evaluations: parts.reduce(0) { $0 + $1.result.layers[layer].evaluations })
    }
    let carriers = parts[0].result.carriers.indices.map { carrier -> CarrierCoverage in
      var covered = [Int](repeating: 0, count: count)
      var gaps: [(parcelIndex: Int, shape: MultiPolygon)] = []
      for (part, indices) in zip(parts, globalIndex) {
        let own = part.result.carriers[carrier]
        for (local, global) in indices.enumerated() { covered[global] = own.coveredCells[local] }
        gaps += own.gaps.map { (indices[$0.parcelIndex], $0.shape) }
      }
      return CarrierCoverage(
        carrierID: parts[0].result.carriers[carrier].carrierID,
        serviceOutdoor: histogram { $0.carriers[carrier].serviceOutdoor },
        serviceIndoor: histogram { $0.carriers[carrier].serviceIndoor },
        serviceIndoorDownlink: histogram { $0.carriers[carrier].serviceIndoorDownlink },
        serviceIndoorUplink: histogram { $0.carriers[carrier].serviceIndoorUplink }, coveredCells: covered,
        gaps: gaps.sorted { $0.parcelIndex < $1.parcelIndex })
    }
    var timings = StageTimings()
    for part in parts {
      timings.rasteriseSeconds += part.result.timings.rasteriseSeconds
      timings.fieldSeconds += part.result.timings.fieldSeconds
      timings.reduceSeconds += part.result.timings.reduceSeconds
      timings.loadSeconds += part.result.timings.loadSeconds
      timings.polygoniseSeconds += part.result.timings.polygoniseSeconds
      timings.rastersSeconds += part.result.timings.rastersSeconds
    }
    var result = CoverageResult(
      grids: parts.map(\.cluster.grid), settings: parts[0].result.settings, parcels: scenario.parcels,
      zoneOfParcel: zoneOfParcel, parcelCells: parcelCells, parcelIsIndoor: isIndoor, layers: layers,
      carriers: carriers,
      cellMaps: zip(parts, globalIndex).flatMap { part, indices in part.result.cellMaps.map { $0.renumbered(indices) }
      },
      timings: timings)
    for part in parts { result.validity.merge(part.result.validity) }
    return result
  }

  /// Shapes of the same class from every part as one multipolygon per class, classes ascending.
  private static func joined(_ parts: [[(Int, MultiPolygon)]]) -> [(Int, MultiPolygon)] {
    var polygons: [Int: [Polygon]] = [:]
    for part in parts {
      for (key, shape) in part { polygons[key, default: []] += shape.polygons }
    }
    return polygons.keys.sorted().map { ($0, MultiPolygon(polygons[$0]!)) }
  }
}
