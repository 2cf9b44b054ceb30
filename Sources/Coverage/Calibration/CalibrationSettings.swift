import Radio
import Scenario

/// How `cosite calibrate` filters and averages a drive test before fitting.
public struct CalibrationSettings: Hashable, Sendable {
  /// Samples nearer than this to their sector are dropped, m: within ~100 m the antenna's
  /// vertical pattern and the mast's own clutter dominate, not the model's distance law (the
  /// usual lower bound of model-tuning filters; Hata's model starts at 1 km, Erceg's at 100 m).
  public var minDistanceM = 100.0
  /// Samples farther than this are dropped, m; nil = the scenario's `max_radius_m`.
  public var maxDistanceM: Double?
  /// Samples below this RSRP are dropped, dBm; nil = the layer's noise per resource element
  /// with the UE's noise figure (−174 dBm/Hz + 10·log10 SCS + NF): below it the reference
  /// signal is under the noise and the reading is the receiver's, not the path's.
  public var floorDBm: Double?
  /// Length of route a local mean averages, m; nil = 40 wavelengths of the layer (Lee 1985).
  public var windowM: Double?
  /// Fewest local means a layer needs to be fitted (two terms and their errors need some).
  public var minimumBins = 10
  /// Least spread of log10(distance) for the slope to be fitted, decades: over a narrower
  /// span the slope and the offset cannot be told apart and only the offset is fitted.
  public var minimumSlopeSpanDecades = 0.5
  /// Side of the squares whose local means are taken as correlated for the standard errors,
  /// m: 500 m, the longest decorrelation distance Gudmundson reports (504 m, suburban, 900 MHz;
  /// Electronics Letters 27(23), 1991), so that squares are nearly independent of each other.
  public var blockM = 500.0
  /// Whether land-cover classes get an offset term of their own where the data supports it
  /// (`minimumBins` local means in at least `minimumClassBlocks` squares of `blockM`).
  public var landCoverClasses = true
  /// Fewest squares of `blockM` a class's local means must fall in for its own term: fewer
  /// would give its offset and its one stretch of road's shadowing the same value.
  public var minimumClassBlocks = 2
  /// Whether the antenna-height term is fitted (off by default: a drive test's heights come
  /// from few sites, whose own shadowing the term can take for a height effect).
  public var heightTerm = false
  /// Least spread of log10(antenna height) for the height term, decades (0.3: a factor of 2),
  /// over at least `minimumHeights` distinct heights.
  public var minimumHeightSpanDecades = 0.3
  public var minimumHeights = 3

  public init() {}
}

/// One local mean of a drive test: consecutive samples of one sector within a window of
/// route, averaged in milliwatts (Lee's estimator), with the losses measured and predicted.
public struct CalibrationBin: Hashable, Sendable {
  /// Index of the measured sector in the scenario.
  public let sectorIndex: Int
  /// Index of the carrier layer in `CalibrationResult.layers`.
  public let layerIndex: Int
  /// Mean position of the samples, scenario CRS.
  public let x: Double
  public let y: Double
  /// Ground distance from the sector's structure, m.
  public let distanceM: Double
  public let sampleCount: Int
  /// Line of the first sample in the log.
  public let firstLine: Int
  /// Zone the bin lies in (index into the scenario's zones); nil in the margin around zones.
  public let zoneIndex: Int?
  public let measuredRSRPDBm: Double
  /// EPRE + antenna gain toward the bin − feeder loss − measured RSRP, dB.
  public let measuredLossDB: Double
  /// The scenario's median loss (with any tuning it already has), dB.
  public let predictedLossBeforeDB: Double
  /// The scenario's median loss without the layer's tuning (what the fit is made over), dB.
  public let predictedLossUntunedDB: Double
  /// The median loss with the fitted tuning, dB.
  public internal(set) var predictedLossAfterDB: Double
  /// The propagation class of the bin's cell (untuned; its land-cover class marked).
  let propagation: Propagation
  /// The measured sector's antenna height above ground, m (the height term's regressor).
  public internal(set) var bsHeightM: Double = ModelTuning.referenceHeightM
  /// The diffraction over the terrain the run adds at the bin's cell, dB (in every predicted
  /// loss above; 0 on flat earth).
  public internal(set) var terrainLossDB: Double = 0

