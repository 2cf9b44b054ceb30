import Coverage
import Geo
import Scenario

/// One building parcel's indoor nodes for every carrier of the scenario: its environment and
/// floor plate (`FloorPlate`), per carrier the layer reaching farthest (`IndoorNodeCoverage`;
/// the first of equals), its nodes — as many as a layout covering the plate needs on each
/// storey (`IndoorNodeLayout`) or the busy hour for capacity (`IndoorNodeCapacity`),
/// whichever is more — and the cost of small cells per carrier against
/// a neutral host (`IndoorSystemCost`).
public struct BuildingIndoorDesign: Sendable {
  public struct CarrierDesign: Sendable {
    public let layer: RadioLayer?
    public let coverage: IndoorNodeCoverage?
    /// The nodes covering one storey's plate at the coverage radius.
    public let layout: IndoorNodeLayout?
    public let capacity: IndoorNodeCapacity?
    /// Nodes for coverage alone; the design's `nodes` adds what capacity needs.
    public let coverageNodes: Int?
    public let nodes: Int?
    /// The carrier's part of a DAS instead (`DASCarrierDesign`); nil where none reaches.
    public let das: DASCarrierDesign?
  }

  public let parcelIndex: Int
  public let environment: IndoorEnvironment
  /// The floor area of all its storeys, m² (each `floorShare` × the parcel).
  public let floorAreaM2: Double
  /// One storey's floor plate in the scenario's metric CRS (every storey alike).
  public let plate: MultiPolygon
  public let carriers: [CarrierDesign]
  public let cost: IndoorSystemCost

  /// The designs of every parcel with an indoor environment, in scenario order, computed on
  /// up to `threads` threads (each with its own capacity memo and GEOS context; the designs
  /// do not depend on the count).
  public static func all(_ scenario: ScenarioModel, threads: Int = 1) -> [BuildingIndoorDesign] {
    let buildings = scenario.parcels.enumerated().compactMap { index, parcel in
      scenario.buildingClass(parcel.buildingClass)?.indoorEnvironment(landUse: parcel.landUse).map {
        (index, parcel, $0)
      }
    }
    return StridedWork.map(buildings.count, threads: threads, state: { (CapacityMemo(), GeometryEngine()) }) {
      item, state in
      let (index, parcel, environment) = buildings[item]
      return BuildingIndoorDesign(
        scenario, parcelIndex: index, parcel: parcel, environment: environment, memo: state.0, engine: state.1)
    }
  }

  init(
    _ scenario: ScenarioModel, parcelIndex: Int, parcel: Parcel, environment: IndoorEnvironment,
    memo: CapacityMemo, engine: GeometryEngine
  ) {
    self.parcelIndex = parcelIndex
    self.environment = environment
    // One storey's floor: the nodes are laid out per storey (a slab between them).
    let floorM2 = parcel.outline.area * environment.floorShare
    floorAreaM2 = floorM2 * Double(environment.floors)
    let plate = FloorPlate.plate(of: parcel.outline, share: environment.floorShare, engine: engine)
    self.plate = plate
    // Carriers on the same band reach as far: one layout per radius.
    var layouts: [Double: IndoorNodeLayout?] = [:]
    func layout(_ radiusM: Double) -> IndoorNodeLayout? {
      if let known = layouts[radiusM] { return known }
      let made = IndoorNodeLayout(covering: plate, radiusM: radiusM)
      layouts[radiusM] = made
      return made
    }
    let settings = scenario.coverage
    carriers = scenario.carriers.map { carrier in
      var best: (layer: RadioLayer, coverage: IndoorNodeCoverage)?
      for layer in carrier.layers {
        let coverage = IndoorNodeCoverage(
          environment: environment, layer: layer, node: scenario.indoorSystems, ueHeightM: settings.ueHeightM,
          target: settings.target)
        if coverage.radiusM > (best?.coverage.radiusM ?? 0) { best = (layer, coverage) }
      }
      guard let best else {
        return CarrierDesign(
          layer: nil, coverage: nil, layout: nil, capacity: nil, coverageNodes: nil, nodes: nil, das: nil)
      }
      let demandMbps = IndoorNodeCapacity.busyHourDemandMbps(
        workers: parcel.workers, carrier: carrier, scenario: scenario)
      let capacity = memo.capacity(
        coverage: best.coverage, environment: environment, layer: best.layer, node: scenario.indoorSystems,
        scenario: scenario, demandMbps: demandMbps)
      let nodeLayout = layout(best.coverage.radiusM)
      let forCoverage = nodeLayout.map { $0.nodes.count * environment.floors }
      let nodes = forCoverage.flatMap { capacity.nodes(atLeast: $0) }
      let das = DASCarrierDesign(
        environment: environment, layer: best.layer, demandMbps: demandMbps, scenario: scenario, memo: memo,
        layout: layout)
      return CarrierDesign(
        layer: best.layer, coverage: best.coverage, layout: nodeLayout, capacity: capacity,
        coverageNodes: forCoverage, nodes: nodes, das: das)
    }
    cost = IndoorSystemCost(
      nodes: carriers.map(\.nodes), settings: scenario.indoorSystems, costs: scenario.costs,
      factors: scenario.sharing.factors)
  }
}

/// Node capacities already computed: they depend on the environment, the layer and the node's
/// radio, not on the building, so a scenario's designs compute each once.
final class CapacityMemo {
  private struct Key: Hashable {
    let environment: IndoorEnvironment
    let layer: RadioLayer
    let node: IndoorSystemSettings
  }
  private var table: [Key: [Double]] = [:]

  func capacity(
    coverage: IndoorNodeCoverage, environment: IndoorEnvironment, layer: RadioLayer, node: IndoorSystemSettings,
    scenario: ScenarioModel, demandMbps: Double
  ) -> IndoorNodeCapacity {
    let key = Key(environment: environment, layer: layer, node: node)
    if let known = table[key] { return IndoorNodeCapacity(capacityMbps: known, demandMbps: demandMbps) }
    let computed = IndoorNodeCapacity(
      coverage: coverage, environment: environment, layer: layer, node: node, ueHeightM: scenario.coverage.ueHeightM,
      floor: scenario.coverage.capacity.floor, demandMbps: demandMbps)
    table[key] = computed.capacityMbps
    return computed
  }
}
