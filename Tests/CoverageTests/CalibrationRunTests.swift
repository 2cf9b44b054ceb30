import Foundation
import Geo
import Radio
import Scenario
import Testing

@testable import Coverage

/// `cosite calibrate`'s engine (#21): the fit and its before/after statistics by hand, the
/// tuning applied where losses are tabulated, and synthetic drive tests whose true
/// coefficients come back.
@Suite struct CalibrationRunTests {
  static let dinhVu = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../scenarios/hai-phong-dinh-vu.yaml").standardized.path

  /// Ten local means by hand. x = log10(d / 1 km) ∈ {−0.5, −0.25, 0, 0.25, 0.5}, each twice;
  /// measured − predicted loss t = 5 + 2x + e with e = +1, −1 alternating, so Σx·e = 0:
  /// x̄ = 0, Sxx = 2·(0.25 + 0.0625 + 0 + 0.0625 + 0.25) = 1.25, b = Sxt/Sxx = 2, a = t̄ = 5;
  /// residuals e, RSS = 10, σ̂² = 10/8 = 1.25; se(a) = √(σ̂²/n) = √0.125, se(b) = √(σ̂²/Sxx) = 1.
  /// Measured RSRP m = −90 + 20x. Errors (predicted − measured RSRP) before = t: mean 5,
  /// σ² = 4·var(x) + var(e) = 4·0.125 + 1 = 1.5, RMSE² = 25 + 1.5; after = e: mean 0, σ 1,
  /// RMSE 1. r before: cov(m + t, m) = 20·22·0.125 = 55, var(m) = 400·0.125 = 50,
  /// var(m + t) = 22²·0.125 + 1 = 61.5 → 55/√(50·61.5); after: 50/√(50·51).
  @Test func tenLocalMeansBeforeAndAfterByHand() throws {
    let xs: [Double] = [-0.5, -0.5, -0.25, -0.25, 0, 0, 0.25, 0.25, 0.5, 0.5]
    var bins = xs.enumerated().map { index, x in
      let t = 5 + 2 * x + (index.isMultiple(of: 2) ? 1 : -1)
      return CalibrationBin(
        sectorIndex: index, layerIndex: 0, x: 0, y: 0, distanceM: 1000 * pow(10, x), sampleCount: 1,
        firstLine: index + 2, zoneIndex: nil, measuredRSRPDBm: -90 + 20 * x, measuredLossDB: 120 + t,
        predictedLossBeforeDB: 120, predictedLossUntunedDB: 120, predictedLossAfterDB: 120,
        propagation: Propagation(model: .ercegB))
    }
    let fitted = Calibration.fit(&bins, settings: CalibrationSettings())
    let fit = try #require(fitted.fit)
    #expect(fitted.slope && fitted.rho == nil)  // one bin per sector: no consecutive pairs
    #expect(fitted.blocks == 1 && fitted.standardErrors == fit.standardErrors)  // one square: least squares' own
    #expect(abs(fit.coefficients[0] - 5) < 1e-9 && abs(fit.coefficients[1] - 2) < 1e-9)
    #expect(abs(fit.residualSigma - 1.25.squareRoot()) < 1e-9)
    #expect(abs(fit.standardErrors[0] - 0.125.squareRoot()) < 1e-9 && abs(fit.standardErrors[1] - 1) < 1e-9)
    let measured = bins.map(\.measuredRSRPDBm)
    let before = PredictionErrors(predicted: bins.map(\.predictedRSRPBeforeDBm), measured: measured)
    let after = PredictionErrors(predicted: bins.map(\.predictedRSRPAfterDBm), measured: measured)
    #expect(abs(before.meanErrorDB - 5) < 1e-9 && abs(before.sigmaDB - 1.5.squareRoot()) < 1e-9)
    #expect(abs(before.rmseDB - 26.5.squareRoot()) < 1e-9)
    #expect(abs((before.correlation ?? 0) - 55 / (50 * 61.5).squareRoot()) < 1e-9)
    #expect(abs(after.meanErrorDB) < 1e-9 && abs(after.sigmaDB - 1) < 1e-9 && abs(after.rmseDB - 1) < 1e-9)
    #expect(abs((after.correlation ?? 0) - 50 / (50 * 51.0).squareRoot()) < 1e-9)
    // The fit is over the untuned model: a layer tuned before by (1, −1) over 200–900 m ends at
    // (5, 2) over the new distances; without a fitted slope it keeps −1 and 200–900 m.
    let previous = ModelTuning(offsetDB: 1, slopeDBPerDecade: -1, distanceRangeM: 200...900)
    let tuned = Calibration.tuning(previous: previous, fit: fit, slope: true, distanceRangeM: 300...3000)
    #expect(tuned.offsetDB == fit.coefficients[0] && tuned.slopeDBPerDecade == fit.coefficients[1])
    #expect(tuned.distanceRangeM == 300...3000)
    let offsetOnly = Calibration.tuning(previous: previous, fit: fit, slope: false, distanceRangeM: 300...3000)
    #expect(offsetOnly.slopeDBPerDecade == -1 && offsetOnly.distanceRangeM == 200...900)
  }

