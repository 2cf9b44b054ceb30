import Geo
import Scenario

/// A tile's candidate fields on disk (`candidates.cosite`, beside `tile.cosite` when the
/// plan asks for candidates): per zone group the tile computed, each candidate station that
/// newly covers a cell of the group's map, by its id, with those cells (by the target, and
/// by the target's RSRP outdoors), ascending. `cosite recommend --tiles` and `compare
/// --tiles` read every tile's and build the pool from them (issue #22).
///
/// Layout: a magic line, the format version, the scenario's digest, the build, then per group its
/// index and its stations (id, target cells, outdoor cells).
public enum CandidateArchive {
  static let magic = "cosite tile candidates\n"
  static let version = 2
  public typealias Entry = (id: String, target: [Int32], outdoor: [Int32])

  public static func encode(_ parts: [(group: Int, entries: [Entry])], scenarioDigest: String, build: String) -> [UInt8]
  {
    var writer = BinaryWriter()
    writer.header(magic: magic, version: version, scenarioDigest: scenarioDigest, build: build)
    writer.int(parts.count)
    for (group, entries) in parts {
      writer.int(group)
      writer.int(entries.count)
      for entry in entries {
        writer.string(entry.id)
        writer.numbers(entry.target)
        writer.numbers(entry.outdoor)
      }
    }
    return writer.bytes
  }

  /// The parts of an archive written for a scenario of digest `scenarioDigest` split into
  /// `groups`: every cell inside its group's grid, ascending, no station twice in a group.
  /// - Throws: `TileError` naming `name` when the file is not such an archive, is cut short,
  ///   or belongs to another scenario or build.
  public static func decode(
    _ bytes: [UInt8], name: String, groups: [ZoneCluster], scenarioDigest: String, build: String
  ) throws -> [(group: Int, entries: [Entry])] {
    var reader = BinaryReader(bytes, name: name)
    try reader.header(
      magic: magic, version: version, what: "a Cosite tile's candidate fields", scenarioDigest: scenarioDigest,
      build: build)
    let parts: [(group: Int, entries: [Entry])] = try reader.list { reader in
      let group = try reader.int()
      guard groups.indices.contains(group) else { throw reader.failure("a zone group below \(groups.count)") }
      let cells = groups[group].grid.cellCount
      var seen = Set<String>()
      let entries: [Entry] = try reader.list { reader in
        let id = try reader.string()
        guard seen.insert(id).inserted else { throw reader.failure("station \(id) once in zone group \(group)") }
        let target: [Int32] = try reader.numbers()
        let outdoor: [Int32] = try reader.numbers()
        for list in [target, outdoor] {
          guard list.first.map({ $0 >= 0 }) ?? true, list.last.map({ Int($0) < cells }) ?? true,
            zip(list, list.dropFirst()).allSatisfy({ $0 < $1 })
          else { throw reader.failure("cells of station \(id) ascending, below \(cells)") }
        }
        return (id, target, outdoor)
      }
      return (group, entries)
    }
    guard reader.isAtEnd else { throw reader.failure("the end of the file") }
    return parts
  }
}
