import Foundation

/// A direction from an antenna expressed in the antenna's own frame.
public struct AntennaAngles: Sendable, Hashable {
  /// Horizontal angle off boresight, degrees, −180…180, positive clockwise seen from above.
  public let azimuthOffBoresightDeg: Double
  /// Angle below the antenna's horizontal plane, degrees, −90…90 (positive = below).
  public let depressionDeg: Double
}

/// How a sector antenna points: azimuth clockwise from north, mechanical downtilt.
public struct AntennaOrientation: Sendable, Hashable {
  public let azimuthDeg: Double
  public let mechanicalTiltDeg: Double

  public init(azimuthDeg: Double, mechanicalTiltDeg: Double) {
    self.azimuthDeg = azimuthDeg
    self.mechanicalTiltDeg = mechanicalTiltDeg
  }

  /// The direction toward a point seen from the antenna (bearing clockwise from north,
  /// elevation above the horizon), in the antenna's frame: the mechanical tilt rotates the
  /// whole pattern about the antenna's horizontal axis, so off boresight the effective
  /// tilt shrinks (about tilt·cos φ), as on a real mast.
  public func angles(bearingDeg: Double, elevationDeg: Double) -> AntennaAngles {
    let degrees = Double.pi / 180
    let relative = (bearingDeg - azimuthDeg) * degrees
    let elevation = elevationDeg * degrees
    let forward = cos(elevation) * cos(relative)
    let right = cos(elevation) * sin(relative)
    let up = sin(elevation)
    let tilt = mechanicalTiltDeg * degrees
    // Coordinates in the frame pitched down by the tilt about the right-hand axis.
    let tiltedForward = forward * cos(tilt) - up * sin(tilt)
    let tiltedUp = forward * sin(tilt) + up * cos(tilt)
    return AntennaAngles(
      azimuthOffBoresightDeg: atan2(right, tiltedForward) / degrees,
      depressionDeg: -asin(max(-1, min(1, tiltedUp))) / degrees)
  }
}

/// Bearing (clockwise from north) and elevation (above the horizon) from a point at
/// height `fromHeightM` to one `eastM`, `northM` away at height `toHeightM`.
public func bearingAndElevationDeg(
  eastM: Double, northM: Double, fromHeightM: Double, toHeightM: Double
) -> (
  bearingDeg: Double, elevationDeg: Double
) {
  let horizontal = (eastM * eastM + northM * northM).squareRoot()
  let bearing = atan2(eastM, northM) * 180 / Double.pi
  let elevation = atan2(toHeightM - fromHeightM, horizontal) * 180 / Double.pi
  return (bearing < 0 ? bearing + 360 : bearing, elevation)
}
