/// One radiating element of a base-station panel: TR 38.901 Table 7.3-1.
///
/// A_V(θ'') = −min(12((θ'' − 90°)/θ_3dB)², SLA_V), A_H(φ'') = −min(12(φ''/φ_3dB)², A_max),
/// A''(θ'', φ'') = −min(−(A_V + A_H), A_max), gain = G_E,max + A''. θ'' is the zenith angle
/// in the panel's frame (90° at its horizon), so θ'' − 90° is the depression below it. The
/// element has no tilt of its own: a mechanical tilt turns the frame (`AntennaOrientation`),
/// an electrical tilt steers the array (`ColumnArray`).
public struct AntennaElement: Sendable, Hashable {
  /// G_E,max, dBi.
  public var maxGainDBi: Double
  /// φ_3dB, degrees.
  public var horizontalBeamwidthDeg: Double
  /// θ_3dB, degrees.
  public var verticalBeamwidthDeg: Double
  /// SLA_V, dB.
  public var sideLobeLimitDB: Double
  /// A_max, dB.
  public var maxAttenuationDB: Double

  public init(
    maxGainDBi: Double, horizontalBeamwidthDeg: Double, verticalBeamwidthDeg: Double, sideLobeLimitDB: Double,
    maxAttenuationDB: Double
  ) {
    self.maxGainDBi = maxGainDBi
    self.horizontalBeamwidthDeg = horizontalBeamwidthDeg
    self.verticalBeamwidthDeg = verticalBeamwidthDeg
    self.sideLobeLimitDB = sideLobeLimitDB
    self.maxAttenuationDB = maxAttenuationDB
  }

  /// The element of TR 38.901 Table 7.3-1: 8 dBi, θ_3dB = φ_3dB = 65°, SLA_V = A_max = 30 dB.
  public static let tr38901 = AntennaElement(
    maxGainDBi: 8, horizontalBeamwidthDeg: 65, verticalBeamwidthDeg: 65, sideLobeLimitDB: 30, maxAttenuationDB: 30)

  /// −A''(θ'', φ'') toward `angles` (θ'' = 90° + depression, φ'' = azimuth off boresight), dB
  /// (0 … A_max).
  @inlinable public func attenuationDB(_ angles: AntennaAngles) -> Double {
    let vertical = angles.depressionDeg / verticalBeamwidthDeg
    let horizontal = angles.azimuthOffBoresightDeg / horizontalBeamwidthDeg
    let attenuationV = min(12 * vertical * vertical, sideLobeLimitDB)
    let attenuationH = min(12 * horizontal * horizontal, maxAttenuationDB)
    return min(attenuationV + attenuationH, maxAttenuationDB)
  }

  /// G_E,max + A'' toward `angles`, dBi.
  @inlinable public func gainDBi(_ angles: AntennaAngles) -> Double {
    maxGainDBi - attenuationDB(angles)
  }
}