  /// Too few local means, or distances within a narrow band: no fit, or the offset alone.
  @Test func fitsOnlyWhatTheDataDetermines() throws {
    func bins(_ distances: [Double]) -> [CalibrationBin] {
      distances.enumerated().map { index, distance in
        CalibrationBin(
          sectorIndex: 0, layerIndex: 0, x: 0, y: 0, distanceM: distance, sampleCount: 1, firstLine: index + 2,
          zoneIndex: nil, measuredRSRPDBm: -90, measuredLossDB: 123 + Double(index % 3), predictedLossBeforeDB: 120,
          predictedLossUntunedDB: 120, predictedLossAfterDB: 120, propagation: Propagation(model: .ercegB))
      }
    }
    var few = bins(Array(repeating: 500, count: 9))
    #expect(Calibration.fit(&few, settings: CalibrationSettings()).fit == nil)
    // 500–1000 m spans 0.30 decades, under the 0.5 needed for a slope: offset = mean of 3, 4, 5 = 4.
    var narrow = bins((0..<12).map { 500 + Double($0) * 500 / 11 })
    let fitted = Calibration.fit(&narrow, settings: CalibrationSettings())
    #expect(!fitted.slope && fitted.note != nil)
    #expect(abs((fitted.fit?.coefficients[0] ?? 0) - 4) < 1e-9)
  }

  /// A land-cover class's own offset by hand. Twenty local means, the x pattern of the first
  /// test twice: ten of no class with t = 5 + 2x + e, ten of class "a" with t = 8 + 2x + e,
  /// e = +1, −1 alternating (Σe = Σx·e = 0 in each group), all in one square. Columns
  /// [1, x, 1_a]: XᵀX = [[20, 0, 10], [0, 2.5, 0], [10, 0, 10]]; the [1, 1_a] block
  /// [[20, 10], [10, 10]] has the inverse [[0.1, −0.1], [−0.1, 0.2]]. The fit reproduces
  /// a = 5, b = 2, δ = 3 with residuals e: RSS = 20, σ̂² = 20/17; se(b) = √(σ̂²/2.5) = √(8/17),
  /// se(δ) = √(0.2 σ̂²) = √(4/17), se(a + δ) = √((0.1 + 0.2 − 2·0.1) σ̂²) = √(2/17). σ of the
  /// class: √(10/9) (its offset's degree of freedom); of the layer's own means: √(10/8).
  @Test func aLandCoverClassOffsetByHand() throws {
    let xs: [Double] = [-0.5, -0.5, -0.25, -0.25, 0, 0, 0.25, 0.25, 0.5, 0.5]
    var marked = Propagation(model: .ercegB)
    marked.landCoverClass = "a"
    func bins(_ offset: Double, _ propagation: Propagation) -> [CalibrationBin] {
      xs.enumerated().map { index, x in
        let t = offset + 2 * x + (index.isMultiple(of: 2) ? 1 : -1)
        return CalibrationBin(
          sectorIndex: index, layerIndex: 0, x: 0, y: 0, distanceM: 1000 * pow(10, x), sampleCount: 1,
          firstLine: index + 2, zoneIndex: nil, measuredRSRPDBm: -90 + 20 * x, measuredLossDB: 120 + t,
          predictedLossBeforeDB: 120, predictedLossUntunedDB: 120, predictedLossAfterDB: 120,
          propagation: propagation)
      }
    }
    var all = bins(5, Propagation(model: .ercegB)) + bins(8, marked)
    var settings = CalibrationSettings()
    settings.minimumClassBlocks = 1
    let fitted = Calibration.fit(&all, settings: settings)
    let fit = try #require(fitted.fit)
    let landCover = try #require(fitted.classes.first)
    #expect(fitted.classes.count == 1 && landCover.name == "a" && landCover.binCount == 10)
    #expect(abs(fit.coefficients[0] - 5) < 1e-9 && abs(fit.coefficients[1] - 2) < 1e-9)
    #expect(abs(landCover.termDB - 3) < 1e-9 && abs(landCover.offsetDB - 8) < 1e-9)
    #expect(abs(fitted.standardErrors[1] - (8 / 17.0).squareRoot()) < 1e-9)
    #expect(abs(landCover.termStandardErrorDB - (4 / 17.0).squareRoot()) < 1e-9)
    #expect(abs(landCover.offsetStandardErrorDB - (2 / 17.0).squareRoot()) < 1e-9)
    #expect(abs(landCover.residualSigmaDB - (10 / 9.0).squareRoot()) < 1e-9)
    #expect(abs((fitted.layerSigmaDB ?? .nan) - 1.25.squareRoot()) < 1e-9)
    // Each mean's prediction after the fit leaves its e.
    for bin in all {
      #expect(abs(abs(bin.measuredLossDB - bin.predictedLossAfterDB) - 1) < 1e-9)
    }
    // The class's means in one square of 500 m: under the default two squares, no term of its own.
    var again = bins(5, Propagation(model: .ercegB)) + bins(8, marked)
    #expect(Calibration.fit(&again, settings: CalibrationSettings()).classes.isEmpty)
  }

