import Foundation
import Radio
import Scenario

/// One carrier layer's values per cell of one grid, for rasters: handed to a run's observer
/// as soon as the layer is reduced, then dropped (the run keeps none of them).
///
/// Arrays are row-major with row 0 the southern row (`CoverageGrid`); NaN marks a cell
/// without a value (no sector above the floor; indoors: not in a building's parcel).
public struct LayerCells: Sendable {
  public let carrierID: String
  public let layerID: String
  public let grid: CoverageGrid
  /// The first zone of the grid's zone group when the run has several grids, else nil.
  public let groupZoneID: String?
  /// Best RSRP at the target's reliability, dBm (the level the field engine computed).
  public var rsrpOutdoorDBm: [Float]
  /// The same behind the parcel's building loss at that reliability.
  public var rsrpIndoorDBm: [Float]
  /// SINR per resource element at the busy-hour load of the cell's interferers, dB.
  public var sinrOutdoorDB: [Float]
  public var sinrIndoorDB: [Float]
  /// Index into the scenario's sectors of the best server; −1 where none reaches the floor.
  public var server: [Int32]
  /// P(best server's RSRP ≥ the target's RSRP) over the location variability, 0…1, to the
  /// raster's 1/4096 step: exactly 0 or 1 far in the tails (`rasterProbability`).
  public var probabilityOutdoor: [Float]
  public var probabilityIndoor: [Float]
  /// Whether any cell lies in a building's parcel (the indoor arrays hold values).
  public var hasIndoor: Bool
}

/// What a parcel's building adds to the loss: the level at the target's reliability (as the
/// figures use it), and the O2I loss's mean and σ_P for the probability.
struct IndoorLoss: Sendable {
  var levelDB: Double
  var meanDB: Double
  var sigmaDB: Double
  var isBuilding: Bool

  static let none = IndoorLoss(levelDB: 0, meanDB: 0, sigmaDB: 0, isBuilding: false)
}

extension LayerCells {
  /// The coverage probability of a cell, from its best server's loss distribution, to the
  /// raster's 1/4096 step.
  ///
  /// The field holds R_r = P − q_r(d) − A, the level reached with probability r (q_r the
  /// r-quantile of the loss L at distance d, A the deterministic antenna, diffraction and
  /// clutter terms). The received level is P − L − A, so
  /// P(RSRP ≥ T) = P(L ≤ R_r + q_r(d) − T) = F_d(q_r(d) + (R_r − T)): the loss
  /// distribution's CDF (`LossDistribution.probabilityAtMost`, the TR 38.901 §7.4.2 mixture
  /// or one Gaussian) at the quantile plus the cell's margin. Indoors the O2I loss
  /// N(μ_P, σ_P) (TR 38.901 §7.4.3) is added to L: F'_d = F_d ∗ N(0, σ_P), at
  /// q_r(d) + R_r − μ_P − T. At R_r = T outdoors this is r by construction.
  ///
  /// Where the argument lies 5 σ or more beyond the mean of every component the mixture has,
  /// the CDF is within Φ(−5) = 2.9·10⁻⁷ of 0 or 1, which the raster's step (1/4096, rounded to
  /// nearest) stores as exactly 0 or 1: that is returned without evaluating the CDF (most
  /// cells, well inside or well outside coverage). Elsewhere the CDF itself.
  static func rasterProbability(quantileDB: Double, marginDB: Double, distribution: LossDistribution) -> Double {
    let lossDB = quantileDB + marginDB
    if let tail = tailProbability(lossDB, distribution) { return tail }
    return distribution.probabilityAtMost(lossDB)
  }

  /// 0 or 1 when `lossDB` is at least 5 σ below or above the mean of every component with a
  /// weight (`probabilityAtMost` reads no other); nil otherwise, or for a step component.
  static func tailProbability(_ lossDB: Double, _ distribution: LossDistribution) -> Double? {
    let sigmas = 5.0
    var below = true
    var above = true
    func side(_ mean: Double, _ sigma: Double) {
      guard sigma > 0 else {
        below = false
        above = false
        return
      }
      if !(lossDB - mean <= -sigmas * sigma) { below = false }
      if !(lossDB - mean >= sigmas * sigma) { above = false }
    }
    if distribution.losProbability > 0 { side(distribution.losMeanDB, distribution.losSigmaDB) }
    if distribution.losProbability < 1 { side(distribution.nlosMeanDB, distribution.nlosSigmaDB) }
    if below { return 0 }
    if above { return 1 }
    return nil
  }

