/// The median path-loss models Cosite implements (their spread: `ShadowFading`).
public enum PathLossModel: String, Sendable, Hashable, CaseIterable {
  case freeSpace = "free-space"
  case okumuraHata = "okumura-hata"
  case cost231Hata = "cost231-hata"
  case rmaLOS = "tr38901-rma-los"
  case rmaNLOS = "tr38901-rma-nlos"
  case umaLOS = "tr38901-uma-los"
  case umaNLOS = "tr38901-uma-nlos"
  case umiLOS = "tr38901-umi-los"
  case umiNLOS = "tr38901-umi-nlos"
  /// Erceg et al. 1999 with the IEEE 802.16 corrections, terrain A, B, C (`ErcegSUI`).
  case ercegA = "erceg-sui-a"
  case ercegB = "erceg-sui-b"
  case ercegC = "erceg-sui-c"

  /// Whether the model takes an `Environment` (the Hata family).
  public var usesEnvironment: Bool { self == .okumuraHata || self == .cost231Hata }
}

/// Clutter environment of the Hata family of models.
public enum Environment: String, Sendable, Hashable, CaseIterable {
  case urbanLargeCity = "urban-large-city"
  case urban
  case suburban
  case ruralOpen = "rural-open"
}

/// One link's geometry and frequency.
public struct LinkGeometry: Sendable, Hashable {
  public var frequencyMHz: Double
  public var bsHeightM: Double
  public var ueHeightM: Double
  /// Ground (2-D) distance between base station and UE, m.
  public var distance2DM: Double

  public init(frequencyMHz: Double, bsHeightM: Double, ueHeightM: Double, distance2DM: Double) {
    self.frequencyMHz = frequencyMHz
    self.bsHeightM = bsHeightM
    self.ueHeightM = ueHeightM
    self.distance2DM = distance2DM
  }

  /// Straight-line distance between the antennas, m.
  @inlinable public var distance3DM: Double {
    let dh = bsHeightM - ueHeightM
    return (distance2DM * distance2DM + dh * dh).squareRoot()
  }
}

/// Which inputs fall outside the range the model was published for.
public struct ValidityFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let frequency = ValidityFlags(rawValue: 1)
  public static let distance = ValidityFlags(rawValue: 2)
  public static let bsHeight = ValidityFlags(rawValue: 4)
  public static let ueHeight = ValidityFlags(rawValue: 8)

  /// Names of the flagged inputs, for warnings.
  public var names: [String] {
    [
      (ValidityFlags.frequency, "frequency"), (.distance, "distance"), (.bsHeight, "BS height"),
      (.ueHeight, "UE height"),
    ]
    .filter { contains($0.0) }.map(\.1)
  }
}

/// A path loss with the inputs it was computed outside of its model's validity.
public struct PathLoss: Sendable, Hashable {
  public let lossDB: Double
  public let outsideValidity: ValidityFlags

  public init(lossDB: Double, outsideValidity: ValidityFlags = []) {
    self.lossDB = lossDB
    self.outsideValidity = outsideValidity
  }
}

extension PathLossModel {
  /// Median path loss of `link`. Outside the model's validity range the loss is still
  /// computed and the offending inputs are flagged; the caller decides what to do.
  ///
  /// `environment` is used by the Hata family only (default `urban`).
  public func pathLoss(_ link: LinkGeometry, environment: Environment = .urban) -> PathLoss {
    switch self {
    case .freeSpace: return FreeSpace.pathLoss(link)
    case .okumuraHata: return Hata.okumuraHata(link, environment: environment)
    case .cost231Hata: return Hata.cost231(link, environment: environment)
    case .rmaLOS: return TR38901.rma(link, lineOfSight: true)
    case .rmaNLOS: return TR38901.rma(link, lineOfSight: false)
    case .umaLOS: return TR38901.uma(link, lineOfSight: true)
    case .umaNLOS: return TR38901.uma(link, lineOfSight: false)
    case .umiLOS: return TR38901.umi(link, lineOfSight: true)
    case .umiNLOS: return TR38901.umi(link, lineOfSight: false)
    case .ercegA: return ErcegSUI.pathLoss(link, terrain: .a)
    case .ercegB: return ErcegSUI.pathLoss(link, terrain: .b)
    case .ercegC: return ErcegSUI.pathLoss(link, terrain: .c)
    }
  }
}

@inline(__always) func flag(_ value: Double, _ range: ClosedRange<Double>, _ flag: ValidityFlags) -> ValidityFlags {
  range.contains(value) ? [] : flag
}
