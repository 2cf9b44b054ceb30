import Foundation

/// 3GPP TR 38.901 (V17.0.0) Table 7.4.1-1 path-loss models; f_c in GHz, distances in m.
///
/// NLOS is max(PL_LOS, PL'_NLOS) as the table specifies, so NLOS never falls below LOS.
public enum TR38901 {
  /// Rural macro: average building height h and street width W (Table 7.4.1-1 defaults 5 m, 20 m).
  public static let rmaBuildingHeightM = 5.0
  public static let rmaStreetWidthM = 20.0
  /// Effective environment height h_E for UMa and UMi (1 m; Note 1 of Table 7.4.1-1).
  public static let environmentHeightM = 1.0

  /// RMa LOS/NLOS. Valid 10 m ≤ d_2D ≤ 10 km (LOS) / 5 km (NLOS), h_BS 10–150 m,
  /// h_UT 1–10 m, f_c 0.5–7 GHz.
  public static func rma(_ link: LinkGeometry, lineOfSight: Bool) -> PathLoss {
    let fc = link.frequencyMHz / 1000
    let hBS = link.bsHeightM
    let hUT = link.ueHeightM
    let h = rmaBuildingHeightM
    let w = rmaStreetWidthM
    let breakpoint = rmaBreakpointDistanceM(link)
    func pl1(_ d3D: Double) -> Double {
      20 * log10(40 * Double.pi * d3D * fc / 3) + min(0.03 * pow(h, 1.72), 10) * log10(d3D)
        - min(0.044 * pow(h, 1.72), 14.77) + 0.002 * log10(h) * d3D
    }
    let d3D = max(link.distance3DM, 1)
    let los: Double
    if link.distance2DM <= breakpoint {
      los = pl1(d3D)
    } else {
      let breakpoint3D = (breakpoint * breakpoint + (hBS - hUT) * (hBS - hUT)).squareRoot()
      los = pl1(breakpoint3D) + 40 * log10(d3D / breakpoint3D)
    }
    var flags = flag(fc, 0.5...7, .frequency).union(flag(hBS, 10...150, .bsHeight)).union(flag(hUT, 1...10, .ueHeight))
    guard !lineOfSight else {
      return PathLoss(lossDB: los, outsideValidity: flags.union(flag(link.distance2DM, 10...10_000, .distance)))
    }
    let hRatio = h / hBS
    let nlosPrime =
      161.04 - 7.1 * log10(w) + 7.5 * log10(h) - (24.37 - 3.7 * hRatio * hRatio) * log10(hBS)
      + (43.42 - 3.1 * log10(hBS)) * (log10(d3D) - 3) + 20 * log10(fc)
      - (3.2 * pow(log10(11.75 * hUT), 2) - 4.97)
    flags.formUnion(flag(link.distance2DM, 10...5_000, .distance))
    return PathLoss(lossDB: max(los, nlosPrime), outsideValidity: flags)
  }

  /// UMa LOS/NLOS. Valid 10 m ≤ d_2D ≤ 5 km, h_UT 1.5–22.5 m, f_c 0.5–100 GHz
  /// (the table's h_BS is 25 m; other heights are flagged only outside 10–150 m).
  public static func uma(_ link: LinkGeometry, lineOfSight: Bool) -> PathLoss {
    let fc = link.frequencyMHz / 1000
    let d3D = max(link.distance3DM, 1)
    let los = urbanLOS(link, intercept: 28.0, slope: 22, breakpointTerm: 9)
    let flags = urbanFlags(link)
    guard !lineOfSight else { return PathLoss(lossDB: los, outsideValidity: flags) }
    let nlosPrime = 13.54 + 39.08 * log10(d3D) + 20 * log10(fc) - 0.6 * (link.ueHeightM - 1.5)
    return PathLoss(lossDB: max(los, nlosPrime), outsideValidity: flags)
  }

  /// UMi street canyon LOS/NLOS. Valid 10 m ≤ d_2D ≤ 5 km, h_UT 1.5–22.5 m, f_c 0.5–100 GHz
  /// (the table's h_BS is 10 m).
  public static func umi(_ link: LinkGeometry, lineOfSight: Bool) -> PathLoss {
    let fc = link.frequencyMHz / 1000
    let d3D = max(link.distance3DM, 1)
    let los = urbanLOS(link, intercept: 32.4, slope: 21, breakpointTerm: 9.5)
    let flags = urbanFlags(link)
    guard !lineOfSight else { return PathLoss(lossDB: los, outsideValidity: flags) }
    let nlosPrime = 35.3 * log10(d3D) + 22.4 + 21.3 * log10(fc) - 0.3 * (link.ueHeightM - 1.5)
    return PathLoss(lossDB: max(los, nlosPrime), outsideValidity: flags)
  }

  /// UMa/UMi LOS: PL1 = A + s·log10(d_3D) + 20 log10(f_c) before the breakpoint
  /// d'_BP = 4 h'_BS h'_UT f_c / c (h' = h − h_E), PL2 = A + 40 log10(d_3D) + 20 log10(f_c)
  /// − k·log10(d'_BP² + (h_BS − h_UT)²) after it.
  private static func urbanLOS(
    _ link: LinkGeometry, intercept: Double, slope: Double, breakpointTerm: Double
  )
    -> Double
  {
    let fc = link.frequencyMHz / 1000
    let d3D = max(link.distance3DM, 1)
    let breakpoint = breakpointDistanceM(link)
    if link.distance2DM <= breakpoint {
      return intercept + slope * log10(d3D) + 20 * log10(fc)
    }
    let dh = link.bsHeightM - link.ueHeightM
    return intercept + 40 * log10(d3D) + 20 * log10(fc) - breakpointTerm * log10(breakpoint * breakpoint + dh * dh)
  }

  /// d_BP of RMa = 2π h_BS h_UT f_c / c (Note 5 of Table 7.4.1-1, f_c in Hz), m.
  public static func rmaBreakpointDistanceM(_ link: LinkGeometry) -> Double {
    2 * Double.pi * link.bsHeightM * link.ueHeightM * link.frequencyMHz * 1e6 / Units.speedOfLightMPerS
  }

  /// d'_BP of UMa and UMi (Note 1 of Table 7.4.1-1), m.
  public static func breakpointDistanceM(_ link: LinkGeometry) -> Double {
    let bs = max(link.bsHeightM - environmentHeightM, 0)
    let ue = max(link.ueHeightM - environmentHeightM, 0)
    return 4 * bs * ue * link.frequencyMHz * 1e6 / Units.speedOfLightMPerS
  }

  private static func urbanFlags(_ link: LinkGeometry) -> ValidityFlags {
    flag(link.frequencyMHz / 1000, 0.5...100, .frequency).union(flag(link.ueHeightM, 1.5...22.5, .ueHeight))
      .union(flag(link.bsHeightM, 10...150, .bsHeight)).union(flag(link.distance2DM, 10...5_000, .distance))
  }
}
