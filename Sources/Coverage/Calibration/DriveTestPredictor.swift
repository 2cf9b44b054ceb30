import Foundation
import Geo
import Radio
import Scenario

/// What the scenario predicts where a drive test measured: each position's grid cell (its
/// propagation class and zone, as the field engine sees it) and each sector's link.
struct DriveTestPredictor {
  struct Part {
    let grid: CoverageGrid
    let raster: ParcelRaster
    /// The part's zone index → the scenario's.
    let zoneIndices: [Int]
    /// The ground under every cell, as the run samples it; nil on flat earth.
    let groundM: [Float]?
  }

  let parts: [Part]
  let scenario: ScenarioModel
  private let antennas: [LinkAntenna]
  private let orientations: [AntennaOrientation]
  let positions: [(x: Double, y: Double)?]
  private let eprePerFeederDBm: [Double]

  /// The grids of `run` (`Preflight.grids`: one per zone group), each with its parcel raster,
  /// every land-cover class marked (so each cell's class tells its land-cover class, whether
  /// or not a tuning names it; the losses are the scenario's).
  /// - Throws: the ground raster's error where the scenario's DEM does not cover a grid (as
  ///   `cosite run` would).
  init(scenario: ScenarioModel, threads: Int) throws {
    self.scenario = scenario
    let marked = scenario.markingEveryLandCoverClass()
    let zoneIndex = Dictionary(
      scenario.zones.indices.map { (scenario.zones[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
    parts = try Preflight.grids(marked).map { estimate in
      let indices = estimate.zoneIDs.compactMap { zoneIndex[$0] }
      let part = indices.count == marked.zones.count ? marked : marked.keepingZones(indices)
      let ground = try scenario.terrain.map {
        try GroundRaster(dem: $0, grid: estimate.grid, crs: scenario.crs, demName: $0.sourceName, threads: threads)
          .heightsM
      }
      return Part(
        grid: estimate.grid, raster: ParcelRaster(scenario: part, grid: estimate.grid, threads: threads),
        zoneIndices: indices, groundM: ground)
    }
    // EPRE − feeder loss per sector, from its layer's numerology (NaN for a layer without one,
    // which the loader does not let through; a NaN local mean is refused by the fit).
    eprePerFeederDBm = scenario.sectors.map { sector in
      guard
        let numerology = scenario.carriers.first(where: { $0.id == sector.carrierID })?.layer(sector.layerID)?
          .numerology
      else { return .nan }
      return LinkBudget.energyPerResourceElementDBm(totalPowerDBm: sector.powerDBm, numerology: numerology)
        - sector.feederLossDB
    }
    let structures = Dictionary(scenario.structures.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    antennas = scenario.sectors.map { LinkAntenna($0, patterns: scenario.antennaPatterns) }
    orientations = scenario.sectors.map {
      AntennaOrientation(azimuthDeg: $0.azimuthDeg, mechanicalTiltDeg: $0.mechanicalTiltDeg)
    }
    positions = scenario.sectors.map { sector in
      structures[sector.structureID].map { ($0.position.x, $0.position.y) }
    }
  }

  /// The cell of a position: the first grid holding it, with its propagation (its land-cover
  /// class marked) and zone; nil outside every grid.
  func cell(x: Double, y: Double) -> (propagation: Propagation, zoneIndex: Int?)? {
    guard let (partIndex, cell) = locate(x: x, y: y) else { return nil }
    let part = parts[partIndex]
    let parcel = part.raster.parcelIndex[cell]
    let zone = parcel == ParcelRaster.none ? nil : part.zoneIndices[part.raster.zoneOfParcel[Int(parcel)]]
    return (part.raster.propagations[Int(part.raster.propagationClass[cell])], zone)
  }

  /// The part (index into `parts`) and cell holding a position: the first grid holding it.
  func locate(x: Double, y: Double) -> (part: Int, cell: Int)? {
    for (index, part) in parts.enumerated() {
      guard let (row, column) = part.grid.cell(containing: Coordinate(x: x, y: y)) else { continue }
      return (index, row * part.grid.columns + column)
    }
    return nil
  }

  /// Ground distance from the sector's structure, m.
  func distanceM(sector: Int, x: Double, y: Double) -> Double {
    guard let site = positions[sector] else { return .infinity }
    return hypot(x - site.x, y - site.y)
  }

  /// The sector's power per resource element radiated toward a UE at (x, y): EPRE + gain −
  /// feeder loss, dBm — the RSRP there is this less the path loss (`SectorKernel`'s terms);
  /// `groundOffsetM` is the UE's ground above the site's (terrain).
  func radiatedDBm(sector: Int, x: Double, y: Double, groundOffsetM: Double = 0) -> Double {
    eprePerFeederDBm[sector] + gainDBi(sector: sector, x: x, y: y, groundOffsetM: groundOffsetM)
  }

  /// The sector's antenna gain toward a UE at (x, y), its ground `groundOffsetM` above the
  /// site's, dBi (pattern, azimuth and tilts, as the drop mode's links use them).
  func gainDBi(sector: Int, x: Double, y: Double, groundOffsetM: Double = 0) -> Double {
    guard let site = positions[sector] else { return 0 }
    let antenna = antennas[sector]
    let direction = bearingAndElevationDeg(
      eastM: x - site.x, northM: y - site.y, fromHeightM: scenario.sectors[sector].heightM,
      toHeightM: scenario.coverage.ueHeightM + groundOffsetM)
    return antenna.gainDBi(
      orientations[sector].angles(bearingDeg: direction.bearingDeg, elevationDeg: direction.elevationDeg))
  }

  /// The median loss of `propagation` (on `layer`, with its tuning) at ground distance
  /// `distanceM` from a sector at `bsHeightM`, dB.
  func medianLossDB(_ propagation: Propagation, layer: RadioLayer, bsHeightM: Double, distanceM: Double) -> Double {
    let link = LinkGeometry(
      frequencyMHz: layer.frequencyMHz, bsHeightM: bsHeightM, ueHeightM: scenario.coverage.ueHeightM,
      distance2DM: distanceM)
    return propagation.tuned(on: layer).lossDistribution(link).distribution.quantileDB(0.5)
  }
}
