import Foundation

/// Free-space basic transmission loss.
public enum FreeSpace {
  /// ITU-R P.525-4 eq. (4): L_bf = 32.4 + 20 log10 f + 20 log10 d (f in MHz, d in km),
  /// with the exact constant 20 log10(4π × 10⁹ / c) = 32.4478 instead of the rounded 32.4.
  /// Uses the 3-D distance (floored at 1 m).
  public static func pathLoss(_ link: LinkGeometry) -> PathLoss {
    let distanceKm = max(link.distance3DM, 1) / 1000
    let loss = constantDB + 20 * log10(link.frequencyMHz) + 20 * log10(distanceKm)
    return PathLoss(lossDB: loss)
  }

  /// 20·log10(4π/c) with f in MHz and d in km: 32.4478 dB.
  public static let constantDB = 20 * log10(4 * Double.pi * 1e9 / Units.speedOfLightMPerS)
}
