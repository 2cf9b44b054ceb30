import Coverage
import Scenario

/// Turns a candidate pool into one option's offers and optimisation problem: elements are
/// (planned carrier, cell) pairs still missing the target, weighted per cell; candidates
/// are offers; groups are a structure's free slots, its structural budget, one station
/// per carrier per structure, one build per new site and one indoor system per carrier per
/// building.
struct OfferBuilder {
  let pool: CandidatePool
  let option: SharingOption
  /// Planned carriers (scenario indices, ascending).
  let carriers: [Int]
  let scenario: ScenarioModel

  func offers() -> [StationOffer] {
    var stationsBySite = [[Int]](repeating: [], count: pool.sites.count)
    for (index, station) in pool.stations.enumerated() where carriers.contains(station.carrierIndex) {
      stationsBySite[station.siteIndex].append(index)
    }
    var offers: [StationOffer] = []
    for (siteIndex, site) in pool.sites.enumerated() {
      var members = stationsBySite[siteIndex]
      if option.macroRules == .standalone, !site.isNew, !site.isIndoor {
        members = members.filter { scenario.carriers[pool.stations[$0].carrierIndex].id == site.structure.owner }
      }
      guard !members.isEmpty else { continue }
      for subset in subsets(of: members, site: site) {
        if let building = site.building {
          offers.append(indoorOffer(building, siteIndex: siteIndex, stations: subset))
        } else {
          offers.append(offer(site: site, siteIndex: siteIndex, stations: subset))
        }
      }
    }
    return offers
  }

  /// The station sets an option offers on a site. In a building: each carrier its own small
  /// cells, or (where the option hosts) a neutral host for any set of them; under MOCN one
  /// pooled system.
  private func subsets(of members: [Int], site: CandidateSite) -> [[Int]] {
    let singletons = members.map { [$0] }
    if site.isIndoor {
      if option.rules == .mocn { return [members] }
      return option.hostsIndoor ? nonEmptySubsets(of: members, limit: members.count) : singletons
    }
    switch option.macroRules {
    case .standalone: return singletons
    case .passive where !site.isNew: return singletons
    case .mocn: return [members]
    case .passive, .moran, .neutralHost:
      return nonEmptySubsets(of: members, limit: option.sharesRadio ? members.count : site.structure.freeSlots)
    }
  }

