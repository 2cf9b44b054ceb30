import Foundation
import Geo
import Radio
import Scenario

/// `cosite calibrate`: a drive test's samples filtered, averaged into local means along the
/// route, turned into measured path losses with the scenario's antennas, and each layer's
/// model corrected by least squares.
///
/// Measured loss = EPRE + antenna gain toward the sample − feeder loss − RSRP (the terms the
/// field engine uses, `SectorKernel`); the prediction is the median of the cell's propagation
/// class on the layer. Per layer the correction ΔL = a + b·log10(d / 1 km) (`ModelTuning`) is
/// fitted to measured − predicted loss; the residual σ is the layer's shadow fading.
public enum Calibration {
  public enum Problem: Error, Sendable, Equatable {
    /// Samples outside every grid of the scenario (lines of the log).
    case outsideGrid(lines: [Int])
    /// The scenario has terrain: the calibration fits flat-earth medians only.
    case terrainNotSupported
  }

  public static func run(
    _ scenario: ScenarioModel, driveTest: DriveTest, settings: CalibrationSettings = CalibrationSettings(),
    threads: Int = 1
  ) throws -> CalibrationResult {
    guard scenario.terrain == nil else { throw Problem.terrainNotSupported }
    let predictor = DriveTestPredictor(scenario: scenario, threads: threads)
    // Every position must lie on a grid of the scenario (where its class is known).
    var classes: [(propagation: Propagation, zoneIndex: Int?)] = []
    classes.reserveCapacity(driveTest.samples.count)
    var outside: [Int] = []
    for sample in driveTest.samples {
      if let cell = predictor.cell(x: sample.x, y: sample.y) {
        classes.append(cell)
      } else {
        outside.append(sample.line)
      }
    }
    guard outside.isEmpty else { throw Problem.outsideGrid(lines: outside) }
    let layers = LayerKeys(scenario: scenario, samples: driveTest.samples)
    let maxDistance = settings.maxDistanceM ?? scenario.coverage.maxRadiusM
    var kept: [[Int]] = Array(repeating: [], count: layers.keys.count)
    var belowFloor = 0
    var tooNear = 0
    var tooFar = 0
    for (index, sample) in driveTest.samples.enumerated() {
      let layer = layers.layerIndex[index]
      let distance = predictor.distanceM(sector: sample.sectorIndex, x: sample.x, y: sample.y)
      if distance < settings.minDistanceM {
        tooNear += 1
      } else if distance > maxDistance {
        tooFar += 1
      } else {
        kept[layer].append(index)
      }
    }
    var bins: [CalibrationBin] = []
    var fits: [LayerCalibration] = []
    for (layerIndex, key) in layers.keys.enumerated() {
      let window = settings.windowM ?? LocalMean.leeWindowM(frequencyMHz: key.layer.frequencyMHz)
      let floor = layers.floorDBm(layerIndex, settings: settings)
      let averaged = localMeans(
        kept[layerIndex], driveTest: driveTest, windowM: window, layerIndex: layerIndex,
        classes: classes, predictor: predictor, layer: key.layer)
      // The floor judges local means, not samples: cutting samples would drop the fading's
      // troughs and raise every mean near the floor (by 3 dB at the floor itself).
      var layerBins = averaged.filter { $0.measuredRSRPDBm >= floor }
      belowFloor += averaged.count - layerBins.count
      let fitted = fit(&layerBins, settings: settings, previous: key.layer.tuning, windowM: window)
      let tuned = fitted.fit.map { fit in
        tuning(
          previous: key.layer.tuning, fit: fit, slope: fitted.slope,
          // A class with a probabilistic LOS state has the LOS/NLOS spread in its residuals
          // besides the shadowing: its σ is not the states' σ and is not handed on.
          sigmaDB: layerBins.contains { $0.propagation.lineOfSight == .probabilistic }
            ? key.layer.tuning?.sigmaDB : fit.residualSigma,
          distanceRangeM: distanceRange(layerBins))
      }
      if let tuned {
        // What the tuned scenario predicts (for a LOS mixture not quite before + ΔL: its
        // median moves with σ too).
        var tunedLayer = key.layer
        tunedLayer.tuning = tuned
        for index in layerBins.indices {
          let bin = layerBins[index]
          layerBins[index].predictedLossAfterDB = predictor.medianLossDB(
            bin.propagation, layer: tunedLayer, bsHeightM: scenario.sectors[bin.sectorIndex].heightM,
            distanceM: bin.distanceM)
        }
      }
      let samples = layerBins.reduce(0) { $0 + $1.sampleCount }
      let perBin = layerBins.isEmpty ? 0 : Double(samples) / Double(layerBins.count)
      var notes = fitted.note.map { [$0] } ?? []
      if fitted.fit != nil, fitted.blocks < 10 {
        notes.append(
          "standard errors from \(fitted.blocks) squares of \(JSONWriter.number(settings.blockM)) m: rough (few clusters, Cameron and Miller 2015 §VI)"
        )
      }
      if !layerBins.isEmpty, perBin < 36 {
        notes.append(
          "\(String(format: "%.1f", perBin)) samples per local mean, under Lee's 36: narrowband fading is not averaged out (offset and σ read high)"
        )
      }
      fits.append(
        LayerCalibration(
          carrierID: key.carrierID, layerID: key.layer.id, windowM: window, floorDBm: floor,
          sampleCount: samples, binCount: layerBins.count, samplesPerBin: perBin,
          previous: key.layer.tuning, fit: fitted.fit, slopeFitted: fitted.slope,
          standardErrors: fitted.standardErrors, blockCount: fitted.blocks, residualCorrelation: fitted.rho,
          tuned: tuned, note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
      bins += layerBins
    }
    return CalibrationResult(
      layers: fits, bins: bins, samplesRead: driveTest.samples.count, droppedBelowFloor: belowFloor,
      droppedTooNear: tooNear, droppedTooFar: tooFar)
  }

  /// Each sector's kept samples in the log's order (a serving-cell log's runs, or a scanner's
  /// interleaved rows), cut into windows of `windowM` of route (`LocalMean`, every sample
  /// counted; the distance between a sector's consecutive samples is the route between them,
  /// or the jump where the log left the sector), each window one bin; sectors in the order
  /// they first appear.
  static func localMeans(
    _ indices: [Int], driveTest: DriveTest, windowM: Double, layerIndex: Int,
    classes: [(propagation: Propagation, zoneIndex: Int?)], predictor: DriveTestPredictor, layer: RadioLayer
  ) -> [CalibrationBin] {
    var bins: [CalibrationBin] = []
    var bySector: [Int: [Int]] = [:]
    var order: [Int] = []
    for index in indices {
      let sector = driveTest.samples[index].sectorIndex
      if bySector[sector] == nil { order.append(sector) }
      bySector[sector, default: []].append(index)
    }
    var along: [Double] = []
    var levels: [Double] = []
    for sector in order {
      let sectorSamples = bySector[sector] ?? []
      along.removeAll(keepingCapacity: true)
      levels.removeAll(keepingCapacity: true)
      var travelled = 0.0
      for (position, index) in sectorSamples.enumerated() {
        let sample = driveTest.samples[index]
        if position > 0 {
          let previous = driveTest.samples[sectorSamples[position - 1]]
          travelled += hypot(sample.x - previous.x, sample.y - previous.y)
        }
        along.append(travelled)
        levels.append(sample.rsrpDBm)
      }
      for window in LocalMean.windows(alongM: along, levelsDBm: levels, windowM: windowM, minimumSamples: 1) {
        let members = window.range.map { driveTest.samples[sectorSamples[$0]] }
        let count = Double(members.count)
        let x = members.reduce(0) { $0 + $1.x } / count
        let y = members.reduce(0) { $0 + $1.y } / count
        let first = sectorSamples[window.range.lowerBound]
        let distance = predictor.distanceM(sector: sector, x: x, y: y)
        let sectorModel = predictor.scenario.sectors[sector]
        let measured = predictor.radiatedDBm(sector: sector, x: x, y: y) - window.meanDBm
        // The class of the first sample's cell (a window spans a few metres, a cell 5–30 m).
        let cell = classes[first]
        let predicted = predictor.medianLossDB(
          cell.propagation, layer: layer, bsHeightM: sectorModel.heightM, distanceM: distance)
        var untunedLayer = layer
        untunedLayer.tuning = nil
        let untuned =
          layer.tuning == nil
          ? predicted
          : predictor.medianLossDB(
            cell.propagation, layer: untunedLayer, bsHeightM: sectorModel.heightM, distanceM: distance)
        bins.append(
          CalibrationBin(
            sectorIndex: sector, layerIndex: layerIndex, x: x, y: y, distanceM: distance, sampleCount: members.count,
            firstLine: driveTest.samples[first].line, zoneIndex: cell.zoneIndex, measuredRSRPDBm: window.meanDBm,
            measuredLossDB: measured, predictedLossBeforeDB: predicted, predictedLossUntunedDB: untuned,
            predictedLossAfterDB: predicted,
            propagation: cell.propagation))
      }
    }
    return bins
  }

  /// Least squares of measured − predicted loss on [1, log10(d / 1 km)] (the slope dropped
  /// when the distances span too little); sets each bin's prediction after tuning.
  ///
  /// The fit is made over the untuned model (a previous tuning would be clamped to its own
  /// distances and could not simply be added to); where the slope is not fitted, the previous
  /// slope term stays in the base and in the result.
  static func fit(
    _ bins: inout [CalibrationBin], settings: CalibrationSettings, previous: ModelTuning? = nil, windowM: Double = 10
  ) -> (fit: LinearFit?, slope: Bool, standardErrors: [Double], blocks: Int, rho: Double?, note: String?) {
    guard bins.count >= settings.minimumBins else {
      return (nil, false, [], 0, nil, "\(bins.count) local means, fewer than the \(settings.minimumBins) a fit needs")
    }
    let decades = bins.map { log10(max($0.distanceM, 1) / ModelTuning.referenceDistanceM) }
    let span = (decades.max() ?? 0) - (decades.min() ?? 0)
    let slope = span >= settings.minimumSlopeSpanDecades
    let rows = decades.map { slope ? [1, $0] : [1] }
    // The previous slope term, kept where the slope is not fitted (its offset is refitted).
    let kept = { (distance: Double) -> Double in
      guard !slope, let previous else { return 0 }
      return ModelTuning(
        offsetDB: 0, slopeDBPerDecade: previous.slopeDBPerDecade, distanceRangeM: previous.distanceRangeM
      ).correctionDB(distance2DM: distance)
    }
    let base = bins.map { $0.predictedLossUntunedDB + kept($0.distanceM) }
    let targets = zip(bins, base).map { $0.measuredLossDB - $1 }
    guard let fit = try? LinearFit.fit(rows: rows, targets: targets) else {
      return (nil, false, [], 0, nil, "the local means do not determine the terms (all at one distance?)")
    }
    var residuals: [Double] = []
    residuals.reserveCapacity(bins.count)
    for index in bins.indices {
      let correction = fit.coefficients[0] + (slope ? fit.coefficients[1] * decades[index] : 0)
      bins[index].predictedLossAfterDB = base[index] + correction
      residuals.append(targets[index] - correction)
    }
    let rho = lagOneCorrelation(bins, residuals: residuals, windowM: windowM)
    let blocks = bins.map { bin in
      // Squares of `blockM` keyed row by row (the key only groups; its value is not used).
      let column = Int((bin.x / settings.blockM).rounded(.down))
      let row = Int((bin.y / settings.blockM).rounded(.down))
      return row &* 1_000_003 &+ column
    }
    let clustered = ClusteredErrors.standardErrors(rows: rows, residuals: residuals, blocks: blocks)
    let note =
      slope
      ? nil
      : "slope not fitted: the distances span \(String(format: "%.2f", span)) decades, under \(settings.minimumSlopeSpanDecades)"
    return (fit, slope, clustered ?? fit.standardErrors, Set(blocks).count, rho, note)
  }

  /// Pearson's correlation of consecutive local means' residuals of one sector (bins are in
  /// route order per sector), pairs farther apart than 1.5 windows of `windowM` left out (the
  /// log left the sector, or a mean was dropped, between them).
  static func lagOneCorrelation(_ bins: [CalibrationBin], residuals: [Double], windowM: Double) -> Double? {
    var products = 0.0
    var firsts = 0.0
    var seconds = 0.0
    var pairs = 0
    for index in bins.indices.dropLast() where bins[index].sectorIndex == bins[index + 1].sectorIndex {
      let gap = hypot(bins[index + 1].x - bins[index].x, bins[index + 1].y - bins[index].y)
      guard gap <= 1.5 * windowM else { continue }
      products += residuals[index] * residuals[index + 1]
      firsts += residuals[index] * residuals[index]
      seconds += residuals[index + 1] * residuals[index + 1]
      pairs += 1
    }
    return pairs > 1 && firsts > 0 && seconds > 0 ? products / (firsts * seconds).squareRoot() : nil
  }

  /// The layer's tuning after the fit (made over the untuned model): the fitted offset and
  /// slope over the distances fitted; where the slope was not fitted, the previous slope over
  /// its own distances. σ the fit's residual (or what the caller passes).
  static func tuning(
    previous: ModelTuning?, fit: LinearFit, slope: Bool, sigmaDB: Double? = nil,
    distanceRangeM: ClosedRange<Double>? = nil
  ) -> ModelTuning {
    ModelTuning(
      offsetDB: fit.coefficients[0],
      slopeDBPerDecade: slope ? fit.coefficients[1] : (previous?.slopeDBPerDecade ?? 0),
      sigmaDB: sigmaDB, distanceRangeM: slope ? distanceRangeM : (previous?.distanceRangeM ?? distanceRangeM))
  }

  /// The nearest and farthest local means, m (rounded outward to the metre, so the fragment's
  /// whole metres hold them).
  static func distanceRange(_ bins: [CalibrationBin]) -> ClosedRange<Double>? {
    guard let near = bins.map(\.distanceM).min(), let far = bins.map(\.distanceM).max() else { return nil }
    return max(near.rounded(.down), 1)...max(far.rounded(.up), 1)
  }
}

/// The carrier layers a drive test measured, in the scenario's order, and each sample's.
struct LayerKeys {
  struct Key {
    let carrierID: String
    let layer: RadioLayer
  }

  let keys: [Key]
  /// Per sample, the index of its layer in `keys`.
  let layerIndex: [Int]
  private let noiseFloorDBm: [Double]

  init(scenario: ScenarioModel, samples: [DriveTestSample]) {
    var order: [String: Int] = [:]
    var all: [Key] = []
    for carrier in scenario.carriers {
      for layer in carrier.layers {
        order[carrier.id + "\u{0}" + layer.id] = all.count
        all.append(Key(carrierID: carrier.id, layer: layer))
      }
    }
    let sampleLayer = samples.map { sample -> Int in
      let sector = scenario.sectors[sample.sectorIndex]
      return order[sector.carrierID + "\u{0}" + sector.layerID] ?? 0
    }
    let used = Array(Set(sampleLayer)).sorted()
    let compact = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
    keys = used.map { all[$0] }
    layerIndex = sampleLayer.map { compact[$0] ?? 0 }
    noiseFloorDBm = keys.map { key in
      key.layer.numerology.map {
        LinkBudget.noisePerResourceElementDBm(numerology: $0, noiseFigureDB: scenario.coverage.noiseFigureDB)
      } ?? -.infinity
    }
  }

  func floorDBm(_ layer: Int, settings: CalibrationSettings) -> Double {
    settings.floorDBm ?? noiseFloorDBm[layer]
  }
}