  /// The land-cover class of the bin's cell; nil where the scenario has no land cover, or
  /// the cell takes a zone's own model or lies on the raster's nodata.
  public var landCoverClass: String? { propagation.landCoverClass }

  /// RSRP the scenario predicts before and after tuning, dBm.
  public var predictedRSRPBeforeDBm: Double { measuredRSRPDBm + measuredLossDB - predictedLossBeforeDB }
  public var predictedRSRPAfterDBm: Double { measuredRSRPDBm + measuredLossDB - predictedLossAfterDB }
}

/// A carrier layer's fit.
public struct LayerCalibration: Sendable {
  public let carrierID: String
  public let layerID: String
  /// Window of route averaged into one local mean, m.
  public let windowM: Double
  /// RSRP below which samples were dropped, dBm.
  public let floorDBm: Double
  /// Samples in the local means kept (those of means dropped at the floor not counted).
  public let sampleCount: Int
  public let binCount: Int
  /// Mean samples per local mean (Lee asks for about 36 to average Rayleigh fading).
  public let samplesPerBin: Double
  /// The tuning the scenario had (nil: none).
  public let previous: ModelTuning?
  /// The fit over the untuned model: offset, slope (absent when not fitted), their standard
  /// errors and the residual σ; nil when the layer has too few local means.
  public let fit: LinearFit?
  public let slopeFitted: Bool
  /// Whether the height term was fitted (its coefficient follows the slope's, or the offset's).
  public let heightFitted: Bool
  /// The standard errors of the fit's terms, robust to the residuals' correlation within
  /// squares of `CalibrationSettings.blockM` (`ClusteredErrors`); least squares' own where
  /// the local means fall in one square.
  public let standardErrors: [Double]
  /// Squares of `blockM` the local means fall in.
  public let blockCount: Int
  /// Lag-1 correlation of consecutive local means' residuals of a sector, a diagnostic of how
  /// far they are from independent (nil: no fit, or no consecutive pairs).
  public let residualCorrelation: Double?
  /// The residual σ of the local means the layer's own tuning covers (those of classes with a
  /// term of their own left out), dB; nil without a fit.
  public let residualSigmaDB: Double?
  /// The layer's tuning to paste into the scenario: previous + fit, σ the residual's. It holds
  /// for every cell but those of `landCover`'s classes.
  public let tuned: ModelTuning?
  /// Land-cover classes fitted with an offset of their own (by name).
  public let landCover: [LandCoverCalibration]
  /// Why the layer (or its slope) was not fitted.
  public let note: String?
}

/// A land-cover class's own offset within its layer's fit (the "clutter term" of the
/// standard propagation model's calibration): the layer's distance slope, its own offset.
public struct LandCoverCalibration: Sendable {
  public let name: String
  public let binCount: Int
  /// Samples in its local means.
  public let sampleCount: Int
  /// Squares of `CalibrationSettings.blockM` its local means fall in.
  public let blockCount: Int
  /// The class's term: its offset less the layer's, dB, and the term's standard error.
  public let termDB: Double
  public let termStandardErrorDB: Double
  /// The class's offset (the layer's + its term), dB, and its standard error (from the terms'
  /// covariance: Var(a + δ) = Var a + Var δ + 2 Cov(a, δ)).
  public let offsetDB: Double
  public let offsetStandardErrorDB: Double
  /// σ of its local means' residuals, one degree of freedom for its offset removed, dB.
  public let residualSigmaDB: Double
  /// The class's tuning to paste into the scenario (`land_cover:` entry); nil until set by
  /// `Calibration.run`.
  public internal(set) var tuned: ModelTuning? = nil
}

/// What a calibration found: the local means and each layer's fit.
public struct CalibrationResult: Sendable {
  public let layers: [LayerCalibration]
  public let bins: [CalibrationBin]
  public let samplesRead: Int
  /// Local means (not samples) below their layer's floor.
  public let droppedBelowFloor: Int
  public let droppedTooNear: Int
  public let droppedTooFar: Int
}
