import Foundation

/// The Erceg / Stanford University Interim (SUI) suburban path-loss model.
///
/// V. Erceg et al., "An empirically based path loss model for wireless channels in suburban
/// environments", IEEE JSAC 17(7), 1999, with its Table I (1.9 GHz measurements in
/// 95 macrocells, h_b 10–80 m, terminal at 2 m, d 0.1–8 km), with the frequency and
/// receive-height corrections of IEEE 802.16.3c-01/29r4, "Channel Models for Fixed Wireless
/// Applications" (2001):
///
///     PL = A + 10 γ log10(d/d0) + ΔPL_f + ΔPL_h,  A = 20 log10(4π d0/λ), d0 = 100 m,
///     γ = a − b h_b + c/h_b,  ΔPL_f = 6 log10(f/2000 MHz),
///     ΔPL_h = −10.8 log10(h_r/2 m) (terrain A, B), −20 log10(h_r/2 m) (terrain C).
///
/// With the corrections the loss jumps by ΔPL_f + ΔPL_h at d0, and falls with distance there
/// when they are negative. As in the "modified IEEE 802.16d" model (Y. S. Cho et al.,
/// "MIMO-OFDM Wireless Communications with MATLAB", Wiley 2010, `PL_IEEE80216d.m`; also
/// INET's `SuiPathLoss`), the free-space part ends at d0' = d0 · 10^(−(ΔPL_f + ΔPL_h)/(10γ)) and the
/// intercept is A' = 20 log10(4π d0'/λ): free space up to d0', the log-distance line above,
/// continuous at d0'. With no correction (2 GHz, h_r 2 m) it is the published model.
/// The shadow-fading term s is left out (the median loss; σ in `ShadowFading`).
///
/// d is the 3-D distance (floored at 1 m), so that the free-space part stays physical near
/// the mast.
public enum ErcegSUI {
  /// Terrain categories of Erceg et al. 1999.
  public enum Terrain: String, Sendable, Hashable, CaseIterable {
    /// Hilly terrain with moderate-to-heavy tree density: the largest loss.
    case a = "A"
    /// Intermediate: mostly flat with moderate-to-heavy trees, or hilly with light trees.
    case b = "B"
    /// Mostly flat terrain with light tree density: the smallest loss.
    case c = "C"

    /// (a, b in 1/m, c in m) of γ = a − b h_b + c/h_b, Erceg et al. 1999 Table I.
    public var exponentCoefficients: (a: Double, b: Double, c: Double) {
      switch self {
      case .a: return (4.6, 0.0075, 12.6)
      case .b: return (4.0, 0.0065, 17.1)
      case .c: return (3.6, 0.005, 20)
      }
    }

    /// μ_σ, the mean over cells of the shadow-fading σ, Erceg et al. 1999 Table I, dB.
    public var meanSigmaDB: Double {
      switch self {
      case .a: return 10.6
      case .b: return 9.6
      case .c: return 8.2
      }
    }

    /// The slope of ΔPL_h per decade of h_r/2 m, IEEE 802.16.3c-01/29r4, dB.
    var ueHeightSlopeDB: Double { self == .c ? -20 : -10.8 }
  }

  /// d0, m.
  public static let referenceDistanceM = 100.0

  /// Inputs as `ValidityFlags` checks them, in words. Erceg et al. measured at 1.9 GHz with
  /// h_b 10–80 m, h_r 2 m, d 0.1–8 km; the IEEE 802.16 corrections extend h_r to 2–10 m and
  /// f away from 2 GHz (flagged outside 1–4 GHz, the range the document's models are
  /// summarised as covering).
  public static let validityRange = "1–4 GHz (measured at 1.9 GHz), BS 10–80 m, UE 2–10 m, 0.1–8 km"

  /// Median path loss of `link` over `terrain`.
  public static func pathLoss(_ link: LinkGeometry, terrain: Terrain) -> PathLoss {
    let distanceM = max(link.distance3DM, 1)
    let wavelengthM = Units.wavelengthM(frequencyMHz: link.frequencyMHz)
    let gamma = pathLossExponent(terrain, bsHeightM: link.bsHeightM)
    let correctionDB =
      frequencyCorrectionDB(frequencyMHz: link.frequencyMHz)
      + ueHeightCorrectionDB(terrain, ueHeightM: link.ueHeightM)
    let freeSpaceEndM = referenceDistanceM * pow(10, -correctionDB / (10 * gamma))
    let loss: Double
    if distanceM <= freeSpaceEndM {
      loss = 20 * log10(4 * Double.pi * distanceM / wavelengthM)
    } else {
      loss =
        20 * log10(4 * Double.pi * freeSpaceEndM / wavelengthM) + 10 * gamma * log10(distanceM / referenceDistanceM)
        + correctionDB
    }
    let flags = flag(link.frequencyMHz, 1000...4000, .frequency).union(flag(link.bsHeightM, 10...80, .bsHeight))
      .union(flag(link.ueHeightM, 2...10, .ueHeight)).union(flag(distanceM, 100...8000, .distance))
    return PathLoss(lossDB: loss, outsideValidity: flags)
  }

  /// γ = a − b h_b + c/h_b, Erceg et al. 1999 (the median of the per-cell γ).
  public static func pathLossExponent(_ terrain: Terrain, bsHeightM: Double) -> Double {
    let (a, b, c) = terrain.exponentCoefficients
    return a - b * bsHeightM + c / bsHeightM
  }

  /// ΔPL_f = 6 log10(f/2000 MHz), IEEE 802.16.3c-01/29r4.
  public static func frequencyCorrectionDB(frequencyMHz: Double) -> Double {
    6 * log10(frequencyMHz / 2000)
  }

  /// ΔPL_h = −10.8 log10(h_r/2) for terrain A and B, −20 log10(h_r/2) for C,
  /// IEEE 802.16.3c-01/29r4.
  public static func ueHeightCorrectionDB(_ terrain: Terrain, ueHeightM: Double) -> Double {
    terrain.ueHeightSlopeDB * log10(ueHeightM / 2)
  }
}
