/// The TR 38.901 §7.4.3 outdoor-to-indoor penetration model of a building class.
public enum O2IModel: String, Hashable, Sendable, CaseIterable {
  /// No building: the parcel is outdoor only (yards, roads, water).
  case none
  /// TR 38.901 low-loss model (standard glass and concrete).
  case lowLoss = "low-loss"
  /// TR 38.901 high-loss model (IRR glass and concrete).
  case highLoss = "high-loss"
}

/// A kind of building, deciding the indoor loss of the parcels that have it.
public struct BuildingClass: Hashable, Sendable {
  public let name: String
  public let o2i: O2IModel
  /// Loss added to the O2I model, dB: for construction the standard does not cover.
  public let extraLossDB: Double
  /// σ of the O2I loss, dB; nil = the model's σ_P (TR 38.901 Table 7.4.3-2: low-loss
  /// 4.4 dB, high-loss 6.5 dB; 0 for open land).
  public let o2iSigmaDB: Double?
  /// Inside, for indoor systems (`indoor:`); nil = by the parcel's land use
  /// (`IndoorEnvironment.standard(for:)`).
  public let indoor: IndoorEnvironment?

  public init(
    name: String, o2i: O2IModel, extraLossDB: Double, o2iSigmaDB: Double? = nil, indoor: IndoorEnvironment? = nil
  ) {
    self.name = name
    self.o2i = o2i
    self.extraLossDB = extraLossDB
    self.o2iSigmaDB = o2iSigmaDB
    self.indoor = indoor
  }

  /// The indoor environment of a parcel of this class and `landUse`: the class's own, else
  /// the land use's; nil for open land (no building) whatever the land use.
  public func indoorEnvironment(landUse: LandUse) -> IndoorEnvironment? {
    guard o2i != .none else { return nil }
    return indoor ?? IndoorEnvironment.standard(for: landUse)
  }

  /// Built-in classes; a scenario may override any of them or add its own.
  ///
  /// `metal-clad` (steel-sheet factory halls) has no standard figure: the 10 dB on top of
  /// high-loss is an engineering assumption [K] to be calibrated by drive tests.
  public static let defaults: [BuildingClass] = [
    BuildingClass(name: "outdoor", o2i: .none, extraLossDB: 0),
    BuildingClass(name: "low-loss", o2i: .lowLoss, extraLossDB: 0),
    BuildingClass(name: "high-loss", o2i: .highLoss, extraLossDB: 0),
    BuildingClass(name: "metal-clad", o2i: .highLoss, extraLossDB: 10),
  ]
}
