import Foundation
import Radio

/// A layer's SINR per resource element, with its constants worked out once per layer and
/// parcel rather than per cell.
///
/// SINR = S / (ρ · (total − S) + N), ρ the load of the cell's interferers (`LayerLoad`),
/// indoors with S and the interference both reduced by the building's loss (TR 38.901 §7.4.3 applies to every path into the building alike), noise
/// not: S·a / (I·a + N) with a = 10^(−loss/10).
struct SINRTerms: Sendable {
  let noiseMilliwatts: Double
  /// Per parcel: its building's loss as a power ratio a (exactly 1 without a loss).
  let attenuation: [Double]

  init(noiseMilliwatts: Double, indoorLossDB: [Double]) {
    self.noiseMilliwatts = noiseMilliwatts
    attenuation = indoorLossDB.map { $0 == 0 ? 1 : Units.ratio(fromDB: -$0) }
  }

  /// S·a / (I·a + N), I = `load` · max(total − S, 0): the linear SINR at a cell's own load.
  @inline(__always) func ratio(
    signalMilliwatts: Double, totalMilliwatts: Double, attenuation: Double, load: Double
  ) -> Double {
    let interference = max(totalMilliwatts - signalMilliwatts, 0) * load
    return signalMilliwatts * attenuation / (interference * attenuation + noiseMilliwatts)
  }

  /// A linear SINR in dB.
  @inline(__always) static func decibels(_ ratio: Double) -> Double { 10 * log10(ratio) }
}
