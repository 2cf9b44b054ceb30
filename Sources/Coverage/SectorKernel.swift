import Foundation
import Radio
import Scenario

/// How a compiled sector attenuates off boresight.
enum AntennaKernel: Sendable {
  /// 3GPP parametric pattern (TR 36.814 Table A.2.1.1-2 / TR 38.901 Table 7.3-1).
  case parametric(horizontal3dBDeg: Float, vertical3dBDeg: Float, maxDB: Float, sideLobeDB: Float, tiltDeg: Float)
  /// MSI cuts at 0…360° (360 interpolation pairs each), and the floor; no horizontal cut
  /// when it is 0 dB everywhere (an omnidirectional antenna).
  case pattern(horizontal: SlopeTable?, vertical: SlopeTable, floorDB: Float)
  /// A TR 38.901 element (Table 7.3-1) times a vertical column's array factor (ITU-R M.2101
  /// Annex 1 §5), the factor's loss below its peak tabulated against depression (zeros for
  /// a single element).
  case array(element: AntennaElement, factorLossDB: SlopeTable)
}

/// One sector prepared for the field engine: everything per sector is computed once, in
/// Double, and stored as Float32 for the inner loop.
struct SectorKernel: Sendable {
  /// Index of the sector in the scenario.
  let sectorIndex: Int
  /// Position relative to the grid origin, m.
  let x: Double
  let y: Double
  /// Power per resource element + peak antenna gain − feeder loss, dBm.
  let peakEPREDBm: Float
  let sinAzimuth: Float
  let cosAzimuth: Float
  let sinTilt: Float
  let cosTilt: Float
  /// UE height − antenna height, m (flat earth).
  let heightDifferenceM: Float
  /// Antenna and UE heights above ground, m (for terrain profiles).
  let antennaHeightM: Double
  let ueHeightM: Double
  let antenna: AntennaKernel
  /// Path loss per propagation class of the grid (the same table object where models agree).
  let tables: [DistanceLossTable]
  /// Ground distance beyond which the sector is below the floor for every class, m.
  let reachM: Double

  /// Peak gain and pattern of a sector: an MSI file when it names one (its GAIN, its
  /// vertical cut with the electrical tilt in it), else the 3GPP 65° panel with the
  /// sector's gain and electrical tilt.
  static func antenna(for sector: Sector, patterns: [String: MSIPattern]) -> (AntennaKernel, peakGainDBi: Double) {
    if let path = sector.antennaPatternPath, let pattern = patterns[path] {
      let horizontal = (0...360).map { Float(pattern.horizontalDB[$0 % 360]) }
      let vertical = (0...360).map { Float(pattern.verticalDB[$0 % 360]) }
      return (
        .pattern(
          horizontal: horizontal.allSatisfy { $0 == 0 } ? nil : SlopeTable(nodes: horizontal),
          vertical: SlopeTable(nodes: vertical), floorDB: Float(pattern.maxAttenuationDB)),
        pattern.peakGainDBi
      )
    }
    switch sector.antennaType {
    case .parametric: break
    case .element:
      let element = AntennaElement.tr38901
      return (.array(element: element, factorLossDB: ArrayFactorTable.flat), element.maxGainDBi)
    case .column(let elements, let spacing):
      let column = ColumnArray(
        element: .tr38901, elementCount: elements, spacingWavelengths: spacing,
        electricalTiltDeg: sector.electricalTiltDeg)
      return (.array(element: column.element, factorLossDB: ArrayFactorTable.losses(column)), column.peakGainDBi)
    }
    let model = referenceAntenna(for: sector)
    return (
      .parametric(
        horizontal3dBDeg: Float(model.horizontalBeamwidthDeg), vertical3dBDeg: Float(model.verticalBeamwidthDeg),
        maxDB: Float(model.maxAttenuationDB), sideLobeDB: Float(model.sideLobeLevelDB),
        tiltDeg: Float(model.electricalTiltDeg)),
      model.peakGainDBi
    )
  }

  /// The parametric antenna of a sector without a pattern file.
  static func referenceAntenna(for sector: Sector) -> SectorAntenna {
    SectorAntenna(peakGainDBi: sector.antennaGainDBi, electricalTiltDeg: sector.electricalTiltDeg)
  }
}

