import Scenario

/// Where a station could go: an existing structure with free slots, a new build the
/// scenario lists, or a generated new-build point inside a coverage gap.
public struct CandidateSite: Sendable {
  public enum Origin: String, Sendable {
    case existing
    case listed = "listed new build"
    case generated = "generated new build"
  }

  public let structure: Structure
  public let origin: Origin
  /// Carriers on it today (none on a new build).
  public let tenants: Set<String>

  public var isNew: Bool { origin != .existing }
}

/// One carrier's station on one site: its sectors (the carrier's typical radio settings,
/// three per layer, one on a pole) and the cells it would newly cover. What it costs
/// depends on the sharing option, so offers (`StationOffer`) carry the money.
public struct StationCandidate: Sendable {
  public let id: String
  public let carrierIndex: Int
  public let siteIndex: Int
  public let sectors: [Sector]
  /// Antenna height, m above ground.
  public let heightM: Double
}
