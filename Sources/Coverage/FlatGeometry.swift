/// A sector's frame on flat ground, per kernel and per row, in the engine's Float32.
struct FlatGeometry {
  let peakDBm: Float
  let sinAzimuth: Float
  let cosAzimuth: Float
  let sinTilt: Float
  let cosTilt: Float
  let upSinTilt: Float
  let upCosTilt: Float

  init(_ kernel: SectorKernel) {
    peakDBm = kernel.peakEPREDBm
    sinAzimuth = kernel.sinAzimuth
    cosAzimuth = kernel.cosAzimuth
    sinTilt = kernel.sinTilt
    cosTilt = kernel.cosTilt
    upSinTilt = kernel.heightDifferenceM * kernel.sinTilt
    upCosTilt = kernel.heightDifferenceM * kernel.cosTilt
  }

  func row(dy: Double) -> Row {
    let dyFloat = Float(dy)
    return Row(
      frame: self, dySquared: Float(dy * dy), dyCosAzimuth: dyFloat * cosAzimuth, dySinAzimuth: dyFloat * sinAzimuth)
  }

  /// The constants of one row of cells.
  struct Row {
    let frame: FlatGeometry
    let dySquared: Float
    let dyCosAzimuth: Float
    let dySinAzimuth: Float

    /// d² of the cell `dx` east of the sector, at least 1 m².
    @_transparent func squaredM2(dx: Float) -> Float { FastMath.higher(dx * dx + dySquared, 1) }

    /// The arithmetic stage of the antenna's attenuation toward the cell `dx` east of the
    /// sector.
    @_transparent func attenuationStage<A: Attenuation>(dx: Float, _ attenuation: A) -> (Float, Float) {
      let horizontal = dx * frame.sinAzimuth + dyCosAzimuth
      let right = dx * frame.cosAzimuth - dySinAzimuth
      let forward = horizontal * frame.cosTilt - frame.upSinTilt
      let lifted = horizontal * frame.sinTilt + frame.upCosTilt
      return attenuation.stage(right: right, forward: forward, up: lifted)
    }
  }

  /// The columns of the row `dy` north of the sector whose cell centres lie in `cone`, or
  /// nil. right and forward are affine in dx along a row, so each side of the cone,
  /// −forward · tan ψ ∓ right > 0, is one half-line of dx, and the cone (convex) one interval.
  func columns(inCone cone: BackCone, dy: Double, kernelX: Double, resolution: Double) -> ClosedRange<Int>? {
    let sinAz = Double(sinAzimuth)
    let cosAz = Double(cosAzimuth)
    let forwardSlope = sinAz * Double(cosTilt)
    let forwardAt0 = dy * cosAz * Double(cosTilt) - Double(upSinTilt)
    var lower = -Double.infinity
    var upper = Double.infinity
    /// Narrows (lower, upper) to −tan ψ · forward + side · right > 0, right = dx · cos az −
    /// dy · sin az; false when no dx satisfies it.
    func narrow(side: Double) -> Bool {
      let slope = -cone.tangent * forwardSlope + side * cosAz
      let offset = -cone.tangent * forwardAt0 - side * dy * sinAz
      if slope > 0 {
        lower = max(lower, -offset / slope)
      } else if slope < 0 {
        upper = min(upper, -offset / slope)
      }
      return slope != 0 || offset > 0
    }
    guard narrow(side: -1), narrow(side: 1), lower < upper else { return nil }
    // Cell centres strictly inside: (column + 0.5) · resolution − x in (lower, upper).
    let limit = Double(Int32.max)
    let first = min(max(((lower + kernelX) / resolution - 0.5).rounded(.down) + 1, -limit), limit)
    let last = min(max(((upper + kernelX) / resolution - 0.5).rounded(.up) - 1, -limit), limit)
    return first <= last ? Int(first)...Int(last) : nil
  }
}
