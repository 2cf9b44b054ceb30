import Geo
import Scenario

/// A tile's results on disk: the coverage of each zone group the tile computed, exactly
/// (every Double by its bits), so that `cosite merge` rebuilds the result a single run
/// gets and renders the same bytes.
///
/// Layout: a magic line, the format version, the scenario's digest, the build, then per group its
/// index and its `CoverageResult` (grid, parcel figures, layers, carriers, cell maps,
/// stage timings, the validity ledger). Parcels, settings and radio layers are not stored:
/// they come from the scenario, whose digest must match.
public enum TileArchive {
  static let magic = "cosite tile result\n"
  static let version = 2

  /// The archive of `parts` (group index and its result).
  public static func encode(
    _ parts: [(group: Int, result: CoverageResult)], scenarioDigest: String, build: String
  ) -> [UInt8] {
    var writer = BinaryWriter()
    writer.header(magic: magic, version: version, scenarioDigest: scenarioDigest, build: build)
    writer.int(parts.count)
    for (group, result) in parts {
      writer.int(group)
      write(result, to: &writer)
    }
    return writer.bytes
  }

  /// The parts of an archive written for `scenario` split into `groups` (`CoverageRun.groups`).
  /// - Throws: `TileError` naming `name` when the file is not such an archive, is cut short,
  ///   or belongs to another scenario or build.
  public static func decode(
    _ bytes: [UInt8], name: String, scenario: ScenarioModel, groups: [ZoneCluster], scenarioDigest: String,
    build: String
  ) throws -> [(group: Int, result: CoverageResult)] {
    var reader = BinaryReader(bytes, name: name)
    try reader.header(
      magic: magic, version: version, what: "a Cosite tile result", scenarioDigest: scenarioDigest,
      build: build)
    let parts: [(group: Int, result: CoverageResult)] = try reader.list { reader in
      let group = try reader.int()
      guard groups.indices.contains(group) else { throw reader.failure("a zone group below \(groups.count)") }
      let part = CoverageRun.scenario(scenario, group: group, of: groups)
      return (group, try read(&reader, scenario: part, grid: groups[group].grid))
    }
    guard reader.isAtEnd else { throw reader.failure("the end of the file") }
    return parts
  }

  private static func write(_ result: CoverageResult, to writer: inout BinaryWriter) {
    writer.int(result.grids.count)
    for grid in result.grids { writer.grid(grid) }
    writer.numbers(result.zoneOfParcel)
    writer.numbers(result.parcelCells)
    writer.numbers(result.parcelIsIndoor.map { UInt8($0 ? 1 : 0) })
    writer.int(result.layers.count)
    for layer in result.layers {
      writer.string(layer.carrierID)
      writer.string(layer.layer.id)
      writer.shapes(layer.rsrpBands.map { ($0.bin, $0.shape) })
      writer.shapes(layer.bestServer.map { ($0.sectorIndex, $0.shape) })
      for histogram in [
        layer.rsrpOutdoor, layer.rsrpIndoor, layer.sinrOutdoor, layer.sinrIndoor, layer.uplinkLimitedOutdoor,
        layer.uplinkLimitedIndoor,
      ] { writer.histogram(histogram) }
      writer.int(layer.sectorLoads.count)
      for load in layer.sectorLoads {
        writer.int(load.sectorIndex)
        writer.string(load.carrierID)
        writer.string(load.layerID)
        writer.optionalString(load.groupZoneID)
        writer.numbers([load.load, load.demandToCapacityRatio, load.activeUsers, load.outOfServiceUsers])
      }
      writer.double(layer.unreachedUsers)
      writer.int(layer.loadIterations)
      writer.bool(layer.loadConverged)
      writer.int(layer.evaluations)
    }
    writer.int(result.carriers.count)
    for carrier in result.carriers {
      writer.string(carrier.carrierID)
      for histogram in [
        carrier.serviceOutdoor, carrier.serviceIndoor, carrier.serviceIndoorDownlink, carrier.serviceIndoorUplink,
      ] { writer.histogram(histogram) }
      writer.numbers(carrier.coveredCells)
      writer.shapes(carrier.gaps.map { ($0.parcelIndex, $0.shape) })
    }
    writer.int(result.cellMaps.count)
    for map in result.cellMaps { writer.cellMap(map) }
    let timings = result.timings
    writer.numbers([
      timings.rasteriseSeconds, timings.fieldSeconds, timings.reduceSeconds, timings.loadSeconds,
      timings.polygoniseSeconds, timings.rastersSeconds,
    ])
    result.validity.write(to: &writer)
  }

