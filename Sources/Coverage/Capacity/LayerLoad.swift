import Foundation
import Radio
import Scenario

/// One sector's busy-hour figures on one grid.
public struct SectorLoad: Sendable, Hashable {
  /// Index into the scenario's sectors.
  public let sectorIndex: Int
  public let carrierID: String
  public let layerID: String
  /// The first zone of the grid's zone group when the run has several grids, else nil.
  public let groupZoneID: String?
  /// Downlink load at the fixed point, 0…1 (the fixed load's shares under `load: <number>`).
  public let load: Double
  /// Downlink demand ÷ capacity before the 100 % cap.
  public let demandToCapacityRatio: Double
  /// Active users it serves, and those it is the best server of without service: below the
  /// RSRP floor, or below the SINR floor even at zero load.
  public let activeUsers: Double
  public let outOfServiceUsers: Double
  public var isOverloaded: Bool { demandToCapacityRatio >= 1 }
}

/// A layer's busy-hour load on one grid and what it does to each cell's rates.
///
/// Demand: each cell's users on this layer (`DemandSplit`), served by its best server where
/// the RSRP behind the building's loss reaches the floor. Interference: a cell's full-load interference (total − best) scaled
/// by ρ̄ of its group, the cells of one `InterferenceMix` block with the same server, whose
/// weights are the other sectors' shares of the block's sampled interference. Loads:
/// `GroupedLoadCoupling`. Rates: each sector's users share its effective bandwidth
/// (`UserRate`), downlink by SINR, uplink by the coupling loss to the server (`UplinkBudget`
/// with the fair share of RBs); the class thresholds of both are found per sector by
/// `MonotoneBins`, so no logarithm is taken per cell.
struct LayerLoad: Sendable {
  /// Group per cell, −1 where no sector reaches.
  let cellGroup: [Int32]
  /// ρ̄ per group.
  let groupLoad: [Double]
  /// Kernel position per scenario sector index (−1: another layer's).
  let kernelOfSector: [Int32]
  /// Per kernel position: downlink rate classes against the linear SINR; uplink rate classes
  /// against the linear coupling gain (RSRP · UE gain / EPRE).
  let downlinkBins: SectorBins
  let uplinkBins: SectorBins
  /// Per kernel position: UE gain / EPRE, mW⁻¹.
  let couplingPerMilliwatt: [Double]
  /// Per kernel position: active users in service.
  let activeUsers: [Double]
  let rates: SectorRates
  let sectors: [SectorLoad]
  /// Active users in cells no sector of the layer reaches.
  let unreachedUsers: Double
  let iterations: Int
  let converged: Bool

  struct Context {
    let scenario: ScenarioModel
    let carrier: Carrier
    let layer: RadioLayer
    let numerology: CarrierNumerology
    /// The carrier's users per cell and layer, and this layer's position in it.
    let demand: DemandSplit
    let layerPosition: Int
    let sinr: SINRTerms
    let indoorLossDB: [Double]
    let groupZoneID: String?
  }

  /// Solved loads made into per-sector class thresholds for `classes` (best first).
  init(
    cellGroup: [Int32], groupLoad: [Double], kernelOfSector: [Int32], couplingPerMilliwatt: [Double],
    activeUsers: [Double], rates: SectorRates, classes: [ServiceClass], sectors: [SectorLoad] = [],
    unreachedUsers: Double = 0, iterations: Int = 0, converged: Bool = true
  ) {
    self.unreachedUsers = unreachedUsers
    self.cellGroup = cellGroup
    self.groupLoad = groupLoad
    self.kernelOfSector = kernelOfSector
    self.couplingPerMilliwatt = couplingPerMilliwatt
    self.activeUsers = activeUsers
    self.rates = rates
    downlinkBins = SectorBins(
      activeUsers.map { users in
        MonotoneBins(thresholds: classes.map(\.minimumDownlinkMbps), tolerance: 1e-6) {
          rates.downlinkMbps(ratio: $0, activeUsers: users)
        }
      })
    uplinkBins = SectorBins(
      activeUsers.map { users in
        MonotoneBins(thresholds: classes.map(\.minimumUplinkMbps), tolerance: 1e-6) {
          rates.uplinkMbps(gain: $0, activeUsers: users)
        }
      })
    self.sectors = sectors
    self.iterations = iterations
    self.converged = converged
  }

