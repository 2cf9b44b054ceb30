import Radio

/// Radio access technology of a layer (Radio's type: one definition in the house).
public typealias Technology = RadioTechnology

/// One carrier's radio layer: a technology on one downlink carrier frequency.
public struct RadioLayer: Hashable, Sendable {
  public let id: String
  public let technology: Technology
  /// 3GPP band name as the carrier uses it, e.g. "B3", "n41", "n78".
  public let band: String
  public let frequencyMHz: Double
  public let bandwidthMHz: Double
  /// Share of time the downlink has (TDD); 1 for FDD.
  public let tddDownlinkShare: Double
  /// Share of time the uplink has (TDD); 1 for FDD.
  public let tddUplinkShare: Double
  /// Power class of the UEs on this layer (uplink budget).
  public let uePowerClass: UEPowerClass
  /// The model tuned to a drive test (`calibration` section of the scenario); nil = untuned.
  public var tuning: ModelTuning? = nil
  /// Tunings of single land-cover classes on this layer (`land_cover:` entries of the
  /// `calibration` section), by class name; a class without one takes `tuning`.
  public var landCoverTunings: [String: ModelTuning] = [:]

  /// - Parameters:
  ///   - tddUplinkShare: nil for the default: 1 on FDD (`tddDownlinkShare` 1), else the uplink
  ///     share of the DDDSU 10:2:2 pattern (`TDDPattern.dddsu`, 0.229) [K].
  ///   - uePowerClass: nil for the default, `defaultPowerClass(technology:band:)`.
  public init(
    id: String, technology: Technology, band: String, frequencyMHz: Double, bandwidthMHz: Double,
    tddDownlinkShare: Double, tddUplinkShare: Double? = nil, uePowerClass: UEPowerClass? = nil
  ) {
    self.id = id
    self.technology = technology
    self.band = band
    self.frequencyMHz = frequencyMHz
    self.bandwidthMHz = bandwidthMHz
    self.tddDownlinkShare = tddDownlinkShare
    self.tddUplinkShare = tddUplinkShare ?? (tddDownlinkShare < 1 ? TDDPattern.dddsu.uplinkShare : 1)
    self.uePowerClass = uePowerClass ?? Self.defaultPowerClass(technology: technology, band: band)
  }

  /// The tuning cells of land-cover class `name` take on this layer (nil name: a cell of no
  /// calibrated class).
  public func tuning(landCoverClass name: String?) -> ModelTuning? {
    name.flatMap { landCoverTunings[$0] } ?? tuning
  }

  /// This layer without any tuning (the model a calibration is fitted over).
  public var untuned: RadioLayer {
    var layer = self
    layer.tuning = nil
    layer.landCoverTunings = [:]
    return layer
  }

  /// PC2 (26 dBm HPUE) on the NR TDD bands that define it, n41, n77, n78 and n79
  /// (`UEPowerClass.class2`); PC3 (23 dBm) elsewhere.
  public static func defaultPowerClass(technology: Technology, band: String) -> UEPowerClass {
    technology == .nr && ["n41", "n77", "n78", "n79"].contains(band.lowercased()) ? .class2 : .class3
  }
}

/// A mobile network operator and its layers.
public struct Carrier: Hashable, Sendable {
  public let id: String
  public let name: String
  public let layers: [RadioLayer]

  public init(id: String, name: String, layers: [RadioLayer]) {
    self.id = id
    self.name = name
    self.layers = layers
  }

  public func layer(_ id: String) -> RadioLayer? { layers.first { $0.id == id } }
}
