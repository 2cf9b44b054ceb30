import Foundation

/// Conversions between decibel and linear quantities.
public enum Units {
  /// Power ratio in dB from a linear ratio.
  @inlinable public static func dB(fromRatio ratio: Double) -> Double { 10 * log10(ratio) }

  /// Linear ratio from dB.
  @inlinable public static func ratio(fromDB value: Double) -> Double { pow(10, value / 10) }

  /// Milliwatts from dBm.
  @inlinable public static func milliwatts(fromDBm value: Double) -> Double { pow(10, value / 10) }

  /// dBm from milliwatts.
  @inlinable public static func dBm(fromMilliwatts value: Double) -> Double { 10 * log10(value) }

  /// dBm from watts: 1 W = 30 dBm.
  @inlinable public static func dBm(fromWatts value: Double) -> Double { 10 * log10(value * 1000) }

  /// Watts from dBm.
  @inlinable public static func watts(fromDBm value: Double) -> Double { pow(10, value / 10) / 1000 }

  /// Speed of light in vacuum, m/s (SI definition).
  public static let speedOfLightMPerS = 299_792_458.0

  /// Wavelength in metres of a frequency in MHz.
  @inlinable public static func wavelengthM(frequencyMHz: Double) -> Double {
    speedOfLightMPerS / (frequencyMHz * 1e6)
  }
}
