import Foundation
import Scenario

/// One carrier's part of a building's distributed antenna system (DAS): the antennas its layer
/// needs over the floor and the sectors its busy hour needs.
///
/// Antennas: a DAS antenna's radius (`IndoorNodeCoverage` at `das_antenna_power_dbm`, the
/// same layer, indoor model and target as the nodes), as many as a layout covering the floor
/// plate at it needs (`IndoorNodeLayout`) on each storey (`IndoorEnvironment.floors`). Sectors: a DAS sector simulcasts one cell per carrier over all its antennas,
/// which do not interfere with each other, so a sector carries what one lone antenna's cell
/// carries, C₀ (`IndoorNodeCapacity` with no neighbour, over one antenna's hexagon; the other
/// antennas of the sector only add signal, so this errs low): ⌈demand ÷ C₀⌉ sectors, at least
/// one, each feeding at least one antenna. Interference between sectors at their borders is
/// not modelled (it errs high).
public struct DASCarrierDesign: Sendable, Hashable {
  public let antennas: Int
  public let sectors: Int
  /// The antennas' reach, and those covering one storey's plate (nil in a design by counts).
  public let coverage: IndoorNodeCoverage?
  public let layout: IndoorNodeLayout?

  public init(antennas: Int, sectors: Int, coverage: IndoorNodeCoverage? = nil, layout: IndoorNodeLayout? = nil) {
    self.antennas = antennas
    self.sectors = sectors
    self.coverage = coverage
    self.layout = layout
  }

  /// The design for one carrier, or nil when a DAS antenna reaches nowhere or carries nothing.
  init?(
    environment: IndoorEnvironment, layer: RadioLayer, demandMbps: Double, scenario: ScenarioModel,
    memo: CapacityMemo, layout: (Double) -> IndoorNodeLayout?
  ) {
    var antenna = scenario.indoorSystems
    antenna.nodePowerDBm = antenna.dasAntennaPowerDBm
    let settings = scenario.coverage
    let coverage = IndoorNodeCoverage(
      environment: environment, layer: layer, node: antenna, ueHeightM: settings.ueHeightM, target: settings.target)
    // The layout is one storey's: its antennas on every storey.
    guard let perFloor = layout(coverage.radiusM) else { return nil }
    let antennas = perFloor.nodes.count * environment.floors
    let sectorMbps = memo.capacity(
      coverage: coverage, environment: environment, layer: layer, node: antenna, scenario: scenario,
      demandMbps: demandMbps
    ).capacityMbps[0]
    guard sectorMbps > 0 else { return nil }
    // Each sector feeds at least one antenna of its own.
    let sectors = max(1, Int((demandMbps / sectorMbps).rounded(.up)))
    self.init(antennas: max(antennas, sectors), sectors: sectors, coverage: coverage, layout: perFloor)
  }

  /// What a DAS carrying carriers whose designs are `designs` costs: the distribution once —
  /// cabling over the floor (`das_cabling_vnd_per_m2`) and as many antennas as the carrier
  /// needing most (`das_antenna_vnd` each) — and per carrier its sectors' signal sources
  /// (`das_source_vnd` each). Each source's yearly cost and power draw are a small cell's
  /// (`small_cell_vnd_per_year`, `node_draw_kw`) [K]. Lifetime over the scenario's horizon and
  /// discount rate; shared, the cost is split evenly, as every shared offer is.
  public static func cost(
    floorAreaM2: Double, designs: [DASCarrierDesign], settings: IndoorSystemSettings, costs: CostParameters
  ) -> OfferCost {
    let antennas = Double(designs.map(\.antennas).max() ?? 0)
    let sources = Double(designs.reduce(0) { $0 + $1.sectors })
    let oneOff =
      floorAreaM2 * settings.dasCablingVNDPerM2 + antennas * settings.dasAntennaVND + sources * settings.dasSourceVND
    let yearly = sources * settings.smallCellVNDPerYear
    let annuity = CostModel.annuityFactor(discountRate: costs.discountRate, horizonYears: costs.horizonYears)
    return OfferCost(
      oneOffVND: oneOff, yearlyVND: yearly, lifetimeVND: oneOff + yearly * annuity,
      energyKWhPerYear: sources * settings.nodeDrawKW * 8_760)
  }
}
