import Foundation

/// How diffraction over a terrain profile is computed.
public enum DiffractionMethod: String, Sendable, CaseIterable {
  /// ITU-R P.526-15 §4.5: Bullington's equivalent edge plus a spherical-Earth correction.
  case deltaBullington = "delta-bullington"
  /// Deygout's main edge and sub-path edges (up to three knife edges).
  case deygout
}

/// The delta-Bullington method for a general terrestrial path, ITU-R P.526-15 §4.5 (the
/// method of P.452 and P.1812). Its steps, with the equation numbers of ITU-R P.452-16, which
/// writes the same method out (§4.2.1–§4.2.3, Attachment 2 §5.1.6):
///
/// 1. `bullingtonLossDB` of the actual profile (§4.5.1; eqs. (13)–(22)): the knife edge
///    where the steepest rays from the two antennas over the terrain meet, plus an
///    empirical term for the edges it stands for.
/// 2. `smoothSurfaceHeightsM`: the least-squares straight line through the terrain, lowered
///    under obstructions and never above the ground at the ends (eqs. (161)–(167)).
/// 3. `bullingtonLossDB` again over a flat profile, with the antennas at their heights above
///    that line, and `sphericalEarthLossDB` (§3.2) for the same heights (eqs. (38), (39)).
/// 4. Loss = step 1 + max(spherical − flat Bullington, 0) (eq. (40)).
///
/// Heights are above mean sea level unless named otherwise; the Earth's bulge uses the
/// effective radius k × 6,371 km. Published for 30 MHz–6 GHz and paths of 0.25–3,000 km
/// (ITU-R P.1812-6's scope); see `deltaBullingtonOutsideValidity`.
extension Diffraction {
  /// Profile INCLUDING both ends: distancesM[0] == 0, distancesM.last == path length (ascending);
  /// terrainM = ground height above mean sea level at each point. Antenna heights are above ground
  /// at the two ends. Returns the diffraction loss in dB (≥ 0).
  /// - Complexity: O(n), five passes over the profile; no allocation.
  public static func deltaBullingtonLossDB(
    distancesM: UnsafeBufferPointer<Double>, terrainM: UnsafeBufferPointer<Double>,
    txHeightM: Double, rxHeightM: Double, frequencyMHz: Double, kFactor: Double = 4.0 / 3.0
  ) -> Double {
    precondition(distancesM.count == terrainM.count && distancesM.count >= 2, "a profile has both ends")
    let lengthM = distancesM[distancesM.count - 1]
    let txAltitudeM = terrainM[0] + txHeightM
    let rxAltitudeM = terrainM[terrainM.count - 1] + rxHeightM
    let actual = bullingtonLossDB(
      distancesM: distancesM, terrainM: terrainM, txAltitudeM: txAltitudeM, rxAltitudeM: rxAltitudeM,
      frequencyMHz: frequencyMHz, kFactor: kFactor)
    let surface = smoothSurfaceHeightsM(
      distancesM: distancesM, terrainM: terrainM, txAltitudeM: txAltitudeM, rxAltitudeM: rxAltitudeM)
    // Antenna heights above the smooth surface, eqs. (38), (39).
    let txEffectiveM = txAltitudeM - surface.txM
    let rxEffectiveM = rxAltitudeM - surface.rxM
    let flat = smoothPathBullingtonLossDB(
      distancesM: distancesM, txHeightM: txEffectiveM, rxHeightM: rxEffectiveM, frequencyMHz: frequencyMHz,
      kFactor: kFactor)
    let spherical = sphericalEarthLossDB(
      distanceM: lengthM, txEffectiveHeightM: txEffectiveM, rxEffectiveHeightM: rxEffectiveM,
      frequencyMHz: frequencyMHz, kFactor: kFactor)
    return actual + max(spherical - flat, 0)
  }

  /// Array convenience with the same meaning.
  public static func deltaBullingtonLossDB(
    distancesM: [Double], terrainM: [Double], txHeightM: Double, rxHeightM: Double,
    frequencyMHz: Double, kFactor: Double = 4.0 / 3.0
  ) -> Double {
    distancesM.withUnsafeBufferPointer { distances in
      terrainM.withUnsafeBufferPointer { terrain in
        deltaBullingtonLossDB(
          distancesM: distances, terrainM: terrain, txHeightM: txHeightM, rxHeightM: rxHeightM,
          frequencyMHz: frequencyMHz, kFactor: kFactor)
      }
    }
  }

