import Scenario

/// What a coverage run knows per cell of one grid, for planning on top of it: the parcel
/// (scenario order, −1 outside), the propagation class, where each carrier meets the
/// coverage target today, and each carrier's busy-hour service class indoors.
public struct CellMap: Sendable {
  public let grid: CoverageGrid
  public let parcelIndex: [Int32]
  public let propagationClass: [UInt8]
  public let propagations: [Propagation]
  /// Per carrier in scenario order: 1 where some layer meets the target today.
  public let coveredByCarrier: [[UInt8]]
  /// Per carrier: 1 where some layer reaches the target's RSRP outdoors (no building loss);
  /// the same as `coveredByCarrier` when the target is an outdoor one.
  public let coveredOutdoorByCarrier: [[UInt8]]
  /// Per carrier: the best busy-hour service class indoors (index into
  /// `CoverageSettings.serviceClassesBestFirst`, the class count for none).
  public let indoorClassByCarrier: [[UInt16]]
  /// Ground height per cell (m above sea level) when the scenario has a DEM; nil = flat.
  public let groundM: [Float]?

  /// The same map with its parcel indices moved to the scenario's order.
  func renumbered(_ global: [Int]) -> CellMap {
    CellMap(
      grid: grid, parcelIndex: parcelIndex.map { $0 < 0 ? $0 : Int32(global[Int($0)]) },
      propagationClass: propagationClass, propagations: propagations, coveredByCarrier: coveredByCarrier,
      coveredOutdoorByCarrier: coveredOutdoorByCarrier, indoorClassByCarrier: indoorClassByCarrier,
      groundM: groundM)
  }
}
