import Radio

/// Antenna attenuation in the inner loop, from the direction to the cell in the antenna's
/// (tilted) frame: `right`, `forward`, `up` are the components of the vector to the cell,
/// unnormalised. The formulas are those of Radio's `SectorAntenna` and `MSIPattern`.
protocol Attenuation {
  func attenuationDB(right: Float, forward: Float, up: Float) -> Float
  /// The same for four cells at once.
  func attenuationDB(right: Lanes, forward: Lanes, up: Lanes) -> Lanes
}

/// TR 36.814 Table A.2.1.1-2 / TR 38.901 Table 7.3-1 (Radio's `SectorAntenna`).
struct ParametricAttenuation: Attenuation {
  let horizontalScale: Float  // √12 / φ_3dB
  let verticalScale: Float  // √12 / θ_3dB
  let maxDB: Float
  let sideLobeDB: Float
  let tiltDeg: Float

  init(horizontal3dBDeg: Float, vertical3dBDeg: Float, maxDB: Float, sideLobeDB: Float, tiltDeg: Float) {
    horizontalScale = Float(12).squareRoot() / horizontal3dBDeg
    verticalScale = Float(12).squareRoot() / vertical3dBDeg
    self.maxDB = maxDB
    self.sideLobeDB = sideLobeDB
    self.tiltDeg = tiltDeg
  }

  @inline(__always) func attenuationDB(right: Float, forward: Float, up: Float) -> Float {
    let azimuth = FastMath.atan2Deg(right, forward) * horizontalScale
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    let vertical = (depression - tiltDeg) * verticalScale
    return min(min(azimuth * azimuth, maxDB) + min(vertical * vertical, sideLobeDB), maxDB)
  }

  @inline(__always) func attenuationDB(right: Lanes, forward: Lanes, up: Lanes) -> Lanes {
    let azimuth = FastMath.atan2Deg(right, forward) * horizontalScale
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    let vertical = (depression - tiltDeg) * verticalScale
    let horizontalDB = lanesMin(azimuth * azimuth, Lanes(repeating: maxDB))
    let verticalDB = lanesMin(vertical * vertical, Lanes(repeating: sideLobeDB))
    return lanesMin(horizontalDB + verticalDB, Lanes(repeating: maxDB))
  }
}

/// Planet/MSI cuts, linearly interpolated at 1° (Radio's `MSIPattern`).
struct PatternAttenuation: Attenuation {
  let horizontal: UnsafeBufferPointer<Float>
  let vertical: UnsafeBufferPointer<Float>
  let floorDB: Float

  @inline(__always) func attenuationDB(right: Float, forward: Float, up: Float) -> Float {
    let azimuth = FastMath.atan2Deg(right, forward)
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    // Behind the antenna the vertical cut is read mirrored: 180° − θ.
    let verticalAngle = abs(azimuth) > 90 ? 180 - depression : depression
    let sum = Self.interpolate(horizontal, azimuth) + Self.interpolate(vertical, verticalAngle)
    return min(sum, floorDB)
  }

  @inline(__always) func attenuationDB(right: Lanes, forward: Lanes, up: Lanes) -> Lanes {
    let azimuth = FastMath.atan2Deg(right, forward)
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    var verticalAngle = depression
    verticalAngle.replace(with: 180 - depression, where: FastMath.magnitude(azimuth) .> 90)
    var sum = Lanes()
    for lane in 0..<4 {
      sum[lane] = Self.interpolate(horizontal, azimuth[lane]) + Self.interpolate(vertical, verticalAngle[lane])
    }
    return lanesMin(sum, Lanes(repeating: floorDB))
  }

  @inline(__always) static func interpolate(_ table: UnsafeBufferPointer<Float>, _ angleDeg: Float) -> Float {
    let wrapped = angleDeg < 0 ? angleDeg + 360 : angleDeg
    let index = min(Int(wrapped), 359)
    let fraction = wrapped - Float(index)
    return table[index] + (table[index + 1] - table[index]) * fraction
  }
}

/// A TR 38.901 element pattern (Table 7.3-1) plus a column's array factor, the factor read
/// from `ArrayFactorTable` (Radio's `AntennaElement` and `ColumnArray`).
struct ArrayAttenuation: Attenuation {
  let horizontalScale: Float  // √12 / φ_3dB
  let verticalScale: Float  // √12 / θ_3dB
  let maxDB: Float
  let sideLobeDB: Float
  let factorLossDB: UnsafeBufferPointer<Float>

  init(element: AntennaElement, factorLossDB: UnsafeBufferPointer<Float>) {
    horizontalScale = Float(12).squareRoot() / Float(element.horizontalBeamwidthDeg)
    verticalScale = Float(12).squareRoot() / Float(element.verticalBeamwidthDeg)
    maxDB = Float(element.maxAttenuationDB)
    sideLobeDB = Float(element.sideLobeLimitDB)
    self.factorLossDB = factorLossDB
  }

  @inline(__always) func attenuationDB(right: Float, forward: Float, up: Float) -> Float {
    let azimuth = FastMath.atan2Deg(right, forward)
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    let horizontal = azimuth * horizontalScale
    let vertical = depression * verticalScale
    let element = min(min(horizontal * horizontal, maxDB) + min(vertical * vertical, sideLobeDB), maxDB)
    return element + ArrayFactorTable.lookup(factorLossDB, depressionDeg: depression)
  }

  @inline(__always) func attenuationDB(right: Lanes, forward: Lanes, up: Lanes) -> Lanes {
    let azimuth = FastMath.atan2Deg(right, forward)
    let depression = -FastMath.atan2Deg(up, (right * right + forward * forward).squareRoot())
    let horizontal = azimuth * horizontalScale
    let vertical = depression * verticalScale
    let horizontalDB = lanesMin(horizontal * horizontal, Lanes(repeating: maxDB))
    let verticalDB = lanesMin(vertical * vertical, Lanes(repeating: sideLobeDB))
    var factor = Lanes()
    for lane in 0..<4 { factor[lane] = ArrayFactorTable.lookup(factorLossDB, depressionDeg: depression[lane]) }
    return lanesMin(horizontalDB + verticalDB, Lanes(repeating: maxDB)) + factor
  }
}
