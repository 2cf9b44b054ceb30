import Foundation
import Geo
import Radio
import Scenario

/// What the scenario predicts where a drive test measured: each position's grid cell (its
/// propagation class and zone, as the field engine sees it) and each sector's link.
struct DriveTestPredictor {
  private struct Part {
    let grid: CoverageGrid
    let raster: ParcelRaster
    /// The part's zone index → the scenario's.
    let zoneIndices: [Int]
  }

  private let parts: [Part]
  let scenario: ScenarioModel
  private let antennas: [LinkAntenna]
  private let orientations: [AntennaOrientation]
  private let positions: [(x: Double, y: Double)?]
  private let eprePerFeederDBm: [Double]

  /// The grids of `run` (`Preflight.grids`: one per zone group), each with its parcel raster.
  init(scenario: ScenarioModel, threads: Int) {
    self.scenario = scenario
    let zoneIndex = Dictionary(
      scenario.zones.indices.map { (scenario.zones[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
    parts = Preflight.grids(scenario).map { estimate in
      let indices = estimate.zoneIDs.compactMap { zoneIndex[$0] }
      let part = indices.count == scenario.zones.count ? scenario : scenario.keepingZones(indices)
      return Part(
        grid: estimate.grid, raster: ParcelRaster(scenario: part, grid: estimate.grid, threads: threads),
        zoneIndices: indices)
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

  /// The cell of a position: the first grid holding it, with its propagation and zone; nil
  /// outside every grid.
  func cell(x: Double, y: Double) -> (propagation: Propagation, zoneIndex: Int?)? {
    for part in parts {
      guard let (row, column) = part.grid.cell(containing: Coordinate(x: x, y: y)) else { continue }
      let cell = row * part.grid.columns + column
      let parcel = part.raster.parcelIndex[cell]
      let zone = parcel == ParcelRaster.none ? nil : part.zoneIndices[part.raster.zoneOfParcel[Int(parcel)]]
      return (part.raster.propagations[Int(part.raster.propagationClass[cell])], zone)
    }
    return nil
  }

  /// Ground distance from the sector's structure, m.
  func distanceM(sector: Int, x: Double, y: Double) -> Double {
    guard let site = positions[sector] else { return .infinity }
    return hypot(x - site.x, y - site.y)
  }

  /// The sector's power per resource element radiated toward a UE at (x, y): EPRE + gain −
  /// feeder loss, dBm — the RSRP there is this less the path loss (`SectorKernel`'s terms).
  func radiatedDBm(sector: Int, x: Double, y: Double) -> Double {
    eprePerFeederDBm[sector] + gainDBi(sector: sector, x: x, y: y)
  }

  /// The sector's antenna gain toward a UE at (x, y), dBi (pattern, azimuth and tilts, as the
  /// drop mode's links use them).
  func gainDBi(sector: Int, x: Double, y: Double) -> Double {
    guard let site = positions[sector] else { return 0 }
    let antenna = antennas[sector]
    let direction = bearingAndElevationDeg(
      eastM: x - site.x, northM: y - site.y, fromHeightM: scenario.sectors[sector].heightM,
      toHeightM: scenario.coverage.ueHeightM)
    return antenna.gainDBi(
      orientations[sector].angles(bearingDeg: direction.bearingDeg, elevationDeg: direction.elevationDeg))
  }

  /// The median loss of `propagation` (on `layer`, with its tuning) at ground distance
  /// `distanceM` from a sector at `bsHeightM`, dB.
  func medianLossDB(_ propagation: Propagation, layer: RadioLayer, bsHeightM: Double, distanceM: Double) -> Double {
    let link = LinkGeometry(
      frequencyMHz: layer.frequencyMHz, bsHeightM: bsHeightM, ueHeightM: scenario.coverage.ueHeightM,
      distance2DM: distanceM)
    return propagation.tuned(by: layer.tuning).lossDistribution(link).distribution.quantileDB(0.5)
  }
}
