import Coverage

/// Today's coverage as an option sees it, per planned carrier (in `carriers` order) and
/// cell map: each carrier's own, or under MOCN what any planned carrier covers.
public struct Baseline: Sendable {
  public let target: [[[UInt8]]]
  public let outdoor: [[[UInt8]]]

  init(coverage: CoverageResult, carriers: [Int], pooled: Bool) {
    func layer(_ pick: (CellMap) -> [[UInt8]]) -> [[[UInt8]]] {
      carriers.map { carrier in
        coverage.cellMaps.map { map in
          let byCarrier = pick(map)
          guard pooled else { return byCarrier[carrier] }
          var union = [UInt8](repeating: 0, count: map.grid.cellCount)
          for other in carriers {
            for (cell, covered) in byCarrier[other].enumerated() where covered != 0 { union[cell] = 1 }
          }
          return union
        }
      }
    }
    target = layer(\.coveredByCarrier)
    outdoor = layer(\.coveredOutdoorByCarrier)
  }
}
