import Scenario

/// A way of sharing: which stations a carrier may put where, which of them may be one
/// shared station, and what sharing saves (BEREC BoR(19)110 for the terms).
public struct SharingOption: Sendable, Hashable {
  public enum Rules: String, Sendable, CaseIterable {
    /// Each carrier only on its own structures, and its own new builds.
    case standalone
    /// Co-location on any structure whose owner admits it (rent per tenant); a new build
    /// is one structure for every carrier that needs it.
    case passive
    /// As passive, plus one radio unit per site serving several carriers, each on its own
    /// spectrum: an extra carrier pays part of a radio and draws part of its power.
    case moran
    /// Shared radio and pooled spectrum: one station per site serves every carrier, and
    /// coverage from any carrier's site serves all of them.
    case mocn
    /// Passive sharing of the macro sites, and in the buildings one neutral host's nodes
    /// carrying several carriers, each on its own spectrum (MORAN-like).
    case neutralHost = "neutral-host"
  }

  public let name: String
  public let rules: Rules
  public let costs: CostParameters
  public let factors: SharingFactors

  public init(name: String, rules: Rules, costs: CostParameters, factors: SharingFactors) {
    self.name = name
    self.rules = rules
    self.costs = costs
    self.factors = factors
  }

  /// The five built-in options with the scenario's costs, then the scenario's own.
  public static func all(for scenario: ScenarioModel) -> [SharingOption] {
    Rules.allCases.map {
      SharingOption(name: $0.rawValue, rules: $0, costs: scenario.costs, factors: scenario.sharing.factors)
    }
      + scenario.sharing.options.map { spec in
        SharingOption(
          name: spec.name, rules: Rules(rawValue: spec.base) ?? .passive, costs: spec.costs, factors: spec.factors)
      }
  }

  /// Whether a radio unit serves several carriers.
  var sharesRadio: Bool { rules == .moran || rules == .mocn }

  /// Whether the option only differs from passive sharing when several carriers are planned:
  /// a radio (MORAN, MOCN) or a neutral host's nodes serve several of them.
  public var sharesBetweenCarriers: Bool { rules == .moran || rules == .mocn || rules == .neutralHost }

  /// The macro sites' rules: a neutral host shares its macro sites passively.
  var macroRules: Rules { rules == .neutralHost ? .passive : rules }

  /// Whether one building's nodes may carry several carriers: a neutral host (under MORAN
  /// as well, its indoor counterpart; under MOCN one pooled system).
  var hostsIndoor: Bool { rules == .moran || rules == .mocn || rules == .neutralHost }

  /// What an extra carrier on a neutral host's node pays of its radio, and of its yearly
  /// cost: MOCN's shares under MOCN, else MORAN's (each carrier its own spectrum).
  var indoorExtraShares: (radio: Double, power: Double) {
    rules == .mocn
      ? (factors.mocnRadioExtraShare, factors.mocnPowerExtraShare)
      : (factors.moranRadioExtraShare, factors.moranPowerExtraShare)
  }

  /// What an extra carrier on a shared radio pays of its own radio, and draws of its power.
  var extraShares: (radio: Double, power: Double) {
    switch rules {
    case .moran: return (factors.moranRadioExtraShare, factors.moranPowerExtraShare)
    case .mocn: return (factors.mocnRadioExtraShare, factors.mocnPowerExtraShare)
    case .standalone, .passive, .neutralHost: return (1, 1)
    }
  }
}
