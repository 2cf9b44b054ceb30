import Dispatch
import Foundation
import Geo
import Radio
import Scenario

/// Computes a scenario's coverage: grid, rasterised parcels, every layer's field,
/// per-parcel figures and map polygons.
///
/// ```swift
/// let coverage = try CoverageRun.run(scenario)
/// ```
public enum CoverageRun {
  /// - Parameters:
  ///   - threads: worker count for the field engine and every stage after it (results do not
  ///     depend on it).
  ///   - progress: called with a stage description and the share of layers done.
  ///   - clustering: one grid per group of nearby zones (`ZoneClusters`); false forces one
  ///     grid over everything (the figures are the same; tests compare the two).
  ///   - cells: receives each carrier layer's per-cell values on each grid as soon as they are
  ///     reduced (for rasters); the run keeps none of them. Called on the calling thread.
  ///   - fields: records every layer's field, or reuses recorded ones (`FieldStore`).
  ///   - checked: the scenario already passed `Preflight.check` (`JobInput.load`): not again.
  public static func run(
    _ scenario: ScenarioModel, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    clustering: Bool = true, progress: ((String, Double) -> Void)? = nil, cells: ((LayerCells) throws -> Void)? = nil,
    fields: FieldStore? = nil, checked: Bool = false
  ) throws -> CoverageResult {
    if !checked { try Preflight.check(scenario, clustering: clustering, threads: threads) }
    let groups = groups(of: scenario, clustering: clustering)
    let results = try run(
      scenario, groups: groups, only: Array(groups.indices), threads: threads, progress: progress, cells: cells,
      fields: fields)
    progress?("done", 1)
    return assemble(results.map(\.result), groups: groups, scenario: scenario)
  }

