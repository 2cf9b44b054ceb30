/// Where new structures may go (scenario `siting`).
///
/// Defaults are assumptions, not published rules (no Vietnamese siting figure was found):
/// generated towers stand on technical-infrastructure, yard, port and other open land of the
/// parks, never inside a factory, warehouse, office or residential parcel (there only a
/// rooftop, listed in `new_builds`, is possible), and at least 250 m from any other structure —
/// about half the 500 m inter-site distance of TR 38.901's urban macro layout (Table 7.8-1),
/// so that two masts never stand side by side.
public struct SitingSettings: Hashable, Sendable {
  /// Land uses a generated new tower may stand on.
  public var newBuildLandUses: Set<LandUse> = [.yard, .port, .utility, .other]
  /// Least distance between a generated new tower and any other structure (existing, listed
  /// or generated), m.
  public var minSeparationM = 250.0

  public init() {}
}
