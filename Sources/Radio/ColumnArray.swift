import Foundation

/// A vertical column of identical elements steered down by an electrical tilt.
///
/// ITU-R M.2101-0 Annex 1 §5 (Table 4), with N_H = 1 and correlation ρ = 1: the composite
/// gain is A_E(θ, φ) + 10 log10 |Σ_n w_n v_n|², with
/// v_n = exp(i 2π (n − 1)(d_V/λ) cos θ) and w_n = (1/√N) exp(i 2π (n − 1)(d_V/λ) sin θ_etilt),
/// θ the zenith angle in the panel's frame (90° + depression). M.2101's θ_etilt points the
/// beam *below* the horizon when positive: the phases cancel where cos θ = −sin θ_etilt, that
/// is θ = 90° + θ_etilt, so `electricalTiltDeg` (positive down) is θ_etilt itself. The sum is
/// the Dirichlet kernel |Σ_n e^{i n ψ}|²/N = sin²(Nψ/2)/(N sin²(ψ/2)),
/// ψ = 2π (d_V/λ)(sin θ_etilt − sin δ), δ the depression: it depends on the vertical angle
/// only, peaks at N (10 log10 N dB) where δ = tilt, and has nulls where
/// sin δ = sin θ_etilt − k/(N d_V/λ), k = ±1, ±2, … (k not a multiple of N).
public struct ColumnArray: Sendable, Hashable {
  public var element: AntennaElement
  /// N, the number of elements in the column (≥ 1).
  public var elementCount: Int
  /// d_V/λ, the spacing between element centres in wavelengths.
  public var spacingWavelengths: Double
  /// θ_etilt, degrees (positive = down).
  public var electricalTiltDeg: Double

  public init(
    element: AntennaElement = .tr38901, elementCount: Int, spacingWavelengths: Double, electricalTiltDeg: Double
  ) {
    precondition(elementCount >= 1, "a column has at least one element")
    self.element = element
    self.elementCount = elementCount
    self.spacingWavelengths = spacingWavelengths
    self.electricalTiltDeg = electricalTiltDeg
  }

  /// G_E,max + 10 log10 N, dBi: the gain toward the tilt when the element pattern is flat
  /// there (at a tilt δ the element itself is 12(δ/θ_3dB)² dB down).
  public var peakGainDBi: Double { element.maxGainDBi + 10 * log10(Double(elementCount)) }

  /// 10 log10 |Σ_n w_n v_n|² toward `depressionDeg` below the panel's horizon, dB
  /// (≤ 10 log10 N; −∞ exactly on a null).
  public func arrayFactorDB(depressionDeg: Double) -> Double {
    let count = Double(elementCount)
    let degrees = Double.pi / 180
    let psi =
      2 * Double.pi * spacingWavelengths * (sin(electricalTiltDeg * degrees) - sin(depressionDeg * degrees))
    let half = sin(psi / 2)
    // At ψ = 2πk every term has the same phase (0/0 in the closed form): the sum is N.
    guard abs(half) > 1e-12 else { return 10 * log10(count) }
    let ratio = sin(count * psi / 2) / half
    return 10 * log10(ratio * ratio / count)
  }

  /// Element gain − element attenuation + array factor toward `angles`, dBi.
  public func gainDBi(_ angles: AntennaAngles) -> Double {
    element.gainDBi(angles) + arrayFactorDB(depressionDeg: angles.depressionDeg)
  }

  /// `peakGainDBi` − `gainDBi(angles)`, dB (≥ 0 within rounding: the element gain is at most
  /// G_E,max and the array factor at most 10 log10 N by Cauchy–Schwarz, Σ|w_n|² = 1).
  public func attenuationDB(_ angles: AntennaAngles) -> Double {
    peakGainDBi - gainDBi(angles)
  }
}
