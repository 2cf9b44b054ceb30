/// Standard deviations of the log-normal shadow fading around each model's median loss.
public enum ShadowFading {
  /// σ_SF of `model` for `link`, dB; nil where the model publishes none (free space, the
  /// Hata family: the scenario supplies σ there).
  ///
  /// TR 38.901 Table 7.4.1-1: RMa LOS 4 dB up to the breakpoint d_BP (2-D distance, as the
  /// table splits PL1 and PL2) and 6 dB beyond, RMa NLOS 8 dB; UMa LOS 4, NLOS 6; UMi street
  /// canyon LOS 4, NLOS 7.82. Erceg et al., IEEE JSAC 17(7), 1999, Table I: the mean μ_σ of
  /// the per-cell σ, 10.6 / 9.6 / 8.2 dB for terrain A / B / C (the spread of σ between
  /// cells, σ_σ, is left out).
  public static func sigmaDB(_ model: PathLossModel, _ link: LinkGeometry) -> Double? {
    switch model {
    case .freeSpace, .okumuraHata, .cost231Hata: return nil
    case .rmaLOS: return link.distance2DM <= TR38901.rmaBreakpointDistanceM(link) ? 4 : 6
    case .rmaNLOS: return 8
    case .umaLOS, .umiLOS: return 4
    case .umaNLOS: return 6
    case .umiNLOS: return 7.82
    case .ercegA: return ErcegSUI.Terrain.a.meanSigmaDB
    case .ercegB: return ErcegSUI.Terrain.b.meanSigmaDB
    case .ercegC: return ErcegSUI.Terrain.c.meanSigmaDB
    }
  }

  /// σ_P of the outdoor-to-indoor penetration loss, TR 38.901 Table 7.4.3-2: low-loss
  /// 4.4 dB, high-loss 6.5 dB.
  public static func o2iSigmaDB(_ model: BuildingPenetration.Model) -> Double {
    switch model {
    case .lowLoss: return 4.4
    case .highLoss: return 6.5
    }
  }
}
