import Foundation

/// Diffraction over a smooth spherical Earth at any distance: ITU-R P.526-15 §3.2 (first term
/// of the residue series, §3.1.1.2), the part of the delta-Bullington method (§4.5.2) that
/// corrects a Bullington construction for the Earth's curvature.
///
/// The equations are written out in ITU-R P.452-16 §4.2.2 and §4.2.2.1 (and P.1812-6 §4.3.2,
/// §4.3.3); their equation numbers are quoted below, with distances in km, heights in m and
/// frequency in GHz as there.
extension Diffraction {
  /// Relative permittivity and conductivity (S/m) of land in the first-term formula
  /// (ITU-R P.452-16 §4.2.2.1: εr = 22, σ = 0.003 S/m).
  public static let landPermittivity = 22.0
  public static let landConductivitySPerM = 0.003

  /// Spherical-Earth diffraction loss, dB, over a smooth path of `distanceM` between antennas
  /// `txEffectiveHeightM` and `rxEffectiveHeightM` above the smooth surface (ITU-R P.526-15 §3.2;
  /// P.452-16 §4.2.2 eqs. (23)–(28)), over land, vertical polarization.
  ///
  /// Beyond the marginal line-of-sight distance it is the first-term loss; short of it, the
  /// first-term loss for the Earth radius that makes the path marginal, scaled by the missing
  /// share of the clearance needed for zero loss (0 when the path is clear).
  /// - Complexity: O(1); no allocation.
  public static func sphericalEarthLossDB(
    distanceM: Double, txEffectiveHeightM hte: Double, rxEffectiveHeightM hre: Double, frequencyMHz: Double,
    kFactor: Double = 4.0 / 3.0
  ) -> Double {
    let effectiveRadiusKm = kFactor * earthRadiusM / 1000
    let d = distanceM / 1000
    let wavelength = Units.wavelengthM(frequencyMHz: frequencyMHz)
    // Marginal line-of-sight distance of the smooth path, eq. (23).
    let marginalDistance =
      (2 * effectiveRadiusKm).squareRoot() * ((0.001 * hte).squareRoot() + (0.001 * hre).squareRoot())
    if d >= marginalDistance {
      return firstTermLossDB(
        distanceM: distanceM, txEffectiveHeightM: hte, rxEffectiveHeightM: hre,
        effectiveRadiusM: effectiveRadiusKm * 1000,
        frequencyMHz: frequencyMHz)
    }
    // Smallest clearance between the curved Earth and the ray, eqs. (24)–(25).
    let c = (hte - hre) / (hte + hre)
    let m = 250 * d * d / (effectiveRadiusKm * (hte + hre))
    let cosineArgument = min(max(1.5 * c * (3 * m / ((m + 1) * (m + 1) * (m + 1))).squareRoot(), -1), 1)
    let b = 2 * ((m + 1) / (3 * m)).squareRoot() * cos(Double.pi / 3 + acos(cosineArgument) / 3)
    let d1 = d / 2 * (1 + b)
    let d2 = d - d1
    let clearance =
      ((hte - 500 * d1 * d1 / effectiveRadiusKm) * d2 + (hre - 500 * d2 * d2 / effectiveRadiusKm) * d1) / d
    // Clearance needed for zero diffraction loss, eq. (26).
    let requiredClearance = 17.456 * (d1 * d2 * wavelength / d).squareRoot()
    guard clearance <= requiredClearance else { return 0 }
    // Earth radius giving marginal line of sight at d, eq. (27), and the loss, eq. (28).
    let marginalRadiusKm = 500 * pow(d / (hte.squareRoot() + hre.squareRoot()), 2)
    let firstTerm = firstTermLossDB(
      distanceM: distanceM, txEffectiveHeightM: hte, rxEffectiveHeightM: hre, effectiveRadiusM: marginalRadiusKm * 1000,
      frequencyMHz: frequencyMHz)
    guard firstTerm >= 0 else { return 0 }
    return (1 - clearance / requiredClearance) * firstTerm
  }

  /// First-term spherical-Earth diffraction loss, dB (ITU-R P.526-15 §3.1.1.2; P.452-16
  /// §4.2.2.1 eqs. (30)–(37)) over land (`landPermittivity`, `landConductivitySPerM`), vertical
  /// polarization. Above 300 MHz the polarization changes the loss by well under 0.1 dB
  /// (β ≈ 1 for both); it matters at VHF.
  public static func firstTermLossDB(
    distanceM: Double, txEffectiveHeightM hte: Double, rxEffectiveHeightM hre: Double, effectiveRadiusM: Double,
    frequencyMHz: Double
  ) -> Double {
    let f = frequencyMHz / 1000
    let a = effectiveRadiusM / 1000
    let d = distanceM / 1000
    let epsilon = landPermittivity
    let conductivityTerm = 18 * landConductivitySPerM / f
    // Surface admittance, horizontal then vertical, eqs. (30a), (30b).
    let horizontalK =
      0.036 * pow(a * f, -1.0 / 3) * pow((epsilon - 1) * (epsilon - 1) + conductivityTerm * conductivityTerm, -0.25)
    let k = horizontalK * (epsilon * epsilon + conductivityTerm * conductivityTerm).squareRoot()
    let k2 = k * k
    // Ground/polarization parameter, eq. (31).
    let beta = (1 + 1.6 * k2 + 0.67 * k2 * k2) / (1 + 4.5 * k2 + 1.53 * k2 * k2)
    // Normalized distance and heights, eqs. (32), (33).
    let x = 21.88 * beta * pow(f / (a * a), 1.0 / 3) * d
    let heightScale = 0.9575 * beta * pow(f * f / a, 1.0 / 3)
    // Distance term, eq. (34).
    let distanceTerm = x >= 1.6 ? 11 + 10 * log10(x) - 17.6 * x : -20 * log10(x) - 5.6488 * pow(x, 1.425)
    let floor = 2 + 20 * log10(k)
    let txGain = heightGainDB(b: beta * heightScale * hte, floorDB: floor)
    let rxGain = heightGainDB(b: beta * heightScale * hre, floorDB: floor)
    // Eq. (37).
    return -distanceTerm - txGain - rxGain
  }

  /// Height gain G(Y) of eq. (35) from B = βY (eq. (36)), no lower than 2 + 20 log10 K.
  @inline(__always)
  private static func heightGainDB(b: Double, floorDB: Double) -> Double {
    let gain = b > 2 ? 17.6 * (b - 1.1).squareRoot() - 5 * log10(b - 1.1) - 8 : 20 * log10(b + 0.1 * b * b * b)
    return max(gain, floorDB)
  }
}
