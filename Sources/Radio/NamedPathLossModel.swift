/// A path-loss model by the name `cosite pathloss` takes: an outdoor model
/// (`PathLossModel`), or the LOS or NLOS formula of a TR 38.901 indoor scenario
/// (`IndoorScenario`), named "tr38901-‹scenario›-los" or "-nlos" (e.g. "tr38901-inf-sh-nlos").
public enum NamedPathLossModel: Sendable, Hashable {
  case outdoor(PathLossModel)
  case indoor(IndoorScenario, lineOfSight: Bool)

  public init?(name: String) {
    if let model = PathLossModel(rawValue: name) {
      self = .outdoor(model)
      return
    }
    for scenario in IndoorScenario.allCases {
      for lineOfSight in [true, false] where Self.indoorName(scenario, lineOfSight: lineOfSight) == name {
        self = .indoor(scenario, lineOfSight: lineOfSight)
        return
      }
    }
    return nil
  }

  public var name: String {
    switch self {
    case .outdoor(let model): model.rawValue
    case .indoor(let scenario, let lineOfSight): Self.indoorName(scenario, lineOfSight: lineOfSight)
    }
  }

  /// Every name, outdoor models first.
  public static var allNames: [String] {
    PathLossModel.allCases.map(\.rawValue)
      + IndoorScenario.allCases.flatMap { scenario in
        [true, false].map { indoorName(scenario, lineOfSight: $0) }
      }
  }

  static func indoorName(_ scenario: IndoorScenario, lineOfSight: Bool) -> String {
    "tr38901-\(scenario.rawValue)-\(lineOfSight ? "los" : "nlos")"
  }

  /// Median path loss; `environment` is read by the Hata models only.
  public func pathLoss(_ link: LinkGeometry, environment: Environment = .urban) -> PathLoss {
    switch self {
    case .outdoor(let model): model.pathLoss(link, environment: environment)
    case .indoor(let scenario, let lineOfSight): scenario.pathLoss(link, lineOfSight: lineOfSight)
    }
  }
}
