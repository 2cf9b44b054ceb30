import Foundation
import Radio
import Scenario

/// A layer's field turned into what planners read: RSRP, SINR and throughput per cell,
/// outdoors and indoors, counted per parcel; class rasters for the maps.
struct LayerReduction {
  var rsrpOutdoor: ParcelHistogram
  var rsrpIndoor: ParcelHistogram
  var sinrOutdoor: ParcelHistogram
  var sinrIndoor: ParcelHistogram
  /// RSRP bin per cell outdoors (−1 below the lowest bin), for the coverage map.
  var rsrpClasses: [Int32]
  /// Best server per cell where it reaches the lowest bin, else −1.
  var serverClasses: [Int32]

  /// Reduces `field`; updates the carrier's best throughput and target coverage per cell.
  ///
  /// SINR = S / (load · (total − S) + N) per resource element, indoors with S and the
  /// interference both reduced by the building's loss (TR 38.901 §7.4.3 applies to every
  /// path into the building alike), noise not.
  init(
    field: LayerField, layer: RadioLayer, numerology: CarrierNumerology, raster: ParcelRaster,
    settings: CoverageSettings,
    indoorLossDB: [Double], accumulator: inout CarrierAccumulator
  ) {
    let parcelCount = raster.parcels.count
    let rsrpBins = settings.rsrpBinsDBm.count + 1
    let sinrBins = settings.sinrBinsDB.count + 1
    rsrpOutdoor = ParcelHistogram(parcels: parcelCount, binCount: rsrpBins)
    rsrpIndoor = rsrpOutdoor
    sinrOutdoor = ParcelHistogram(parcels: parcelCount, binCount: sinrBins)
    sinrIndoor = sinrOutdoor
    let cells = raster.grid.cellCount
    rsrpClasses = [Int32](repeating: -1, count: cells)
    serverClasses = [Int32](repeating: -1, count: cells)
    let noiseMilliwatts = Units.milliwatts(
      fromDBm: LinkBudget.noisePerResourceElementDBm(numerology: numerology, noiseFigureDB: settings.noiseFigureDB))
    let lowest = settings.rsrpBinsDBm.last ?? -.infinity
    for cell in 0..<cells {
      let best = Double(field.bestDBm[cell])
      let outdoorBin = binIndex(best, thresholds: settings.rsrpBinsDBm)
      if outdoorBin < rsrpBins - 1 { rsrpClasses[cell] = Int32(outdoorBin) }
      if best >= lowest { serverClasses[cell] = field.server[cell] }
      let parcel = Int(raster.parcelIndex[cell])
      guard parcel >= 0 else { continue }
      let loss = indoorLossDB[parcel]
      rsrpOutdoor.add(parcel: parcel, bin: outdoorBin)
      rsrpIndoor.add(parcel: parcel, bin: binIndex(best - loss, thresholds: settings.rsrpBinsDBm))
      let target = settings.target
      if (target.indoor ? best - loss : best) >= target.rsrpDBm { accumulator.covered[cell] = 1 }
      if best >= target.rsrpDBm { accumulator.coveredOutdoor[cell] = 1 }
      guard best > -.infinity else {
        sinrOutdoor.add(parcel: parcel, bin: sinrBins - 1)
        sinrIndoor.add(parcel: parcel, bin: sinrBins - 1)
        continue
      }
      let total = Double(field.totalMilliwatts[cell])
      let sinr = Self.sinrDB(best, totalMW: total, lossDB: 0, settings.loadFactor, noiseMilliwatts)
      let sinrIn = Self.sinrDB(best, totalMW: total, lossDB: loss, settings.loadFactor, noiseMilliwatts)
      sinrOutdoor.add(parcel: parcel, bin: binIndex(sinr, thresholds: settings.sinrBinsDB))
      sinrIndoor.add(parcel: parcel, bin: binIndex(sinrIn, thresholds: settings.sinrBinsDB))
      let rateOut = Throughput.downlinkMbps(
        sinrDB: sinr, numerology: numerology, tddDownlinkShare: layer.tddDownlinkShare)
      let rateIn = Throughput.downlinkMbps(
        sinrDB: sinrIn, numerology: numerology, tddDownlinkShare: layer.tddDownlinkShare)
      accumulator.bestOutdoorMbps[cell] = max(accumulator.bestOutdoorMbps[cell], Float(rateOut))
      accumulator.bestIndoorMbps[cell] = max(accumulator.bestIndoorMbps[cell], Float(rateIn))
    }
  }
}

extension LayerReduction {
  /// SINR per resource element, dB: S / (load · (total − S) + N), with S and the interference
  /// both reduced by `lossDB` (a building's loss applies to every path into it), noise not.
  @inline(__always) static func sinrDB(
    _ bestDBm: Double, totalMW: Double, lossDB: Double, _ load: Double, _ noiseMilliwatts: Double
  ) -> Double {
    let signal = Units.milliwatts(fromDBm: bestDBm)
    let interference = max(totalMW - signal, 0) * load
    let attenuation = lossDB == 0 ? 1 : Units.ratio(fromDB: -lossDB)
    return 10 * log10(signal * attenuation / (interference * attenuation + noiseMilliwatts))
  }
}

/// Per-cell results of a carrier over all its layers.
struct CarrierAccumulator {
  /// Best downlink rate of any layer, Mbit/s.
  var bestOutdoorMbps: [Float]
  var bestIndoorMbps: [Float]
  /// 1 where some layer meets the coverage target.
  var covered: [UInt8]
  /// 1 where some layer reaches the target's RSRP outdoors (no building loss).
  var coveredOutdoor: [UInt8]

  init(cellCount: Int) {
    bestOutdoorMbps = [Float](repeating: 0, count: cellCount)
    bestIndoorMbps = bestOutdoorMbps
    covered = [UInt8](repeating: 0, count: cellCount)
    coveredOutdoor = covered
  }
}

extension RadioLayer {
  /// The layer's numerology (LTE 15 kHz; NR at 30 kHz, the mid-band TDD SCS); nil for a
  /// bandwidth the tables lack (the scenario loader rejects those).
  public var numerology: CarrierNumerology? {
    switch technology {
    case .lte: return CarrierNumerology.lte(bandwidthMHz: bandwidthMHz)
    case .nr: return CarrierNumerology.nr(bandwidthMHz: bandwidthMHz)
    }
  }
}
