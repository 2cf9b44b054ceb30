import Geo
import Radio

/// Inside a building, for an indoor system's nodes: the TR 38.901 indoor scenario, the hall's
/// clutter, and where the nodes hang. A building class may set it (`indoor:`); otherwise it
/// follows the parcel's land use (`standard(for:)`).
public struct IndoorEnvironment: Hashable, Sendable {
  public var scenario: IndoorScenario
  /// Machines, racks and stock (InF only; TR 38.901 Table 7.2-4).
  public var clutter: FactoryClutter
  /// Node antenna height above the floor, m.
  public var nodeHeightM: Double
  /// Share of the parcel the building's floor covers [K]: 0.6 by default (a hall and its
  /// offices on a block that also holds yards, parking and setbacks; no published figure).
  public var floorShare: Double
  /// Storeys the indoor system serves, each a floor plate of `floorShare` × the parcel with
  /// nodes of its own: TR 38.901's InF and InH are single-floor models, and a slab adds 15 dB
  /// between adjacent office floors at 1.8–2 GHz (ITU-R P.1238 Table 3, L_f = 15 + 4(n − 1)),
  /// so a node serves little of the next floor. 1 by default (a hall); the parcel's workers
  /// are spread over them.
  public var floors: Int

  public static let standardFloorShare = 0.6

  public init(
    scenario: IndoorScenario, clutter: FactoryClutter? = nil, nodeHeightM: Double? = nil, floorShare: Double? = nil,
    floors: Int = 1
  ) {
    self.floors = max(1, floors)
    self.scenario = scenario
    self.clutter = clutter ?? Self.standardClutter(scenario)
    self.nodeHeightM = nodeHeightM ?? Self.standardNodeHeightM(scenario)
    self.floorShare = floorShare ?? Self.standardFloorShare
  }

  /// TR 38.901 Table 7.8-7 (InF calibration): sparse clutter r 0.2, d_clutter 10 m, h_c 2 m;
  /// dense r 0.6, 2 m, 6 m. InH has none (the values are not read).
  static func standardClutter(_ scenario: IndoorScenario) -> FactoryClutter {
    switch scenario {
    case .infDL, .infDH: FactoryClutter(density: 0.6, sizeM: 2, heightM: 6)
    default: FactoryClutter(density: 0.2, sizeM: 10, heightM: 2)
    }
  }

  /// TR 38.901 Table 7.8-7: the low base station at 1.5 m, the high one at 8 m (a 10 m hall);
  /// Table 7.8-1 (InH): 3 m, on the ceiling.
  static func standardNodeHeightM(_ scenario: IndoorScenario) -> Double {
    switch scenario {
    case .infSL, .infDL: 1.5
    case .infSH, .infDH: 8
    case .inhMixed, .inhOpen: 3
    }
  }

  /// By land use [K]: a factory hall with sparse machines and ceiling-hung nodes (InF-SH), a
  /// warehouse with dense high racks (InF-DH), an office (InH mixed); nil where nobody
  /// works indoors (roads, yards, green, water, …).
  public static func standard(for landUse: LandUse) -> IndoorEnvironment? {
    switch landUse {
    case .factory: IndoorEnvironment(scenario: .infSH)
    case .warehouse: IndoorEnvironment(scenario: .infDH)
    case .office: IndoorEnvironment(scenario: .inhMixed)
    default: nil
    }
  }

  /// What is wrong with it, or nil: the high-base-station factory scenarios (SH, DH) are
  /// defined for nodes above the clutter (TR 38.901 Table 7.4.2-1, h_BS > h_c).
  public var problem: String? {
    if (scenario == .infSH || scenario == .infDH) && nodeHeightM <= clutter.heightM {
      return
        "\(scenario.rawValue) needs the node above the clutter (node_height_m \(JSONWriter.number(nodeHeightM)) ≤ clutter_height_m \(JSONWriter.number(clutter.heightM))); use \(scenario == .infSH ? "inf-sl" : "inf-dl") for nodes among it"
    }
    return nil
  }
}
