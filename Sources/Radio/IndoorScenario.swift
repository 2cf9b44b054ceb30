import Foundation

/// The indoor scenarios of TR 38.901: the indoor factory (InF) with sparse or dense clutter
/// and a low or high base station, and the indoor office (InH), for small cells and
/// distributed antennas inside halls and offices.
///
/// Path loss: TR 38.901 Table 7.4.1-1 (f_c in GHz, d_3D in m), valid 1 ≤ d_3D ≤ 600 m (InF) or
/// 150 m (InH) and 0.5 ≤ f_c ≤ 100 GHz:
/// - InF LOS: 31.84 + 21.50 log10(d_3D) + 19.00 log10(f_c), σ_SF 4.3 dB;
/// - InF-SL NLOS: max(PL_LOS, 33 + 25.5 log10(d_3D) + 20 log10(f_c)), σ 5.7 dB;
/// - InF-DL NLOS: max(PL_LOS, PL_InF-SL, 18.6 + 35.7 log10(d_3D) + 20 log10(f_c)), σ 7.2 dB;
/// - InF-SH NLOS: max(PL_LOS, 32.4 + 23.0 log10(d_3D) + 20 log10(f_c)), σ 5.9 dB;
/// - InF-DH NLOS: max(PL_LOS, 33.63 + 21.9 log10(d_3D) + 20 log10(f_c)), σ 4.0 dB;
/// - InH LOS: 32.4 + 17.3 log10(d_3D) + 20 log10(f_c), σ 3 dB; NLOS: max(PL_LOS, 38.3
///   log10(d_3D) + 17.30 + 24.9 log10(f_c)), σ 8.03 dB (mixed and open office alike).
/// LOS probability: Table 7.4.2-1 (`losProbability`).
public enum IndoorScenario: String, Sendable, Hashable, CaseIterable {
  /// Indoor factory, sparse clutter, base station below the clutter's top.
  case infSL = "inf-sl"
  /// Dense clutter, low base station.
  case infDL = "inf-dl"
  /// Sparse clutter, base station above the clutter.
  case infSH = "inf-sh"
  /// Dense clutter, high base station.
  case infDH = "inf-dh"
  /// Indoor office, mixed (walls and open areas).
  case inhMixed = "inh-mixed"
  /// Indoor office, open plan.
  case inhOpen = "inh-open"

  public var isFactory: Bool { self != .inhMixed && self != .inhOpen }

  /// Median path loss, dB, with the inputs outside the scenario's validity flagged.
  public func pathLoss(_ link: LinkGeometry, lineOfSight: Bool) -> PathLoss {
    let fc = link.frequencyMHz / 1000
    let d3D = max(link.distance3DM, 1)
    var flags = flag(fc, 0.5...100, .frequency)
    flags.formUnion(flag(link.distance3DM, 1...(isFactory ? 600 : 150), .distance))
    guard isFactory else {
      let los = 32.4 + 17.3 * log10(d3D) + 20 * log10(fc)
      let loss = lineOfSight ? los : max(los, 38.3 * log10(d3D) + 17.30 + 24.9 * log10(fc))
      return PathLoss(lossDB: loss, outsideValidity: flags)
    }
    let los = 31.84 + 21.50 * log10(d3D) + 19.00 * log10(fc)
    guard !lineOfSight else { return PathLoss(lossDB: los, outsideValidity: flags) }
    let sparseLow = 33 + 25.5 * log10(d3D) + 20 * log10(fc)
    let loss: Double
    switch self {
    case .infSL: loss = max(los, sparseLow)
    case .infDL: loss = max(los, sparseLow, 18.6 + 35.7 * log10(d3D) + 20 * log10(fc))
    case .infSH: loss = max(los, 32.4 + 23.0 * log10(d3D) + 20 * log10(fc))
    default: loss = max(los, 33.63 + 21.9 * log10(d3D) + 20 * log10(fc))
    }
    return PathLoss(lossDB: loss, outsideValidity: flags)
  }

  /// Shadow-fading σ, dB (Table 7.4.1-1).
  public func shadowSigmaDB(lineOfSight: Bool) -> Double {
    switch (self, lineOfSight) {
    case (.inhMixed, true), (.inhOpen, true): 3
    case (.inhMixed, false), (.inhOpen, false): 8.03
    case (_, true): 4.3
    case (.infSL, false): 5.7
    case (.infDL, false): 7.2
    case (.infSH, false): 5.9
    case (_, false): 4.0
    }
  }

  /// LOS probability at ground distance `distance2DM` (Table 7.4.2-1).
  /// - InH mixed office: 1 to 1.2 m, exp(−(d − 1.2)/4.7) below 6.5 m, then
  ///   0.32 · exp(−(d − 6.5)/32.6); open office: 1 to 5 m, exp(−(d − 5)/70.8) to 49 m, then
  ///   0.54 · exp(−(d − 49)/211.7).
  /// - InF: exp(−d / k) with k = −d_clutter / ln(1 − r) for the low base station (SL, DL)
  ///   and k = −d_clutter / ln(1 − r) · (h_BS − h_UT)/(h_c − h_UT) for the high one (SH, DH),
  ///   r the clutter density, d_clutter its typical size and h_c its height; SH and DH are
  ///   defined for a base station above the clutter (h_BS > h_c).
  public func losProbability(
    distance2DM d: Double, clutter: FactoryClutter = .init(), bsHeightM: Double = 8,
    ueHeightM: Double = 1.5
  ) -> Double {
    switch self {
    case .inhMixed:
      if d <= 1.2 { return 1 }
      if d < 6.5 { return exp(-(d - 1.2) / 4.7) }
      return exp(-(d - 6.5) / 32.6) * 0.32
    case .inhOpen:
      if d <= 5 { return 1 }
      if d <= 49 { return exp(-(d - 5) / 70.8) }
      return exp(-(d - 49) / 211.7) * 0.54
    case .infSL, .infDL:
      return exp(-d / clutter.lowBaseStationScaleM)
    case .infSH, .infDH:
      let scale =
        clutter.lowBaseStationScaleM * (bsHeightM - ueHeightM) / (clutter.heightM - ueHeightM)
      return exp(-d / scale)
    }
  }
}

/// The clutter of a factory hall (machines, racks, stock), TR 38.901 §7.2 Table 7.2-4: its
/// density r (share of the floor it covers, 0…1), typical size d_clutter and height h_c.
public struct FactoryClutter: Sendable, Hashable {
  public var density: Double
  public var sizeM: Double
  public var heightM: Double

  /// [K] r 0.2, 10 m, 2 m: sparse clutter of low machines (set per building class).
  public init(density: Double = 0.2, sizeM: Double = 10, heightM: Double = 2) {
    self.density = density
    self.sizeM = sizeM
    self.heightM = heightM
  }

  /// k_subsce of the low base station: −d_clutter / ln(1 − r), m.
  public var lowBaseStationScaleM: Double { -sizeM / log(1 - density) }
}
