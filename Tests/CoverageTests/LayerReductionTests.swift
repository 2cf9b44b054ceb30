import Foundation
import Geo
import Radio
import Scenario
import TestSupport
import Testing

@testable import Coverage

/// `LayerReduction` and `CoverageRun.carrierCoverage` against their per-cell definitions,
/// written out here cell by cell: SINR as 10 log10(S·a / (I·a·ρ + N)) binned with ρ the cell's
/// group load; per layer the worse of the downlink class (TR 36.942 SE × effective bandwidth /
/// the server's active users, rounded to Float32) and the uplink class (`UplinkBudget.rateMbps`
/// at the coupling loss with the fair RB share), none below the RSRP floor; the best class over
/// the layers per cell; uplink-limited cells where the uplink's class is the worse.
@Suite struct LayerReductionTests {
  /// How many leading thresholds (strongest first) `value` stays under.
  static func leading(_ value: Double, _ thresholds: [Double]) -> Int {
    var index = 0
    while index < thresholds.count, value < thresholds[index] { index += 1 }
    return index
  }

  /// A field over the grid drawn from `seed`: one cell in ten unreached, the rest with a best
  /// RSRP of −135…−55 dBm and a total 1…31 times the best server's power, so that the SINR
  /// sweeps every bin and the throughput every service class.
  static func field(cellCount: Int, sectors: Int, seed: UInt64) -> LayerField {
    var random = SplitMix(seed: seed)
    var field = LayerField(cellCount: cellCount)
    for cell in 0..<cellCount {
      guard Double.random(in: 0..<1, using: &random) >= 0.1 else { continue }
      let best = Float(Double.random(in: -135 ..< -55, using: &random))
      field.bestDBm[cell] = best
      field.server[cell] = Int32.random(in: 0..<Int32(sectors), using: &random)
      let spread = Double.random(in: 0..<1, using: &random)
      field.totalMilliwatts[cell] = Float(pow(10, Double(best) / 10) * (1 + 30 * spread * spread))
    }
    return field
  }

