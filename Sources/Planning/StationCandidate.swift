import Scenario

/// Where a station could go: an existing structure with free slots, a new build the
/// scenario lists, a generated new-build point inside a coverage gap, or a building whose
/// floor indoor nodes would cover.
public struct CandidateSite: Sendable {
  public enum Origin: String, Sendable {
    case existing
    case listed = "listed new build"
    case generated = "generated new build"
    case indoor = "indoor system"
  }

  public let structure: Structure
  public let origin: Origin
  /// Carriers on it today (none on a new build or a building).
  public let tenants: Set<String>
  /// An indoor system's building: its parcel and design (nil for a macro site).
  public let building: BuildingIndoorDesign?

  init(structure: Structure, origin: Origin, tenants: Set<String>, building: BuildingIndoorDesign? = nil) {
    self.structure = structure
    self.origin = origin
    self.tenants = tenants
    self.building = building
  }

  /// A new macro structure (listed or generated), built for the plan.
  public var isNew: Bool { origin == .listed || origin == .generated }
  public var isIndoor: Bool { origin == .indoor }
}

/// One carrier's station on one site: its sectors (the carrier's typical radio settings,
/// three per layer, one on a pole; none for an indoor system, whose nodes the building's
/// design counts) and the cells it would newly cover. What it costs
/// depends on the sharing option, so offers (`StationOffer`) carry the money.
public struct StationCandidate: Sendable {
  public let id: String
  public let carrierIndex: Int
  public let siteIndex: Int
  public let sectors: [Sector]
  /// Antenna height, m above ground.
  public let heightM: Double
}