  /// One group's result; `scenario` is the group's part of the scenario (its parcels), `grid`
  /// the group's grid. Everything the merge indexes by is checked against them — the grid,
  /// the layers and carriers in the scenario's order, the bins the settings give, sector
  /// and parcel keys — so that a damaged or foreign archive is an error, not a crash later.
  private static func read(
    _ reader: inout BinaryReader, scenario: ScenarioModel, grid: CoverageGrid
  ) throws -> CoverageResult {
    let parcels = scenario.parcels
    let settings = scenario.coverage
    let classCount = settings.serviceClassesBestFirst.count + 1
    let grids = try reader.list { try $0.grid() }
    guard grids == [grid] else { throw reader.failure("the zone group's grid") }
    let zoneOfParcel: [Int] = try reader.numbers()
    let parcelCells: [Int] = try reader.numbers()
    let isIndoor: [UInt8] = try reader.numbers()
    guard zoneOfParcel.count == parcels.count, parcelCells.count == parcels.count, isIndoor.count == parcels.count,
      zoneOfParcel.allSatisfy({ scenario.zones.indices.contains($0) })
    else { throw reader.failure("figures for \(parcels.count) parcels") }
    let layers = try reader.list { try layer(&$0, scenario: scenario) }
    let expectedLayers = scenario.carriers.flatMap { carrier in
      carrier.layers.filter { $0.numerology != nil }.map { "\(carrier.id) \($0.id)" }
    }
    guard layers.map({ "\($0.carrierID) \($0.layer.id)" }) == expectedLayers else {
      throw reader.failure("the layers \(expectedLayers.joined(separator: ", "))")
    }
    let carriers = try reader.list { reader in
      let id = try reader.string()
      let histograms = try (0..<4).map { _ in try reader.histogram(parcels: parcels.count, binCount: classCount) }
      let covered: [Int] = try reader.numbers()
      guard covered.count == parcels.count else { throw reader.failure("covered cells of \(parcels.count) parcels") }
      let gaps = try reader.shapes(keys: parcels.indices)
      return CarrierCoverage(
        carrierID: id, serviceOutdoor: histograms[0], serviceIndoor: histograms[1],
        serviceIndoorDownlink: histograms[2], serviceIndoorUplink: histograms[3], coveredCells: covered,
        gaps: gaps.map { ($0.key, $0.shape) })
    }
    guard carriers.map(\.carrierID) == scenario.carriers.map(\.id) else {
      throw reader.failure("the carriers \(scenario.carriers.map(\.id).joined(separator: ", "))")
    }
    let cellMaps = try reader.list {
      try $0.cellMap(grid: grid, parcels: parcels.count, carriers: carriers.count, classCount: classCount)
    }
    guard cellMaps.count == 1 else { throw reader.failure("one cell map") }
    let seconds = try reader.doubles()
    guard seconds.count == 6 else { throw reader.failure("six stage timings") }
    var timings = StageTimings()
    (timings.rasteriseSeconds, timings.fieldSeconds, timings.reduceSeconds) = (seconds[0], seconds[1], seconds[2])
    (timings.loadSeconds, timings.polygoniseSeconds, timings.rastersSeconds) = (seconds[3], seconds[4], seconds[5])
    var result = CoverageResult(
      grids: grids, settings: scenario.coverage, parcels: parcels, zoneOfParcel: zoneOfParcel, parcelCells: parcelCells,
      parcelIsIndoor: isIndoor.map { $0 != 0 }, layers: layers, carriers: carriers, cellMaps: cellMaps,
      timings: timings)
    result.validity = try ValidityLedger(from: &reader)
    return result
  }

  private static func layer(_ reader: inout BinaryReader, scenario: ScenarioModel) throws -> LayerCoverage {
    let parcels = scenario.parcels.count
    let carrierID = try reader.string()
    let layerID = try reader.string()
    guard let layer = scenario.carriers.first(where: { $0.id == carrierID })?.layers.first(where: { $0.id == layerID })
    else { throw reader.failure("a layer of the scenario, found \(carrierID) \(layerID)") }
    let settings = scenario.coverage
    let bands = try reader.shapes(keys: 0..<settings.rsrpBinsDBm.count + 1)
    let servers = try reader.shapes(keys: scenario.sectors.indices)
    let bins = [settings.rsrpBinsDBm.count + 1, settings.sinrBinsDB.count + 1, 2]
    let histograms = try (0..<6).map { try reader.histogram(parcels: parcels, binCount: bins[$0 / 2]) }
    let loads = try reader.list { reader in
      let index = try reader.int()
      let (carrier, layer, group) = (try reader.string(), try reader.string(), try reader.optionalString())
      let values = try reader.doubles()
      guard scenario.sectors.indices.contains(index), values.count == 4 else { throw reader.failure("a sector load") }
      return SectorLoad(
        sectorIndex: index, carrierID: carrier, layerID: layer, groupZoneID: group, load: values[0],
        demandToCapacityRatio: values[1], activeUsers: values[2], outOfServiceUsers: values[3])
    }
    return LayerCoverage(
      carrierID: carrierID, layer: layer, rsrpBands: bands.map { ($0.key, $0.shape) },
      bestServer: servers.map { ($0.key, $0.shape) }, rsrpOutdoor: histograms[0], rsrpIndoor: histograms[1],
      sinrOutdoor: histograms[2], sinrIndoor: histograms[3], uplinkLimitedOutdoor: histograms[4],
      uplinkLimitedIndoor: histograms[5], sectorLoads: loads, unreachedUsers: try reader.double(),
      loadIterations: try reader.int(), loadConverged: try reader.bool(), evaluations: try reader.int())
  }
}
