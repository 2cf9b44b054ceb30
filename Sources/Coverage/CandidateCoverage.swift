import Radio
import Scenario

/// Where a planned station (a set of sectors on one structure) would newly meet the
/// coverage target for its carrier: the field of its sectors, computed by the field engine
/// on a window of each grid around the structure, judged as `cosite run` judges today's
/// cells (best RSRP of a layer, less the parcel's O2I loss when the target is indoor).
/// The window reaches as far as the sectors could still reach the target at boresight over
/// flat ground; with a DEM, the terrain's diffraction and height changes apply inside it.
public struct CandidateCoverage: Sendable {
  let scenario: ScenarioModel
  let maps: [CellMap]
  let settings: CoverageSettings
  /// Per carrier and layer (scenario order): O2I loss per parcel, dB.
  let indoorLossDB: [[[Double]]]

  public init(scenario: ScenarioModel, coverage: CoverageResult) {
    self.scenario = scenario
    maps = coverage.cellMaps
    var settings = scenario.coverage
    // Nothing weaker than the target can meet it, even outdoors.
    settings.floorDBm = max(settings.floorDBm, settings.target.rsrpDBm)
    self.settings = settings
    let classes = Dictionary(scenario.buildingClasses.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
    let parcels = scenario.parcels
    let propagations = scenario.propagationOfParcels
    let indoor = settings.target.indoor
    indoorLossDB = scenario.carriers.map { carrier in
      carrier.layers.map { layer in
        parcels.indices.map { parcel in
          guard indoor, let buildingClass = classes[parcels[parcel].buildingClass] else { return 0 }
          return CoverageRun.indoorLossDB(
            buildingClass, frequencyMHz: layer.frequencyMHz, propagation: propagations[parcel].tuned(on: layer),
            settings: settings)
        }
      }
    }
  }

  /// The cells a station (`sectors` of carrier `carrierIndex` on `structure`) newly
  /// covers per cell map (ascending): by the scenario's target, and by the target's RSRP
  /// outdoors (no building loss; the same cells for an outdoor target). Single-threaded:
  /// callers run stations in parallel.
  public func field(
    sectors: [Sector], structure: Structure, carrierIndex: Int
  ) -> (target: [[Int32]], outdoor: [[Int32]]) {
    let carrier = scenario.carriers[carrierIndex]
    let layers = carrier.layers.enumerated().compactMap { index, layer -> (Int, RadioLayer, CarrierNumerology)? in
      layer.numerology.map { (index, layer, $0) }
    }
    let perMap = maps.map { map -> ([Int32], [Int32]) in
      // One window for every layer: as far as the farthest-reaching sector.
      var probe = KernelBuilder(
        settings: settings, propagations: map.propagations, grid: map.grid, patterns: scenario.antennaPatterns)
      var reachM = 0.0
      for (_, layer, numerology) in layers {
        for (index, sector) in sectors.enumerated() where sector.layerID == layer.id {
          let kernel = probe.kernel(
            sectorIndex: index, sector: sector, structure: structure, layer: layer, numerology: numerology)
          reachM = max(reachM, kernel.reachM)
        }
      }
      guard let area = Self.window(around: structure, reachM: reachM, in: map.grid) else { return ([], []) }
      var hit = [Bool](repeating: false, count: area.cellCount)
      var hitOutdoor = hit
      let (columnOffset, rowOffset) = Self.offset(of: area, in: map.grid)
      var classes = [UInt8](repeating: 0, count: area.cellCount)
      var ground = map.groundM.map { _ in [Float](repeating: 0, count: area.cellCount) }
      for row in 0..<area.rows {
        for column in 0..<area.columns {
          let global = (row + rowOffset) * map.grid.columns + column + columnOffset
          classes[row * area.columns + column] = map.propagationClass[global]
          if let heights = map.groundM { ground?[row * area.columns + column] = heights[global] }
        }
      }
      for (layerIndex, layer, numerology) in layers {
        let own = sectors.enumerated().filter { $0.element.layerID == layer.id }
        guard !own.isEmpty else { continue }
        var builder = KernelBuilder(
          settings: settings, propagations: map.propagations, grid: area, patterns: scenario.antennaPatterns)
        let kernels = own.map {
          builder.kernel(
            sectorIndex: $0.offset, sector: $0.element, structure: structure, layer: layer, numerology: numerology)
        }
        let field = self.field(kernels, area: area, classes: classes, ground: ground, layer: layer)
        let losses = indoorLossDB[carrierIndex][layerIndex]
        let target = settings.target.rsrpDBm
        for row in 0..<area.rows {
          for column in 0..<area.columns {
            let cell = row * area.columns + column
            let global = (row + rowOffset) * map.grid.columns + column + columnOffset
            let parcel = Int(map.parcelIndex[global])
            guard parcel >= 0 else { continue }
            let best = Double(field.bestDBm[cell])
            if map.coveredByCarrier[carrierIndex][global] == 0, best - losses[parcel] >= target { hit[cell] = true }
            if map.coveredOutdoorByCarrier[carrierIndex][global] == 0, best >= target { hitOutdoor[cell] = true }
          }
        }
      }
      var cells: [Int32] = []
      var outdoor: [Int32] = []
      for row in 0..<area.rows {
        for column in 0..<area.columns {
          let global = Int32((row + rowOffset) * map.grid.columns + column + columnOffset)
          if hit[row * area.columns + column] { cells.append(global) }
          if hitOutdoor[row * area.columns + column] { outdoor.append(global) }
        }
      }
      return (cells, outdoor)
    }
    return (perMap.map(\.0), perMap.map(\.1))
  }

  /// The field on the window, over its terrain when the scenario has a DEM (as in
  /// `CoverageRun.fieldOf`; diffraction profiles then stay inside the window, which holds
  /// every cell the sectors can reach).
  private func field(
    _ kernels: [SectorKernel], area: CoverageGrid, classes: [UInt8], ground: [Float]?, layer: RadioLayer
  ) -> LayerField {
    guard let ground else {
      return FieldEngine.compute(kernels: kernels, grid: area, propagationClass: classes, terrain: nil, threads: 1)
    }
    return ground.withUnsafeBufferPointer { heights in
      TerrainProfiles.field(
        kernels: kernels, grid: area, propagationClass: classes, ground: heights, method: settings.diffraction,
        frequencyMHz: layer.frequencyMHz, kFactor: settings.kFactor, maxRadiusM: settings.maxRadiusM, threads: 1)
    }
  }

  /// The part of `grid` within `reachM` of the structure (aligned to its cells); nil when
  /// none of it is.
  static func window(around structure: Structure, reachM: Double, in grid: CoverageGrid) -> CoverageGrid? {
    let resolution = grid.resolutionM
    let west = max(0, Int(((structure.position.x - reachM - grid.originX) / resolution).rounded(.down)))
    let east = min(grid.columns, Int(((structure.position.x + reachM - grid.originX) / resolution).rounded(.up)))
    let south = max(0, Int(((structure.position.y - reachM - grid.originY) / resolution).rounded(.down)))
    let north = min(grid.rows, Int(((structure.position.y + reachM - grid.originY) / resolution).rounded(.up)))
    guard west < east, south < north else { return nil }
    return CoverageGrid(
      originX: grid.originX + Double(west) * resolution, originY: grid.originY + Double(south) * resolution,
      resolutionM: resolution, columns: east - west, rows: north - south)
  }

  static func offset(of window: CoverageGrid, in grid: CoverageGrid) -> (Int, Int) {
    (
      Int(((window.originX - grid.originX) / grid.resolutionM).rounded()),
      Int(((window.originY - grid.originY) / grid.resolutionM).rounded())
    )
  }
}