  /// ρ̄ of a cell's group (0 where no sector reaches).
  @inline(__always) func load(ofCell cell: Int) -> Double {
    let group = Int(cellGroup[cell])
    return group >= 0 ? groupLoad[group] : 0
  }

  /// Service class index (best first; the class count for none) of the downlink at a linear
  /// SINR from the sector at `position`.
  @inline(__always) func downlinkClass(position: Int, ratio: Double) -> Int {
    downlinkBins.index(position: position, ratio) {
      rates.downlinkMbps(ratio: $0, activeUsers: activeUsers[position])
    }
  }

  /// Service class index of the uplink at a received level `signalMilliwatts` (behind any
  /// building loss) from the sector at `position`.
  @inline(__always) func uplinkClass(position: Int, signalMilliwatts: Double) -> Int {
    uplinkBins.index(position: position, signalMilliwatts * couplingPerMilliwatt[position]) {
      rates.uplinkMbps(gain: $0, activeUsers: activeUsers[position])
    }
  }
}

extension LayerLoad {
  /// Demand, interference mix and the fixed point of one layer on one grid.
  init(
    field: LayerField, kernels: [SectorKernel], raster: ParcelRaster, ground: GroundRaster?, context: Context,
    threads: Int
  ) {
    let grid = raster.grid
    let settings = context.scenario.coverage
    let capacity = settings.capacity
    var positions = [Int32](repeating: -1, count: context.scenario.sectors.count)
    for (position, kernel) in kernels.enumerated() { positions[kernel.sectorIndex] = Int32(position) }
    let mix = InterferenceMix(
      kernels: kernels, grid: grid, raster: raster, ground: ground, layer: context.layer, settings: settings,
      threads: threads)
    let groups = LoadGroups(field: field, grid: grid, mix: mix, kernelOfSector: positions, threads: threads)
    let points = DemandPoints(
      field: field, raster: raster, groups: groups, context: context, sectorCount: kernels.count, threads: threads)
    let downlinkBandwidth = CoverageRun.downlinkBandwidthHz(context.layer)
    let problem = GroupedLoadCoupling(
      effectiveBandwidthsHz: [Double](repeating: downlinkBandwidth, count: kernels.count),
      groupSector: groups.groupSector, groupRowStart: groups.rowStart, weightSector: groups.weightSector,
      weight: groups.weight, pointGroup: points.group, pointSignal: points.signal,
      pointInterference: points.interference, pointUsers: points.users, noiseMilliwatts: context.sinr.noiseMilliwatts,
      demandPerUserBitsPerSecond: capacity.traffic.downlinkDemandPerActiveUserMbps * 1e6)
    let options = LoadCouplingProblem.Options(
      tolerance: 1e-6, maximumIterations: 1000, minimumSINRDB: capacity.floor.minimumSINRDB)
    let solution = problem.solve(
      options: options, fixedLoad: capacity.load == .fixed ? settings.loadFactor : nil, threads: threads)
    let ueGain = Units.ratio(fromDB: capacity.ueAntennaGainDBi)
    let coupling = kernels.map { kernel in
      let sector = context.scenario.sectors[kernel.sectorIndex]
      let epre = LinkBudget.energyPerResourceElementDBm(totalPowerDBm: sector.powerDBm, numerology: context.numerology)
      return ueGain / Units.milliwatts(fromDBm: epre)
    }
    let sectors = kernels.indices.compactMap { position -> SectorLoad? in
      let result = solution.sectors[position]
      let without = result.outOfServiceUsers + points.belowFloor[position]
      guard result.activeUsers + without > 0 else { return nil }
      return SectorLoad(
        sectorIndex: kernels[position].sectorIndex, carrierID: context.carrier.id, layerID: context.layer.id,
        groupZoneID: context.groupZoneID, load: result.load, demandToCapacityRatio: result.demandToCapacityRatio,
        activeUsers: result.activeUsers, outOfServiceUsers: without)
    }
    self.init(
      cellGroup: groups.cellGroup, groupLoad: solution.groupLoad, kernelOfSector: positions,
      couplingPerMilliwatt: coupling, activeUsers: solution.sectors.map(\.activeUsers),
      rates: SectorRates(context: context, downlinkBandwidthHz: downlinkBandwidth),
      classes: settings.serviceClassesBestFirst, sectors: sectors, unreachedUsers: points.unreached,
      iterations: solution.iterations, converged: solution.converged)
  }
}
