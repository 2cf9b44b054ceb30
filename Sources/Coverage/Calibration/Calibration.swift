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
  }

  public static func run(
    _ scenario: ScenarioModel, driveTest: DriveTest, settings: CalibrationSettings = CalibrationSettings(),
    threads: Int = 1
  ) throws -> CalibrationResult {
    let predictor = try DriveTestPredictor(scenario: scenario, threads: threads)
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
        classes: classes, predictor: predictor, layer: key.layer, threads: threads)
      // The floor judges local means, not samples: cutting samples would drop the fading's
      // troughs and raise every mean near the floor (by 3 dB at the floor itself).
      var layerBins = averaged.filter { $0.measuredRSRPDBm >= floor }
      belowFloor += averaged.count - layerBins.count
      let fitted = fit(&layerBins, settings: settings, previous: key.layer.tuning, windowM: window)
      // A class with a probabilistic LOS state has the LOS/NLOS spread in its residuals
      // besides the shadowing: its σ is not the states' σ and is not handed on.
      let mixture = layerBins.contains { $0.propagation.lineOfSight == .probabilistic }
      let tuned = fitted.fit.map { fit in
        tuning(
          previous: key.layer.tuning, fit: fit, slope: fitted.slope,
          sigmaDB: mixture ? key.layer.tuning?.sigmaDB : fitted.layerSigmaDB, distanceRangeM: distanceRange(layerBins),
          overTerrain: scenario.terrain != nil, heightColumn: fitted.heightColumn, heightRangeM: heightRange(layerBins))
      }
      var classes = fitted.classes
      if let tuned {
        for index in classes.indices {
          let name = classes[index].name
          classes[index].tuned = ModelTuning(
            offsetDB: classes[index].offsetDB, slopeDBPerDecade: tuned.slopeDBPerDecade,
            sigmaDB: mixture ? key.layer.tuning(landCoverClass: name)?.sigmaDB : classes[index].residualSigmaDB,
            distanceRangeM: tuned.distanceRangeM, fittedOverTerrain: tuned.fittedOverTerrain,
            heightDBPerDecade: tuned.heightDBPerDecade, heightRangeM: tuned.heightRangeM)
        }
        // What the tuned scenario predicts (for a LOS mixture not quite before + ΔL: its
        // median moves with σ too).
        var tunedLayer = key.layer.untuned
        tunedLayer.tuning = tuned
        for landCover in classes { tunedLayer.landCoverTunings[landCover.name] = landCover.tuned }
        for index in layerBins.indices {
          let bin = layerBins[index]
          layerBins[index].predictedLossAfterDB =
            predictor.medianLossDB(
              bin.propagation, layer: tunedLayer, bsHeightM: scenario.sectors[bin.sectorIndex].heightM,
              distanceM: bin.distanceM) + bin.terrainLossDB
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
      if settings.heightTerm, fitted.fit != nil, fitted.heightColumn == nil {
        let heights = Set(layerBins.map(\.bsHeightM)).sorted()
        notes.append(
          "height term not fitted: \(heights.count) antenna heights of \(heights.first.map { JSONWriter.number($0) } ?? "–")–\(heights.last.map { JSONWriter.number($0) } ?? "–") m, under \(settings.minimumHeights) spanning a factor of \(JSONWriter.number((pow(10, settings.minimumHeightSpanDecades) * 10).rounded() / 10))"
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
          heightFitted: fitted.heightColumn != nil,
          standardErrors: fitted.standardErrors, blockCount: fitted.blocks, residualCorrelation: fitted.rho,
          residualSigmaDB: fitted.fit == nil ? nil : fitted.layerSigmaDB, tuned: tuned, landCover: classes,
          note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
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
  /// they first appear. Over terrain each bin's losses and gain take the terrain terms of the
  /// cell its mean position falls in (`DriveTestPredictor.terrain`, one table per site).
  static func localMeans(
    _ indices: [Int], driveTest: DriveTest, windowM: Double, layerIndex: Int,
    classes: [(propagation: Propagation, zoneIndex: Int?)], predictor: DriveTestPredictor, layer: RadioLayer,
    threads: Int = 1
  ) -> [CalibrationBin] {
    var bins: [CalibrationBin] = []
    var bySector: [Int: [Int]] = [:]
    var order: [Int] = []
    for index in indices {
      let sector = driveTest.samples[index].sectorIndex
      if bySector[sector] == nil { order.append(sector) }
      bySector[sector, default: []].append(index)
    }
    // Each sector's windows and their mean positions first, then the terrain terms of all of
    // them (one table per site), then the bins.
    var along: [Double] = []
    var levels: [Double] = []
    var windowsBySector: [[LocalMean.Window]] = []
    var centresBySector: [[(x: Double, y: Double)]] = []
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
      let windows = LocalMean.windows(alongM: along, levelsDBm: levels, windowM: windowM, minimumSamples: 1)
      windowsBySector.append(windows)
      centresBySector.append(
        windows.map { window in
          let members = window.range.map { driveTest.samples[sectorSamples[$0]] }
          let count = Double(members.count)
          return (members.reduce(0) { $0 + $1.x } / count, members.reduce(0) { $0 + $1.y } / count)
        })
    }
    let terrains = predictor.terrain(Array(zip(order, centresBySector)), threads: threads)
    for (sectorPosition, sector) in order.enumerated() {
      let sectorSamples = bySector[sector] ?? []
      let windows = windowsBySector[sectorPosition]
      let centres = centresBySector[sectorPosition]
      let terrain = terrains[sectorPosition]
      for (windowIndex, window) in windows.enumerated() {
        let (x, y) = centres[windowIndex]
        let members = window.range.count
        let first = sectorSamples[window.range.lowerBound]
        let distance = predictor.distanceM(sector: sector, x: x, y: y)
        let sectorModel = predictor.scenario.sectors[sector]
        let terms = terrain[windowIndex]
        let measured =
          predictor.radiatedDBm(sector: sector, x: x, y: y, groundOffsetM: terms.groundOffsetM) - window.meanDBm
        // The class of the first sample's cell (a window spans a few metres, a cell 5–30 m).
        let cell = classes[first]
        let predicted =
          predictor.medianLossDB(cell.propagation, layer: layer, bsHeightM: sectorModel.heightM, distanceM: distance)
          + terms.lossDB
        let untuned =
          layer.tuning(landCoverClass: cell.propagation.landCoverClass) == nil
          ? predicted
          : predictor.medianLossDB(
            cell.propagation, layer: layer.untuned, bsHeightM: sectorModel.heightM, distanceM: distance)
            + terms.lossDB
        bins.append(
          CalibrationBin(
            sectorIndex: sector, layerIndex: layerIndex, x: x, y: y, distanceM: distance, sampleCount: members,
            firstLine: driveTest.samples[first].line, zoneIndex: cell.zoneIndex, measuredRSRPDBm: window.meanDBm,
            measuredLossDB: measured, predictedLossBeforeDB: predicted, predictedLossUntunedDB: untuned,
            predictedLossAfterDB: predicted,
            propagation: cell.propagation, bsHeightM: sectorModel.heightM, terrainLossDB: terms.lossDB))
      }
    }
    return bins
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
