import Coverage
import Scenario

/// Coverage of the target in one view (the scenario's target as judged, or its RSRP
/// outdoors): area of cells meeting it, parcels where at least the target's share of the
/// area meets it, and the workers of those parcels.
public struct CoverageFigures: Sendable, Hashable {
  public var areaHa = 0.0
  public var parcels = 0
  public var workers = 0.0
  /// Of those parcels, the buildings: factories, warehouses and offices.
  public var buildings = 0
  /// Area meeting it on open land (roads, green, water), reported apart from the buildings.
  public var openLandHa = 0.0

  /// Land uses counted as buildings in the headline.
  public static let buildingUses: Set<LandUse> = [.factory, .warehouse, .office]
  /// Land uses reported apart: nobody works there.
  public static let openLandUses: Set<LandUse> = [.road, .green, .water]
}

/// What one sharing option's plan gives, per planned carrier and in total: the KPIs of
/// `cosite compare`.
public struct OptionOutcome: Sendable {
  public struct CarrierFigures: Sendable {
    public let carrierIndex: Int
    public var target = CoverageFigures()
    public var outdoor = CoverageFigures()
    /// Offers on new sites it takes part in, and existing structures it joins.
    public var newBuilds = 0
    public var colocations = 0
    /// Buildings where an indoor system (its own small cells or a neutral host) serves it.
    public var indoorBuildings = 0
    /// Its share of the money and energy: an offer's figures split evenly among the
    /// carriers it serves.
    public var capexVND = 0.0
    public var opexVNDPerYear = 0.0
    public var lifetimeVND = 0.0
    public var energyKWhPerYear = 0.0
  }

  public let name: String
  public let carriers: [CarrierFigures]
  /// Parcels and area meeting the target for every planned carrier.
  public let everyCarrier: CoverageFigures
  /// Parcels and area meeting the target for at least one planned carrier.
  public let anyCarrier: CoverageFigures
  public let everyCarrierOutdoor: CoverageFigures
  /// Structures standing once the plan is built (today's plus new ones) and new ones.
  public let structures: Int
  public let newStructures: Int
  public let colocations: Int
  /// Indoor systems the plan installs (one per carrier's own small cells, one per neutral
  /// host), their nodes, and the buildings they are in. Not structures: a building's nodes
  /// are neither a tower nor a tenancy, so they leave the tenancy and sharing rates alone.
  public let indoorSystems: Int
  public let indoorNodes: Int
  public let indoorBuildings: Int
  /// Workers of the buildings where an indoor system serves every planned carrier: not in the
  /// busy-hour run (`busyHour` holds the macro network), so the comparison shows them beside it.
  public let indoorWorkersEveryCarrier: Double
  /// Tenants (carriers) summed over all structures ÷ structures.
  public let tenancyRatio: Double
  /// Structures used by more than one carrier ÷ all structures.
  public let sharingRate: Double
  public let capexVND: Double
  public let opexVNDPerYear: Double
  /// One-off + present value of yearly costs over the horizon: the NPV of the plan's cost.
  public let lifetimeVND: Double
  public let energyKWhPerYear: Double
  /// Workers indoors in the best service class at the busy hour, once the plan is built;
  /// nil until a coverage run of the planned network gives it (`cosite compare` does).
  public var busyHour: BusyHourReach?

  /// Today's network (no plan), for the first row of the comparison.
  public static func today(_ scenario: ScenarioModel, coverage: CoverageResult, carriers: [Int]) -> OptionOutcome {
    let baseline = Baseline(coverage: coverage, carriers: carriers, pooled: false)
    return measure(
      name: "today", scenario: scenario, coverage: coverage, carriers: carriers, baseline: baseline, picks: [],
      pool: nil, pooling: .none)
  }

  public init(_ result: Recommender.Result, scenario: ScenarioModel, coverage: CoverageResult) {
    self = Self.measure(
      name: result.option.name, scenario: scenario, coverage: coverage, carriers: result.carriers,
      baseline: result.baseline, picks: result.picks, pool: result.pool, pooling: result.pooling)
  }

