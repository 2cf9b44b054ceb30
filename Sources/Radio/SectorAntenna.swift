import Foundation

/// The 3GPP parametric pattern of a whole sector panel.
///
/// TR 36.814 V9.0.0 Table A.2.1.1-2 (3-sector cell antenna; TR 36.942 §4.2.1 has the
/// horizontal part alone): A_H(φ) = −min(12(φ/φ_3dB)², A_m),
/// A_V(θ) = −min(12((θ − θ_tilt)/θ_3dB)², SLA_V), A(φ, θ) = −min(−(A_H + A_V), A_m),
/// gain = G_max + A, θ measured from the horizon. Defaults: φ_3dB 65°, θ_3dB 10°, A_m 30 dB,
/// SLA_V 20 dB (a 65° macro panel), peak gain 17 dBi. TR 38.901 Table 7.3-1 has the same
/// form but describes one element of an array (65°/65°, 30 dB, 8 dBi): `AntennaElement`.
public struct SectorAntenna: Sendable, Hashable {
  public var peakGainDBi: Double
  public var horizontalBeamwidthDeg: Double
  public var verticalBeamwidthDeg: Double
  public var maxAttenuationDB: Double
  public var sideLobeLevelDB: Double
  /// Electrical downtilt, degrees (positive = down).
  public var electricalTiltDeg: Double

  public init(
    peakGainDBi: Double = 17, horizontalBeamwidthDeg: Double = 65, verticalBeamwidthDeg: Double = 10,
    maxAttenuationDB: Double = 30, sideLobeLevelDB: Double = 20, electricalTiltDeg: Double = 0
  ) {
    self.peakGainDBi = peakGainDBi
    self.horizontalBeamwidthDeg = horizontalBeamwidthDeg
    self.verticalBeamwidthDeg = verticalBeamwidthDeg
    self.maxAttenuationDB = maxAttenuationDB
    self.sideLobeLevelDB = sideLobeLevelDB
    self.electricalTiltDeg = electricalTiltDeg
  }

  /// Attenuation relative to the peak, dB (≥ 0), toward `angles` in the antenna's frame.
  @inlinable public func attenuationDB(_ angles: AntennaAngles) -> Double {
    let horizontal = angles.azimuthOffBoresightDeg / horizontalBeamwidthDeg
    let vertical = (angles.depressionDeg - electricalTiltDeg) / verticalBeamwidthDeg
    let attenuationH = min(12 * horizontal * horizontal, maxAttenuationDB)
    let attenuationV = min(12 * vertical * vertical, sideLobeLevelDB)
    return min(attenuationH + attenuationV, maxAttenuationDB)
  }

  /// Gain toward `angles`, dBi.
  @inlinable public func gainDBi(_ angles: AntennaAngles) -> Double {
    peakGainDBi - attenuationDB(angles)
  }
}