  /// Every non-empty subset of at most `limit` members, in mask order.
  private func nonEmptySubsets(of members: [Int], limit: Int) -> [[Int]] {
    (1..<(1 << members.count)).compactMap { mask -> [Int]? in
      let subset = members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] }
      return subset.count <= limit ? subset : nil
    }
  }

  /// A building's system for a set of its stations: small cells (each carrier its own, or a
  /// neutral host's nodes) or, where every carrier of the set has a DAS design, a DAS —
  /// priced for the carriers with a station here (those missing the target in the building;
  /// under MOCN the pooled system serves every planned carrier on their pooled spectrum) —
  /// whichever costs less over the life (small cells when equal). The two cover the same
  /// cells and take the same places, so the dearer one is dominated: dropping it changes no
  /// optimum and halves the building's offers.
  private func indoorOffer(_ building: BuildingIndoorDesign, siteIndex: Int, stations: [Int]) -> StationOffer {
    let served = option.rules == .mocn ? carriers : stations.map { pool.stations[$0].carrierIndex }
    let designs = stations.map { building.carriers[pool.stations[$0].carrierIndex] }
    let nodes = designs.compactMap(\.nodes)
    let smallCells = StationOffer(
      siteIndex: siteIndex, stations: stations, carriers: served,
      cost: IndoorSystemCost.cost(
        nodes: nodes, settings: scenario.indoorSystems, costs: option.costs, extraShares: option.indoorExtraShares),
      slots: 0, sectors: 0, indoorKind: .smallCells, nodes: nodes.max() ?? 0)
    let das = designs.compactMap(\.das)
    guard das.count == designs.count else { return smallCells }
    let cost = DASCarrierDesign.cost(
      floorAreaM2: building.floorAreaM2, designs: das, settings: scenario.indoorSystems, costs: option.costs)
    guard cost.lifetimeVND < smallCells.cost.lifetimeVND else { return smallCells }
    return StationOffer(
      siteIndex: siteIndex, stations: stations, carriers: served, cost: cost, slots: 0, sectors: 0,
      indoorKind: .das, nodes: das.map(\.antennas).max() ?? 0)
  }

  private func offer(site: CandidateSite, siteIndex: Int, stations: [Int]) -> StationOffer {
    let served = option.rules == .mocn ? carriers : stations.map { pool.stations[$0].carrierIndex }
    let counts = stations.map { pool.stations[$0].sectors.count }
    return StationOffer(
      siteIndex: siteIndex, stations: stations, carriers: served,
      cost: CostModel.cost(site: site, sectorCounts: counts, option: option),
      slots: option.sharesRadio ? 1 : stations.count,
      sectors: option.sharesRadio ? counts.max() ?? 0 : counts.reduce(0, +))
  }

  /// The problem over `offers`, with each element's (carrier position, map, cell).
  func problem(
    _ offers: [StationOffer], baseline: Baseline, cellWeights: [Double], coverage: CoverageResult,
    budget: Double?, maxCount: Int?
  ) -> (problem: CoverageProblem, keys: [ElementKey]) {
    let position = Dictionary(uniqueKeysWithValues: carriers.enumerated().map { ($1, $0) })
    var elementOf: [ElementKey: Int32] = [:]
    var weights: [Double] = []
    var keys: [ElementKey] = []
    func element(_ key: ElementKey) -> Int32? {
      if let known = elementOf[key] { return known }
      let map = coverage.cellMaps[key.map]
      let weight = cellWeights[Int(map.parcelIndex[Int(key.cell)])]
      guard weight > 0 else { return nil }
      elementOf[key] = Int32(weights.count)
      weights.append(weight)
      keys.append(key)
      return Int32(weights.count - 1)
    }
    var groups = GroupIndex()
    var candidates: [CoverageProblem.Candidate] = []
    for offer in offers {
      var elements = Set<Int32>()
      for station in offer.stations {
        let own = pool.stations[station].carrierIndex
        for (mapIndex, cells) in pool.targetCells[station].enumerated() {
          for cell in cells {
            // Under MOCN a cell counts once nobody covers it, for every carrier.
            let owners = option.rules == .mocn ? offer.carriers : [own]
            for carrier in owners where baseline.target[position[carrier]!][mapIndex][Int(cell)] == 0 {
              if let id = element(ElementKey(carrier: position[carrier]!, map: mapIndex, cell: cell)) {
                elements.insert(id)
              }
            }
          }
        }
      }
      candidates.append(
        .init(
          cost: offer.cost.lifetimeVND, elements: elements.sorted(),
          groups: groups.uses(of: offer, site: pool.sites[offer.siteIndex], pool: pool, option: option)))
    }
    let problem = CoverageProblem(
      weights: weights, candidates: candidates, groupCapacity: groups.capacity, budget: budget, maxCount: maxCount,
      elementPart: keys.map { Int32($0.carrier) })
    return (problem, keys)
  }
}

/// Numbers the capacity groups as offers first use them.
private struct GroupIndex {
  var capacity: [Int] = []
  var index: [String: Int] = [:]

  mutating func group(_ name: String, capacity places: Int) -> Int {
    if let known = index[name] { return known }
    index[name] = capacity.count
    capacity.append(places)
    return capacity.count - 1
  }

  /// The places an offer takes (a group listed n times takes n).
  mutating func uses(of offer: StationOffer, site: CandidateSite, pool: CandidatePool, option: SharingOption) -> [Int] {
    let id = site.structure.id
    var uses: [Int] = []
    if site.isIndoor {
      // One system per carrier per building: its own small cells or DAS, or a place on a host.
      for station in offer.stations {
        uses.append(group("carrier \(pool.stations[station].carrierIndex) in \(id)", capacity: 1))
      }
    } else if site.isNew {
      // One build per site, shared or not: under standalone a second carrier that needs the
      // same spot takes another point, at least the siting separation away.
      uses.append(group("build \(id)", capacity: 1))
    } else {
      uses += Array(repeating: group("slots \(id)", capacity: site.structure.freeSlots), count: offer.slots)
      if let budget = site.structure.maxAddedSectors {
        uses += Array(repeating: group("load \(id)", capacity: budget), count: offer.sectors)
      }
      for station in offer.stations {
        uses.append(group("carrier \(pool.stations[station].carrierIndex) on \(id)", capacity: 1))
      }
    }
    return uses
  }
}

/// An element: a planned carrier (its position in the plan), a cell map and a cell.
struct ElementKey: Hashable {
  let carrier: Int
  let map: Int
  let cell: Int32
}
