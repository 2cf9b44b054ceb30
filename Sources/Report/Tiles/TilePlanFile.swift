import Coverage
import Geo
import Scenario

/// `tiles.json`, the plan `cosite plan-tiles` writes and every tile and the merge read: the
/// scenario (its absolute path and digest), the tile size, and per tile its square, zone
/// groups, zones, cells and sectors in reach (for a planner and a job script: `tile_count`
/// is the size of the job array).
public enum TilePlanFile {
  public static let name = "tiles.json"
  static let format = "cosite-tiles/1"

  /// What a tile or the merge needs from the plan (the rest is recomputed from the scenario
  /// and checked against it).
  public struct Header: Sendable, Equatable {
    public let scenarioPath: String
    public let scenarioDigest: String
    public let tileSizeM: Double
    public let tileCount: Int
    /// The cell budget the plan was made with (`--max-cells`), for its tiles and its merge.
    public let maxCells: Int?
    /// Each tile's zone groups, as planned.
    public let tileGroups: [[Int]]
    /// Whether each tile also computes the fields of the scenario's candidate stations
    /// (`plan-tiles --candidates`, for `recommend --tiles` and `compare --tiles`).
    public let candidates: Bool
  }

  public static func text(
    _ plan: TilePlan, scenario: ScenarioModel, scenarioPath: String, digest: String, candidates: Bool
  ) -> String {
    let tiles = plan.tiles.map { tile -> JSONValue in
      let zones = tile.groups.flatMap { plan.groups[$0].zoneIndices.map { scenario.zones[$0].id } }
      return .object([
        ("index", .number(Double(tile.index))), ("column", .number(Double(tile.column))),
        ("row", .number(Double(tile.row))),
        ("zone_groups", .array(tile.groups.map { .number(Double($0)) })),
        ("zones", .array(zones.map { .string($0) })), ("cells", .number(Double(tile.cells))),
        ("largest_grid_cells", .number(Double(tile.largestGridCells))),
        ("sectors_in_reach", .number(Double(tile.sectorsInReach))), ("oversized", .bool(tile.isOversized)),
      ])
    }
    let root: JSONValue = .object([
      ("format", .string(format)), ("scenario", .string(scenarioPath)), ("scenario_digest", .string(digest)),
      ("tile_km", .number(plan.tileSizeM / 1000)), ("tile_count", .number(Double(plan.tiles.count))),
      ("zone_group_count", .number(Double(plan.groups.count))),
      ("resolution_m", .number(scenario.grid.resolutionM)),
      ("max_cells", scenario.grid.maxCells.map { .number(Double($0)) } ?? .null),
      ("candidate_fields", .bool(candidates)), ("tiles", .array(tiles)),
    ])
    return JSONWriter.text(root, pretty: true) + "\n"
  }

  /// The header of a plan file's text; `file` names it in errors.
  public static func header(_ text: String, file: String) throws -> Header {
    func refuse(_ message: String) -> TileError { TileError(file: file, message: message) }
    let root: JSONValue
    do { root = try JSONParser.parse(text) } catch { throw refuse("not JSON (\(error)): run plan-tiles again") }
    guard root["format"]?.stringValue == format else {
      throw refuse("expected a plan of format \(format) written by cosite plan-tiles")
    }
    guard let path = root["scenario"]?.stringValue, let digest = root["scenario_digest"]?.stringValue else {
      throw refuse("expected 'scenario' and 'scenario_digest'")
    }
    guard let kilometres = root["tile_km"]?.numberValue, kilometres > 0, kilometres.isFinite else {
      throw refuse("expected 'tile_km', a positive number")
    }
    guard let count = root["tile_count"]?.numberValue, let tiles = Int(exactly: count), tiles > 0 else {
      throw refuse("expected 'tile_count', a positive whole number")
    }
    var maxCells: Int?
    switch root["max_cells"] {
    case nil, .null?: break
    case let value?:
      guard let number = value.numberValue, let cells = Int(exactly: number), cells > 0 else {
        throw refuse("expected 'max_cells', a positive whole number or null")
      }
      maxCells = cells
    }
    var candidates = false
    if let value = root["candidate_fields"] {
      guard case .bool(let flag) = value else { throw refuse("expected 'candidate_fields', true or false") }
      candidates = flag
    }
    guard let list = root["tiles"]?.arrayValue, list.count == tiles else {
      throw refuse("expected 'tiles', a list of \(tiles) tiles")
    }
    let groups = try list.enumerated().map { index, tile -> [Int] in
      let values = tile["zone_groups"]?.arrayValue ?? [.null]
      let groups = values.compactMap { $0.numberValue.flatMap { Int(exactly: $0) } }
      guard groups.count == values.count else {
        throw refuse("tile \(index): expected 'zone_groups', a list of whole numbers")
      }
      return groups
    }
    return Header(
      scenarioPath: path, scenarioDigest: digest, tileSizeM: kilometres * 1000, tileCount: tiles, maxCells: maxCells,
      tileGroups: groups, candidates: candidates)
  }

  /// `tile.json`, a tile's own report (not part of the merged result): what it computed,
  /// on how many threads, in how long, and its peak resident memory.
  public static func tileReport(
    _ tile: TilePlan.Tile, plan: TilePlan, scenario: ScenarioModel, threads: Int, seconds: Double, peakMemoryBytes: Int,
    build: String
  ) -> String {
    let zones = tile.groups.flatMap { plan.groups[$0].zoneIndices.map { scenario.zones[$0].id } }
    let root: JSONValue = .object([
      ("tile", .number(Double(tile.index))), ("zone_groups", .array(tile.groups.map { .number(Double($0)) })),
      ("zones", .array(zones.map { .string($0) })), ("cells", .number(Double(tile.cells))),
      ("largest_grid_cells", .number(Double(tile.largestGridCells))),
      ("sectors_in_reach", .number(Double(tile.sectorsInReach))), ("threads", .number(Double(threads))),
      ("seconds", .number((seconds * 100).rounded() / 100)), ("peak_memory_bytes", .number(Double(peakMemoryBytes))),
      ("build", .string(build)),
    ])
    return JSONWriter.text(root, pretty: true) + "\n"
  }
}
