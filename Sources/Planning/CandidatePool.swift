import Coverage
import Dispatch
import Foundation
import Geo
import Scenario

/// Every station the planned carriers could put up, with its field computed once (the
/// expensive part); sharing options then combine these into offers.
public struct CandidatePool: Sendable {
  public let sites: [CandidateSite]
  public let stations: [StationCandidate]
  /// Per station, per cell map: cells newly meeting the target for its carrier (ascending).
  public let targetCells: [[[Int32]]]
  /// The same for the target's RSRP outdoors (no building loss).
  public let outdoorCells: [[[Int32]]]

  public struct Settings: Sendable {
    /// Spacing of generated new-build points, m; 0 = none (only listed ones).
    public var newBuildSpacingM = 500.0
    /// Height of a generated new tower, m (greenfield towers are 30–60 m).
    public var newTowerHeightM = 30.0
    /// Indoor systems (small cells, or a neutral host) in buildings as candidates too
    /// (`IndoorCandidates`); `--no-indoor` leaves them out.
    public var indoorSystems = true
    public var threads = ProcessInfo.processInfo.activeProcessorCount

    public init() {}
  }

  /// Fields computed elsewhere (a tiled run's tasks, `FixedCandidateFields`), by station id:
  /// per cell map, the cells newly meeting the target and the target's RSRP outdoors.
  public typealias KnownFields = [String: (target: [[Int32]], outdoor: [[Int32]])]

  /// - Parameter known: the fields of the stations on existing structures and listed new
  ///   builds, when a tiled run computed them (a station missing from it covers nothing
  ///   new); nil = computed here. Generated new builds are always computed here.
  public static func build(
    _ scenario: ScenarioModel, coverage: CoverageResult, carriers: [Int], settings: Settings,
    known: KnownFields? = nil
  ) -> CandidatePool {
    var sites = fixedSites(scenario)
    let defaults = RadioDefaults(scenario)
    var stations = sites.indices.flatMap { siteIndex in
      carriers.compactMap {
        station(scenario, sites[siteIndex], siteIndex: siteIndex, carrierIndex: $0, defaults: defaults)
      }
    }
    let fixedStations = stations.count
    if settings.newBuildSpacingM > 0 {
      for (structure, uncovered) in latticePoints(scenario, coverage.cellMaps, carriers: carriers, settings: settings) {
        sites.append(CandidateSite(structure: structure, origin: .generated, tenants: []))
        stations += uncovered.compactMap {
          station(scenario, sites[sites.count - 1], siteIndex: sites.count - 1, carrierIndex: $0, defaults: defaults)
        }
      }
    }
    // Fields in parallel; each slot written by one worker, so the order is fixed.
    let field = CandidateCoverage(scenario: scenario, coverage: coverage)
    let structures = sites.map(\.structure)
    let planned = stations
    let empty = [[Int32]](repeating: [], count: coverage.cellMaps.count)
    let fields = StridedWork.map(planned.count, threads: max(1, settings.threads), state: {}) { index, _ in
      let station = planned[index]
      if let known, index < fixedStations { return known[station.id] ?? (empty, empty) }
      return field.field(
        sectors: station.sectors, structure: structures[station.siteIndex], carrierIndex: station.carrierIndex)
    }
    var targetCells = fields.map(\.target)
    var outdoorCells = fields.map(\.outdoor)
    if settings.indoorSystems {
      let indoor = IndoorCandidates(scenario, coverage: coverage, carriers: carriers, threads: settings.threads)
      for (site, found) in zip(indoor.sites, indoor.stations) {
        sites.append(site)
        for (carrierIndex, target) in found {
          let id = "\(scenario.carriers[carrierIndex].id)@\(site.structure.id)"
          stations.append(
            StationCandidate(
              id: id, carrierIndex: carrierIndex, siteIndex: sites.count - 1, sectors: [],
              heightM: site.structure.heightM))
          targetCells.append(target)
          outdoorCells.append(target.map { _ in [] })
        }
      }
    }
    return CandidatePool(sites: sites, stations: stations, targetCells: targetCells, outdoorCells: outdoorCells)
  }

