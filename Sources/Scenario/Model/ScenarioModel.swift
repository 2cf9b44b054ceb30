import Geo
import Radio

/// The raster the coverage engine computes on.
public struct GridSpec: Hashable, Sendable {
  /// Cell size, m.
  public let resolutionM: Double
  /// Margin around the zones, m.
  public let marginM: Double

  public init(resolutionM: Double, marginM: Double) {
    self.resolutionM = resolutionM
    self.marginM = marginM
  }
}

/// A validated scenario with all geometry projected into one metric CRS.
///
/// Built only by `ScenarioLoader`; every reference in it resolves (each sector's
/// carrier, layer and structure exist) and every geometry is valid.
public struct ScenarioModel: Sendable {
  public let name: String
  /// The scenario file as given on the command line.
  public let sourcePath: String
  /// The metric CRS of all computation.
  public let crs: CRS
  public let crsName: String
  /// Whether the CRS was chosen by `crs: auto`.
  public let crsIsAutomatic: Bool
  public let grid: GridSpec
  public let buildingClasses: [BuildingClass]
  public let zones: [Zone]
  public let carriers: [Carrier]
  public let structures: [Structure]
  /// Places a new structure may be built (scenario `new_builds`); nothing stands there yet.
  public let plannedSites: [Structure]
  /// Whom each owner lets co-locate, by owner; owners not listed are open.
  public let ownerPolicy: [String: OwnerPolicy]
  public let sharing: SharingSettings
  public let sectors: [Sector]
  public let costs: CostParameters
  public let coverage: CoverageSettings
  /// The terrain raster, when the scenario names one (flat earth otherwise).
  public let terrain: ElevationModel?
  /// Antenna pattern files the sectors use, by their resolved path.
  public let antennaPatterns: [String: MSIPattern]

  public init(
    name: String, sourcePath: String, crs: CRS, crsName: String, crsIsAutomatic: Bool, grid: GridSpec,
    buildingClasses: [BuildingClass], zones: [Zone], carriers: [Carrier], structures: [Structure],
    sectors: [Sector], costs: CostParameters, coverage: CoverageSettings = CoverageSettings(),
    terrain: ElevationModel? = nil, antennaPatterns: [String: MSIPattern] = [:], plannedSites: [Structure] = [],
    ownerPolicy: [String: OwnerPolicy] = [:], sharing: SharingSettings = SharingSettings()
  ) {
    self.name = name
    self.sourcePath = sourcePath
    self.crs = crs
    self.crsName = crsName
    self.crsIsAutomatic = crsIsAutomatic
    self.grid = grid
    self.buildingClasses = buildingClasses
    self.zones = zones
    self.carriers = carriers
    self.structures = structures
    self.sectors = sectors
    self.costs = costs
    self.coverage = coverage
    self.terrain = terrain
    self.antennaPatterns = antennaPatterns
    self.plannedSites = plannedSites
    self.ownerPolicy = ownerPolicy
    self.sharing = sharing
  }

  public var parcels: [Parcel] { zones.flatMap(\.parcels) }

  /// The same scenario with only the zones at `indices` (in that order); carriers,
  /// structures, sectors and settings unchanged.
  public func keepingZones(_ indices: [Int]) -> ScenarioModel {
    ScenarioModel(
      name: name, sourcePath: sourcePath, crs: crs, crsName: crsName, crsIsAutomatic: crsIsAutomatic, grid: grid,
      buildingClasses: buildingClasses, zones: indices.map { zones[$0] }, carriers: carriers,
      structures: structures, sectors: sectors, costs: costs, coverage: coverage, terrain: terrain,
      antennaPatterns: antennaPatterns, plannedSites: plannedSites, ownerPolicy: ownerPolicy, sharing: sharing)
  }

  /// Whether the owner of `structure` lets `carrierID` add antennas to it.
  public func mayCoLocate(_ carrierID: String, on structure: Structure) -> Bool {
    (ownerPolicy[structure.owner] ?? .open).admits(carrierID, owner: structure.owner)
  }

  public func carrier(_ id: String) -> Carrier? { carriers.first { $0.id == id } }
  public func structure(_ id: String) -> Structure? { structures.first { $0.id == id } }
  public func buildingClass(_ name: String) -> BuildingClass? { buildingClasses.first { $0.name == name } }
}
