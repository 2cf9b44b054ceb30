/// The LOS state of the TR 38.901 models: which member of a scenario is which, and how
/// likely each is.
extension PathLossModel {
  /// The LOS member of the same TR 38.901 scenario (itself for a LOS model); nil for models
  /// with no LOS state.
  public var lineOfSightVariant: PathLossModel? {
    switch self {
    case .rmaLOS, .rmaNLOS: return .rmaLOS
    case .umaLOS, .umaNLOS: return .umaLOS
    case .umiLOS, .umiNLOS: return .umiLOS
    case .freeSpace, .okumuraHata, .cost231Hata, .ercegA, .ercegB, .ercegC: return nil
    }
  }

  /// The NLOS member of the same TR 38.901 scenario (itself for an NLOS model); nil for
  /// models with no LOS state.
  public var nonLineOfSightVariant: PathLossModel? {
    switch self {
    case .rmaLOS, .rmaNLOS: return .rmaNLOS
    case .umaLOS, .umaNLOS: return .umaNLOS
    case .umiLOS, .umiNLOS: return .umiNLOS
    case .freeSpace, .okumuraHata, .cost231Hata, .ercegA, .ercegB, .ercegC: return nil
    }
  }

  /// Pr_LOS of the model's scenario, TR 38.901 Table 7.4.2-1 (`LOSProbability`; UMi is the
  /// street canyon); nil for models with no LOS state.
  public func losProbability(distance2DM: Double, ueHeightM: Double) -> Double? {
    switch self {
    case .rmaLOS, .rmaNLOS: return LOSProbability.rma(distance2DM: distance2DM)
    case .umaLOS, .umaNLOS: return LOSProbability.uma(distance2DM: distance2DM, ueHeightM: ueHeightM)
    case .umiLOS, .umiNLOS: return LOSProbability.umi(distance2DM: distance2DM)
    case .freeSpace, .okumuraHata, .cost231Hata, .ercegA, .ercegB, .ercegC: return nil
    }
  }
}
