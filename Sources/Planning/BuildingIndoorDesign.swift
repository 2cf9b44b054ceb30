import Coverage
import Geo
import Scenario

/// One building parcel's indoor nodes for every carrier of the scenario: its environment and
/// floor, per carrier the layer reaching farthest (`IndoorNodeCoverage`; the first of equals),
/// its nodes — as many as the floor needs for coverage or the busy hour for capacity
/// (`IndoorNodeCapacity`), whichever is more — and the cost of small cells per carrier against
/// a neutral host (`IndoorSystemCost`).
public struct BuildingIndoorDesign: Sendable {
  public struct CarrierDesign: Sendable {
    public let layer: RadioLayer?
    public let coverage: IndoorNodeCoverage?
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
  public let carriers: [CarrierDesign]
  public let cost: IndoorSystemCost

  /// The designs of every parcel with an indoor environment, in scenario order.
  public static func all(_ scenario: ScenarioModel) -> [BuildingIndoorDesign] {
    let memo = CapacityMemo()
    return scenario.parcels.enumerated().compactMap { index, parcel in
      guard let environment = scenario.buildingClass(parcel.buildingClass)?.indoorEnvironment(landUse: parcel.landUse)
      else { return nil }
      return BuildingIndoorDesign(scenario, parcelIndex: index, parcel: parcel, environment: environment, memo: memo)
    }
  }

  init(
    _ scenario: ScenarioModel, parcelIndex: Int, parcel: Parcel, environment: IndoorEnvironment,
    memo: CapacityMemo
  ) {
    self.parcelIndex = parcelIndex
    self.environment = environment
    // One storey's floor: the nodes are laid out per storey (a slab between them).
    let floorM2 = parcel.outline.area * environment.floorShare
    floorAreaM2 = floorM2 * Double(environment.floors)
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
        return CarrierDesign(layer: nil, coverage: nil, capacity: nil, coverageNodes: nil, nodes: nil, das: nil)
      }
      let demandMbps = IndoorNodeCapacity.busyHourDemandMbps(
        workers: parcel.workers, carrier: carrier, scenario: scenario)
      let capacity = memo.capacity(
        coverage: best.coverage, environment: environment, layer: best.layer, node: scenario.indoorSystems,
        scenario: scenario, demandMbps: demandMbps)
      let forCoverage = best.coverage.nodes(floorAreaM2: floorM2).map { $0 * environment.floors }
      let nodes = forCoverage.flatMap { capacity.nodes(atLeast: $0) }
      let das = DASCarrierDesign(
        environment: environment, layer: best.layer, floorAreaM2: floorM2, demandMbps: demandMbps, scenario: scenario,
        memo: memo)
      return CarrierDesign(
        layer: best.layer, coverage: best.coverage, capacity: capacity, coverageNodes: forCoverage, nodes: nodes,
        das: das)
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
