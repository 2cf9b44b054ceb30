/// A sharing option the scenario defines beside the four built-in ones: a built-in's rules
/// with some costs or sharing factors overridden.
public struct SharingOptionSpec: Hashable, Sendable {
  public let name: String
  /// The built-in option it starts from: standalone, passive, moran, mocn or neutral-host.
  public let base: String
  public let costs: CostParameters
  public let factors: SharingFactors
  /// Line of its entry in the scenario file.
  public let line: Int

  public init(name: String, base: String, costs: CostParameters, factors: SharingFactors, line: Int) {
    self.name = name
    self.base = base
    self.costs = costs
    self.factors = factors
    self.line = line
  }
}

/// What active sharing saves. Each extra carrier on a shared radio pays this share of what
/// its own radio would cost (and draw). No Vietnamese figure was found: the defaults are
/// assumptions in line with the published ranges (shared/notes/domain-facts.md: active
/// sharing saves "at least 40 %" beyond passive, ABI Research 2009; MOCN up to 35 % of
/// CAPEX, Detecon).
public struct SharingFactors: Hashable, Sendable {
  /// MORAN: one radio unit, each carrier its own spectrum.
  public var moranRadioExtraShare = 0.6
  public var moranPowerExtraShare = 0.7
  /// MOCN: one radio unit and one pooled carrier.
  public var mocnRadioExtraShare = 0.3
  public var mocnPowerExtraShare = 0.4
  /// MOCN: what pooling one of today's sites costs per carrier added to it (radio software,
  /// licences, integration), VND; nil = as a carrier joining a shared radio pays:
  /// `mocnRadioExtraShare` × `radio_equipment_per_sector_vnd` × 3 sectors (an assumption that
  /// keeps today's and new pooled sites priced alike).
  public var mocnPoolingVNDPerSiteCarrier: Double?

  public init() {}
}

/// The scenario's `sharing` section: factors, extra options, what `cosite compare` holds
/// fixed, and the province's sharing-rate target.
public struct SharingSettings: Hashable, Sendable {
  public enum Basis: Hashable, Sendable {
    /// Every option spends at most this (one-off + present value of yearly costs), VND.
    case budgetVND(Double)
    /// Every option reaches this share of each carrier's demand meeting the target.
    case targetShare(Double)
  }

  public var factors = SharingFactors()
  public var options: [SharingOptionSpec] = []
  public var basis: Basis?
  /// The passive sharing rate the province aims at (shown beside each option), 0–1.
  public var sharingRateTarget: Double?

  public init() {}
}