  /// Per-cell reference of one layer: the histograms as [parcel][bin] (RSRP, SINR outdoors and
  /// indoors, then uplink-limited outdoors and indoors) and the class rasters; updates the
  /// carrier's best class per cell and coverage.
  static func reference(
    _ field: LayerField, raster: ParcelRaster, settings: CoverageSettings, layer: RadioLayer, load: LayerLoad,
    indoorLossDB: [Double], bestClass: inout (outdoor: [Int], indoor: [Int], downlink: [Int], uplink: [Int]),
    covered: inout [UInt8],
    coveredOutdoor: inout [UInt8]
  ) -> (histograms: [[[Int]]], rsrpClasses: [Int32], serverClasses: [Int32]) {
    let numerology = layer.numerology!
    let rsrpBins = settings.rsrpBinsDBm
    let sinrBins = settings.sinrBinsDB
    let classes = settings.serviceClassesBestFirst
    let floor = settings.capacity.floor
    let noise = pow(
      10, LinkBudget.noisePerResourceElementDBm(numerology: numerology, noiseFigureDB: settings.noiseFigureDB) / 10)
    let bandwidth =
      numerology.occupiedBandwidthHz * (1 - Overhead.fraction(numerology: numerology, direction: .downlink))
      * layer.tddDownlinkShare
    var histograms = [
      rsrpBins.count + 1, rsrpBins.count + 1, sinrBins.count + 1, sinrBins.count + 1, 2, 2,
    ].map { bins in [[Int]](repeating: [Int](repeating: 0, count: bins), count: raster.parcels.count) }
    var rsrpClasses = [Int32](repeating: -1, count: field.bestDBm.count)
    var serverClasses = rsrpClasses
    func sinrDB(_ best: Double, _ total: Double, _ lossDB: Double, _ rho: Double) -> Double {
      let signal = pow(10, best / 10)
      let interference = max(total - signal, 0) * rho
      let attenuation = lossDB == 0 ? 1 : pow(10, -lossDB / 10)
      return 10 * log10(signal * attenuation / (interference * attenuation + noise))
    }
    /// (class, uplink-limited, downlink class, uplink class) of one place.
    func service(_ sinrDB: Double, rsrpDBm: Double, sector: Int) -> (Int, Bool, Int, Int) {
      guard rsrpDBm >= floor.minimumRSRPDBm else { return (classes.count, false, classes.count, classes.count) }
      let users = load.activeUsers[sector]
      let downlinkMbps =
        sinrDB >= max(floor.minimumSINRDB, -10)
        ? Double(Float(Throughput.spectralEfficiency(sinrDB: sinrDB) * bandwidth / 1e6 / max(1, users))) : 0
      let couplingLossDB = -(rsrpDBm + 10 * log10(load.couplingPerMilliwatt[sector]))
      let uplinkMbps = Double(
        Float(
          UplinkBudget.rateMbps(
            couplingLossDB: couplingLossDB, resourceBlockShare: Double(numerology.resourceBlocks) / max(1, users),
            numerology: numerology, overhead: Overhead.fraction(numerology: numerology, direction: .uplink),
            minimumSINRDB: floor.minimumSINRDB, parameters: settings.capacity.uplink(of: layer))))
      let down = leading(downlinkMbps, classes.map(\.minimumDownlinkMbps))
      let up = leading(uplinkMbps, classes.map(\.minimumUplinkMbps))
      return (max(down, up), up > down, down, up)
    }
    for cell in field.bestDBm.indices {
      let best = Double(field.bestDBm[cell])
      let outdoorBin = leading(best, rsrpBins)
      if outdoorBin < rsrpBins.count { rsrpClasses[cell] = Int32(outdoorBin) }
      if best >= rsrpBins.last! { serverClasses[cell] = field.server[cell] }
      let parcel = Int(raster.parcelIndex[cell])
      guard parcel >= 0 else { continue }
      let loss = indoorLossDB[parcel]
      histograms[0][parcel][outdoorBin] += 1
      histograms[1][parcel][leading(best - loss, rsrpBins)] += 1
      if (settings.target.indoor ? best - loss : best) >= settings.target.rsrpDBm { covered[cell] = 1 }
      if best >= settings.target.rsrpDBm { coveredOutdoor[cell] = 1 }
      guard best > -.infinity else {
        histograms[2][parcel][sinrBins.count] += 1
        histograms[3][parcel][sinrBins.count] += 1
        histograms[4][parcel][1] += 1
        histograms[5][parcel][1] += 1
        continue
      }
      let total = Double(field.totalMilliwatts[cell])
      let rho = load.groupLoad[Int(load.cellGroup[cell])]
      let outdoor = sinrDB(best, total, 0, rho)
      let indoor = sinrDB(best, total, loss, rho)
      histograms[2][parcel][leading(outdoor, sinrBins)] += 1
      histograms[3][parcel][leading(indoor, sinrBins)] += 1
      let sector = Int(field.server[cell])
      let (classOut, limitedOut, _, _) = service(outdoor, rsrpDBm: best, sector: sector)
      let (classIn, limitedIn, downIn, upIn) = service(indoor, rsrpDBm: best - loss, sector: sector)
      bestClass.downlink[cell] = min(bestClass.downlink[cell], downIn)
      bestClass.uplink[cell] = min(bestClass.uplink[cell], upIn)
      histograms[4][parcel][limitedOut ? 0 : 1] += 1
      histograms[5][parcel][limitedIn ? 0 : 1] += 1
      bestClass.outdoor[cell] = min(bestClass.outdoor[cell], classOut)
      bestClass.indoor[cell] = min(bestClass.indoor[cell], classIn)
    }
    return (histograms, rsrpClasses, serverClasses)
  }

  static func counts(_ histogram: ParcelHistogram, parcels: Int) -> [[Int]] {
    (0..<parcels).map { parcel in (0..<histogram.binCount).map { histogram.count(parcel: parcel, bin: $0) } }
  }

