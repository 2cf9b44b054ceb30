import Foundation
import Radio
import Scenario

/// One layer's least squares, before `Calibration.run` turns it into a `LayerCalibration`.
struct LayerFit {
  var fit: LinearFit?
  var slope = false
  /// The height term's column in `fit`, when fitted.
  var heightColumn: Int?
  /// One per term of `fit` (offset, slope if fitted, each class's term), cluster-robust.
  var standardErrors: [Double] = []
  var blocks = 0
  var rho: Double?
  var note: String?
  /// The land-cover classes with a term of their own (their `tuned` not yet set).
  var classes: [LandCoverCalibration] = []
  /// σ of the residuals of the local means the layer's own offset covers, dB.
  var layerSigmaDB: Double?
}

extension Calibration {
  /// Least squares of measured − predicted loss on [1, log10(d / 1 km), log10(h / 30 m) with
  /// `heightTerm`, one indicator per land-cover class with a term of its own] (the slope
  /// dropped when the distances span too little, the height term when the antennas' heights
  /// do); sets each bin's prediction after tuning.
  ///
  /// The classes' terms are the clutter offsets of the standard propagation model's
  /// calibration (one distance law, an offset per clutter class; Atoll's and Planet's model
  /// tuning): a class gets one where it has `minimumBins` local means in `minimumClassBlocks`
  /// squares, and the local means of every other class, and of cells of no class, are the
  /// reference the layer's own offset is fitted to — unless they are too few, when the
  /// largest class becomes the reference (its offset is then the layer's).
  ///
  /// The fit is made over the untuned model (a previous tuning would be clamped to its own
  /// distances and could not simply be added to); where the slope or the height term is not
  /// fitted, the previous one stays in the base and in the result.
  static func fit(
    _ bins: inout [CalibrationBin], settings: CalibrationSettings, previous: ModelTuning? = nil, windowM: Double = 10
  ) -> LayerFit {
    guard bins.count >= settings.minimumBins else {
      return LayerFit(note: "\(bins.count) local means, fewer than the \(settings.minimumBins) a fit needs")
    }
    let decades = bins.map { log10(max($0.distanceM, 1) / ModelTuning.referenceDistanceM) }
    let span = (decades.max() ?? 0) - (decades.min() ?? 0)
    let slope = span >= settings.minimumSlopeSpanDecades
    let blocks = bins.map { bin in
      // Squares of `blockM` keyed row by row (the key only groups; its value is not used).
      let column = Int((bin.x / settings.blockM).rounded(.down))
      let row = Int((bin.y / settings.blockM).rounded(.down))
      return row &* 1_000_003 &+ column
    }
    let heightDecades = bins.map { ModelTuning.heightDecades($0.bsHeightM, within: nil) }
    let height =
      settings.heightTerm && Set(bins.map(\.bsHeightM)).count >= settings.minimumHeights
      && (heightDecades.max() ?? 0) - (heightDecades.min() ?? 0) >= settings.minimumHeightSpanDecades
    let classNames = settings.landCoverClasses ? landCoverTerms(bins, blocks: blocks, settings: settings) : []
    let first = 1 + (slope ? 1 : 0) + (height ? 1 : 0)
    let rows = bins.indices.map { index -> [Double] in
      let label = bins[index].propagation.landCoverClass
      return [1] + (slope ? [decades[index]] : []) + (height ? [heightDecades[index]] : [])
        + classNames.map { $0 == label ? 1 : 0 }
    }
    // The previous slope and height terms, kept where they are not fitted (the offset is refitted).
    let kept = previous.map { previous in
      ModelTuning(
        offsetDB: 0, slopeDBPerDecade: slope ? 0 : previous.slopeDBPerDecade, distanceRangeM: previous.distanceRangeM,
        heightDBPerDecade: height ? 0 : previous.heightDBPerDecade, heightRangeM: previous.heightRangeM)
    }
    let base = bins.map {
      $0.predictedLossUntunedDB + (kept?.correctionDB(distance2DM: $0.distanceM, bsHeightM: $0.bsHeightM) ?? 0)
    }
    let targets = zip(bins, base).map { $0.measuredLossDB - $1 }
    guard let fit = try? LinearFit.fit(rows: rows, targets: targets) else {
      return LayerFit(note: "the local means do not determine the terms (all at one distance?)")
    }
    var residuals: [Double] = []
    residuals.reserveCapacity(bins.count)
    for index in bins.indices {
      let correction = zip(rows[index], fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
      bins[index].predictedLossAfterDB = base[index] + correction
      residuals.append(targets[index] - correction)
    }
    let rho = lagOneCorrelation(bins, residuals: residuals, windowM: windowM)
    // Least squares' own covariance where the local means fall in one square.
    let covariance =
      ClusteredErrors.covariance(rows: rows, residuals: residuals, blocks: blocks) ?? fit.covariance
    let terms = rows[0].count
    let variance = { (i: Int, j: Int) in covariance[i * terms + j] }
    var classes: [LandCoverCalibration] = []
    var covered = [Bool](repeating: false, count: bins.count)
    for (k, name) in classNames.enumerated() {
      let column = first + k
      let members = bins.indices.filter { bins[$0].propagation.landCoverClass == name }
      for member in members { covered[member] = true }
      let squares = members.reduce(0) { $0 + residuals[$1] * residuals[$1] }
      classes.append(
        LandCoverCalibration(
          name: name, binCount: members.count, sampleCount: members.reduce(0) { $0 + bins[$1].sampleCount },
          blockCount: Set(members.map { blocks[$0] }).count,
          termDB: fit.coefficients[column], termStandardErrorDB: max(variance(column, column), 0).squareRoot(),
          offsetDB: fit.coefficients[0] + fit.coefficients[column],
          offsetStandardErrorDB: max(variance(0, 0) + variance(column, column) + 2 * variance(0, column), 0)
            .squareRoot(),
          residualSigmaDB: (squares / Double(members.count - 1)).squareRoot()))
    }
    // The layer's own local means keep the degrees of freedom of the offset, slope and height.
    let reference = bins.indices.filter { !covered[$0] }
    let layerSigma =
      classes.isEmpty
      ? fit.residualSigma
      : (reference.reduce(0) { $0 + residuals[$1] * residuals[$1] } / Double(max(reference.count - first, 1)))
        .squareRoot()
    let note =
      slope
      ? nil
      : "slope not fitted: the distances span \(String(format: "%.2f", span)) decades, under \(settings.minimumSlopeSpanDecades)"
    return LayerFit(
      fit: fit, slope: slope, heightColumn: height ? first - 1 : nil,
      standardErrors: (0..<terms).map { max(variance($0, $0), 0).squareRoot() },
      blocks: Set(blocks).count, rho: rho, note: note, classes: classes, layerSigmaDB: layerSigma)
  }

  /// The land-cover classes that get a term of their own, by name: those with `minimumBins`
  /// local means in `minimumClassBlocks` squares, less the largest of them when the local
  /// means left for the layer's own offset would be fewer than `minimumBins`.
  static func landCoverTerms(_ bins: [CalibrationBin], blocks: [Int], settings: CalibrationSettings) -> [String] {
    var counts: [String: Int] = [:]
    var squares: [String: Set<Int>] = [:]
    for (index, bin) in bins.enumerated() {
      guard let name = bin.propagation.landCoverClass else { continue }
      counts[name, default: 0] += 1
      squares[name, default: []].insert(blocks[index])
    }
    var supported = counts.keys.filter {
      counts[$0, default: 0] >= settings.minimumBins && squares[$0, default: []].count >= settings.minimumClassBlocks
    }.sorted()
    let rest = bins.count - supported.reduce(0) { $0 + counts[$1, default: 0] }
    if rest < settings.minimumBins,
      let largest = supported.max(by: { (counts[$0, default: 0], $1) < (counts[$1, default: 0], $0) })
    {
      supported.removeAll { $0 == largest }
    }
    return supported
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
  /// slope over the distances fitted and the height term over the heights fitted; a term not
  /// fitted is the previous one over its own range. σ the fit's residual (or what the caller
  /// passes).
  static func tuning(
    previous: ModelTuning?, fit: LinearFit, slope: Bool, sigmaDB: Double? = nil,
    distanceRangeM: ClosedRange<Double>? = nil, overTerrain: Bool = false, heightColumn: Int? = nil,
    heightRangeM: ClosedRange<Double>? = nil
  ) -> ModelTuning {
    ModelTuning(
      offsetDB: fit.coefficients[0],
      slopeDBPerDecade: slope ? fit.coefficients[1] : (previous?.slopeDBPerDecade ?? 0),
      sigmaDB: sigmaDB, distanceRangeM: slope ? distanceRangeM : (previous?.distanceRangeM ?? distanceRangeM),
      fittedOverTerrain: overTerrain,
      heightDBPerDecade: heightColumn.map { fit.coefficients[$0] } ?? (previous?.heightDBPerDecade ?? 0),
      heightRangeM: heightColumn == nil ? previous?.heightRangeM : heightRangeM)
  }

  /// The lowest and highest antennas of the local means, m.
  static func heightRange(_ bins: [CalibrationBin]) -> ClosedRange<Double>? {
    guard let low = bins.map(\.bsHeightM).min(), let high = bins.map(\.bsHeightM).max() else { return nil }
    return low...high
  }

  /// The nearest and farthest local means, m (rounded outward to the metre, so the fragment's
  /// whole metres hold them).
  static func distanceRange(_ bins: [CalibrationBin]) -> ClosedRange<Double>? {
    guard let near = bins.map(\.distanceM).min(), let far = bins.map(\.distanceM).max() else { return nil }
    return max(near.rounded(.down), 1)...max(far.rounded(.up), 1)
  }
}
