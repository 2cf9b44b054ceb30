import Foundation
import Geo
import Radio
import Scenario
import Testing

@testable import Coverage

/// A carrier's busy-hour users split between its layers cell by cell.
@Suite struct DemandSplitTests {
  /// The two-sector park of `BusyHourRunTests` with a second layer, LTE 20 MHz FDD, whose
  /// fields are drawn here: cell by cell, each layer serves or not (RSRP −90 or −150 dBm).
  /// Capacity shares (`Overhead`, `UserRate`): NR 100 MHz, 273 RB × 12 × 30 kHz × (1 − 0.14) ×
  /// 0.74 = 74.64 MHz; LTE 18 MHz × (1 − 0.217571) = 14.08 MHz; NR's share 0.8413.
  @Test func usersGoToTheLayersThatServeTheirCell() throws {
    let model = BusyHourRunTests.scenario()
    let grid = try #require(CoverageRun.gridCovering(model))
    let raster = ParcelRaster(scenario: model, grid: grid)
    let nr = model.carriers[0].layers[0]
    let lte = RadioLayer(
      id: "lte1800", technology: .lte, band: "B3", frequencyMHz: 1815, bandwidthMHz: 20, tddDownlinkShare: 1)
    let carrier = Carrier(id: "viettel", name: "Viettel", layers: [nr, lte])
    var fields = [LayerField(cellCount: grid.cellCount), LayerField(cellCount: grid.cellCount)]
    for cell in 0..<grid.cellCount {
      fields[0].bestDBm[cell] = cell % 3 == 0 ? -150 : -90
      fields[1].bestDBm[cell] = cell % 2 == 0 ? -150 : -90
    }
    let noLoss = [Double](repeating: 0, count: raster.parcels.count)
    let split = DemandSplit(
      carrier: carrier, layers: [(nr, fields[0], noLoss), (lte, fields[1], noLoss)], raster: raster, scenario: model)
    let nrBandwidth = 273.0 * 12 * 30e3 * (1 - 0.14) * 0.74
    let lteBandwidth = 100.0 * 12 * 15e3 * (1 - 0.217_571_428_571_428_58)
    let nrShare = nrBandwidth / (nrBandwidth + lteBandwidth)
    var checked = 0
    for cell in 0..<grid.cellCount {
      let parcel = Int(raster.parcelIndex[cell])
      guard parcel >= 0 else { continue }
      // Viettel's share × 5 % of the parcel's 60 workers over its cells.
      let users = 60 * 63.3 / 131.9 * 0.05 / Double(raster.cellCount[parcel])
      let servedByNR = cell % 3 != 0
      let servedByLTE = cell % 2 != 0
      let expected: (Double, Double) =
        switch (servedByNR, servedByLTE) {
        case (true, true), (false, false): (users * nrShare, users * (1 - nrShare))
        case (true, false): (users, 0)
        case (false, true): (0, users)
        }
      let got = (split.users(cell: cell, parcel: parcel, layer: 0), split.users(cell: cell, parcel: parcel, layer: 1))
      #expect(abs(got.0 - expected.0) <= 1e-12 * users && abs(got.1 - expected.1) <= 1e-12 * users)
      checked += 1
    }
    #expect(checked == 100)
  }
}
