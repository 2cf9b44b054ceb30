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

  /// Reduces `field`; updates the carrier's best service class and target coverage per cell.
  ///
  /// SINR as `SINRTerms`; the SINR bins and the service class (the TR 36.942 throughput of
  /// `Throughput.downlinkMbps` against the classes' rates) are read from the linear SINR by
  /// `MonotoneBins`, equal to binning 10 log10 of it and the throughput rounded to Float32.
  /// Row bands over `threads` workers; counts per worker added in worker order, so the
  /// result does not depend on `threads`.
  init(
    field: LayerField, layer: RadioLayer, numerology: CarrierNumerology, raster: ParcelRaster,
    settings: CoverageSettings, indoorLossDB: [Double], accumulator: inout CarrierAccumulator, threads: Int = 1
  ) {
    let grid = raster.grid
    let cells = grid.cellCount
    let sinr = SINRTerms(
      load: settings.loadFactor,
      noiseMilliwatts: Units.milliwatts(
        fromDBm: LinkBudget.noisePerResourceElementDBm(numerology: numerology, noiseFigureDB: settings.noiseFigureDB)),
      indoorLossDB: indoorLossDB)
    let constants = ReductionConstants(
      settings: settings, sinr: sinr, layer: layer, numerology: numerology, indoorLossDB: indoorLossDB)
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
  }
}

/// One worker's counts per parcel.
private struct ReductionTally {
  var rsrpOutdoor: ParcelHistogram
  var rsrpIndoor: ParcelHistogram
  var sinrOutdoor: ParcelHistogram
  var sinrIndoor: ParcelHistogram

  init(parcels: Int, settings: CoverageSettings) {
    rsrpOutdoor = ParcelHistogram(parcels: parcels, binCount: settings.rsrpBinsDBm.count + 1)
    rsrpIndoor = rsrpOutdoor
    sinrOutdoor = ParcelHistogram(parcels: parcels, binCount: settings.sinrBinsDB.count + 1)
    sinrIndoor = sinrOutdoor
  }

  mutating func add(_ other: ReductionTally) {
    rsrpOutdoor.add(other.rsrpOutdoor)
    rsrpIndoor.add(other.rsrpIndoor)
    sinrOutdoor.add(other.sinrOutdoor)
    sinrIndoor.add(other.sinrIndoor)
  }
}

/// What the reduction needs per layer, worked out once.
private struct ReductionConstants: Sendable {
  let rsrpBinsDBm: [Double]
  let lowestDBm: Double
  let target: CoverageTarget
  let indoorLossDB: [Double]
  let sinr: SINRTerms
  let sinrBins: MonotoneBins
  let serviceBins: MonotoneBins
  let rate: ServiceRate

  init(
    settings: CoverageSettings, sinr: SINRTerms, layer: RadioLayer, numerology: CarrierNumerology,
    indoorLossDB: [Double]
  ) {
    rsrpBinsDBm = settings.rsrpBinsDBm
    lowestDBm = settings.rsrpBinsDBm.last ?? -.infinity
    target = settings.target
    self.indoorLossDB = indoorLossDB
    self.sinr = sinr
    sinrBins = MonotoneBins(thresholds: settings.sinrBinsDB, tolerance: 1e-9, SINRTerms.decibels)
    let rate = ServiceRate(numerology: numerology, tddDownlinkShare: layer.tddDownlinkShare)
    self.rate = rate
    serviceBins = MonotoneBins(
      thresholds: settings.serviceClassesBestFirst.map(\.minimumDownlinkMbps), tolerance: 1e-6, rate.mbps)
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
      guard best > -.infinity else {
        // Reached by no sector: no signal, the last SINR bins, the throughput unchanged.
        tally.sinrOutdoor.add(parcel: parcel, bin: sinrBinCount - 1)
        tally.sinrIndoor.add(parcel: parcel, bin: sinrBinCount - 1)
        continue
      }
      let signal = Units.milliwatts(fromDBm: best)
      let total = Double(field.totalMilliwatts[cell])
      let outdoor = sinr.ratio(signalMilliwatts: signal, totalMilliwatts: total, attenuation: 1)
      let indoor = sinr.ratio(signalMilliwatts: signal, totalMilliwatts: total, attenuation: sinr.attenuation[parcel])
      tally.sinrOutdoor.add(parcel: parcel, bin: sinrBins.index(outdoor, SINRTerms.decibels))
      tally.sinrIndoor.add(parcel: parcel, bin: sinrBins.index(indoor, SINRTerms.decibels))
      let classOutdoor = UInt16(serviceBins.index(outdoor, rate.mbps))
      let classIndoor = UInt16(serviceBins.index(indoor, rate.mbps))
      if classOutdoor < carrier.bestOutdoorClass[cell] { carrier.bestOutdoorClass[cell] = classOutdoor }
      if classIndoor < carrier.bestIndoorClass[cell] { carrier.bestIndoorClass[cell] = classIndoor }
    }
  }
}

/// A layer's downlink rate against the linear SINR, as the service classes read it: TR 36.942
/// (`Throughput.downlinkMbps`) at 10 log10 of the ratio, rounded to Float32 as a per-cell rate.
struct ServiceRate: Sendable {
  let numerology: CarrierNumerology
  let tddDownlinkShare: Double

  func mbps(_ ratio: Double) -> Double {
    Double(
      Float(
        Throughput.downlinkMbps(
          sinrDB: SINRTerms.decibels(ratio), numerology: numerology, tddDownlinkShare: tddDownlinkShare)))
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
