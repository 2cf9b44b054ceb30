import Geo
import Radio

/// The raster the coverage engine computes on.
public struct GridSpec: Hashable, Sendable {
  /// Cell size, m.
  public let resolutionM: Double
  /// Margin around the zones, m.
  public let marginM: Double
  /// Largest number of cells a run may use (`grid.max_cells`); nil = the default budget.
  public var maxCells: Int?
  /// Line of the `grid` section in the scenario file (1 when absent), for issues about it.
  public var line = 1

  /// Default cell budget of one grid: 2.5 × 10⁷ cells (2,500 km² at 10 m, about 1.6 GB of
  /// working memory; the largest grid of the bundled scenarios has 9 × 10⁵).
  public static let defaultMaxCells = 25_000_000
  /// Hard ceiling that `grid.max_cells` or `--max-cells` may raise the budget to: 10⁹ cells.
  public static let maximumCells = 1_000_000_000

  /// The budget in force.
  public var cellBudget: Int { maxCells ?? Self.defaultMaxCells }

  public init(resolutionM: Double, marginM: Double, maxCells: Int? = nil) {
    self.resolutionM = resolutionM
    self.marginM = marginM
    self.maxCells = maxCells
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
  public var grid: GridSpec
  public let buildingClasses: [BuildingClass]
  public let zones: [Zone]
  public let carriers: [Carrier]
  public let structures: [Structure]
  /// Places a new structure may be built (scenario `new_builds`); nothing stands there yet.
  public let plannedSites: [Structure]
  /// Whom each owner lets co-locate, by owner; owners not listed are open.
  public let ownerPolicy: [String: OwnerPolicy]
  public let sharing: SharingSettings
  /// Where new structures may go.
  public var siting = SitingSettings()
  /// Indoor nodes' radio and costs.
  public var indoorSystems = IndoorSystemSettings()
  public let sectors: [Sector]
  public let costs: CostParameters
  public let coverage: CoverageSettings
  /// The terrain raster, when the scenario names one (flat earth otherwise).
  public let terrain: ElevationModel?
  /// The land-cover raster and its classes, when the scenario names one.
  public var landCover: LandCover?
  /// Per parcel (in `parcels` order), the land cover's class of most of it
  /// (`LandCover.majorityClass`); empty without land cover.
  public var landCoverOfParcels: [LandCoverClass?] = []
  /// Antenna pattern files the sectors use, by their resolved path.
  public let antennaPatterns: [String: MSIPattern]
  /// Plausible mistakes found while loading (overlapping parcels, a structure far from every
  /// zone, a power that looks like watts): printed by `validate` and `run`, never fatal.
  public var warnings: [ScenarioIssue] = []
  /// The digest of the input files it was loaded from (`InputRecord`), nil when it was not
  /// read from files alone; not carried by copies with other zones or another network.
  var inputDigest: String?

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
    var kept = copy(
      zones: indices.map { zones[$0] }, carriers: carriers, structures: structures, sectors: sectors,
      coverage: coverage)
    kept.warnings = warnings
    // The land cover's class per parcel follows `parcels`: the kept zones' own entries.
    if landCoverOfParcels.count == parcels.count {
      var starts: [Int] = []
      var next = 0
      for zone in zones {
        starts.append(next)
        next += zone.parcels.count
      }
      kept.landCoverOfParcels = indices.flatMap {
        landCoverOfParcels[starts[$0]..<starts[$0] + zones[$0].parcels.count]
      }
    }
    return kept
  }

  /// The same scenario with another network: these carriers, structures and sectors, and
  /// these coverage settings (a plan's network, for its busy-hour figures). Zones, costs,
  /// terrain, patterns and policies unchanged; warnings dropped (they were the original's).
  public func withNetwork(
    carriers: [Carrier], structures: [Structure], sectors: [Sector], coverage: CoverageSettings
  ) -> ScenarioModel {
    copy(zones: zones, carriers: carriers, structures: structures, sectors: sectors, coverage: coverage)
  }

  /// Every other field as it is (warnings aside).
  private func copy(
    zones: [Zone], carriers: [Carrier], structures: [Structure], sectors: [Sector], coverage: CoverageSettings
  ) -> ScenarioModel {
    var copy = ScenarioModel(
      name: name, sourcePath: sourcePath, crs: crs, crsName: crsName, crsIsAutomatic: crsIsAutomatic, grid: grid,
      buildingClasses: buildingClasses, zones: zones, carriers: carriers, structures: structures, sectors: sectors,
      costs: costs, coverage: coverage, terrain: terrain, antennaPatterns: antennaPatterns,
      plannedSites: plannedSites, ownerPolicy: ownerPolicy, sharing: sharing)
    copy.siting = siting
    copy.indoorSystems = indoorSystems
    copy.landCover = landCover
    copy.landCoverOfParcels = landCoverOfParcels
    return copy
  }

  /// Whether the owner of `structure` lets `carrierID` add antennas to it.
  public func mayCoLocate(_ carrierID: String, on structure: Structure) -> Bool {
    (ownerPolicy[structure.owner] ?? .open).admits(carrierID, owner: structure.owner)
  }

  public func carrier(_ id: String) -> Carrier? { carriers.first { $0.id == id } }
  public func structure(_ id: String) -> Structure? { structures.first { $0.id == id } }
  public func buildingClass(_ name: String) -> BuildingClass? { buildingClasses.first { $0.name == name } }
}