  private init(
    name: String, carriers: [CarrierFigures], every: (CoverageFigures, CoverageFigures), any: CoverageFigures,
    structures: (total: Int, new: Int, colocations: Int, tenants: Int, shared: Int),
    indoor: (systems: Int, nodes: Int, buildings: Int, workers: Double), money: [Double]
  ) {
    self.name = name
    self.carriers = carriers
    everyCarrier = every.0
    everyCarrierOutdoor = every.1
    anyCarrier = any
    self.structures = structures.total
    newStructures = structures.new
    colocations = structures.colocations
    (indoorSystems, indoorNodes, indoorBuildings, indoorWorkersEveryCarrier) = indoor
    tenancyRatio = structures.total == 0 ? 0 : Double(structures.tenants) / Double(structures.total)
    sharingRate = structures.total == 0 ? 0 : Double(structures.shared) / Double(structures.total)
    capexVND = money[0]
    opexVNDPerYear = money[1]
    lifetimeVND = money[2]
    energyKWhPerYear = money[3]
  }

  private static func measure(
    name: String, scenario: ScenarioModel, coverage: CoverageResult, carriers: [Int], baseline: Baseline,
    picks: [Recommender.Pick], pool: CandidatePool?, pooling: Pooling
  ) -> OptionOutcome {
    let pooled = pooling != .none
    var figures = carriers.map { CarrierFigures(carrierIndex: $0) }
    let position = Dictionary(uniqueKeysWithValues: carriers.enumerated().map { ($1, $0) })
    // Cells meeting the target once the plan is built, per carrier and map.
    var target = baseline.target
    var outdoor = baseline.outdoor
    for pick in picks {
      for (slot, perMap) in pick.newCells.enumerated() {
        for (mapIndex, cells) in perMap.enumerated() { for cell in cells { target[slot][mapIndex][Int(cell)] = 1 } }
      }
      guard let pool else { continue }
      for station in pick.offer.stations {
        let owners = pooled ? pick.offer.carriers : [pool.stations[station].carrierIndex]
        for owner in owners {
          for (mapIndex, cells) in pool.outdoorCells[station].enumerated() {
            for cell in cells { outdoor[position[owner]!][mapIndex][Int(cell)] = 1 }
          }
        }
      }
    }
    for slot in carriers.indices {
      figures[slot].target = measureCoverage(scenario, coverage, [target[slot]])
      figures[slot].outdoor = measureCoverage(scenario, coverage, [outdoor[slot]])
    }
    let every = (measureCoverage(scenario, coverage, target), measureCoverage(scenario, coverage, outdoor))
    let any = measureCoverage(scenario, coverage, target, anyOf: true)
    // Structures, tenants and money.
    var tenants = ScenarioSummary.tenants(of: scenario)
    if pooled {
      // Under MOCN a site of any planned carrier serves every planned carrier.
      let planned = Set(carriers.map { scenario.carriers[$0].id })
      for (id, present) in tenants where !present.isDisjoint(with: planned) { tenants[id] = present.union(planned) }
    }
    var newTenants: [Int] = []
    // MOCN's pooling of today's sites: one-off, paid by each carrier added to a site.
    var money = [pooling.vnd, 0.0, pooling.vnd, 0.0]
    for (slot, pairs) in pooling.pairsByCarrier.enumerated() {
      figures[slot].capexVND += Double(pairs) * pooling.vndPerPair
      figures[slot].lifetimeVND += Double(pairs) * pooling.vndPerPair
    }
    var colocations = 0
    var indoor = (systems: 0, nodes: 0, buildings: Set<Int>())
    var servedIn: [Int: Set<Int>] = [:]
    for pick in picks {
      guard let pool else { break }
      let site = pool.sites[pick.offer.siteIndex]
      let ids = pick.offer.carriers.map { scenario.carriers[$0].id }
      if site.isIndoor {
        indoor.systems += 1
        indoor.nodes += pick.offer.nodes
        indoor.buildings.insert(pick.offer.siteIndex)
        if let building = site.building { servedIn[building.parcelIndex, default: []].formUnion(pick.offer.carriers) }
      }
      // A co-location is a carrier newly a tenant of a standing structure (under MOCN a
      // pooled site's carriers already are): counted so, per carrier and in total alike.
      var added: Set<String> = []
      if site.isNew {
        newTenants.append(ids.count)
      } else if !site.isIndoor {
        added = Set(ids).subtracting(tenants[site.structure.id, default: []])
        colocations += added.count
        tenants[site.structure.id, default: []].formUnion(ids)
      }
      let cost = pick.offer.cost
      let share = 1 / Double(max(1, pick.offer.carriers.count))
      for carrier in pick.offer.carriers {
        guard let slot = position[carrier] else { continue }
        if site.isIndoor {
          figures[slot].indoorBuildings += 1
        } else if site.isNew {
          figures[slot].newBuilds += 1
        } else if added.contains(scenario.carriers[carrier].id) {
          figures[slot].colocations += 1
        }
        figures[slot].capexVND += cost.oneOffVND * share
        figures[slot].opexVNDPerYear += cost.yearlyVND * share
        figures[slot].lifetimeVND += cost.lifetimeVND * share
        figures[slot].energyKWhPerYear += cost.energyKWhPerYear * share
      }
      money[0] += cost.oneOffVND
      money[1] += cost.yearlyVND
      money[2] += cost.lifetimeVND
      money[3] += cost.energyKWhPerYear
    }
    let planned = Set(carriers)
    // Summed in parcel order: the same figure in every process.
    let indoorWorkers = servedIn.filter { planned.isSubset(of: $0.value) }.keys.sorted().reduce(0.0) {
      $0 + scenario.parcels[$1].workers
    }
    let existing = scenario.structures.map { tenants[$0.id]?.count ?? 0 }
    let all = existing + newTenants
    return OptionOutcome(
      name: name, carriers: figures, every: every, any: any,
      structures: (
        all.count, newTenants.count, colocations, all.reduce(0, +), all.filter { $0 > 1 }.count
      ), indoor: (indoor.systems, indoor.nodes, indoor.buildings.count, indoorWorkers), money: money)
  }

