import Foundation
import Geo
import Radio
import Scenario

@testable import Coverage

/// A small flat-earth world for field tests: one grid, sectors on structures, one layer.
struct FieldFixture {
  var grid = CoverageGrid(originX: 500_000, originY: 2_300_000, resolutionM: 10, columns: 300, rows: 240)
  /// Judged at the median (reliability 0.5), where the field is the models' median loss
  /// the point computations use.
  var settings: CoverageSettings = {
    var settings = CoverageSettings()
    settings.target = CoverageTarget(rsrpDBm: -105, indoor: true, minimumShare: 0.95, reliability: 0.5)
    return settings
  }()
  var layer = RadioLayer(
    id: "lte1800", technology: .lte, band: "B3", frequencyMHz: 1815, bandwidthMHz: 20, tddDownlinkShare: 1)
  var patterns: [String: MSIPattern] = [:]

  /// A structure at grid cell (row, column)'s centre plus an offset, `heightM` tall.
  func structure(
    _ id: String, row: Int, column: Int, offset: (Double, Double) = (0, 0), heightM: Double = 40
  )
    -> Structure
  {
    let centre = grid.centre(row: row, column: column)
    let position = Coordinate(x: centre.x + offset.0, y: centre.y + offset.1)
    return Structure(
      id: id, kind: .tower, positionLonLat: position, position: position, heightM: heightM, owner: "test",
      freeSlots: 0, rentVNDPerMonth: 0)
  }

  func sector(
    _ id: String, on structure: Structure, azimuthDeg: Double, mechanicalTiltDeg: Double = 0,
    electricalTiltDeg: Double = 0, heightM: Double = 35, pattern: String? = nil
  ) -> Sector {
    Sector(
      id: id, carrierID: "c", layerID: layer.id, structureID: structure.id, azimuthDeg: azimuthDeg,
      mechanicalTiltDeg: mechanicalTiltDeg, electricalTiltDeg: electricalTiltDeg, antennaGainDBi: 17,
      antennaPatternPath: pattern, powerDBm: 46, heightM: heightM, feederLossDB: 0.5)
  }

  /// The field of `sectors` on the fixture's grid.
  func field(
    _ sectors: [(Sector, Structure)], propagations: [Propagation]? = nil, classes: [UInt8]? = nil,
    ground: [Float]? = nil, threads: Int = 2
  ) -> LayerField {
    var builder = KernelBuilder(
      settings: settings, propagations: propagations ?? [settings.propagation], grid: grid, patterns: patterns)
    let kernels = sectors.enumerated().map { index, pair in
      builder.kernel(
        sectorIndex: index, sector: pair.0, structure: pair.1, layer: layer, numerology: layer.numerology!)
    }
    let classRaster = classes ?? [UInt8](repeating: 0, count: grid.cellCount)
    guard let ground else {
      return FieldEngine.compute(
        kernels: kernels, grid: grid, propagationClass: classRaster, terrain: nil, threads: threads)
    }
    return ground.withUnsafeBufferPointer { heights in
      FieldEngine.compute(
        kernels: kernels, grid: grid, propagationClass: classRaster,
        terrain: TerrainProfiles(
          ground: heights, grid: grid, frequencyMHz: layer.frequencyMHz, kFactor: settings.kFactor),
        threads: threads)
    }
  }

  /// Radio's own point computation in Double, step by step as a planner would do it by
  /// hand: bearing and elevation, the antenna frame, the pattern, the path loss, the budget.
  func referenceRSRP(
    _ sector: Sector, on structure: Structure, row: Int, column: Int, propagation: Propagation? = nil
  ) -> Double {
    let cell = grid.centre(row: row, column: column)
    let east = cell.x - structure.position.x
    let north = cell.y - structure.position.y
    let direction = bearingAndElevationDeg(
      eastM: east, northM: north, fromHeightM: sector.heightM, toHeightM: settings.ueHeightM)
    let angles = AntennaOrientation(azimuthDeg: sector.azimuthDeg, mechanicalTiltDeg: sector.mechanicalTiltDeg)
      .angles(bearingDeg: direction.bearingDeg, elevationDeg: direction.elevationDeg)
    let gain =
      sector.antennaPatternPath.flatMap { patterns[$0] }?.gainDBi(angles)
      ?? SectorAntenna(peakGainDBi: sector.antennaGainDBi, electricalTiltDeg: sector.electricalTiltDeg).gainDBi(angles)
    let model = propagation ?? settings.propagation
    let link = LinkGeometry(
      frequencyMHz: layer.frequencyMHz, bsHeightM: sector.heightM, ueHeightM: settings.ueHeightM,
      distance2DM: max((east * east + north * north).squareRoot(), 1))
    let loss = model.model.pathLoss(link, environment: model.environment).lossDB
    let epre = LinkBudget.energyPerResourceElementDBm(totalPowerDBm: sector.powerDBm, numerology: layer.numerology!)
    return LinkBudget.rsrpDBm(
      energyPerResourceElementDBm: epre, antennaGainDBi: gain, feederLossDB: sector.feederLossDB, pathLossDB: loss)
  }
}