  /// One grid's run: the zones of `scenario` on `grid` (`group`: its first zone's id when
  /// the scenario has several grids).
  static func run(
    _ scenario: ScenarioModel, grid: CoverageGrid, threads: Int, progress: ((String, Double) -> Void)?,
    group: String? = nil, cells: ((LayerCells) throws -> Void)? = nil, fields: FieldStore? = nil
  ) throws -> CoverageResult {
    var timings = StageTimings()
    var clock = DispatchTime.now()
    func lap() -> Double {
      let now = DispatchTime.now()
      defer { clock = now }
      return Double(now.uptimeNanoseconds - clock.uptimeNanoseconds) / 1e9
    }
    let raster = ParcelRaster(scenario: scenario, grid: grid, threads: threads)
    let ground = try scenario.terrain.map {
      try GroundRaster(dem: $0, grid: grid, crs: scenario.crs, demName: $0.sourceName, threads: threads)
    }
    timings.rasteriseSeconds = lap()
    let settings = scenario.coverage
    var builder = KernelBuilder(
      settings: settings, propagations: raster.propagations, grid: grid, patterns: scenario.antennaPatterns)
    let structures = Dictionary(scenario.structures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let classes = Dictionary(scenario.buildingClasses.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let layerCount = scenario.carriers.reduce(0) { $0 + $1.layers.count }
    var layers: [LayerCoverage] = []
    var carriers: [CarrierCoverage] = []
    var coveredByCarrier: [[UInt8]] = []
    var coveredOutdoorByCarrier: [[UInt8]] = []
    var indoorClassByCarrier: [[UInt16]] = []
    for carrier in scenario.carriers {
      // Every layer's field first: a cell's busy-hour users go to the layers that serve it.
      var prepared: [PreparedLayer] = []
      for layer in carrier.layers {
        guard let numerology = layer.numerology else { continue }
        progress?("\(carrier.id) \(layer.id): field", Double(layers.count) / Double(max(layerCount, 1)))
        // Sectors farther than `max_radius_m` from every cell add nothing to the grid's field:
        // left out before their kernels are built (a national scenario has a million
        // sectors). The busy hour's interference mix samples partial edge blocks at their
        // coarse centres, up to half a block outside the grid: a sector within that sliver
        // beyond reach no longer enters such a block's mix (single and tiled runs alike).
        let kernels = scenario.sectors.enumerated().compactMap { index, sector -> SectorKernel? in
          guard sector.carrierID == carrier.id, sector.layerID == layer.id,
            let structure = structures[sector.structureID],
            grid.distanceM(to: structure.position) <= settings.maxRadiusM
          else { return nil }
          return builder.kernel(
            sectorIndex: index, sector: sector, structure: structure, layer: layer, numerology: numerology)
        }
        func compute(_ kernels: [SectorKernel]) -> LayerField {
          fieldOf(kernels, grid: grid, raster: raster, ground: ground, layer: layer, settings, threads)
        }
        let field = fields?.field(group: group, kernels: kernels, compute: compute) ?? compute(kernels)
        timings.fieldSeconds += lap()
        let indoor = raster.parcels.indices.map { parcel in
          classes[raster.parcels[parcel].buildingClass].map {
            IndoorLoss(
              levelDB: Self.indoorLossDB(
                $0, frequencyMHz: layer.frequencyMHz,
                propagation: raster.propagation(ofParcel: parcel).tuned(on: layer), settings: settings),
              meanDB: Self.indoorLossDB($0, frequencyMHz: layer.frequencyMHz), sigmaDB: Self.o2iSigmaDB($0),
              isBuilding: $0.o2i != O2IModel.none)
          } ?? .none
        }
        prepared.append(
          PreparedLayer(layer: layer, numerology: numerology, kernels: kernels, field: field, indoor: indoor))
      }
      let demand = DemandSplit(
        carrier: carrier, layers: prepared.map { ($0.layer, $0.field, $0.indoor.map(\.levelDB)) },
        raster: raster, scenario: scenario, threads: threads)
      timings.loadSeconds += lap()
      var accumulator = CarrierAccumulator(
        cellCount: grid.cellCount, settings: settings, columns: grid.columns, threads: threads)
      timings.reduceSeconds += lap()
      let layerTotal = prepared.count
      while !prepared.isEmpty {
        // Taken out of the list, so that each layer's field is dropped once it is done.
        let entry = prepared.removeFirst()
        let position = layerTotal - prepared.count - 1
        let (layer, numerology, kernels, field, indoor) = (
          entry.layer, entry.numerology, entry.kernels, entry.field, entry.indoor
        )
        let indoorLoss = indoor.map(\.levelDB)
        let sinr = SINRTerms(
          noiseMilliwatts: Units.milliwatts(
            fromDBm: LinkBudget.noisePerResourceElementDBm(
              numerology: numerology, noiseFigureDB: settings.noiseFigureDB)),
          indoorLossDB: indoorLoss)
        let load = LayerLoad(
          field: field, kernels: kernels, raster: raster, ground: ground,
          context: LayerLoad.Context(
            scenario: scenario, carrier: carrier, layer: layer, numerology: numerology, demand: demand,
            layerPosition: position, sinr: sinr, indoorLossDB: indoorLoss, groupZoneID: group), threads: threads)
        timings.loadSeconds += lap()
        let reduction = LayerReduction(
          field: field, raster: raster, settings: settings, sinr: sinr, load: load, indoorLossDB: indoorLoss,
          accumulator: &accumulator, threads: threads)
        timings.reduceSeconds += lap()
        if let cells {
          try cells(
            LayerCells(
              carrierID: carrier.id, layerID: layer.id, groupZoneID: group, field: field, kernels: kernels,
              raster: raster, settings: settings, noiseMilliwatts: sinr.noiseMilliwatts, load: load, indoor: indoor,
              threads: threads))
        }
        timings.rastersSeconds += lap()
        progress?("\(carrier.id) \(layer.id): maps", Double(layers.count) / Double(max(layerCount, 1)))
        let bands = Polygoniser.polygons(classes: reduction.rsrpClasses, grid: grid, threads: threads)
        let servers = Polygoniser.polygons(classes: reduction.serverClasses, grid: grid, threads: threads)
        timings.polygoniseSeconds += lap()
        layers.append(
          LayerCoverage(
            carrierID: carrier.id, layer: layer, rsrpBands: bands.map { (Int($0.classValue), $0.shape) },
            bestServer: servers.map { (Int($0.classValue), $0.shape) }, rsrpOutdoor: reduction.rsrpOutdoor,
            rsrpIndoor: reduction.rsrpIndoor, sinrOutdoor: reduction.sinrOutdoor, sinrIndoor: reduction.sinrIndoor,
            uplinkLimitedOutdoor: reduction.uplinkLimitedOutdoor, uplinkLimitedIndoor: reduction.uplinkLimitedIndoor,
            sectorLoads: load.sectors, unreachedUsers: load.unreachedUsers, loadIterations: load.iterations,
            loadConverged: load.converged,
            evaluations: field.evaluations))
      }
      carriers.append(carrierCoverage(carrier.id, accumulator, raster: raster, settings: settings, threads: threads))
      coveredByCarrier.append(accumulator.covered)
      coveredOutdoorByCarrier.append(accumulator.coveredOutdoor)
      indoorClassByCarrier.append(accumulator.bestIndoorClass)
      timings.polygoniseSeconds += lap()
    }
    progress?("done", 1)
    var result = CoverageResult(
      grids: [grid], settings: settings, parcels: raster.parcels, zoneOfParcel: raster.zoneOfParcel,
      parcelCells: raster.cellCount,
      parcelIsIndoor: raster.parcels.map { (classes[$0.buildingClass]?.o2i ?? .none) != O2IModel.none },
      layers: layers, carriers: carriers,
      cellMaps: [
        CellMap(
          grid: grid, parcelIndex: raster.parcelIndex, propagationClass: raster.propagationClass,
          propagations: raster.propagations, coveredByCarrier: coveredByCarrier,
          coveredOutdoorByCarrier: coveredOutdoorByCarrier, indoorClassByCarrier: indoorClassByCarrier,
          groundM: ground?.heightsM)
      ], timings: timings)
    result.validity = builder.validity
    return result
  }

  /// A layer's field and what its reduction needs, kept until every layer of the carrier has
  /// its field (`DemandSplit`).
  struct PreparedLayer {
    let layer: RadioLayer
    let numerology: CarrierNumerology
    let kernels: [SectorKernel]
    let field: LayerField
    let indoor: [IndoorLoss]
  }

  /// The grid over every zone's parcels plus the scenario's margin; nil without parcels.
  static func gridCovering(_ scenario: ScenarioModel) -> CoverageGrid? {
    guard let box = scenario.parcels.compactMap(\.outline.bounds).reduce(nil, MultiPolygon.union) else { return nil }
    return CoverageGrid(covering: box, marginM: scenario.grid.marginM, resolutionM: scenario.grid.resolutionM)
  }

  static func fieldOf(
    _ kernels: [SectorKernel], grid: CoverageGrid, raster: ParcelRaster, ground: GroundRaster?, layer: RadioLayer,
    _ settings: CoverageSettings, _ threads: Int
  ) -> LayerField {
    guard let ground else {
      return FieldEngine.compute(
        kernels: kernels, grid: grid, propagationClass: raster.propagationClass, terrain: nil, threads: threads)
    }
    return ground.heightsM.withUnsafeBufferPointer { heights in
      TerrainProfiles.field(
        kernels: kernels, grid: grid, propagationClass: raster.propagationClass, ground: heights,
        method: settings.diffraction, frequencyMHz: layer.frequencyMHz, kFactor: settings.kFactor,
        maxRadiusM: settings.maxRadiusM, threads: threads)
    }
  }

  /// TR 38.901 §7.4.3 O2I loss of a building class (0 for open land) plus its extra loss:
  /// the mean loss, at the mean indoor depth unless one user's depth is given.
  public static func indoorLossDB(
    _ buildingClass: BuildingClass, frequencyMHz: Double,
    indoorDepthM: Double = BuildingPenetration.meanIndoorDepthM
  ) -> Double {
    let model: BuildingPenetration.Model
    switch buildingClass.o2i {
    case .none: return buildingClass.extraLossDB
    case .lowLoss: model = .lowLoss
    case .highLoss: model = .highLoss
    }
    return BuildingPenetration.lossDB(
      model, frequencyMHz: frequencyMHz, indoorDepthM: indoorDepthM, extraLossDB: buildingClass.extraLossDB)
  }

  /// What indoors adds to the outdoor loss at the target's reliability r: the mean O2I loss
  /// plus the wider spread of outdoor fading and O2I together (TR 38.901 §7.4.3: the O2I
  /// term N(0, σ_P²) is independent of shadow fading), Φ⁻¹(r)·(√(σ² + σ_P²) − σ). Exact for
  /// one LOS state; under a probabilistic state σ is NLOS's (`indoorReferenceSigmaDB`).
  /// At r = 0.5 it is the mean loss.
  public static func indoorLossDB(
    _ buildingClass: BuildingClass, frequencyMHz: Double, propagation: Propagation, settings: CoverageSettings
  ) -> Double {
    let mean = indoorLossDB(buildingClass, frequencyMHz: frequencyMHz)
    let spread = o2iSigmaDB(buildingClass)
    guard spread > 0 else { return mean }
    let outdoor = propagation.indoorReferenceSigmaDB(frequencyMHz: frequencyMHz, ueHeightM: settings.ueHeightM)
    let combined = (outdoor * outdoor + spread * spread).squareRoot()
    return mean + settings.target.reliabilityQuantile * (combined - outdoor)
  }

  /// σ of a building class's O2I loss: its own, else TR 38.901 Table 7.4.3-2's σ_P.
  public static func o2iSigmaDB(_ buildingClass: BuildingClass) -> Double {
    if let own = buildingClass.o2iSigmaDB { return own }
    switch buildingClass.o2i {
    case .none: return 0
    case .lowLoss: return ShadowFading.o2iSigmaDB(.lowLoss)
    case .highLoss: return ShadowFading.o2iSigmaDB(.highLoss)
    }
  }
}
