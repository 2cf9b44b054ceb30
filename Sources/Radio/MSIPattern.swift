import Foundation

/// A Planet/MSI antenna pattern file: 360 horizontal and 360 vertical attenuations (dB,
/// ≥ 0, relative to the peak gain).
///
/// Conventions: horizontal angles clockwise from boresight seen from above; vertical
/// angles below the horizon (0 horizon, 90 straight down, 270 straight up). `GAIN` is in
/// dBd unless followed by `dBi` (the Planet format's unit is dBd; dBi = dBd + 2.15).
/// Electrical tilt is already in the vertical cut: a sector with a pattern file uses it
/// as measured.
public struct MSIPattern: Sendable, Hashable {
  public var name: String
  public var frequencyMHz: Double?
  public var peakGainDBi: Double
  /// Attenuation at 0…359° clockwise from boresight.
  public let horizontalDB: [Double]
  /// Attenuation at 0…359° below the horizon.
  public let verticalDB: [Double]
  /// Largest attenuation in the file: the floor of the combined pattern (kept, not
  /// recomputed per evaluation).
  public let maxAttenuationDB: Double

  public static let dBdToDBi = 2.15

  public init(name: String, frequencyMHz: Double?, peakGainDBi: Double, horizontalDB: [Double], verticalDB: [Double]) {
    self.name = name
    self.frequencyMHz = frequencyMHz
    self.peakGainDBi = peakGainDBi
    self.horizontalDB = horizontalDB
    self.verticalDB = verticalDB
    maxAttenuationDB = max(horizontalDB.max() ?? 0, verticalDB.max() ?? 0)
  }

  /// Attenuation toward `angles`: horizontal + vertical cut (the vertical cut mirrored
  /// behind the antenna, 180° − θ), floored at the file's largest attenuation — the
  /// additive 2-D→3-D reconstruction also used by the 3GPP pattern.
  public func attenuationDB(_ angles: AntennaAngles) -> Double {
    let horizontal = Self.interpolate(horizontalDB, atDeg: angles.azimuthOffBoresightDeg)
    let behind = abs(angles.azimuthOffBoresightDeg) > 90
    let verticalAngle = behind ? 180 - angles.depressionDeg : angles.depressionDeg
    let vertical = Self.interpolate(verticalDB, atDeg: verticalAngle)
    return min(horizontal + vertical, maxAttenuationDB)
  }

  public func gainDBi(_ angles: AntennaAngles) -> Double { peakGainDBi - attenuationDB(angles) }

  /// Linear interpolation on a 1° table, angle wrapped to 0…360.
  static func interpolate(_ table: [Double], atDeg angle: Double) -> Double {
    var wrapped = angle.truncatingRemainder(dividingBy: 360)
    if wrapped < 0 { wrapped += 360 }
    let lower = Int(wrapped.rounded(.down)) % 360
    let fraction = wrapped - wrapped.rounded(.down)
    return table[lower] + (table[(lower + 1) % 360] - table[lower]) * fraction
  }
}

/// An MSI text could not be read.
public struct MSIError: Error, Hashable, Sendable, CustomStringConvertible {
  public let line: Int
  public let message: String
  public var description: String { "line \(line): \(message)" }
}
