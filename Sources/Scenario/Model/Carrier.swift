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

  public init(
    id: String, technology: Technology, band: String, frequencyMHz: Double, bandwidthMHz: Double,
    tddDownlinkShare: Double
  ) {
    self.id = id
    self.technology = technology
    self.band = band
    self.frequencyMHz = frequencyMHz
    self.bandwidthMHz = bandwidthMHz
    self.tddDownlinkShare = tddDownlinkShare
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