  /// Bullington loss of a profile, dB: the equivalent edge's J(ν) plus the empirical term
  /// (1 − e^(−J/6))(10 + 0.02 d[km]) of P.452-16 eq. (22). Antennas' altitudes: heights above
  /// mean sea level.
  public static func bullingtonLossDB(
    distancesM: UnsafeBufferPointer<Double>, terrainM: UnsafeBufferPointer<Double>, txAltitudeM: Double,
    rxAltitudeM: Double, frequencyMHz: Double, kFactor: Double = 4.0 / 3.0
  ) -> Double {
    let edgeLoss = bullingtonEdgeLossDB(
      distancesM: distancesM, terrainM: terrainM, txAltitudeM: txAltitudeM, rxAltitudeM: rxAltitudeM,
      frequencyMHz: frequencyMHz, kFactor: kFactor)
    return bullingtonCorrectedDB(edgeLossDB: edgeLoss, lengthM: distancesM[distancesM.count - 1])
  }

  /// Bullington loss over a flat profile at the given distances (every height zero), dB:
  /// the second Bullington step of the method, with antenna heights above the smooth surface.
  public static func smoothPathBullingtonLossDB(
    distancesM: UnsafeBufferPointer<Double>, txHeightM: Double, rxHeightM: Double, frequencyMHz: Double,
    kFactor: Double = 4.0 / 3.0
  ) -> Double {
    let edgeLoss = equivalentEdgeLossDB(
      distancesM: distancesM, height: { _ in 0 }, txAltitudeM: txHeightM, rxAltitudeM: rxHeightM,
      wavelengthM: Units.wavelengthM(frequencyMHz: frequencyMHz), effectiveRadiusM: kFactor * earthRadiusM)
    return bullingtonCorrectedDB(edgeLossDB: edgeLoss, lengthM: distancesM[distancesM.count - 1])
  }

  /// The knife-edge loss J(ν) of Bullington's equivalent edge alone, dB (P.452-16 eqs.
  /// (13)–(21), "Luc"), before the empirical term: on a line-of-sight path the point of
  /// largest ν; otherwise the edge where the steepest rays from both antennas meet.
  public static func bullingtonEdgeLossDB(
    distancesM: UnsafeBufferPointer<Double>, terrainM: UnsafeBufferPointer<Double>, txAltitudeM: Double,
    rxAltitudeM: Double, frequencyMHz: Double, kFactor: Double = 4.0 / 3.0
  ) -> Double {
    equivalentEdgeLossDB(
      distancesM: distancesM, height: { terrainM[$0] }, txAltitudeM: txAltitudeM, rxAltitudeM: rxAltitudeM,
      wavelengthM: Units.wavelengthM(frequencyMHz: frequencyMHz), effectiveRadiusM: kFactor * earthRadiusM)
  }

  /// Eq. (22): Luc + (1 − exp(−Luc/6))(10 + 0.02 d), d in km. Luc = 0 gives exactly 0
  /// without the exponential (most line-of-sight paths).
  @inline(__always)
  public static func bullingtonCorrectedDB(edgeLossDB: Double, lengthM: Double) -> Double {
    guard edgeLossDB != 0 else { return 0 }
    return edgeLossDB + (1 - exp(-edgeLossDB / 6)) * (10 + 0.02 * lengthM / 1000)
  }

