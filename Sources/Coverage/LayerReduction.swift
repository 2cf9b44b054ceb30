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
  /// Per parcel, cells where the uplink gives a worse service class than the downlink (bin 0)
  /// and the others (bin 1), outdoors and indoors.
  var uplinkLimitedOutdoor: ParcelHistogram
  var uplinkLimitedIndoor: ParcelHistogram
  /// RSRP bin per cell outdoors (−1 below the lowest bin), for the coverage map.
  var rsrpClasses: [Int32]
  /// Best server per cell where it reaches the lowest bin, else −1.
  var serverClasses: [Int32]

  /// Reduces `field`; updates the carrier's best service class and target coverage per cell.
  ///
  /// SINR as `SINRTerms` with each cell's interference scaled by its group's load (`load`);
  /// the SINR bins are read from the linear SINR by `MonotoneBins`, equal to binning 10 log10
  /// of it. The service class is the worse of the downlink's (per-user rate against the
  /// linear SINR) and the uplink's (against the coupling gain), each by the serving sector's
  /// thresholds (`LayerLoad`); none below the RSRP floor. Row bands over `threads` workers;
  /// counts per worker added in worker order, so the result does not depend on `threads`.
  init(
    field: LayerField, raster: ParcelRaster, settings: CoverageSettings, sinr: SINRTerms, load: LayerLoad,
    indoorLossDB: [Double], accumulator: inout CarrierAccumulator, threads: Int = 1
  ) {
    let grid = raster.grid
    let cells = grid.cellCount
    let constants = ReductionConstants(settings: settings, sinr: sinr, load: load, indoorLossDB: indoorLossDB)
    let pass = ParallelRows(rows: grid.rows, threads: threads)
    let empty = ReductionTally(parcels: raster.parcels.count, settings: settings)
    var tallies = [ReductionTally](repeating: empty, count: pass.workers)
    var serverClasses: [Int32] = []
    let rsrpClasses = [Int32](count: cells) { rsrp in
      serverClasses = [Int32](count: cells) { server in
        tallies.withUnsafeMutableBufferPointer { tallyBuffer in
          accumulator.withSlots { carrier in
            let slots = SharedSlots(tallyBuffer)
            pass.perform { worker in
              var tally = empty
              for band in pass.bands(of: worker) {
                let rows = pass.rows(ofBand: band)
                constants.reduce(
                  cells: rows.lowerBound * grid.columns..<rows.upperBound * grid.columns, field: field,
                  parcelIndex: raster.parcelIndex, tally: &tally, rsrp: rsrp, server: server, carrier: carrier)
              }
              slots[worker] = tally
            }
          }
        }
      }
    }
    var total = empty
    for tally in tallies { total.add(tally) }
    self.rsrpClasses = rsrpClasses
    self.serverClasses = serverClasses
    rsrpOutdoor = total.rsrpOutdoor
    rsrpIndoor = total.rsrpIndoor
    sinrOutdoor = total.sinrOutdoor
    sinrIndoor = total.sinrIndoor
    uplinkLimitedOutdoor = total.uplinkLimitedOutdoor
    uplinkLimitedIndoor = total.uplinkLimitedIndoor
  }
}

/// One worker's counts per parcel.
private struct ReductionTally {
  var rsrpOutdoor: ParcelHistogram
  var rsrpIndoor: ParcelHistogram
  var sinrOutdoor: ParcelHistogram
  var sinrIndoor: ParcelHistogram
  var uplinkLimitedOutdoor: ParcelHistogram
  var uplinkLimitedIndoor: ParcelHistogram

  init(parcels: Int, settings: CoverageSettings) {
    rsrpOutdoor = ParcelHistogram(parcels: parcels, binCount: settings.rsrpBinsDBm.count + 1)
    rsrpIndoor = rsrpOutdoor
    sinrOutdoor = ParcelHistogram(parcels: parcels, binCount: settings.sinrBinsDB.count + 1)
    sinrIndoor = sinrOutdoor
    uplinkLimitedOutdoor = ParcelHistogram(parcels: parcels, binCount: 2)
    uplinkLimitedIndoor = uplinkLimitedOutdoor
  }

  mutating func add(_ other: ReductionTally) {
    rsrpOutdoor.add(other.rsrpOutdoor)
    rsrpIndoor.add(other.rsrpIndoor)
    sinrOutdoor.add(other.sinrOutdoor)
    sinrIndoor.add(other.sinrIndoor)
    uplinkLimitedOutdoor.add(other.uplinkLimitedOutdoor)
    uplinkLimitedIndoor.add(other.uplinkLimitedIndoor)
  }
}

/// What the reduction needs per layer, worked out once.
private struct ReductionConstants: Sendable {
  let rsrpBinsDBm: [Double]
  let lowestDBm: Double
  let target: CoverageTarget
  let floorDBm: Double
  let noClass: Int
  let indoorLossDB: [Double]
  let sinr: SINRTerms
  let sinrBins: MonotoneBins
  let load: LayerLoad

