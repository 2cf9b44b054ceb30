import Geo
import Scenario

/// How a run is split for a cluster: square tiles of `tileSizeM` in the computation CRS,
/// each owning the zone groups (`CoverageRun.groups`) whose grid centre falls in it. A
/// group is the unit because it is already computed alone — its own grid, with the margin
/// that holds every sector reaching its parcels, and its own busy hour — so a tile's
/// results are exactly the single run's for those groups, and the merge is the one a
/// single run does. Tiles that own no group are left out; the rest are numbered from 0,
/// south to north, west to east (the index a job array hands out).
///
/// A group larger than a tile stays whole (its tile is then larger than asked; the plan
/// says so): cutting one grid would change its polygons and its busy hour.
public struct TilePlan: Sendable, Equatable {
  public struct Tile: Sendable, Equatable {
    public let index: Int
    /// The tile square's column and row (multiples of the tile size from the CRS origin).
    public let column: Int
    public let row: Int
    /// Zone groups, ascending (indices into `TilePlan.groups`).
    public let groups: [Int]
    /// Cells of all its grids, and of its largest (a tile's memory follows its largest
    /// grid: the groups run one after another).
    public let cells: Int
    public let largestGridCells: Int
    /// Sectors whose structure is within `max_radius_m` of one of its grids.
    public let sectorsInReach: Int
    /// Whether one of its grids is wider or taller than the tile square.
    public let isOversized: Bool
  }

  public let tileSizeM: Double
  public let groups: [ZoneCluster]
  public let tiles: [Tile]

  /// - Precondition: `tileSizeM` > 0.
  public init(_ scenario: ScenarioModel, tileSizeM: Double) {
    precondition(tileSizeM > 0, "a tile has a size")
    self.tileSizeM = tileSizeM
    let groups = CoverageRun.groups(of: scenario)
    self.groups = groups
    var owned: [Key: [Int]] = [:]
    for (index, group) in groups.enumerated() {
      let grid = group.grid
      let centreX = grid.originX + Double(grid.columns) * grid.resolutionM / 2
      let centreY = grid.originY + Double(grid.rows) * grid.resolutionM / 2
      let key = Key(row: Int((centreY / tileSizeM).rounded(.down)), column: Int((centreX / tileSizeM).rounded(.down)))
      owned[key, default: []].append(index)
    }
    let structures = Dictionary(scenario.structures.map { ($0.id, $0.position) }, uniquingKeysWith: { a, _ in a })
    let sites = SiteBuckets(
      scenario.sectors.compactMap { structures[$0.structureID] }, sizeM: scenario.coverage.maxRadiusM)
    let reach = scenario.coverage.maxRadiusM
    let size = tileSizeM
    tiles = owned.keys.sorted().enumerated().map { index, key in
      let grids = owned[key]!.map { groups[$0].grid }
      let cells = grids.map(\.cellCount)
      let inReach = sites.count(within: reach, of: grids)
      let oversized = grids.contains {
        Double($0.columns) * $0.resolutionM > size || Double($0.rows) * $0.resolutionM > size
      }
      return Tile(
        index: index, column: key.column, row: key.row, groups: owned[key]!, cells: cells.reduce(0, +),
        largestGridCells: cells.max() ?? 0, sectorsInReach: inReach, isOversized: oversized)
    }
  }

  /// The tile that owns `group`.
  public func tile(ofGroup group: Int) -> Tile? { tiles.first { $0.groups.contains(group) } }

  private struct Key: Hashable, Comparable {
    let row: Int
    let column: Int
    static func < (a: Key, b: Key) -> Bool { (a.row, a.column) < (b.row, b.column) }
  }
}

/// Sector sites in square buckets of `sizeM`, so that counting those within reach of a
/// tile's grids reads the buckets around them, not the ~10⁶ sites of a national scenario
/// once per tile. The count is the one a test of every site gives: a site farther than
/// the reach from a grid's box in x or y is farther than the reach from the grid.
private struct SiteBuckets {
  let sizeM: Double
  private var buckets: [SIMD2<Int>: [Coordinate]] = [:]

  /// Buckets of `sizeM`, but at least 1 km: a short reach over a large grid then reads a
  /// few hundred buckets, not millions (any size gives the same counts).
  init(_ sites: [Coordinate], sizeM: Double) {
    self.sizeM = max(sizeM, 1_000)
    for site in sites { buckets[key(site.x, site.y), default: []].append(site) }
  }

  private func key(_ x: Double, _ y: Double) -> SIMD2<Int> {
    SIMD2(Int((x / sizeM).rounded(.down)), Int((y / sizeM).rounded(.down)))
  }

  /// Sites within `reachM` (≤ the bucket size or not) of one of `grids`, each counted once.
  func count(within reachM: Double, of grids: [CoverageGrid]) -> Int {
    var keys = Set<SIMD2<Int>>()
    for grid in grids {
      let low = key(grid.originX - reachM, grid.originY - reachM)
      let high = key(
        grid.originX + Double(grid.columns) * grid.resolutionM + reachM,
        grid.originY + Double(grid.rows) * grid.resolutionM + reachM)
      for x in low.x...high.x {
        for y in low.y...high.y where buckets[SIMD2(x, y)] != nil { keys.insert(SIMD2(x, y)) }
      }
    }
    var count = 0
    for key in keys {
      for site in buckets[key]! where grids.contains(where: { $0.distanceM(to: site) <= reachM }) { count += 1 }
    }
    return count
  }
}
