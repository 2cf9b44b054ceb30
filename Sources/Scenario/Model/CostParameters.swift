/// Money and energy figures of a scenario, in VND unless named otherwise.
///
/// No published Vietnamese tower CAPEX or rent could be found (shared/notes/domain-facts.md):
/// the defaults are order-of-magnitude assumptions, documented in the README, and every
/// planner should set their own.
public struct CostParameters: Hashable, Sendable {
  public var currency: String = "VND"
  /// A new greenfield tower, civil works and passive equipment included.
  public var newTowerVND: Double = 2_000_000_000
  /// A new rooftop mast (non-bulky, Joint Circular 15/2016) with its passive equipment.
  public var newRooftopVND: Double = 400_000_000
  /// A new street or lighting pole carrying one small-cell sector per layer.
  public var newPoleVND: Double = 150_000_000
  /// One-off cost of installing a tenant's equipment on an existing structure.
  public var colocationInstallVND: Double = 150_000_000
  /// Radio equipment (RRU, antenna, baseband share) per sector.
  public var radioEquipmentPerSectorVND: Double = 350_000_000
  /// Rent per month where a structure lists none (e.g. new builds on leased land).
  public var defaultRentVNDPerMonth: Double = 10_000_000
  /// Electrical power drawn per sector, kW.
  public var powerPerSectorKW: Double = 1.0
  public var electricityVNDPerKWh: Double = 2_500
  /// Operation and maintenance per site and year.
  public var operationsVNDPerSiteYear: Double = 40_000_000
  /// Yearly discount rate for NPV, e.g. 0.10.
  public var discountRate: Double = 0.10
  /// Planning horizon: the 15-year licence term by default.
  public var horizonYears: Int = 15

  public init() {}
}
