import Geo
import Scenario

/// Zones grouped so that each group gets its own grid: zones whose grids (parcels' box plus
/// the scenario's margin, snapped to the resolution) overlap or touch share one; groups far
/// apart (Vinh Phuc to Quang Ninh is ~115 km) do not pay for the empty land between them.
///
/// Grids stay aligned to multiples of the resolution, so a cell has the same centre and the
/// same value whether it is computed in a group's grid or in one grid over everything.
public struct ZoneCluster: Sendable, Hashable {
  /// Zone indices in scenario order.
  public let zoneIndices: [Int]
  public let grid: CoverageGrid
}

enum ZoneClusters {
  static func of(_ scenario: ScenarioModel) -> [ZoneCluster] {
    let boxes = scenario.zones.map { zone in zone.parcels.compactMap(\.outline.bounds).reduce(nil, MultiPolygon.union) }
    var groups: [(zones: [Int], box: (min: Coordinate, max: Coordinate))] = []
    for (index, box) in boxes.enumerated() {
      guard let box else { continue }
      groups.append(([index], box))
    }
    guard !groups.isEmpty else { return [] }
    // Merge until no two groups' grids overlap or touch (a merged box can reach a third group).
    var merged = true
    while merged {
      merged = false
      search: for first in groups.indices {
        for second in groups.indices where second > first {
          let a = grid(groups[first].box, scenario.grid)
          let b = grid(groups[second].box, scenario.grid)
          guard touch(a, b) else { continue }
          groups[first] = (
            (groups[first].zones + groups[second].zones).sorted(),
            MultiPolygon.union(groups[first].box, groups[second].box)!
          )
          groups.remove(at: second)
          merged = true
          break search
        }
      }
    }
    return groups.sorted { $0.zones[0] < $1.zones[0] }.map {
      ZoneCluster(zoneIndices: $0.zones, grid: grid($0.box, scenario.grid))
    }
  }

  static func grid(_ box: (min: Coordinate, max: Coordinate), _ spec: GridSpec) -> CoverageGrid {
    CoverageGrid(covering: box, marginM: spec.marginM, resolutionM: spec.resolutionM)
  }

  /// Whether two grids share any cell, edge or corner.
  static func touch(_ a: CoverageGrid, _ b: CoverageGrid) -> Bool {
    let aEast = a.originX + Double(a.columns) * a.resolutionM
    let aNorth = a.originY + Double(a.rows) * a.resolutionM
    let bEast = b.originX + Double(b.columns) * b.resolutionM
    let bNorth = b.originY + Double(b.rows) * b.resolutionM
    return a.originX <= bEast && b.originX <= aEast && a.originY <= bNorth && b.originY <= aNorth
  }
}