  /// The sites of existing structures with a free slot, then the listed new builds, in the
  /// scenario's order: the candidates a scenario gives before any coverage is known.
  public static func fixedSites(_ scenario: ScenarioModel) -> [CandidateSite] {
    let tenants = ScenarioSummary.tenants(of: scenario)
    return scenario.structures.filter { $0.freeSlots > 0 }.map {
      CandidateSite(structure: $0, origin: .existing, tenants: tenants[$0.id] ?? [])
    } + scenario.plannedSites.map { CandidateSite(structure: $0, origin: .listed, tenants: []) }
  }

  /// A carrier's station on a site: nil when it is a tenant already, its owner does not admit
  /// the carrier, or the site's height window has no room left. `defaults`: the scenario's.
  public static func station(
    _ scenario: ScenarioModel, _ site: CandidateSite, siteIndex: Int, carrierIndex: Int, defaults: RadioDefaults
  ) -> StationCandidate? {
    let carrier = scenario.carriers[carrierIndex]
    guard !site.tenants.contains(carrier.id), site.isNew || scenario.mayCoLocate(carrier.id, on: site.structure),
      let height = mountHeightM(site)
    else { return nil }
    let id = "\(carrier.id)@\(site.structure.id)"
    return StationCandidate(
      id: id, carrierIndex: carrierIndex, siteIndex: siteIndex,
      sectors: sectors(scenario, carrierIndex, site.structure, heightM: height, id: id, defaults: defaults),
      heightM: height)
  }

  /// A new tenant's antennas: 1 m below the top, 3 m below each tenant already there
  /// (operators' antennas sit 1–3 m apart), within the owner's height window; nil when
  /// the window has no room left.
  static func mountHeightM(_ site: CandidateSite) -> Double? {
    let structure = site.structure
    let natural = max(structure.heightM - 1 - 3 * Double(site.tenants.count), min(structure.heightM, 6))
    guard let window = structure.mountWindowM else { return natural }
    let height = min(natural, window.upperBound)
    return height >= window.lowerBound ? height : nil
  }

  /// New-tower points on a lattice over parcels still missing the target for some planned
  /// carrier, with the carriers missing it there. Only on the land uses `siting` allows
  /// (never inside a building parcel), and at least `siting.minSeparationM` from every
  /// structure and listed new build and from each other (points are taken in lattice order).
  static func latticePoints(
    _ scenario: ScenarioModel, _ maps: [CellMap], carriers: [Int], settings: Settings
  ) -> [(Structure, [Int])] {
    let parcels = scenario.parcels
    let allowed = scenario.siting.newBuildLandUses
    let separation = scenario.siting.minSeparationM
    var taken = SeparationIndex(cellM: max(separation, 1))
    for structure in scenario.structures + scenario.plannedSites { taken.insert(structure.position) }
    var result: [(Structure, [Int])] = []
    func consider(_ map: CellMap, _ cell: Int) {
      let parcel = Int(map.parcelIndex[cell])
      guard parcel >= 0, allowed.contains(parcels[parcel].landUse) else { return }
      let uncovered = carriers.filter { map.coveredByCarrier[$0][cell] == 0 }
      guard !uncovered.isEmpty else { return }
      let centre = map.grid.centre(row: cell / map.grid.columns, column: cell % map.grid.columns)
      guard !taken.hasPoint(within: separation, of: centre) else { return }
      taken.insert(centre)
      let structure = Structure(
        id: "new-\(result.count + 1)", kind: .tower, positionLonLat: centre, position: centre,
        heightM: settings.newTowerHeightM, owner: "new", freeSlots: 3,
        rentVNDPerMonth: scenario.costs.defaultRentVNDPerMonth)
      result.append((structure, uncovered))
    }
    for map in maps {
      let step = max(1, Int((settings.newBuildSpacingM / map.grid.resolutionM).rounded()))
      for row in stride(from: step / 2, to: map.grid.rows, by: step) {
        for column in stride(from: step / 2, to: map.grid.columns, by: step) {
          consider(map, row * map.grid.columns + column)
        }
      }
      // Plots of allowed land the lattice missed (a utility plot is often smaller than the
      // spacing): each one's cell nearest its centre.
      for cell in centreCells(map, parcels: parcels, allowed: allowed) { consider(map, cell) }
    }
    return result
  }

