import Scenario

extension CoverageRun {
  /// A carrier's figures over all its layers: the best service class per parcel cell counted,
  /// the cells meeting the target per parcel, and the gap map (the uncovered cells of every
  /// parcel below the target share).
  ///
  /// Two passes over row bands on `threads` workers (counts added in worker order, gap classes
  /// written per cell), then the gap polygons: the result does not depend on `threads`.
  static func carrierCoverage(
    _ id: String, _ accumulator: CarrierAccumulator, raster: ParcelRaster, settings: CoverageSettings,
    threads: Int = 1
  ) -> CarrierCoverage {
    let grid = raster.grid
    let parcels = raster.parcels.count
    let binCount = settings.serviceClassesBestFirst.count + 1
    let pass = ParallelRows(rows: grid.rows, threads: threads)
    let histogram = ParcelHistogram(parcels: parcels, binCount: binCount)
    let empty = CarrierTally(
      outdoor: histogram, indoor: histogram, indoorDownlink: histogram, indoorUplink: histogram,
      covered: [Int](repeating: 0, count: parcels))
    var tallies = [CarrierTally](repeating: empty, count: pass.workers)
    tallies.withUnsafeMutableBufferPointer { buffer in
      let slots = SharedSlots(buffer)
      pass.perform { worker in
        var tally = empty
        for band in pass.bands(of: worker) {
          let rows = pass.rows(ofBand: band)
          for cell in rows.lowerBound * grid.columns..<rows.upperBound * grid.columns {
            let parcel = Int(raster.parcelIndex[cell])
            guard parcel >= 0 else { continue }
            tally.outdoor.add(parcel: parcel, bin: Int(accumulator.bestOutdoorClass[cell]))
            tally.indoor.add(parcel: parcel, bin: Int(accumulator.bestIndoorClass[cell]))
            tally.indoorDownlink.add(parcel: parcel, bin: Int(accumulator.bestIndoorDownlinkClass[cell]))
            tally.indoorUplink.add(parcel: parcel, bin: Int(accumulator.bestIndoorUplinkClass[cell]))
            tally.covered[parcel] += Int(accumulator.covered[cell])
          }
        }
        slots[worker] = tally
      }
    }
    var total = empty
    for tally in tallies {
      total.outdoor.add(tally.outdoor)
      total.indoor.add(tally.indoor)
      total.indoorDownlink.add(tally.indoorDownlink)
      total.indoorUplink.add(tally.indoorUplink)
      for parcel in 0..<parcels { total.covered[parcel] += tally.covered[parcel] }
    }
    let missing = (0..<parcels).map { parcel in
      Double(total.covered[parcel]) / Double(max(raster.cellCount[parcel], 1)) < settings.target.minimumShare
    }
    let gapClasses = [Int32](count: grid.cellCount) { gaps in
      pass.forEachBand { _, rows in
        for cell in rows.lowerBound * grid.columns..<rows.upperBound * grid.columns {
          let parcel = Int(raster.parcelIndex[cell])
          gaps[cell] = parcel >= 0 && accumulator.covered[cell] == 0 && missing[parcel] ? Int32(parcel) : -1
        }
      }
    }
    let gaps = Polygoniser.polygons(classes: gapClasses, grid: grid, threads: threads).map {
      (Int($0.classValue), $0.shape)
    }
    return CarrierCoverage(
      carrierID: id, serviceOutdoor: total.outdoor, serviceIndoor: total.indoor,
      serviceIndoorDownlink: total.indoorDownlink, serviceIndoorUplink: total.indoorUplink,
      coveredCells: total.covered, gaps: gaps)
  }
}

/// One worker's counts per parcel.
private struct CarrierTally {
  var outdoor: ParcelHistogram
  var indoor: ParcelHistogram
  var indoorDownlink: ParcelHistogram
  var indoorUplink: ParcelHistogram
  var covered: [Int]
}