  /// The height term by hand. Heights 15, 30 and 60 m (h = log10(height / 30 m) = −0.30103,
  /// 0, +0.30103) × x ∈ {−0.5, −0.25, 0.25, 0.5}, each pair twice with e = +1, −1: the columns
  /// [1, x, h] and e are orthogonal (Σx = Σh = Σxh = 0, e cancels in every pair), so the fit
  /// of t = 5 + 2x + 6h + e reproduces (5, 2, 6) with residuals e: RSS = 24, σ̂² = 24/21;
  /// Σx² = 6·(2·0.25 + 2·0.0625) = 3.75, Σh² = 16·0.30103²; se(b) = √(σ̂²/Σx²),
  /// se(c) = √(σ̂²/Σh²). Without `heightTerm`, or over two heights only, no height term.
  @Test func theHeightTermByHand() throws {
    let h = log10(2.0)
    var bins: [CalibrationBin] = []
    for height in [15.0, 30, 60] {
      for x in [-0.5, -0.25, 0.25, 0.5] {
        for e in [1.0, -1] {
          let t = 5 + 2 * x + 6 * log10(height / 30) + e
          var bin = CalibrationBin(
            sectorIndex: bins.count, layerIndex: 0, x: 0, y: 0, distanceM: 1000 * pow(10, x), sampleCount: 1,
            firstLine: bins.count + 2, zoneIndex: nil, measuredRSRPDBm: -90, measuredLossDB: 120 + t,
            predictedLossBeforeDB: 120, predictedLossUntunedDB: 120, predictedLossAfterDB: 120,
            propagation: Propagation(model: .ercegB))
          bin.bsHeightM = height
          bins.append(bin)
        }
      }
    }
    var settings = CalibrationSettings()
    settings.heightTerm = true
    var fitted = bins
    let layer = Calibration.fit(&fitted, settings: settings)
    let fit = try #require(layer.fit)
    #expect(layer.heightColumn == 2 && fit.coefficients.count == 3)
    #expect(abs(fit.coefficients[0] - 5) < 1e-9 && abs(fit.coefficients[1] - 2) < 1e-9)
    #expect(abs(fit.coefficients[2] - 6) < 1e-9)
    let variance = 24.0 / 21
    #expect(abs(layer.standardErrors[1] - (variance / 3.75).squareRoot()) < 1e-9)
    #expect(abs(layer.standardErrors[2] - (variance / (16 * h * h)).squareRoot()) < 1e-9)
    let tuned = Calibration.tuning(
      previous: nil, fit: fit, slope: true, heightColumn: layer.heightColumn,
      heightRangeM: Calibration.heightRange(fitted))
    #expect(tuned.heightDBPerDecade == fit.coefficients[2] && tuned.heightRangeM == 15...60)
    // At 1 km: 5 + 6·log10(20/30) at 20 m; a 100 m mast is held at 60 m.
    #expect(abs(tuned.correctionDB(distance2DM: 1000, bsHeightM: 20) - (5 + 6 * log10(20 / 30.0))) < 1e-9)
    #expect(abs(tuned.correctionDB(distance2DM: 1000, bsHeightM: 100) - (5 + 6 * h)) < 1e-9)
    var plain = bins
    #expect(Calibration.fit(&plain, settings: CalibrationSettings()).heightColumn == nil)
    var twoHeights = bins.filter { $0.bsHeightM != 30 }
    #expect(Calibration.fit(&twoHeights, settings: settings).heightColumn == nil)
  }