  /// Points between the ends (distance strictly inside the path) take part; heights are
  /// raised by the Earth's bulge d_i (d − d_i) / (2 a_e) (P.452-16 eq. (14): 500 C_e d_i (d − d_i)
  /// with km). Slopes are per metre; ν = H √(2d / (λ d_i (d − d_i))), eqs. (16), (20).
  @inline(__always)
  private static func equivalentEdgeLossDB(
    distancesM: UnsafeBufferPointer<Double>, height: (Int) -> Double, txAltitudeM hts: Double, rxAltitudeM hrs: Double,
    wavelengthM: Double, effectiveRadiusM: Double
  ) -> Double {
    precondition(distancesM.count >= 2, "a profile has both ends")
    let last = distancesM.count - 1
    let d = distancesM[last]
    let curvature = 1 / (2 * effectiveRadiusM)
    // Steepest slope from the transmitter to a terrain point, eq. (14), against the direct ray, eq. (15).
    var txSlope = -Double.infinity
    for i in 1..<last {
      let di = distancesM[i]
      guard di > 0, di < d else { continue }
      txSlope = max(txSlope, (height(i) + di * (d - di) * curvature - hts) / di)
    }
    let directSlope = (hrs - hts) / d
    if txSlope >= directSlope {
      // Transhorizon: steepest slope from the receiver, eq. (18); Bullington point, eq. (19).
      var rxSlope = -Double.infinity
      for i in 1..<last {
        let di = distancesM[i]
        guard di > 0, di < d else { continue }
        rxSlope = max(rxSlope, (height(i) + di * (d - di) * curvature - hrs) / (d - di))
      }
      let bullingtonPoint = (hrs - hts + rxSlope * d) / (txSlope + rxSlope)
      // A grazing ray (both slopes on the direct ray) leaves no point: the line-of-sight form is its limit.
      if bullingtonPoint > 0, bullingtonPoint < d {
        let excess = hts + txSlope * bullingtonPoint - (hts * (d - bullingtonPoint) + hrs * bullingtonPoint) / d
        let nu = excess * (2 * d / (wavelengthM * bullingtonPoint * (d - bullingtonPoint))).squareRoot()
        return knifeEdgeLossDB(nu: nu)  // eq. (21)
      }
    }
    // Line of sight: the point of largest ν, eq. (16).
    var largestNu = -Double.infinity
    for i in 1..<last {
      let di = distancesM[i]
      guard di > 0, di < d else { continue }
      let excess = height(i) + di * (d - di) * curvature - (hts * (d - di) + hrs * di) / d
      largestNu = max(largestNu, excess * (2 * d / (wavelengthM * di * (d - di))).squareRoot())
    }
    return knifeEdgeLossDB(nu: largestNu)  // eq. (17)
  }
  /// Heights above mean sea level, at the two ends, of the smooth surface the spherical-Earth
  /// step measures antenna heights from (P.452-16 Attachment 2 §5.1.6.2–§5.1.6.3): the
  /// least-squares straight line through the profile, eqs. (161)–(164); lowered under the
  /// largest obstruction of the direct ray between the antennas' altitudes,
  /// shared between the ends by its slopes from each, eqs. (165), (166); and never above the
  /// ground at either end, eq. (167).
  /// - Complexity: O(n), one pass; no allocation.
  public static func smoothSurfaceHeightsM(
    distancesM: UnsafeBufferPointer<Double>, terrainM: UnsafeBufferPointer<Double>, txAltitudeM hts: Double,
    rxAltitudeM hrs: Double
  ) -> (txM: Double, rxM: Double) {
    precondition(distancesM.count == terrainM.count && distancesM.count >= 2, "a profile has both ends")
    let last = distancesM.count - 1
    let d = distancesM[last]
    var v1 = 0.0
    var v2 = 0.0
    var obstruction = -Double.infinity
    var obstructionSlopeTx = -Double.infinity
    var obstructionSlopeRx = -Double.infinity
    for i in 1...last {
      let (di, previous) = (distancesM[i], distancesM[i - 1])
      let (hi, hPrevious) = (terrainM[i], terrainM[i - 1])
      v1 += (di - previous) * (hi + hPrevious)
      v2 += (di - previous) * (hi * (2 * di + previous) + hPrevious * (di + 2 * previous))
      guard i < last, di > 0, di < d else { continue }
      let aboveRay = hi - (hts * (d - di) + hrs * di) / d
      obstruction = max(obstruction, aboveRay)
      obstructionSlopeTx = max(obstructionSlopeTx, aboveRay / di)
      obstructionSlopeRx = max(obstructionSlopeRx, aboveRay / (d - di))
    }
    var txM = (2 * v1 * d - v2) / (d * d)
    var rxM = (v2 - v1 * d) / (d * d)
    if obstruction > 0 {
      let slopes = obstructionSlopeTx + obstructionSlopeRx
      txM -= obstruction * obstructionSlopeTx / slopes
      rxM -= obstruction * obstructionSlopeRx / slopes
    }
    return (min(txM, terrainM[0]), min(rxM, terrainM[last]))
  }

  /// Frequencies and path lengths the method is published for (ITU-R P.1812-6's scope:
  /// 30 MHz–6 GHz, 0.25–3,000 km); outside them it still computes, and this says which input
  /// is outside.
  public static func deltaBullingtonOutsideValidity(frequencyMHz: Double, pathLengthM: Double) -> ValidityFlags {
    flag(frequencyMHz, 30...6_000, .frequency).union(flag(pathLengthM, 250...3_000_000, .distance))
  }
}
