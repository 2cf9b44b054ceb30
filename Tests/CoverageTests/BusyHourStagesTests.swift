import Foundation
import Radio
import Scenario
import Testing

@testable import Coverage

/// The busy hour's per-cell stages on row bands (issue #17): the load groups against their
/// definition written out block by block, the demand points against a cell-by-cell pass, on
/// 1, 2 and 5 threads, over a world of more than eight bands with two layers.
@Suite struct BusyHourStagesTests {
  /// The banded world with a service floor of −130 dBm (a third to two thirds of the parcel
  /// cells fall below it, by layer) and a reach of 1.2 km (so that no sector reaches some
  /// parcels' cells), both layers' fields, and what `CoverageRun` hands `LayerLoad` for layer
  /// `position`.
  struct Setup {
    let grid: CoverageGrid
    let raster: ParcelRaster
    let kernels: [SectorKernel]
    let field: LayerField
    let positions: [Int32]
    let mix: InterferenceMix
    let context: LayerLoad.Context

    init(position: Int) throws {
      let world = try BandedWorld.scenario()
      var coverage = world.coverage
      coverage.capacity.floor.minimumRSRPDBm = -130
      coverage.maxRadiusM = 1_200
      let model = world.withNetwork(
        carriers: world.carriers, structures: world.structures, sectors: world.sectors, coverage: coverage)
      let settings = model.coverage
      let carrier = model.carriers[0]
      let grid = try #require(CoverageRun.gridCovering(model))
      let raster = ParcelRaster(scenario: model, grid: grid)
      var builder = KernelBuilder(settings: settings, propagations: raster.propagations, grid: grid, patterns: [:])
      let structures = Dictionary(uniqueKeysWithValues: model.structures.map { ($0.id, $0) })
      let classes = Dictionary(uniqueKeysWithValues: model.buildingClasses.map { ($0.name, $0) })
      var prepared: [(layer: RadioLayer, kernels: [SectorKernel], field: LayerField, loss: [Double])] = []
      for layer in carrier.layers {
        let numerology = try #require(layer.numerology)
        let kernels = model.sectors.enumerated().compactMap { index, sector -> SectorKernel? in
          guard sector.layerID == layer.id, let structure = structures[sector.structureID] else { return nil }
          return builder.kernel(
            sectorIndex: index, sector: sector, structure: structure, layer: layer, numerology: numerology)
        }
        let field = FieldEngine.compute(
          kernels: kernels, grid: grid, propagationClass: raster.propagationClass, terrain: nil, threads: 2)
        let loss = raster.parcels.indices.map { parcel in
          CoverageRun.indoorLossDB(
            classes[raster.parcels[parcel].buildingClass]!, frequencyMHz: layer.frequencyMHz,
            propagation: raster.propagation(ofParcel: parcel), settings: settings)
        }
        prepared.append((layer, kernels, field, loss))
      }
      let demand = DemandSplit(
        carrier: carrier, layers: prepared.map { ($0.layer, $0.field, $0.loss) }, raster: raster, scenario: model)
      let chosen = prepared[position]
      let numerology = try #require(chosen.layer.numerology)
      let kernels = chosen.kernels
      var positions = [Int32](repeating: -1, count: model.sectors.count)
      for (position, kernel) in kernels.enumerated() { positions[kernel.sectorIndex] = Int32(position) }
      let mix = InterferenceMix(
        kernels: kernels, grid: grid, raster: raster, ground: nil, layer: chosen.layer, settings: settings,
        threads: 2)
      let sinr = SINRTerms(
        noiseMilliwatts: Units.milliwatts(
          fromDBm: LinkBudget.noisePerResourceElementDBm(numerology: numerology, noiseFigureDB: settings.noiseFigureDB)),
        indoorLossDB: chosen.loss)
      let context = LayerLoad.Context(
        scenario: model, carrier: carrier, layer: chosen.layer, numerology: numerology, demand: demand,
        layerPosition: position, sinr: sinr, indoorLossDB: chosen.loss, groupZoneID: nil)
      (self.grid, self.raster, self.kernels, self.field) = (grid, raster, kernels, chosen.field)
      (self.positions, self.mix, self.context) = (positions, mix, context)
    }
  }