  /// Which classes get a term: ≥ 10 means in ≥ 2 squares; when fewer than 10 means would be
  /// left for the layer's own offset, the largest class (by count, then name) is the reference.
  @Test func classTermsNeedTheirDataAndLeaveAReference() {
    func bins(_ name: String?, _ count: Int, squares: Int) -> [CalibrationBin] {
      var propagation = Propagation(model: .ercegB)
      propagation.landCoverClass = name
      return (0..<count).map { index in
        CalibrationBin(
          sectorIndex: 0, layerIndex: 0, x: Double(index % squares) * 600, y: 0, distanceM: 500, sampleCount: 1,
          firstLine: index + 2, zoneIndex: nil, measuredRSRPDBm: -90, measuredLossDB: 120, predictedLossBeforeDB: 120,
          predictedLossUntunedDB: 120, predictedLossAfterDB: 120, propagation: propagation)
      }
    }
    func terms(_ bins: [CalibrationBin]) -> [String] {
      let blocks = bins.map { Int(($0.x / 500).rounded(.down)) }
      return Calibration.landCoverTerms(bins, blocks: blocks, settings: CalibrationSettings())
    }
    #expect(terms(bins(nil, 10, squares: 1) + bins("a", 10, squares: 2) + bins("b", 9, squares: 2)) == ["a"])
    #expect(terms(bins(nil, 10, squares: 1) + bins("a", 10, squares: 1)).isEmpty)
    // Only 9 left beside "a" (12) and "b" (12): "a" (first by name of the largest) is the reference.
    #expect(terms(bins(nil, 9, squares: 1) + bins("a", 12, squares: 2) + bins("b", 12, squares: 2)) == ["b"])
    #expect(terms(bins("a", 12, squares: 2) + bins("b", 20, squares: 2)) == ["a"])
  }

  /// The tuning reaches the field: a layer's table at its nodes is the untuned table plus
  /// offset + slope·log10(d / 1 km), and its σ the calibrated one (0.01 dB).
  @Test func tuningShiftsTheTabulatedLoss() {
    let tuning = ModelTuning(offsetDB: 4.5, slopeDBPerDecade: 2.5, sigmaDB: 6.5)
    let base = Propagation(model: .ercegB)
    let arguments = (reliability: 0.5, frequencyMHz: 1815.0, bsHeightM: 30.0, ueHeightM: 1.5)
    let plain = DistanceLossTable(
      propagation: base, reliability: arguments.reliability, frequencyMHz: arguments.frequencyMHz,
      bsHeightM: arguments.bsHeightM, ueHeightM: arguments.ueHeightM, maxLossDB: 200, maxDistanceM: 5000)
    let tuned = DistanceLossTable(
      propagation: base.tuned(by: tuning), reliability: arguments.reliability, frequencyMHz: arguments.frequencyMHz,
      bsHeightM: arguments.bsHeightM, ueHeightM: arguments.ueHeightM, maxLossDB: 220, maxDistanceM: 5000)
    for distance in [100.0, 316.2, 1000, 3000] {
      let squared = Float(distance * distance)
      let shift = plain.lossDB.withUnsafeBufferPointer { plainTable in
        tuned.lossDB.withUnsafeBufferPointer { tunedTable in
          DistanceLossTable.lookup(tunedTable, squaredM2: squared)
            - DistanceLossTable.lookup(plainTable, squaredM2: squared)
        }
      }
      #expect(abs(Double(shift) - (4.5 + 2.5 * log10(distance / 1000))) < 0.01, "at \(distance) m")
    }
    let link = LinkGeometry(frequencyMHz: 1815, bsHeightM: 30, ueHeightM: 1.5, distance2DM: 800)
    #expect(base.tuned(by: tuning).sigmaDB(.ercegB, link) == 6.5)
    #expect(base.tuned(by: nil) == base)
  }

