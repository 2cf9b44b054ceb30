import Radio

/// A propagation model with the clutter environment it takes (Hata family only).
public struct Propagation: Hashable, Sendable {
  public let model: PathLossModel
  public let environment: Environment

  public init(model: PathLossModel, environment: Environment = .urban) {
    self.model = model
    self.environment = environment
  }

  /// TR 38.901 UMa NLOS: valid 0.5–100 GHz, so for every layer from LTE 1800 to NR 3900
  /// (COST-231 Hata stops at 2 GHz). A planner's default for built-up industrial zones [K].
  public static let standard = Propagation(model: .umaNLOS)
}

/// What counts as covered for the coverage target and the gap maps.
public struct CoverageTarget: Hashable, Sendable {
  /// Minimum RSRP (LTE) or SS-RSRP (NR) on any of the carrier's layers, dBm.
  public let rsrpDBm: Double
  /// Whether buildings are judged indoors (O2I loss applied); open land is always outdoors.
  public let indoor: Bool
  /// Share of a parcel's area that must be covered; parcels below it are gaps.
  public let minimumShare: Double

  public init(rsrpDBm: Double, indoor: Bool, minimumShare: Double) {
    self.rsrpDBm = rsrpDBm
    self.indoor = indoor
    self.minimumShare = minimumShare
  }
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
  /// Share of resource elements the interfering cells occupy, 0…1 [K].
  public var loadFactor = 0.5
  /// UE noise figure, dB (TR 36.942: 9 dB).
  public var noiseFigureDB = ThermalNoise.defaultUENoiseFigureDB
  /// Service classes by downlink rate (VNPT LTE service zones by default).
  public var serviceClasses = ServiceClass.vietnameseLTEZones
  public var target = CoverageTarget(rsrpDBm: -105, indoor: true, minimumShare: 0.95)
  /// Effective Earth radius factor for terrain diffraction (ITU-R P.453: 4/3).
  public var kFactor = 4.0 / 3.0

  public init() {}

  /// Service classes ordered by rate, highest first (the order of the figures' bins).
  public var serviceClassesBestFirst: [ServiceClass] {
    serviceClasses.enumerated().sorted {
      ($0.element.minimumDownlinkMbps, $1.offset) > ($1.element.minimumDownlinkMbps, $0.offset)
    }.map(\.element)
  }
}
