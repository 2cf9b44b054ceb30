import Dispatch
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
  /// SINR per resource element at the scenario's load, dB.
  public var sinrOutdoorDB: [Float]
  public var sinrIndoorDB: [Float]
  /// Index into the scenario's sectors of the best server; −1 where none reaches the floor.
  public var server: [Int32]
  /// P(best server's RSRP ≥ the target's RSRP) over the location variability, 0…1.
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
  /// The coverage probability of a cell, from its best server's loss distribution.
  ///
  /// The field holds R_r = P − q_r(d) − A, the level reached with probability r (q_r the
  /// r-quantile of the loss L at distance d, A the deterministic antenna, diffraction and
  /// clutter terms). The received level is P − L − A, so
  /// P(RSRP ≥ T) = P(L ≤ R_r + q_r(d) − T) = F_d(q_r(d) + (R_r − T)): the loss
  /// distribution's CDF (`LossDistribution.probabilityAtMost`, the TR 38.901 §7.4.2 mixture
  /// or one Gaussian) at the quantile plus the cell's margin. Indoors the O2I loss
  /// N(μ_P, σ_P) (TR 38.901 §7.4.3) is added to L: F'_d = F_d ∗ N(0, σ_P), at
  /// q_r(d) + R_r − μ_P − T. At R_r = T outdoors this is r by construction.
  static func probability(quantileDB: Double, marginDB: Double, distribution: LossDistribution) -> Double {
    distribution.probabilityAtMost(quantileDB + marginDB)
  }

  init(
    carrierID: String, layerID: String, groupZoneID: String?, field: LayerField, kernels: [SectorKernel],
    raster: ParcelRaster, settings: CoverageSettings, noiseMilliwatts: Double, indoor: [IndoorLoss], threads: Int
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
    var kernelPositions = [Int](repeating: -1, count: (kernels.map(\.sectorIndex).max() ?? -1) + 1)
    for (position, kernel) in kernels.enumerated() { kernelPositions[kernel.sectorIndex] = position }
    let kernelOfSector = kernelPositions
    let target = settings.target.rsrpDBm
    let load = settings.loadFactor
    let rows = grid.rows
    let workers = max(1, min(threads, rows))
    rsrpOutdoorDBm.withUnsafeMutableBufferPointer { rsrpOut in
      rsrpIndoorDBm.withUnsafeMutableBufferPointer { rsrpIn in
        sinrOutdoorDB.withUnsafeMutableBufferPointer { sinrOut in
          sinrIndoorDB.withUnsafeMutableBufferPointer { sinrIn in
            probabilityOutdoor.withUnsafeMutableBufferPointer { probabilityOut in
              probabilityIndoor.withUnsafeMutableBufferPointer { probabilityIn in
                let out = CellOutput(
                  rsrpOut: rsrpOut.baseAddress!, rsrpIn: rsrpIn.baseAddress!, sinrOut: sinrOut.baseAddress!,
                  sinrIn: sinrIn.baseAddress!, probabilityOut: probabilityOut.baseAddress!,
                  probabilityIn: probabilityIn.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                  var row = worker
                  while row < rows {
                    for column in 0..<grid.columns {
                      let cell = row * grid.columns + column
                      let serving = Int(field.server[cell])
                      let best = Double(field.bestDBm[cell])
                      guard serving >= 0, serving < kernelOfSector.count, best > -.infinity else { continue }
                      let kernel = kernels[kernelOfSector[serving]]
                      let east = (Double(column) + 0.5) * grid.resolutionM - kernel.x
                      let north = (Double(row) + 0.5) * grid.resolutionM - kernel.y
                      let squared = Float(east * east + north * north)
                      let table = kernel.tables[Int(raster.propagationClass[cell])]
                      let quantile = table.lossDB.withUnsafeBufferPointer {
                        Double(DistanceLossTable.lookup($0, squaredM2: squared))
                      }
                      let distribution = table.distribution(squaredM2: squared)
                      let total = Double(field.totalMilliwatts[cell])
                      out.rsrpOut[cell] = Float(best)
                      out.sinrOut[cell] = Float(
                        LayerReduction.sinrDB(best, totalMW: total, lossDB: 0, load, noiseMilliwatts))
                      out.probabilityOut[cell] = Float(
                        Self.probability(quantileDB: quantile, marginDB: best - target, distribution: distribution))
                      let parcel = Int(raster.parcelIndex[cell])
                      guard parcel >= 0, indoor[parcel].isBuilding else { continue }
                      let building = indoor[parcel]
                      out.rsrpIn[cell] = Float(best - building.levelDB)
                      out.sinrIn[cell] = Float(
                        LayerReduction.sinrDB(best, totalMW: total, lossDB: building.levelDB, load, noiseMilliwatts))
                      out.probabilityIn[cell] = Float(
                        Self.probability(
                          quantileDB: quantile, marginDB: best - building.meanDB - target,
                          distribution: distribution.adding(meanDB: 0, sigmaDB: building.sigmaDB)))
                    }
                    row += workers
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

/// Raw output pointers for the parallel rows (each row written by one worker only).
private struct CellOutput: @unchecked Sendable {
  let rsrpOut: UnsafeMutablePointer<Float>
  let rsrpIn: UnsafeMutablePointer<Float>
  let sinrOut: UnsafeMutablePointer<Float>
  let sinrIn: UnsafeMutablePointer<Float>
  let probabilityOut: UnsafeMutablePointer<Float>
  let probabilityIn: UnsafeMutablePointer<Float>
}