  /// One synthetic drive test per σ over Dinh Vu's roads (seeded), calibrated once and shared.
  static let recovered: [(sigmaDB: Double, layer: LayerCalibration)] = {
    guard let scenario = try? ScenarioLoader.load(path: dinhVu) else { return [] }
    return [(6.0, UInt64(11)), (8.0, UInt64(12))].compactMap { sigma, seed in
      let truth = SyntheticDriveTest.Truth(offsetDB: 6, slopeDBPerDecade: 3, sigmaDB: sigma, decorrelationM: 50)
      var options = SyntheticDriveTest.Options()
      options.seed = seed
      guard
        let rows = try? SyntheticDriveTest.rows(
          scenario, carrierID: "viettel", layerID: "lte1800", truth: truth, options: options)
      else { return nil }
      let driveTest = SyntheticDriveTest.driveTest(rows, file: "synthetic.csv")
      guard let result = try? Calibration.run(scenario, driveTest: driveTest, threads: 2),
        let layer = result.layers.first
      else { return nil }
      return (sigma, layer)
    }
  }()

  /// Truth: ΔL = 6 dB + 3 dB/decade · log10(d / 1 km) on Erceg B; the tolerances.
  @Test func theInterceptComesBackWithinHalfADecibel() {
    #expect(Self.recovered.count == 2)
    for (sigma, layer) in Self.recovered {
      #expect(abs((layer.tuned?.offsetDB ?? .nan) - 6) < 0.5, "σ \(sigma): offset \(layer.tuned?.offsetDB ?? .nan)")
    }
  }

  @Test func theSlopeComesBackWithinOneDecibelPerDecade() {
    #expect(Self.recovered.count == 2)
    for (sigma, layer) in Self.recovered {
      #expect(layer.slopeFitted)
      #expect(
        abs((layer.tuned?.slopeDBPerDecade ?? .nan) - 3) < 1,
        "σ \(sigma): slope \(layer.tuned?.slopeDBPerDecade ?? .nan)")
    }
  }

  @Test func sigmaComesBackWithinHalfADecibel() {
    #expect(Self.recovered.count == 2)
    for (sigma, layer) in Self.recovered {
      #expect(abs((layer.tuned?.sigmaDB ?? .nan) - sigma) < 0.5, "σ \(sigma): fitted \(layer.tuned?.sigmaDB ?? .nan)")
    }
  }
}

/// The cluster-robust errors by hand (`ClusteredErrors`).
@Suite struct ClusteredErrorsTests {
  /// The mean of residuals 1, 1, −1, −1. Each its own block: the sandwich is Σr²/n² = 0.25,
  /// times 4/3 · 3/3 → 1/3 = least squares' σ̂²/n (RSS/(n − 1)/n = (4/3)/4). Blocks {1, 1} and
  /// {−1, −1}: scores 2 and −2, meat 8, B·M·B = 8/16 = 0.5, times 2/1 · 3/3 → 1.
  @Test func aMeanWithCorrelatedPairsHasTheHandError() throws {
    let rows = Array(repeating: [1.0], count: 4)
    let residuals = [1.0, 1, -1, -1]
    let independent = try #require(
      ClusteredErrors.standardErrors(rows: rows, residuals: residuals, blocks: [0, 1, 2, 3]))
    #expect(abs(independent[0] - (1 / 3.0).squareRoot()) < 1e-12)
    let paired = try #require(ClusteredErrors.standardErrors(rows: rows, residuals: residuals, blocks: [0, 0, 1, 1]))
    #expect(abs(paired[0] - 1) < 1e-12)
    #expect(ClusteredErrors.standardErrors(rows: rows, residuals: residuals, blocks: [0, 0, 0, 0]) == nil)
  }

  /// Two terms, x = −1, −1, 1, 1, residuals 1, −1, 1, −1, blocks {0, 2} and {1, 3}: scores
  /// (2, 0) and (−2, 0), meat [[8, 0], [0, 0]], XᵀX = 4·I, B·M·B = [[0.5, 0], [0, 0]], times
  /// 2/1 · 3/2 = 3 → errors √1.5 and 0.
  @Test func aLineHasTheHandErrors() throws {
    let errors = try #require(
      ClusteredErrors.standardErrors(
        rows: [[1, -1], [1, -1], [1, 1], [1, 1]], residuals: [1, -1, 1, -1], blocks: [0, 1, 0, 1]))
    #expect(abs(errors[0] - 1.5.squareRoot()) < 1e-12 && abs(errors[1]) < 1e-12)
  }
}

