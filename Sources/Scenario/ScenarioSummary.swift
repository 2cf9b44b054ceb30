import Geo

/// Counts and areas of a loaded scenario, as `cosite validate` prints them.
public struct ScenarioSummary: Sendable {
  public struct ZoneLine: Sendable {
    public let id: String
    public let name: String
    public let parcels: Int
    public let areaHa: Double
    public let publishedAreaHa: Double?
  }

  public let name: String
  public let crs: CRS
  public let crsName: String
  public let crsIsAutomatic: Bool
  public let zones: [ZoneLine]
  public let parcelCount: Int
  public let parcelAreaHa: Double
  public let workers: Double
  public let carriers: [Carrier]
  public let structuresByKind: [(StructureKind, Int)]
  public let structureCount: Int
  /// Rooftop masts that need no building permit (Joint Circular 15/2016 "non-bulky": ≤ 3 m
  /// and ≤ 20 % of the building) and those that do; masts without a building height are in neither.
  public let nonBulkyRooftopCount: Int
  public let permitRooftopCount: Int
  /// Distinct (carrier, structure) pairs with at least one sector.
  public let siteCount: Int
  public let sectorCount: Int
  /// Structures hosting more than one carrier.
  public let sharedStructureCount: Int
  /// Places listed for new builds; the sharing-rate target; the scenario's own options.
  public let plannedSiteCount: Int
  public let sharingRateTarget: Double?
  public let extraOptions: [String]

  public init(_ scenario: ScenarioModel) {
    name = scenario.name
    crs = scenario.crs
    crsName = scenario.crsName
    crsIsAutomatic = scenario.crsIsAutomatic
    zones = scenario.zones.map {
      ZoneLine(
        id: $0.id, name: $0.name, parcels: $0.parcels.count, areaHa: $0.areaHa,
        publishedAreaHa: $0.publishedAreaHa)
    }
    parcelCount = scenario.parcels.count
    parcelAreaHa = scenario.zones.reduce(0) { $0 + $1.parcelAreaHa }
    workers = scenario.parcels.reduce(0) { $0 + $1.workers }
    carriers = scenario.carriers
    structuresByKind = StructureKind.allCases.map { kind in (kind, scenario.structures.filter { $0.kind == kind }.count)
    }
    structureCount = scenario.structures.count
    nonBulkyRooftopCount = scenario.structures.filter { $0.isNonBulkyRooftopMast == true }.count
    permitRooftopCount = scenario.structures.filter { $0.isNonBulkyRooftopMast == false }.count
    let tenants = Self.tenants(of: scenario)
    siteCount = tenants.values.reduce(0) { $0 + $1.count }
    sectorCount = scenario.sectors.count
    sharedStructureCount = tenants.values.filter { $0.count > 1 }.count
    plannedSiteCount = scenario.plannedSites.count
    sharingRateTarget = scenario.sharing.sharingRateTarget
    extraOptions = scenario.sharing.options.map(\.name)
  }

  /// Carriers with sectors on each structure, by structure id.
  public static func tenants(of scenario: ScenarioModel) -> [String: Set<String>] {
    var tenants: [String: Set<String>] = [:]
    for sector in scenario.sectors { tenants[sector.structureID, default: []].insert(sector.carrierID) }
    return tenants
  }

  /// Passive sharing rate: structures used by more than one carrier ÷ all structures
  /// (the figure provinces are scored on); 0 without structures.
  public var passiveSharingRate: Double {
    structureCount == 0 ? 0 : Double(sharedStructureCount) / Double(structureCount)
  }
}
