import Radio

/// Which line-of-sight state a propagation class assumes (TR 38.901 §7.4.2).
public enum LineOfSight: String, Hashable, Sendable, CaseIterable {
  /// Always non-line-of-sight (the model's NLOS member; models without a LOS state).
  case nlos
  /// Always line-of-sight (the model's LOS member).
  case los
  /// LOS with the probability of TR 38.901 Table 7.4.2-1, NLOS otherwise: the loss is the
  /// mixture of the two states' distributions, never an average of their dB values.
  case probabilistic
}

/// A propagation model with the clutter environment it takes (Hata family only), its LOS
/// state and its location variability.
public struct Propagation: Hashable, Sendable {
  public let model: PathLossModel
  public let environment: Environment
  public let lineOfSight: LineOfSight
  /// Shadow-fading σ of both LOS states, dB; nil = the model's own (TR 38.901 Table 7.4.1-1,
  /// Erceg's per terrain) or `defaultEmpiricalSigmaDB` for a model that publishes none.
  public let shadowSigmaDB: Double?
  /// Loss added at the cell for its clutter, dB (`clutter_loss_db`; 0 by default: the
  /// empirical models already hold their environment's clutter). A land-cover class may set it.
  public var clutterLossDB: Double = 0
  /// The layer's calibration (`ModelTuning`, from the scenario's `calibration` section), set
  /// per layer by `tuned(by:)` where a layer's losses are computed; nil in the scenario's classes.
  public var tuning: ModelTuning? = nil
  /// The land-cover class whose own calibration this class takes (`land_cover:` entries of
  /// the scenario's `calibration` section): set only on classes a calibration names, so that
  /// classes with the same model and no tuning of their own still share one loss table; nil
  /// takes the layer's tuning.
  public var landCoverClass: String? = nil

  public init(
    model: PathLossModel, environment: Environment = .urban, lineOfSight: LineOfSight? = nil,
    shadowSigmaDB: Double? = nil, clutterLossDB: Double = 0
  ) {
    self.clutterLossDB = clutterLossDB
    self.model = model
    self.environment = environment
    // A model named for its LOS member is LOS; every other model is one state, called NLOS.
    self.lineOfSight = lineOfSight ?? (model.lineOfSightVariant == model ? .los : .nlos)
    self.shadowSigmaDB = shadowSigmaDB
  }

  /// Erceg/SUI terrain B: the default for industrial parks. Its loss responds to the
  /// antenna height as measured (γ = a − b·h_b + c/h_b: a 12 m pole and a 45 m tower differ
  /// by 12.7 dB at 1 km and 1800 MHz), it was fitted to suburban measurements (Erceg et al., IEEE JSAC 1999)
  /// with masts of 10–80 m, and its IEEE 802.16 corrections cover 1–4 GHz, every layer from
  /// LTE 1800 to NR 3800. Terrain B ("flat with moderate-to-heavy tree density") sits between
  /// open flat land (C) and hilly, heavily obstructed land (A): a park's flat ground cluttered
  /// by halls. TR 38.901 UMa NLOS, the former default, has no BS-height term at all. README,
  /// "Propagation models".
  public static let standard = Propagation(model: .ercegB)

  /// σ of the Hata family when the scenario gives none, dB: 8 dB is the NLOS shadow fading
  /// of the WINNER II suburban and urban macro models (C1, C2; as in ECC SEAMCAT's
  /// implementation), within the 8.2–10.6 dB Erceg et al. measured at 1.9 GHz. Free space is
  /// a line-of-sight model: its σ is 0 unless given.
  public static let defaultEmpiricalSigmaDB = 8.0

  /// This class on `layer`: with the layer's tuning for its land-cover class where the layer
  /// has one, else the layer's own (nil: unchanged).
  public func tuned(on layer: RadioLayer) -> Propagation {
    tuned(by: layer.tuning(landCoverClass: landCoverClass))
  }