  /// Coverage where every one of `layers` (per carrier, per map: 1 = covered) meets it, or
  /// at least one with `anyOf`. A parcel meets the target when at least the target's share
  /// of its cells do — with the same rule for one carrier, every carrier or any: so a parcel
  /// met "for every carrier" is met for each, and its workers count once.
  private static func measureCoverage(
    _ scenario: ScenarioModel, _ coverage: CoverageResult, _ layers: [[[UInt8]]], anyOf: Bool = false
  ) -> CoverageFigures {
    var coveredCells = [Int](repeating: 0, count: scenario.parcels.count)
    for (mapIndex, map) in coverage.cellMaps.enumerated() {
      for (cell, parcel) in map.parcelIndex.enumerated() where parcel >= 0 {
        let covered =
          anyOf ? layers.contains { $0[mapIndex][cell] != 0 } : layers.allSatisfy { $0[mapIndex][cell] != 0 }
        if covered { coveredCells[Int(parcel)] += 1 }
      }
    }
    var figures = CoverageFigures()
    let minimum = scenario.coverage.target.minimumShare
    for (index, parcel) in scenario.parcels.enumerated() {
      let areaHa = Double(coveredCells[index]) * coverage.cellAreaM2 / 10_000
      figures.areaHa += areaHa
      if CoverageFigures.openLandUses.contains(parcel.landUse) { figures.openLandHa += areaHa }
      let cells = coverage.parcelCells[index]
      guard cells > 0, Double(coveredCells[index]) >= minimum * Double(cells) - 1e-9 else { continue }
      figures.parcels += 1
      figures.workers += parcel.workers
      if CoverageFigures.buildingUses.contains(parcel.landUse) { figures.buildings += 1 }
    }
    return figures
  }
}