  init(settings: CoverageSettings, sinr: SINRTerms, load: LayerLoad, indoorLossDB: [Double]) {
    rsrpBinsDBm = settings.rsrpBinsDBm
    lowestDBm = settings.rsrpBinsDBm.last ?? -.infinity
    target = settings.target
    floorDBm = settings.capacity.floor.minimumRSRPDBm
    noClass = settings.serviceClasses.count
    self.indoorLossDB = indoorLossDB
    self.sinr = sinr
    sinrBins = MonotoneBins(thresholds: settings.sinrBinsDB, tolerance: 1e-9, SINRTerms.decibels)
    self.load = load
  }

  /// Reduces the cells `cells` (whole rows) into `tally` and the per-cell outputs (every
  /// cell's classes written).
  func reduce(
    cells: Range<Int>, field: LayerField, parcelIndex: [Int32], tally: inout ReductionTally,
    rsrp: SharedSlots<Int32>, server: SharedSlots<Int32>, carrier: CarrierSlots
  ) {
    let rsrpBinCount = rsrpBinsDBm.count + 1
    let sinrBinCount = sinrBins.thresholds.count + 1
    for cell in cells {
      let best = Double(field.bestDBm[cell])
      let outdoorBin = binIndex(best, thresholds: rsrpBinsDBm)
      rsrp[cell] = outdoorBin < rsrpBinCount - 1 ? Int32(outdoorBin) : -1
      server[cell] = best >= lowestDBm ? field.server[cell] : -1
      let parcel = Int(parcelIndex[cell])
      guard parcel >= 0 else { continue }
      let loss = indoorLossDB[parcel]
      tally.rsrpOutdoor.add(parcel: parcel, bin: outdoorBin)
      tally.rsrpIndoor.add(parcel: parcel, bin: binIndex(best - loss, thresholds: rsrpBinsDBm))
      if (target.indoor ? best - loss : best) >= target.rsrpDBm { carrier.covered[cell] = 1 }
      if best >= target.rsrpDBm { carrier.coveredOutdoor[cell] = 1 }
      let position = field.server[cell] >= 0 ? Int(load.kernelOfSector[Int(field.server[cell])]) : -1
      guard best > -.infinity, position >= 0 else {
        // Reached by no sector: no signal, the last SINR bins, no service.
        tally.sinrOutdoor.add(parcel: parcel, bin: sinrBinCount - 1)
        tally.sinrIndoor.add(parcel: parcel, bin: sinrBinCount - 1)
        tally.uplinkLimitedOutdoor.add(parcel: parcel, bin: 1)
        tally.uplinkLimitedIndoor.add(parcel: parcel, bin: 1)
        continue
      }
      let signal = Units.milliwatts(fromDBm: best)
      let total = Double(field.totalMilliwatts[cell])
      let cellLoad = load.load(ofCell: cell)
      let attenuation = sinr.attenuation[parcel]
      let outdoor = sinr.ratio(signalMilliwatts: signal, totalMilliwatts: total, attenuation: 1, load: cellLoad)
      let indoor = sinr.ratio(
        signalMilliwatts: signal, totalMilliwatts: total, attenuation: attenuation, load: cellLoad)
      tally.sinrOutdoor.add(parcel: parcel, bin: sinrBins.index(outdoor, SINRTerms.decibels))
      tally.sinrIndoor.add(parcel: parcel, bin: sinrBins.index(indoor, SINRTerms.decibels))
      let classOutdoor = serviceClasses(
        position: position, ratio: outdoor, signalMilliwatts: signal, rsrpDBm: best, parcel: parcel,
        limited: &tally.uplinkLimitedOutdoor)
      let classIndoor = serviceClasses(
        position: position, ratio: indoor, signalMilliwatts: signal * attenuation, rsrpDBm: best - loss,
        parcel: parcel, limited: &tally.uplinkLimitedIndoor)
      if classOutdoor.both < carrier.bestOutdoorClass[cell] { carrier.bestOutdoorClass[cell] = classOutdoor.both }
      if classIndoor.both < carrier.bestIndoorClass[cell] { carrier.bestIndoorClass[cell] = classIndoor.both }
      if classIndoor.downlink < carrier.bestIndoorDownlinkClass[cell] {
        carrier.bestIndoorDownlinkClass[cell] = classIndoor.downlink
      }
      if classIndoor.uplink < carrier.bestIndoorUplinkClass[cell] {
        carrier.bestIndoorUplinkClass[cell] = classIndoor.uplink
      }
    }
  }

  /// The downlink's and the uplink's class and the worse of the two (none below the RSRP
  /// floor); counts the cell as uplink-limited when the uplink's is worse.
  @inline(__always) private func serviceClasses(
    position: Int, ratio: Double, signalMilliwatts: Double, rsrpDBm: Double, parcel: Int,
    limited: inout ParcelHistogram
  ) -> (both: UInt16, downlink: UInt16, uplink: UInt16) {
    guard rsrpDBm >= floorDBm else {
      limited.add(parcel: parcel, bin: 1)
      return (UInt16(noClass), UInt16(noClass), UInt16(noClass))
    }
    let downlink = load.downlinkClass(position: position, ratio: ratio)
    let uplink = load.uplinkClass(position: position, signalMilliwatts: signalMilliwatts)
    limited.add(parcel: parcel, bin: uplink > downlink ? 0 : 1)
    return (UInt16(max(downlink, uplink)), UInt16(downlink), UInt16(uplink))
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
