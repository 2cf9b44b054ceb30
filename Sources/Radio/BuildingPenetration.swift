import Foundation

/// Outdoor-to-indoor penetration loss, TR 38.901 §7.4.3.1 (Table 7.4.3-1, -2), as the
/// deterministic mean (the σ_P shadowing term is left out).
public enum BuildingPenetration {
  public enum Model: String, Sendable, Hashable, CaseIterable {
    case lowLoss = "low-loss"
    case highLoss = "high-loss"
  }

  /// Material losses, Table 7.4.3-1, f in GHz.
  public static func standardGlassDB(frequencyGHz f: Double) -> Double { 2 + 0.2 * f }
  public static func irrGlassDB(frequencyGHz f: Double) -> Double { 23 + 0.3 * f }
  public static func concreteDB(frequencyGHz f: Double) -> Double { 5 + 4 * f }

  /// PL_tw through the wall, Table 7.4.3-2:
  /// low-loss 5 − 10 log10(0.3·10^(−L_glass/10) + 0.7·10^(−L_concrete/10)),
  /// high-loss 5 − 10 log10(0.7·10^(−L_IRRglass/10) + 0.3·10^(−L_concrete/10)).
  public static func wallLossDB(_ model: Model, frequencyMHz: Double) -> Double {
    let f = frequencyMHz / 1000
    let concrete = pow(10, -concreteDB(frequencyGHz: f) / 10)
    switch model {
    case .lowLoss: return 5 - 10 * log10(0.3 * pow(10, -standardGlassDB(frequencyGHz: f) / 10) + 0.7 * concrete)
    case .highLoss: return 5 - 10 * log10(0.7 * pow(10, -irrGlassDB(frequencyGHz: f) / 10) + 0.3 * concrete)
    }
  }

  /// Mean indoor depth for UMa/UMi: d_2D-in is the minimum of two uniform draws on
  /// 0–25 m, whose mean is 25/3 m (Table 7.4.3-2 note).
  public static let meanIndoorDepthM = 25.0 / 3.0

  /// PL_tw + PL_in with PL_in = 0.5·d_2D-in, plus a building class's extra loss.
  public static func lossDB(
    _ model: Model, frequencyMHz: Double, indoorDepthM: Double = meanIndoorDepthM, extraLossDB: Double = 0
  ) -> Double {
    wallLossDB(model, frequencyMHz: frequencyMHz) + 0.5 * indoorDepthM + extraLossDB
  }
}
