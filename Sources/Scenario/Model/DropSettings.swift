/// The Monte-Carlo drop mode (`coverage.drops`): users dropped at random in the zones to
/// measure the area distributions of coupling gain, RSRP, SINR and SIR with fading.
public struct DropSettings: Hashable, Sendable {
  /// Users dropped per carrier layer; 0 turns the mode off. 10 000 puts 100 users in each
  /// percentile; the points still move with the seed by a few tenths of a dB (the
  /// calibration's 5 % coupling gain spans 0.5 dB over seeds 1–3 at 20 000 users).
  public var users = 10_000
  /// Seed of the draws: the same seed gives the same users on any thread count.
  public var seed: UInt64 = 1
  /// Share of users indoors whatever their parcel, with `lowLossShare` of them behind
  /// TR 38.901 low-loss walls and the rest high-loss (the §7.8 calibration: 0.8 and 0.5);
  /// nil = a user is indoors when its parcel has a building and the target is indoor.
  public var indoorShare: Double?
  public var lowLossShare = 0.5
  /// Floors of an indoor user's building: N_fl uniform on this range, the user's floor
  /// uniform on 1…N_fl, height 3(n_fl − 1) + the UE height (TR 38.901 Table 7.8-1 / §7.4.3).
  public var floors: ClosedRange<Int> = 1...1
  public static let floorHeightM = 3.0
  /// Users closer than this to any of the layer's antennas are dropped again (TR 38.901
  /// Table 7.8-1: 35 m for UMa, 2-D distance).
  public var minDistanceM = 35.0

  public init() {}
}