  /// This class on a layer with `tuning` (nil: unchanged).
  public func tuned(by tuning: ModelTuning?) -> Propagation {
    guard let tuning else { return self }
    var tuned = self
    tuned.tuning = tuning
    return tuned
  }
}

/// What counts as covered for the coverage target and the gap maps.
public struct CoverageTarget: Hashable, Sendable {
  /// Minimum RSRP (LTE) or SS-RSRP (NR) on any of the carrier's layers, dBm.
  public let rsrpDBm: Double
  /// Whether buildings are judged indoors (O2I loss applied); open land is always outdoors.
  public let indoor: Bool
  /// Share of a parcel's area that must be covered; parcels below it are gaps.
  public let minimumShare: Double
  /// Location probability a cell must reach the RSRP with: a cell meets the target when
  /// P(RSRP ≥ rsrpDBm) ≥ reliability under shadow fading, LOS state and O2I spread.
  /// 0.5 judges the median.
  public let reliability: Double

  public init(rsrpDBm: Double, indoor: Bool, minimumShare: Double, reliability: Double = defaultReliability) {
    self.rsrpDBm = rsrpDBm
    self.indoor = indoor
    self.minimumShare = minimumShare
    self.reliability = reliability
  }

  /// 90 % location probability per cell: the usual design criterion for cell-edge
  /// coverage; with σ 8 dB and a distance exponent of 3.5 it gives about 97 % of a cell's
  /// area covered (Jakes, "Microwave Mobile Communications", 1974, §2.4; README).
  public static let defaultReliability = 0.9
}

/// Settings of the coverage engine (the scenario's `coverage` section).
public struct CoverageSettings: Hashable, Sendable {
  /// Model used where a zone names none (and in the margin around zones).
  public var propagation = Propagation.standard
  /// UE height above ground, m (TR 38.901 outdoor UE: 1.5 m).
  public var ueHeightM = 1.5
  /// Received power below which a sector is not evaluated, dBm.
  public var floorDBm = -140.0
  /// Largest distance a sector is evaluated at, m.
  public var maxRadiusM = 15_000.0
  /// Lower edges of the RSRP bins, dBm, strongest first (not standardised [K]).
  public var rsrpBinsDBm: [Double] = [-85, -95, -105, -115]
  /// Lower edges of the SINR bins, dB, best first [K].
  public var sinrBinsDB: [Double] = [20, 13, 0]
  /// Share of resource elements the interfering cells occupy, 0…1 [K], when the load is fixed
  /// (`capacity.load == .fixed`); the Monte-Carlo drops always use it.
  public var loadFactor = 0.5
  /// Busy-hour traffic, cell load, service floor and uplink.
  public var capacity = CapacitySettings()
  /// UE noise figure, dB (TR 36.942: 9 dB).
  public var noiseFigureDB = ThermalNoise.defaultUENoiseFigureDB
  /// Service classes by downlink rate (VNPT LTE service zones by default).
  public var serviceClasses = ServiceClass.vietnameseLTEZones
  public var target = CoverageTarget(rsrpDBm: -105, indoor: true, minimumShare: 0.95)
  /// Effective Earth radius factor for terrain diffraction (ITU-R P.453: 4/3).
  public var kFactor = 4.0 / 3.0
  /// How diffraction over the DEM is computed: delta-Bullington (ITU-R P.526-15 §4.5, the
  /// method of P.452 and P.1812) on radials from each site, or Deygout's three edges
  /// (Deygout 1966) on every cell's own profile.
  public var diffraction = DiffractionMethod.deltaBullington
  /// The Monte-Carlo drop mode's users (the distributions of `cosite run`).
  public var drops = DropSettings()

  public init() {}

  /// Service classes ordered by rate, highest first (the order of the figures' bins).
  public var serviceClassesBestFirst: [ServiceClass] {
    serviceClasses.enumerated().sorted {
      ($0.element.minimumDownlinkMbps, $1.offset) > ($1.element.minimumDownlinkMbps, $0.offset)
    }.map(\.element)
  }
}