  init(
    carrierID: String, layerID: String, groupZoneID: String?, field: LayerField, kernels: [SectorKernel],
    raster: ParcelRaster, settings: CoverageSettings, noiseMilliwatts: Double, load: LayerLoad, indoor: [IndoorLoss],
    threads: Int
  ) {
    let grid = raster.grid
    let count = grid.cellCount
    self.carrierID = carrierID
    self.layerID = layerID
    self.grid = grid
    self.groupZoneID = groupZoneID
    server = field.server
    rsrpOutdoorDBm = [Float](repeating: .nan, count: count)
    rsrpIndoorDBm = rsrpOutdoorDBm
    sinrOutdoorDB = rsrpOutdoorDBm
    sinrIndoorDB = rsrpOutdoorDBm
    probabilityOutdoor = rsrpOutdoorDBm
    probabilityIndoor = rsrpOutdoorDBm
    hasIndoor = raster.parcelIndex.contains { $0 >= 0 && indoor[Int($0)].isBuilding }
    let constants = CellConstants(
      kernels: kernels, raster: raster, settings: settings, noiseMilliwatts: noiseMilliwatts, indoor: indoor)
    let pass = ParallelRows(rows: grid.rows, threads: threads)
    rsrpOutdoorDBm.withUnsafeMutableBufferPointer { rsrpOut in
      rsrpIndoorDBm.withUnsafeMutableBufferPointer { rsrpIn in
        sinrOutdoorDB.withUnsafeMutableBufferPointer { sinrOut in
          sinrIndoorDB.withUnsafeMutableBufferPointer { sinrIn in
            probabilityOutdoor.withUnsafeMutableBufferPointer { probabilityOut in
              probabilityIndoor.withUnsafeMutableBufferPointer { probabilityIn in
                let out = CellOutput(
                  rsrpOut: SharedSlots(rsrpOut), rsrpIn: SharedSlots(rsrpIn), sinrOut: SharedSlots(sinrOut),
                  sinrIn: SharedSlots(sinrIn), probabilityOut: SharedSlots(probabilityOut),
                  probabilityIn: SharedSlots(probabilityIn))
                pass.forEachBand { _, rows in
                  for row in rows { constants.fill(row: row, field: field, raster: raster, load: load, out: out) }
                }
              }
            }
          }
        }
      }
    }
  }
}

/// What every cell of a layer shares, worked out once: each sector's kernel by sector index,
/// the SINR's constants, the target and the parcels' buildings.
private struct CellConstants: Sendable {
  let kernels: [SectorKernel]
  /// Position in `kernels` per scenario sector index (−1: not this layer's).
  let kernelOfSector: [Int]
  let sinr: SINRTerms
  let targetDBm: Double
  let indoor: [IndoorLoss]
  let resolutionM: Double
  let columns: Int

  init(
    kernels: [SectorKernel], raster: ParcelRaster, settings: CoverageSettings, noiseMilliwatts: Double,
    indoor: [IndoorLoss]
  ) {
    self.kernels = kernels
    var positions = [Int](repeating: -1, count: (kernels.map(\.sectorIndex).max() ?? -1) + 1)
    for (position, kernel) in kernels.enumerated() { positions[kernel.sectorIndex] = position }
    kernelOfSector = positions
    sinr = SINRTerms(
      noiseMilliwatts: noiseMilliwatts,
      indoorLossDB: indoor.map { $0.isBuilding ? $0.levelDB : 0 })
    targetDBm = settings.target.rsrpDBm
    self.indoor = indoor
    resolutionM = raster.grid.resolutionM
    columns = raster.grid.columns
  }

  /// The values of the cells of `row` that a sector reaches.
  func fill(row: Int, field: LayerField, raster: ParcelRaster, load: LayerLoad, out: CellOutput) {
    let north = (Double(row) + 0.5) * resolutionM
    for column in 0..<columns {
      let cell = row * columns + column
      let serving = Int(field.server[cell])
      let best = Double(field.bestDBm[cell])
      guard serving >= 0, serving < kernelOfSector.count, kernelOfSector[serving] >= 0, best > -.infinity else {
        continue
      }
      let kernel = kernels[kernelOfSector[serving]]
      let east = (Double(column) + 0.5) * resolutionM - kernel.x
      let northOfSector = north - kernel.y
      let squared = Float(east * east + northOfSector * northOfSector)
      let table = kernel.tables[Int(raster.propagationClass[cell])]
      let quantile = table.lossDB.withUnsafeBufferPointer {
        Double(DistanceLossTable.lookup($0, squaredM2: squared))
      }
      let distribution = table.distribution(squaredM2: squared)
      let signal = Units.milliwatts(fromDBm: best)
      let total = Double(field.totalMilliwatts[cell])
      let cellLoad = load.load(ofCell: cell)
      out.rsrpOut[cell] = Float(best)
      out.sinrOut[cell] = Float(
        SINRTerms.decibels(
          sinr.ratio(signalMilliwatts: signal, totalMilliwatts: total, attenuation: 1, load: cellLoad)))
      out.probabilityOut[cell] = Float(
        LayerCells.rasterProbability(quantileDB: quantile, marginDB: best - targetDBm, distribution: distribution))
      let parcel = Int(raster.parcelIndex[cell])
      guard parcel >= 0, indoor[parcel].isBuilding else { continue }
      let building = indoor[parcel]
      out.rsrpIn[cell] = Float(best - building.levelDB)
      out.sinrIn[cell] = Float(
        SINRTerms.decibels(
          sinr.ratio(
            signalMilliwatts: signal, totalMilliwatts: total, attenuation: sinr.attenuation[parcel], load: cellLoad)))
      out.probabilityIn[cell] = Float(
        LayerCells.rasterProbability(
          quantileDB: quantile, marginDB: best - building.meanDB - targetDBm,
          distribution: distribution.adding(meanDB: 0, sigmaDB: building.sigmaDB)))
    }
  }
}

/// The per-cell arrays, written from the workers (each cell by one only).
private struct CellOutput: Sendable {
  let rsrpOut: SharedSlots<Float>
  let rsrpIn: SharedSlots<Float>
  let sinrOut: SharedSlots<Float>
  let sinrIn: SharedSlots<Float>
  let probabilityOut: SharedSlots<Float>
  let probabilityIn: SharedSlots<Float>
}
