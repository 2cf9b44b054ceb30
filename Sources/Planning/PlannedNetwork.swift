import Scenario

/// The network once an option's plan is built, as a scenario a coverage run can take: its
/// busy-hour service classes are the plan's service KPIs in `cosite compare`.
///
/// Only the planned carriers are kept (carriers never interfere: each has its own spectrum,
/// and a carrier's run does not depend on the others'). Each planned carrier keeps the
/// subscriber share it has in the full scenario, written explicitly so that a default
/// equal split does not change with the number of carriers kept. The users of a building
/// whose planned indoor system serves a carrier are that system's: the macro network carries
/// none of them for that carrier (`CapacitySettings.indoorServedParcels`).
public struct PlannedNetwork: Sendable {
  /// The scenario with the plan's stations (new builds as structures).
  public let scenario: ScenarioModel
  /// Per planned carrier (in the plan's carrier order), its carrier index in `scenario`.
  /// Under MOCN every planned carrier maps to the one pooled carrier.
  public let carrierIndex: [Int]

  /// Standalone, passive sharing and MORAN: each station is its carrier's, on its own
  /// spectrum, from the site's structure (a new build's structure added).
  ///
  /// MOCN (Cosite's pooling, `Pooling`): every planned carrier's users are served by every
  /// planned carrier's sites and spectrum, as the plan's coverage counts it. Modelled as one
  /// pooled carrier holding every planned carrier's layers (each carrier's spectrum stays a
  /// separate layer: no interference between them) and sectors, carrying the sum of their
  /// subscriber shares, so the busy-hour load is shared as the pooled radio shares it. Each
  /// planned carrier's figures are the pooled carrier's.
  public init(
    _ scenario: ScenarioModel, carriers: [Int], picks: [Recommender.Pick], pool: CandidatePool?, pooled: Bool
  ) {
    let capacity = scenario.coverage.capacity
    let shares = carriers.map {
      capacity.subscriberShare(of: scenario.carriers[$0], carrierCount: scenario.carriers.count)
    }
    var structures = scenario.structures
    var known = Set(structures.map(\.id))
    var sectors = scenario.sectors
    // Per parcel with a planned indoor system, the carriers (scenario indices) it serves.
    var indoorServed: [Int: Set<Int>] = [:]
    for pick in picks {
      guard let pool else { break }
      let site = pool.sites[pick.offer.siteIndex]
      // Indoor systems have no sectors here: `IndoorServiceCells` serves their buildings'
      // cells beside this run, whose macro sectors carry none of those buildings' users.
      guard !site.isIndoor else {
        if let building = site.building,
          let served = IndoorSystemPlan.served(pick.offer, building: building, pool: pool)
        {
          indoorServed[building.parcelIndex, default: []].formUnion(served.carriers.map(\.index))
        }
        continue
      }
      if known.insert(site.structure.id).inserted { structures.append(site.structure) }
      for station in pick.offer.stations { sectors += pool.stations[station].sectors }
    }
    // Every sector stays, in order, the plan's after today's (a run reads only its carriers'
    // sectors): sector indices are today's, so a run can reuse today's fields (`FieldStore`).
    var coverage = scenario.coverage
    if pooled {
      let members = carriers.map { scenario.carriers[$0] }
      let id = members.map(\.id).joined(separator: "+")
      let layers = members.flatMap { carrier in carrier.layers.map { Self.layer($0, of: carrier) } }
      let planned = Set(members.map(\.id))
      sectors = sectors.map { planned.contains($0.carrierID) ? Self.sector($0, pooledAs: id) : $0 }
      coverage.capacity.subscriberShares = [id: shares.reduce(0, +)]
      // The pooled carrier's users of a building leave the macro network only when the
      // system serves every planned carrier there (else they all stay: errs low).
      let everyone = Set(carriers)
      coverage.capacity.indoorServedParcels = [
        id: Set(indoorServed.filter { everyone.isSubset(of: $0.value) }.keys.map { scenario.parcels[$0].id })
      ]
      self.scenario = scenario.withNetwork(
        carriers: [Carrier(id: id, name: members.map(\.name).joined(separator: " + "), layers: layers)],
        structures: structures, sectors: sectors, coverage: coverage)
      carrierIndex = carriers.map { _ in 0 }
    } else {
      coverage.capacity.subscriberShares = Dictionary(
        uniqueKeysWithValues: zip(carriers, shares).map { (scenario.carriers[$0.0].id, $0.1) })
      coverage.capacity.indoorServedParcels = Dictionary(
        uniqueKeysWithValues: carriers.map { carrier in
          (
            scenario.carriers[carrier].id,
            Set(indoorServed.filter { $0.value.contains(carrier) }.keys.map { scenario.parcels[$0].id })
          )
        })
      self.scenario = scenario.withNetwork(
        carriers: carriers.map { scenario.carriers[$0] }, structures: structures, sectors: sectors,
        coverage: coverage)
      carrierIndex = Array(carriers.indices)
    }
  }

  /// A member's layer inside the pooled carrier: "carrier/layer".
  static func layer(_ layer: RadioLayer, of carrier: Carrier) -> RadioLayer {
    var pooled = RadioLayer(
      id: "\(carrier.id)/\(layer.id)", technology: layer.technology, band: layer.band,
      frequencyMHz: layer.frequencyMHz, bandwidthMHz: layer.bandwidthMHz, tddDownlinkShare: layer.tddDownlinkShare,
      tddUplinkShare: layer.tddUplinkShare, uePowerClass: layer.uePowerClass)
    // The member's radio keeps its measured model in the pool (MOCN shares the radio, not the path).
    pooled.tuning = layer.tuning
    pooled.landCoverTunings = layer.landCoverTunings
    return pooled
  }

  /// A member's sector inside the pooled carrier `id`, on its "carrier/layer" layer.
  static func sector(_ sector: Sector, pooledAs id: String) -> Sector {
    Sector(
      id: sector.id, carrierID: id, layerID: "\(sector.carrierID)/\(sector.layerID)",
      structureID: sector.structureID, azimuthDeg: sector.azimuthDeg, mechanicalTiltDeg: sector.mechanicalTiltDeg,
      electricalTiltDeg: sector.electricalTiltDeg, antennaGainDBi: sector.antennaGainDBi,
      antennaPatternPath: sector.antennaPatternPath, powerDBm: sector.powerDBm, heightM: sector.heightM,
      feederLossDB: sector.feederLossDB, antennaType: sector.antennaType)
  }
}
