import Foundation

/// Line-of-sight probability, TR 38.901 Table 7.4.2-1. The loss over the LOS state is the
/// mixture `LossDistribution`, not an average of the two losses in dB.
public enum LOSProbability {
  /// RMa: 1 for d_2D ≤ 10 m, else exp(−(d_2D − 10)/1000).
  public static func rma(distance2DM d: Double) -> Double {
    d <= 10 ? 1 : exp(-(d - 10) / 1000)
  }

  /// UMi street canyon: 1 for d_2D ≤ 18 m, else 18/d + exp(−d/36)(1 − 18/d).
  public static func umi(distance2DM d: Double) -> Double {
    d <= 18 ? 1 : 18 / d + exp(-d / 36) * (1 - 18 / d)
  }

  /// UMa: 1 for d_2D ≤ 18 m, else [18/d + exp(−d/63)(1 − 18/d)]
  /// × (1 + C'(h_UT)·5/4·(d/100)³·exp(−d/150)), C' = 0 for h_UT ≤ 13 m,
  /// ((h_UT − 13)/10)^1.5 for 13 < h_UT ≤ 23 m.
  public static func uma(distance2DM d: Double, ueHeightM hUT: Double) -> Double {
    guard d > 18 else { return 1 }
    let c = hUT <= 13 ? 0 : pow((min(hUT, 23) - 13) / 10, 1.5)
    return (18 / d + exp(-d / 63) * (1 - 18 / d)) * (1 + c * 1.25 * pow(d / 100, 3) * exp(-d / 150))
  }
}
