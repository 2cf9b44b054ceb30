import Foundation
import Radio
import Scenario

/// Every sector's `MonotoneBins` end to end in flat arrays, so that a cell reads its server's
/// thresholds without copying a struct of arrays (and retaining them) per cell.
struct SectorBins: Sendable {
  let thresholds: [Double]
  /// Per sector and threshold, [sector × thresholds + index]: `MonotoneBins.below` and
  /// `.reaches`.
  let below: [Double]
  let reaches: [Double]

  init(_ bins: [MonotoneBins]) {
    thresholds = bins.first?.thresholds ?? []
    below = bins.flatMap(\.below)
    reaches = bins.flatMap(\.reaches)
  }

  /// `MonotoneBins.index` of the sector at `position`.
  @inline(__always) func index(position: Int, _ x: Double, _ f: (Double) -> Double) -> Int {
    MonotoneBins.index(
      x, thresholds: thresholds, below: below, reaches: reaches, from: position * thresholds.count, f)
  }
}

/// The per-user rate functions of a layer, whose class thresholds are found per sector.
struct SectorRates: Sendable {
  let numerology: CarrierNumerology
  let downlinkBandwidthHz: Double
  let downlinkFloorDB: Double
  let uplinkOverhead: Double
  let uplink: UplinkParameters
  let floor: ServiceFloor

  init(
    numerology: CarrierNumerology, downlinkBandwidthHz: Double, uplinkOverhead: Double, uplink: UplinkParameters,
    floor: ServiceFloor
  ) {
    self.numerology = numerology
    self.downlinkBandwidthHz = downlinkBandwidthHz
    self.uplinkOverhead = uplinkOverhead
    self.uplink = uplink
    self.floor = floor
    downlinkFloorDB = max(floor.minimumSINRDB, Throughput.ShannonParameters().minimumSINRDB)
  }

  init(context: LayerLoad.Context, downlinkBandwidthHz: Double) {
    self.init(
      numerology: context.numerology, downlinkBandwidthHz: downlinkBandwidthHz,
      uplinkOverhead: Overhead.fraction(numerology: context.numerology, direction: .uplink),
      uplink: context.scenario.coverage.capacity.uplink(of: context.layer),
      floor: context.scenario.coverage.capacity.floor)
  }

  /// Downlink rate of one of `activeUsers` at a linear SINR: TR 36.942's SE at or above the
  /// floor (0 below) × effective bandwidth / active users, rounded to Float32 as a per-cell rate.
  func downlinkMbps(ratio: Double, activeUsers: Double) -> Double {
    let sinrDB = SINRTerms.decibels(ratio)
    guard sinrDB >= downlinkFloorDB else { return 0 }
    return Double(
      Float(
        UserRate.sharedRateMbps(
          spectralEfficiency: Throughput.spectralEfficiency(sinrDB: sinrDB), effectiveBandwidthHz: downlinkBandwidthHz,
          activeUsers: activeUsers)))
  }

  /// Uplink rate of one of `activeUsers` at a linear coupling gain (1 / coupling loss): the
  /// fair share of RBs through `UplinkBudget.rateMbps`, rounded to Float32.
  func uplinkMbps(gain: Double, activeUsers: Double) -> Double {
    guard gain > 0 else { return 0 }
    return Double(
      Float(
        UplinkBudget.rateMbps(
          couplingLossDB: -10 * log10(gain),
          resourceBlockShare: Double(numerology.resourceBlocks) / max(1, activeUsers),
          numerology: numerology, overhead: uplinkOverhead, minimumSINRDB: floor.minimumSINRDB, parameters: uplink)))
  }
}