  /// `LoadGroups`' definition, one block after another in row-major order: a block's cells in
  /// row-major order, a new group at each server not yet seen in the block, its weights the
  /// other sectors' shares of the block's sampled levels.
  @Test func loadGroupsAreTheirDefinitionWhateverTheThreads() throws {
    let setup = try Setup(position: 1)
    let (grid, mix, field) = (setup.grid, setup.mix, setup.field)
    #expect(grid.rows > 8 * ParallelRows.rowsPerBand && mix.blockRows > 8)
    var cellGroup = [Int32](repeating: -1, count: grid.cellCount)
    var groupSector: [Int32] = []
    var rowStart = [0]
    var weightSector: [Int32] = []
    var weight: [Double] = []
    let m = mix.blockCells
    for block in 0..<(mix.blockRows * mix.blockColumns) {
      var seen: [Int32: Int32] = [:]
      let (blockRow, blockColumn) = (block / mix.blockColumns, block % mix.blockColumns)
      for row in blockRow * m..<min(grid.rows, (blockRow + 1) * m) {
        for column in blockColumn * m..<min(grid.columns, (blockColumn + 1) * m) {
          let cell = row * grid.columns + column
          let server = Int(field.server[cell])
          guard server >= 0, setup.positions[server] >= 0 else { continue }
          let position = setup.positions[server]
          if let group = seen[position] {
            cellGroup[cell] = group
            continue
          }
          let group = Int32(groupSector.count)
          seen[position] = group
          cellGroup[cell] = group
          groupSector.append(position)
          let others = (mix.rowStart[block]..<mix.rowStart[block + 1]).filter { mix.kernelPosition[$0] != position }
          let sum = others.reduce(0.0) { $0 + mix.levelMilliwatts[$1] }
          if sum > 0 {
            for entry in others {
              weightSector.append(mix.kernelPosition[entry])
              weight.append(mix.levelMilliwatts[entry] / sum)
            }
          }
          rowStart.append(weightSector.count)
        }
      }
    }
    #expect(groupSector.count > mix.blockRows * mix.blockColumns / 2)
    #expect(Set(groupSector).count == setup.kernels.count)
    for threads in [1, 2, 5] {
      let groups = LoadGroups(
        field: field, grid: grid, mix: mix, kernelOfSector: setup.positions, threads: threads)
      #expect(groups.cellGroup == cellGroup && groups.groupSector == groupSector)
      #expect(groups.rowStart == rowStart && groups.weightSector == weightSector)
      #expect(groups.weight.map(\.bitPattern) == weight.map(\.bitPattern))
    }
  }

  /// The demand points of each layer in cell order, against a pass over every cell: a cell of
  /// a parcel with users is a point when a sector reaches it and its RSRP behind the building
  /// loss reaches the floor, else its users count below the floor (by server) or unreached.
  /// Summed per run on the bands, the users left out may differ from the cell-by-cell sums in
  /// the last bits only; over both layers every parcel's active users are counted once.
  @Test func demandPointsAreACellByCellPassAndCountEveryUserOnce() throws {
    var counted = 0.0
    var expectedTotal = 0.0
    for position in [0, 1] {
      let setup = try Setup(position: position)
      let (raster, field, context) = (setup.raster, setup.field, setup.context)
      let groups = LoadGroups(field: field, grid: setup.grid, mix: setup.mix, kernelOfSector: setup.positions)
      let floor = context.scenario.coverage.capacity.floor.minimumRSRPDBm
      var group: [Int32] = []
      var signal: [Float] = []
      var interference: [Float] = []
      var users: [Double] = []
      var belowFloor = [Double](repeating: 0, count: setup.kernels.count)
      var unreached = context.demand.usersWithoutCells * context.demand.capacityShare[position]
      for cell in 0..<setup.grid.cellCount {
        let parcel = Int(raster.parcelIndex[cell])
        guard parcel >= 0 else { continue }
        let cellUsers = context.demand.users(cell: cell, parcel: parcel, layer: position)
        guard cellUsers > 0 else { continue }
        let cellGroup = groups.cellGroup[cell]
        if cellGroup < 0 {
          unreached += cellUsers
        } else if Double(field.bestDBm[cell]) - context.indoorLossDB[parcel] < floor {
          belowFloor[Int(groups.groupSector[Int(cellGroup)])] += cellUsers
        } else {
          let level = pow(10, Double(field.bestDBm[cell]) / 10)
          let a = context.sinr.attenuation[parcel]
          group.append(cellGroup)
          signal.append(Float(level * a))
          interference.append(Float(max(Double(field.totalMilliwatts[cell]) - level, 0) * a))
          users.append(cellUsers)
        }
      }
      #expect(!users.isEmpty, "layer \(position)")
      #expect(belowFloor.reduce(0, +) > 0, "layer \(position)")
      #expect(unreached > 0, "layer \(position)")
      let single = DemandPoints(
        field: field, raster: raster, groups: groups, context: context, sectorCount: setup.kernels.count, threads: 1)
      #expect(single.group == group && single.users == users)
      #expect(single.signal.map(\.bitPattern) == signal.map(\.bitPattern))
      #expect(single.interference.map(\.bitPattern) == interference.map(\.bitPattern))
      for (got, expected) in zip(single.belowFloor, belowFloor) { #expect(abs(got - expected) <= 1e-12 * expected) }
      #expect(abs(single.unreached - unreached) <= 1e-12 * unreached)
      for threads in [2, 5] {
        let banded = DemandPoints(
          field: field, raster: raster, groups: groups, context: context, sectorCount: setup.kernels.count,
          threads: threads)
        #expect(banded.group == single.group && banded.users == single.users)
        #expect(banded.signal == single.signal && banded.interference == single.interference)
        #expect(banded.belowFloor.map(\.bitPattern) == single.belowFloor.map(\.bitPattern))
        #expect(banded.unreached.bitPattern == single.unreached.bitPattern)
      }
      counted += single.users.reduce(0, +) + single.belowFloor.reduce(0, +) + single.unreached
      if position == 0 {
        // Every parcel's workers × the carrier's subscriber share × the busy-hour active share.
        let capacity = context.scenario.coverage.capacity
        let share = capacity.subscriberShare(of: context.carrier, carrierCount: 1)
        expectedTotal = raster.parcels.reduce(0) {
          $0 + capacity.traffic.activeUsers(people: $1.workers, subscriberShare: share)
        }
      }
    }
    #expect(abs(counted - expectedTotal) <= 1e-9 * expectedTotal)
  }
}