  /// Two layers (LTE 20 MHz, NR 100 MHz TDD) of random fields reduced on 1, 3 and 8 threads,
  /// then the carrier's figures and gaps, against the reference.
  @Test func reductionAndCarrierFiguresMatchThePerCellDefinitions() throws {
    let scenario = try BandedWorld.scenario()
    let grid = try #require(CoverageRun.gridCovering(scenario))
    let raster = ParcelRaster(scenario: scenario, grid: grid)
    let settings = scenario.coverage
    let layers = scenario.carriers[0].layers
    var random = SplitMix(seed: 17)
    let losses = raster.parcels.indices.map { _ in
      Double.random(in: 0..<1, using: &random) < 0.3 ? 0 : Double.random(in: 5..<30, using: &random)
    }
    let fields = layers.indices.map { Self.field(cellCount: grid.cellCount, sectors: 12, seed: UInt64(100 + $0)) }
    let cells = grid.cellCount
    let loads = zip(fields, layers).enumerated().map { index, pair in
      LayerLoad.random(field: pair.0, sectors: 12, layer: pair.1, settings: settings, seed: UInt64(200 + index))
    }
    let classCount = settings.serviceClasses.count
    let none = [Int](repeating: classCount, count: cells)
    var bestClass = (outdoor: none, indoor: none, downlink: none, uplink: none)
    var covered = [UInt8](repeating: 0, count: cells)
    var coveredOutdoor = covered
    let expected = layers.indices.map { index in
      Self.reference(
        fields[index], raster: raster, settings: settings, layer: layers[index], load: loads[index],
        indoorLossDB: losses, bestClass: &bestClass, covered: &covered, coveredOutdoor: &coveredOutdoor)
    }
    let parcels = raster.parcels.count
    var classesSeen = Set<Int>()
    for cell in 0..<cells where raster.parcelIndex[cell] >= 0 { classesSeen.insert(bestClass.outdoor[cell]) }
    #expect(classesSeen.count == classCount + 1, "every service class occurs")
    #expect(expected.contains { $0.histograms[5].contains { $0[0] > 0 } }, "some cells are uplink-limited")
    for threads in [1, 3, 8] {
      var accumulator = CarrierAccumulator(
        cellCount: cells, settings: settings, columns: grid.columns, threads: threads)
      for (index, layer) in layers.enumerated() {
        let sinr = SINRTerms(
          noiseMilliwatts: pow(
            10,
            LinkBudget.noisePerResourceElementDBm(numerology: layer.numerology!, noiseFigureDB: settings.noiseFigureDB)
              / 10), indoorLossDB: losses)
        let reduction = LayerReduction(
          field: fields[index], raster: raster, settings: settings, sinr: sinr, load: loads[index],
          indoorLossDB: losses, accumulator: &accumulator, threads: threads)
        let reference = expected[index]
        #expect(Self.counts(reduction.rsrpOutdoor, parcels: parcels) == reference.histograms[0])
        #expect(Self.counts(reduction.rsrpIndoor, parcels: parcels) == reference.histograms[1])
        #expect(Self.counts(reduction.sinrOutdoor, parcels: parcels) == reference.histograms[2])
        #expect(Self.counts(reduction.sinrIndoor, parcels: parcels) == reference.histograms[3])
        #expect(Self.counts(reduction.uplinkLimitedOutdoor, parcels: parcels) == reference.histograms[4])
        #expect(Self.counts(reduction.uplinkLimitedIndoor, parcels: parcels) == reference.histograms[5])
        #expect(reduction.rsrpClasses == reference.rsrpClasses)
        #expect(reduction.serverClasses == reference.serverClasses)
      }
      #expect(accumulator.covered == covered && accumulator.coveredOutdoor == coveredOutdoor)
      let carrier = CoverageRun.carrierCoverage(
        "c", accumulator, raster: raster, settings: settings, threads: threads)
      let zero = [[Int]](repeating: [Int](repeating: 0, count: classCount + 1), count: parcels)
      var service = (outdoor: zero, indoor: zero, downlink: zero, uplink: zero)
      var coveredCells = [Int](repeating: 0, count: parcels)
      for cell in 0..<cells where raster.parcelIndex[cell] >= 0 {
        let parcel = Int(raster.parcelIndex[cell])
        service.outdoor[parcel][bestClass.outdoor[cell]] += 1
        service.indoor[parcel][bestClass.indoor[cell]] += 1
        service.downlink[parcel][bestClass.downlink[cell]] += 1
        service.uplink[parcel][bestClass.uplink[cell]] += 1
        coveredCells[parcel] += Int(covered[cell])
      }
      #expect(Self.counts(carrier.serviceOutdoor, parcels: parcels) == service.outdoor)
      #expect(Self.counts(carrier.serviceIndoor, parcels: parcels) == service.indoor)
      #expect(Self.counts(carrier.serviceIndoorDownlink, parcels: parcels) == service.downlink)
      #expect(Self.counts(carrier.serviceIndoorUplink, parcels: parcels) == service.uplink)
      #expect(carrier.coveredCells == coveredCells)
      var gapClasses = [Int32](repeating: -1, count: cells)
      for cell in 0..<cells where raster.parcelIndex[cell] >= 0 && covered[cell] == 0 {
        let parcel = Int(raster.parcelIndex[cell])
        if Double(coveredCells[parcel]) / Double(raster.cellCount[parcel]) < settings.target.minimumShare {
          gapClasses[cell] = Int32(parcel)
        }
      }
      let gaps = Polygoniser.polygons(classes: gapClasses, grid: grid)
      #expect(!gaps.isEmpty)
      #expect(carrier.gaps.map(\.parcelIndex) == gaps.map { Int($0.classValue) })
      #expect(carrier.gaps.map(\.shape) == gaps.map(\.shape))
    }
  }
}