/// Builds kernels, sharing loss tables between sectors with the same model inputs.
struct KernelBuilder {
  let settings: CoverageSettings
  let propagations: [Propagation]
  let grid: CoverageGrid
  let patterns: [String: MSIPattern]
  private var cache: [TableKey: DistanceLossTable] = [:]
  /// Per table, the farthest a cell of the grid lies from the sectors using it (at most the
  /// table's end), m.
  private var reachUsedM: [TableKey: Double] = [:]

  /// Where the tables' models were used outside their validity ranges: each table judged up
  /// to the farthest cell it serves, not up to its end (`max_radius_m` may lie far beyond
  /// the grid). The ledger does not depend on the order of the tables.
  var validity: ValidityLedger {
    var ledger = ValidityLedger()
    for (key, reach) in reachUsedM {
      guard let table = cache[key] else { continue }
      ledger.record(
        key.propagation.model, flags: table.outsideValidity(withinM: reach), frequencyMHz: key.frequencyMHz,
        bsHeightM: key.bsHeightM, ueHeightM: settings.ueHeightM, distancesM: min(10, reach)...reach)
    }
    return ledger
  }

  private struct TableKey: Hashable {
    let propagation: Propagation
    let frequencyMHz: Double
    let bsHeightM: Double
    let maxLossDB: Double
  }

  init(settings: CoverageSettings, propagations: [Propagation], grid: CoverageGrid, patterns: [String: MSIPattern]) {
    self.settings = settings
    self.propagations = propagations
    self.grid = grid
    self.patterns = patterns
  }

  mutating func kernel(
    sectorIndex: Int, sector: Sector, structure: Structure, layer: RadioLayer, numerology: CarrierNumerology
  ) -> SectorKernel {
    let (antenna, peakGain) = SectorKernel.antenna(for: sector, patterns: patterns)
    let epre = LinkBudget.energyPerResourceElementDBm(totalPowerDBm: sector.powerDBm, numerology: numerology)
    let peak = epre + peakGain - sector.feederLossDB
    // Beyond this loss even boresight is below the floor.
    let maxLoss = (peak - settings.floorDBm).rounded(.up)
    // The grid's farthest corner bounds the distance of every cell from the sector.
    let farthestM =
      [grid.originX, grid.originX + Double(grid.columns) * grid.resolutionM].map { x in
        [grid.originY, grid.originY + Double(grid.rows) * grid.resolutionM].map { y in
          let east = x - structure.position.x
          let north = y - structure.position.y
          return (east * east + north * north).squareRoot()
        }.max() ?? 0
      }.max() ?? 0
    let tables = propagations.map { untuned in
      let propagation = untuned.tuned(on: layer)
      let key = TableKey(
        propagation: propagation, frequencyMHz: layer.frequencyMHz, bsHeightM: sector.heightM, maxLossDB: maxLoss)
      let table =
        cache[key]
        ?? DistanceLossTable(
          propagation: propagation, reliability: settings.target.reliability, frequencyMHz: layer.frequencyMHz,
          bsHeightM: sector.heightM, ueHeightM: settings.ueHeightM, maxLossDB: maxLoss,
          maxDistanceM: settings.maxRadiusM)
      cache[key] = table
      reachUsedM[key] = max(reachUsedM[key] ?? 0, min(table.maxDistanceM, farthestM))
      return table
    }
    let radians = Double.pi / 180
    return SectorKernel(
      sectorIndex: sectorIndex, x: structure.position.x - grid.originX, y: structure.position.y - grid.originY,
      peakEPREDBm: Float(peak), sinAzimuth: Float(sin(sector.azimuthDeg * radians)),
      cosAzimuth: Float(cos(sector.azimuthDeg * radians)), sinTilt: Float(sin(sector.mechanicalTiltDeg * radians)),
      cosTilt: Float(cos(sector.mechanicalTiltDeg * radians)),
      heightDifferenceM: Float(settings.ueHeightM - sector.heightM), antennaHeightM: sector.heightM,
      ueHeightM: settings.ueHeightM, antenna: antenna, tables: tables,
      reachM: tables.map(\.maxDistanceM).max() ?? 0)
  }
}