  /// Per parcel of an allowed land use, in parcel order, the cell of the map nearest the
  /// centre of its cells.
  static func centreCells(_ map: CellMap, parcels: [Parcel], allowed: Set<LandUse>) -> [Int] {
    var sums: [Int: (row: Double, column: Double, count: Double)] = [:]
    for (cell, parcel) in map.parcelIndex.enumerated()
    where parcel >= 0 && allowed.contains(parcels[Int(parcel)].landUse) {
      let sum = sums[Int(parcel), default: (0, 0, 0)]
      sums[Int(parcel)] = (
        sum.row + Double(cell / map.grid.columns), sum.column + Double(cell % map.grid.columns), sum.count + 1
      )
    }
    var best: [Int: (distance: Double, cell: Int)] = [:]
    for (cell, parcel) in map.parcelIndex.enumerated() {
      guard let sum = sums[Int(parcel)] else { continue }
      let dr = Double(cell / map.grid.columns) - sum.row / sum.count
      let dc = Double(cell % map.grid.columns) - sum.column / sum.count
      let distance = dr * dr + dc * dc
      if best[Int(parcel)].map({ distance < $0.distance }) ?? true { best[Int(parcel)] = (distance, cell) }
    }
    return best.keys.sorted().compactMap { best[$0]?.cell }
  }

  /// Three sectors per layer (one on a pole) with the carrier's typical radio settings.
  static func sectors(
    _ scenario: ScenarioModel, _ carrierIndex: Int, _ structure: Structure, heightM: Double, id: String,
    defaults: RadioDefaults
  ) -> [Sector] {
    let carrier = scenario.carriers[carrierIndex]
    let sectorsPerLayer = structure.kind == .pole ? 1 : 3
    var sectors: [Sector] = []
    for layer in carrier.layers {
      let typical = defaults.typical(carrier: carrier.id, layer: layer, kind: structure.kind)
      for index in 0..<sectorsPerLayer {
        sectors.append(
          Sector(
            id: "\(id)-\(layer.id)-\(index + 1)", carrierID: carrier.id, layerID: layer.id, structureID: structure.id,
            azimuthDeg: Double(index) * 120, mechanicalTiltDeg: 0, electricalTiltDeg: typical.tiltDeg,
            antennaGainDBi: typical.gainDBi, antennaPatternPath: nil, powerDBm: typical.powerDBm, heightM: heightM,
            feederLossDB: 0.5))
      }
    }
    return sectors
  }
}

/// Points on a square bucket grid, for "is any point within d of this one?" in O(1) buckets.
struct SeparationIndex {
  let cellM: Double
  private var buckets: [SIMD2<Int>: [Coordinate]] = [:]

  init(cellM: Double) { self.cellM = cellM }

  private func key(_ point: Coordinate) -> SIMD2<Int> {
    SIMD2(Int((point.x / cellM).rounded(.down)), Int((point.y / cellM).rounded(.down)))
  }

  mutating func insert(_ point: Coordinate) { buckets[key(point), default: []].append(point) }

  /// Whether a stored point lies closer than `distanceM` (needs `distanceM` ≤ `cellM`).
  func hasPoint(within distanceM: Double, of point: Coordinate) -> Bool {
    guard distanceM > 0 else { return false }
    let centre = key(point)
    for dx in -1...1 {
      for dy in -1...1 {
        for other in buckets[centre &+ SIMD2(dx, dy)] ?? [] {
          let ex = other.x - point.x
          let ey = other.y - point.y
          if ex * ex + ey * ey < distanceM * distanceM { return true }
        }
      }
    }
    return false
  }
}