/// The scenario's tuning reaches the field engine: `cosite run`'s RSRP at every cell moves by
/// −(offset + slope·log10(d / 1 km)), d the cell centre's distance held within the fitted
/// range — computed here from the geometry, not from the tables.
@Suite struct TunedFieldTests {
  static func outdoorRSRP(tuning: ModelTuning?) throws -> (rsrp: [Float], grid: CoverageGrid) {
    var layer = OneSiteWorld.layer
    layer.tuning = tuning
    return try outdoorRSRP(layer: tuning == nil ? nil : layer, cover: nil)
  }

  /// The run's outdoor RSRP with `layer` in place of the world's (nil: as it is) and `cover`
  /// as the scenario's land cover.
  static func outdoorRSRP(layer: RadioLayer?, cover: LandCover?) throws -> (rsrp: [Float], grid: CoverageGrid) {
    var world = OneSiteWorld()
    world.settings.propagation = Propagation(model: .ercegB)
    world.settings.target = CoverageTarget(rsrpDBm: -105, indoor: false, minimumShare: 0.95, reliability: 0.5)
    world.squares = [OneSiteWorld.Square(eastM: 50, northM: -400, sideM: 800)]
    world.sectors = [OneSiteWorld.sector("s1", azimuthDeg: 90)]
    var scenario = try world.scenario()
    if let layer {
      scenario = ScenarioModel(
        name: scenario.name, sourcePath: "", crs: scenario.crs, crsName: scenario.crsName, crsIsAutomatic: false,
        grid: scenario.grid, buildingClasses: scenario.buildingClasses, zones: scenario.zones,
        carriers: [Carrier(id: "c", name: "C", layers: [layer])], structures: scenario.structures,
        sectors: scenario.sectors, costs: scenario.costs, coverage: scenario.coverage)
    }
    scenario.landCover = cover
    var cells: [Float] = []
    var grid: CoverageGrid?
    _ = try CoverageRun.run(
      scenario, threads: 2,
      cells: { layer in
        cells = layer.rsrpOutdoorDBm
        grid = layer.grid
      })
    return (cells, try #require(grid))
  }

  /// Every cell both runs reach, 60 m or more from the tower: the tuned run's RSRP less the
  /// plain run's equals `expected(centre, distance)` (nil: not checked) to 0.01 dB.
  static func compare(
    _ plain: (rsrp: [Float], grid: CoverageGrid), _ tuned: (rsrp: [Float], grid: CoverageGrid),
    expected: (Coordinate, Double) -> Double?
  ) {
    for row in 0..<plain.grid.rows {
      for column in 0..<plain.grid.columns {
        let cell = row * plain.grid.columns + column
        guard plain.rsrp[cell] > -140, tuned.rsrp[cell] > -140 else { continue }
        let centre = plain.grid.centre(row: row, column: column)
        let distance = hypot(centre.x - OneSiteWorld.towerPosition.x, centre.y - OneSiteWorld.towerPosition.y)
        guard distance >= 60, let shift = expected(centre, distance) else { continue }
        #expect(abs(Double(tuned.rsrp[cell] - plain.rsrp[cell]) - shift) < 0.01, "cell \(row), \(column)")
      }
    }
  }

  @Test func theRunsRSRPMovesByTheCorrection() throws {
    let tuning = ModelTuning(offsetDB: 5, slopeDBPerDecade: 4, sigmaDB: 7, distanceRangeM: 200...700)
    let plain = try Self.outdoorRSRP(tuning: nil)
    let tuned = try Self.outdoorRSRP(tuning: tuning)
    #expect(plain.rsrp.count == tuned.rsrp.count && plain.grid == tuned.grid)
    var checked = 0
    Self.compare(plain, tuned) { _, distance in
      checked += 1
      return -(5 + 4 * log10(min(max(distance, 200), 700) / 1000))
    }
    #expect(checked > 3000)
  }

  /// The height term reaches the field: the sector at 35 m moves by −6·log10(35/30) more.
  @Test func theHeightTermMovesTheRunsRSRP() throws {
    let tuning = ModelTuning(offsetDB: 5, slopeDBPerDecade: 0, heightDBPerDecade: 6, heightRangeM: 10...60)
    let plain = try Self.outdoorRSRP(tuning: nil)
    let tuned = try Self.outdoorRSRP(tuning: tuning)
    var checked = 0
    Self.compare(plain, tuned) { _, _ in
      checked += 1
      return -(5 + 6 * log10(35 / 30.0))
    }
    #expect(checked > 3000)
  }

  /// A land-cover class with its own tuning: cells of it move by the class's correction, the
  /// others by the layer's. Two classes of one model split the grid at x = tower + 450 m (the
  /// square's middle); only "east" is tuned on its own.
  @Test func aLandCoverClassTakesItsOwnTuning() throws {
    let split = OneSiteWorld.towerPosition.x + 450
    var cover = LandCover(
      crs: try OneSiteWorld().scenario().crs, columns: 2, rows: 1, originX: split - 5000,
      originY: OneSiteWorld.towerPosition.y, cellSizeX: 10_000, cellSizeY: 10_000, codes: [1, 2],
      classes: [
        1: LandCoverClass(name: "west", propagation: Propagation(model: .ercegB)),
        2: LandCoverClass(name: "east", propagation: Propagation(model: .ercegB)),
      ])
    cover.sourceName = "test cover"
    var layer = OneSiteWorld.layer
    layer.tuning = ModelTuning(offsetDB: 5, slopeDBPerDecade: 4, sigmaDB: 7, distanceRangeM: 200...700)
    layer.landCoverTunings["east"] = ModelTuning(offsetDB: -3, slopeDBPerDecade: 0, sigmaDB: 7)
    var marked = try OneSiteWorld().scenario()
    marked.landCover = cover
    let markedCover = try #require(marked.markingEveryLandCoverClass().landCover)
    #expect(markedCover.classes[2]?.propagation.landCoverClass == "east")
    let plain = try Self.outdoorRSRP(layer: nil, cover: cover)
    let tuned = try Self.outdoorRSRP(layer: layer, cover: markedCover)
    #expect(plain.rsrp.count == tuned.rsrp.count && plain.grid == tuned.grid)
    var checked = (west: 0, east: 0)
    Self.compare(plain, tuned) { centre, distance in
      guard abs(centre.x - split) > 1 else { return nil }
      if centre.x > split {
        checked.east += 1
        return 3
      }
      checked.west += 1
      return -(5 + 4 * log10(min(max(distance, 200), 700) / 1000))
    }
    #expect(checked.west > 1000 && checked.east > 1000, "\(checked)")
  }
}

/// The lag-1 correlation by hand: residuals 1, 2, 3 of one sector 5 m apart (window 10 m):
/// pairs (1, 2) and (2, 3), Σ products 8, Σ firsts² 5, Σ seconds² 13 → 8/√65. A fourth mean
/// 40 m on (a gap: the log left the sector) adds no pair; another sector's mean breaks the run.
@Suite struct LagOneCorrelationTests {
  @Test func consecutiveMeansByHand() throws {
    func bin(_ sector: Int, _ x: Double) -> CalibrationBin {
      CalibrationBin(
        sectorIndex: sector, layerIndex: 0, x: x, y: 0, distanceM: 500, sampleCount: 1, firstLine: 2, zoneIndex: nil,
        measuredRSRPDBm: -90, measuredLossDB: 120, predictedLossBeforeDB: 120, predictedLossUntunedDB: 120,
        predictedLossAfterDB: 120, propagation: Propagation(model: .ercegB))
    }
    let bins = [bin(0, 0), bin(0, 5), bin(0, 10), bin(0, 50), bin(1, 55)]
    let rho = try #require(Calibration.lagOneCorrelation(bins, residuals: [1, 2, 3, 7, 9], windowM: 10))
    #expect(abs(rho - 8 / 65.0.squareRoot()) < 1e-12)
  }
}
