import Foundation
import Radio
import Testing

/// The delta-Bullington method of ITU-R P.526-15 §4.5, checked on synthetic profiles against
/// the recommendation's equations evaluated by hand. Each test redoes the steps in the
/// recommendation's own units (km, GHz, m: ITU-R P.452-16 §4.2, which writes the method out,
/// equation numbers below); the pinned numbers were evaluated separately, in Python, from
/// the printed equations. λ = c/f with c = 299,792,458 m/s; a_e = k × 6,371 km, k = 4/3.
@Suite struct DeltaBullingtonTests {
  static let effectiveRadiusKm = 4.0 / 3.0 * 6371
  static let lambda900 = 299_792_458.0 / 900e6  // 0.333103 m

  /// ν of P.452-16 eq. (16)/(20) with d, d_i in km: H √(0.002 d / (λ d_i (d − d_i))).
  static func nu(excessM: Double, dKm: Double, diKm: Double, lambdaM: Double) -> Double {
    excessM * (0.002 * dKm / (lambdaM * diKm * (dKm - diKm))).squareRoot()
  }

  /// Earth bulge of eq. (14), m: 500 C_e d_i (d − d_i), C_e = 1/a_e, km.
  static func bulgeM(diKm: Double, dKm: Double) -> Double { 500 / effectiveRadiusKm * diKm * (dKm - diKm) }

  /// One 40 m ridge mid-way on a flat 10 km path (points every 2.5 km), masts 10 m, 900 MHz.
  /// The ridge is both horizons, so the Bullington point is the ridge: dbp = 5 km and
  /// ν = (40 + 1.471512 − 10) √(0.002·10/(λ·5·5)) = 31.471512 × 0.049007 = 1.542316,
  /// J(ν) (eq. (31) of P.526-15) = 16.995907 dB; eq. (22) adds (1 − e^(−J/6))(10 + 0.2) → 26.595570 dB.
  @Test func singleEdgeBullingtonIsJOfTheEdge() {
    let bulge = Self.bulgeM(diKm: 5, dKm: 10)
    #expect(abs(bulge - 1.471512) < 1e-6)
    let nu = Self.nu(excessM: 40 + bulge - 10, dKm: 10, diKm: 5, lambdaM: Self.lambda900)
    #expect(abs(nu - 1.542316) < 1e-6)
    let edgeLoss = Diffraction.knifeEdgeLossDB(nu: nu)
    #expect(abs(edgeLoss - 16.995907) < 1e-6)
    let profile = Profile(distancesM: [0, 2500, 5000, 7500, 10_000], terrainM: [0, 0, 40, 0, 0])
    #expect(abs(profile.bullingtonEdgeLossDB(tx: 10, rx: 10, frequencyMHz: 900) - edgeLoss) < 1e-9)
    let corrected = edgeLoss + (1 - exp(-edgeLoss / 6)) * (10 + 0.02 * 10)
    #expect(abs(corrected - 26.595570) < 1e-6)
    #expect(abs(profile.bullingtonLossDB(tx: 10, rx: 10, frequencyMHz: 900) - corrected) < 1e-9)
  }

  /// The same edge with Deygout: one edge, the same ν (same bulge d1 d2 / (2 k a)), the same J(ν).
  @Test func singleEdgeEqualsDeygout() {
    let profile = Profile(distancesM: [0, 2500, 5000, 7500, 10_000], terrainM: [0, 0, 40, 0, 0])
    let deygout = Diffraction.deygoutLossDB(
      distancesM: [2500, 5000, 7500], terrainM: [0, 40, 0], lengthM: 10_000, startHeightM: 10, endHeightM: 10,
      frequencyMHz: 900)
    #expect(abs(deygout - 16.995907) < 1e-6)
    #expect(abs(profile.bullingtonEdgeLossDB(tx: 10, rx: 10, frequencyMHz: 900) - deygout) < 1e-9)
  }

  /// The complete method on the single edge, step by step:
  /// smooth surface, eqs. (161)–(164): v1 = Σ Δd (h_i + h_{i−1}) = 2.5·40 + 2.5·40 = 200 (km·m),
  /// v2 = 2.5·40·(2·5 + 2.5) + 2.5·40·(7.5 + 2·5) = 3,000, h_st = (2·200·10 − 3,000)/100 = 10 m,
  /// h_sr = (3,000 − 2,000)/100 = 10 m. Obstruction above the 10 m ray, eq. (165): h_obs = 30 m,
  /// α_obt = α_obr = 30/5 → g_t = g_r = ½, eq. (166): 10 − 15 = −5 m at both ends, below the
  /// ground (0 m), so kept, eq. (167). Effective heights h_te = h_re = 10 + 5 = 15 m, eq. (38).
  /// Flat Bullington with 15 m masts: line of sight, ν = (1.471512 − 15)·0.049007 = −0.662987,
  /// L_bs = 2.046939 dB. Spherical Earth, §4.2.2: d_los = √(2·8,494.67)(2√0.015) = 31.93 km > 10,
  /// c = 0 → b = 0 → d_se1 = d_se2 = 5 km, h_se = 15 − 1.471512 = 13.528488 m,
  /// h_req = 17.456 √(5·5·λ/10) = 15.929562 m > h_se; a_em = 500 (10/(2√15))² = 833.333 km:
  /// first term K = 0.019022, β = 0.998952, X = 2.383016, Y = 1.421227, F = −27.169819,
  /// G = 4.639115 each → L_dft = 17.891590; L_dsph = (1 − 13.528488/15.929562)·17.891590 = 2.696811.
  /// Loss = 26.595570 + (2.696811 − 2.046939) = 27.245443 dB, eq. (40).
  @Test func singleEdgeCompleteMethodByHand() {
    let profile = Profile(distancesM: [0, 2500, 5000, 7500, 10_000], terrainM: [0, 0, 40, 0, 0])
    let surface = profile.smoothSurface(tx: 10, rx: 10)
    #expect(abs(surface.txM + 5) < 1e-9 && abs(surface.rxM + 5) < 1e-9)
    let flatNu = Self.nu(excessM: Self.bulgeM(diKm: 5, dKm: 10) - 15, dKm: 10, diKm: 5, lambdaM: Self.lambda900)
    #expect(abs(flatNu + 0.662987) < 1e-6)
    let flatEdge = Diffraction.knifeEdgeLossDB(nu: flatNu)
    let flat = flatEdge + (1 - exp(-flatEdge / 6)) * 10.2
    #expect(abs(flat - 2.046939) < 1e-6)
    let flatProfile = Profile(distancesM: profile.distancesM, terrainM: [0, 0, 0, 0, 0])
    #expect(abs(flatProfile.bullingtonLossDB(tx: 15, rx: 15, frequencyMHz: 900) - flat) < 1e-9)
    let spherical = Diffraction.sphericalEarthLossDB(
      distanceM: 10_000, txEffectiveHeightM: 15, rxEffectiveHeightM: 15, frequencyMHz: 900)
    #expect(abs(spherical - 2.696811) < 1e-6)
    let marginalRadiusKm = 500 * pow(10 / (2 * 15.0.squareRoot()), 2)
    let firstTerm = Diffraction.firstTermLossDB(
      distanceM: 10_000, txEffectiveHeightM: 15, rxEffectiveHeightM: 15, effectiveRadiusM: marginalRadiusKm * 1000,
      frequencyMHz: 900)
    #expect(abs(firstTerm - 17.891590) < 1e-6)
    #expect(abs(profile.lossDB(tx: 10, rx: 10, frequencyMHz: 900) - 27.245443) < 1e-6)
  }

  /// Two ridges (30 m at 3 km, 35 m at 6 km, points every km), masts 10 m, 900 MHz. The
  /// transmitter's horizon is ridge A (slope (30 + 1.236070 − 10)/3 = 7.078690 m/km beats
  /// B's 4.402109), the receiver's is ridge B ((35 + 1.412651 − 10)/4 = 6.603163 beats A's
  /// 3.033724). Bullington's edge is where the two horizon rays meet:
  /// 10 + 7.078690 x = 10 + 6.603163 (10 − x) → x = 4.826220 km, 44.163313 m high, 34.163313 m
  /// above the direct ray → ν = 1.675245, J = 17.633934 dB (more than either ridge alone).
  @Test func twoEdgesMeetAtBullingtonPoint() {
    let heights = (0...10).map { $0 == 3 ? 30.0 : $0 == 6 ? 35.0 : 0 }
    let profile = Profile(distancesM: (0...10).map { Double($0) * 1000 }, terrainM: heights)
    let txSlope = (30 + Self.bulgeM(diKm: 3, dKm: 10) - 10) / 3
    let rxSlope = (35 + Self.bulgeM(diKm: 6, dKm: 10) - 10) / 4
    #expect(abs(txSlope - 7.078690) < 1e-6 && abs(rxSlope - 6.603163) < 1e-6)
    #expect(txSlope > (35 + Self.bulgeM(diKm: 6, dKm: 10) - 10) / 6)
    #expect(rxSlope > (30 + Self.bulgeM(diKm: 3, dKm: 10) - 10) / 7)
    let crossingKm = 10 * rxSlope / (txSlope + rxSlope)
    #expect(abs(crossingKm - 4.826220) < 1e-6)
    let nu = Self.nu(excessM: txSlope * crossingKm, dKm: 10, diKm: crossingKm, lambdaM: Self.lambda900)
    #expect(abs(nu - 1.675245) < 1e-6)
    let edge = profile.bullingtonEdgeLossDB(tx: 10, rx: 10, frequencyMHz: 900)
    #expect(abs(edge - Diffraction.knifeEdgeLossDB(nu: nu)) < 1e-9)
    #expect(abs(edge - 17.633934) < 1e-6)
    // Each ridge alone over the direct ray: ν_A = 21.236070 √(0.02/(λ·3·7)) = 1.135, ν_B = 1.321.
    let nuA = Self.nu(excessM: 20 + Self.bulgeM(diKm: 3, dKm: 10), dKm: 10, diKm: 3, lambdaM: Self.lambda900)
    let nuB = Self.nu(excessM: 25 + Self.bulgeM(diKm: 6, dKm: 10), dKm: 10, diKm: 6, lambdaM: Self.lambda900)
    #expect(edge > Diffraction.knifeEdgeLossDB(nu: max(nuA, nuB)))
    // Complete method, as for the single edge. Least squares (km, m): v1 = 30 + 30 + 35 + 35 =
    // 130, v2 = 30·8 + 30·10 + 35·17 + 35·19 = 1,800 → h_st = (2,600 − 1,800)/100 = 8 m,
    // h_sr = (1,800 − 1,300)/100 = 5 m. Above the 10 m ray (no bulge in eq. (165)): A 20 m,
    // B 25 m → h_obs = 25, α_obt = max(20/3, 25/6) = 20/3, α_obr = max(20/7, 25/4) = 25/4,
    // g_t = (20/3)/(20/3 + 25/4) = 16/31 → 8 − 25·16/31 = −4.903226 m, 5 − 25·15/31 = −7.096774 m.
    // Then L_bs = 1.199931 and L_dsph = 1.579325 dB (h_te = 14.903226, h_re = 17.096774 m).
    let surface = profile.smoothSurface(tx: 10, rx: 10)
    #expect(abs(surface.txM - (8 - 25 * 16.0 / 31)) < 1e-9 && abs(surface.rxM - (5 - 25 * 15.0 / 31)) < 1e-9)
    #expect(abs(surface.txM + 4.903226) < 1e-6 && abs(surface.rxM + 7.096774) < 1e-6)
    #expect(abs(profile.lossDB(tx: 10, rx: 10, frequencyMHz: 900) - 27.673552) < 1e-6)
  }

  /// A rounded hill, 100 m cosine bump of half-width 1.5 km at 4 km, sampled every 30 m on
  /// a 9.99 km path; base station 30 m, UE 1.5 m, 1800 MHz. The horizon rays touch its
  /// shoulders, not its crest, and meet above the crest: slopes 18.031915 (Tx) and 16.788341
  /// (Rx) m/km, meeting at 3.998119 km with ν = 5.908804, J = 28.265985 dB, more than the
  /// crest alone as a knife edge (ν = 5.860362, J = 28.194309 dB).
  @Test func roundedHillEquivalentEdgeStandsAboveTheCrest() {
    let distances = (0..<334).map { Double($0) * 30 }
    let heights = distances.map { x in abs(x - 4000) < 1500 ? 50 * (1 + cos(Double.pi * (x - 4000) / 1500)) : 0 }
    let profile = Profile(distancesM: distances, terrainM: heights)
    let lambda = 299_792_458.0 / 1.8e9
    let dKm = 9.99
    // Eqs. (14), (18) over the samples, and (19), (20).
    let raised = (0..<334).map { heights[$0] + Self.bulgeM(diKm: distances[$0] / 1000, dKm: dKm) }
    let txSlope = (1..<333).map { (raised[$0] - 30) / (distances[$0] / 1000) }.max() ?? .nan
    let rxSlope = (1..<333).map { (raised[$0] - 1.5) / (dKm - distances[$0] / 1000) }.max() ?? .nan
    #expect(abs(txSlope - 18.031915) < 1e-6 && abs(rxSlope - 16.788341) < 1e-6)
    let crossingKm = (1.5 - 30 + rxSlope * dKm) / (txSlope + rxSlope)
    #expect(abs(crossingKm - 3.998119) < 1e-6)
    let excess = 30 + txSlope * crossingKm - (30 * (dKm - crossingKm) + 1.5 * crossingKm) / dKm
    let nu = Self.nu(excessM: excess, dKm: dKm, diKm: crossingKm, lambdaM: lambda)
    #expect(abs(nu - 5.908804) < 1e-6)
    let edge = profile.bullingtonEdgeLossDB(tx: 30, rx: 1.5, frequencyMHz: 1800)
    #expect(abs(edge - 28.265985) < 1e-6)
    let crestExcess = 100 + Self.bulgeM(diKm: 4, dKm: dKm) - (30 * (dKm - 4) + 1.5 * 4) / dKm
    let crestLoss = Diffraction.knifeEdgeLossDB(nu: Self.nu(excessM: crestExcess, dKm: dKm, diKm: 4, lambdaM: lambda))
    #expect(abs(crestLoss - 28.194309) < 1e-6)
    #expect(edge > crestLoss)
    // The antennas stand well above the smooth surface (54.9 and 28.0 m): no spherical
    // correction, so the loss is the Bullington loss, 28.265985 + 10.108 = 38.374030 dB.
    #expect(abs(profile.lossDB(tx: 30, rx: 1.5, frequencyMHz: 1800) - 38.374030) < 1e-6)
  }

  /// Smooth Earth (every height 0, points every 100 m), 30 m and 1.5 m masts, 900 MHz. The
  /// smooth surface is the ground (h_std = h_srd = 0), both Bullington steps see the same
  /// profile, so the loss is max(L_bull, L_dsph) — here the §3.2 spherical-Earth loss.
  /// 40 km, beyond d_los = √(2·8,494.67)(√0.03 + √0.0015) = 27.624 km: first term at a_e,
  /// K = 0.008773, β = 0.999777, X = 21.88 β (0.9/a_e²)^⅓ 40 = 2.029210, F = 11 + 10 log X − 17.6 X =
  /// −21.640827, Y_t = 1.312027, G_t = 3.735946, Y_r = 0.065601, G_r = 20 log(B + 0.1 B³) = −23.659949
  /// → 41.564829 dB (the Bullington steps give 17.113166).
  /// 20 km, within d_los: c = 0.904762, m = 0.373717, b = 0.795654, d_se1 = 17.956540 km,
  /// h_se = 2.252136 m < h_req = 13.646246 m, a_em = 4,452.716 km, X = 1.560483 (< 1.6: F =
  /// −20 log X − 5.6488 X^1.425 = −14.515202), L_dft = 30.041440 → (1 − h_se/h_req) L_dft = 25.083490 dB.
  @Test func smoothEarthEqualsSphericalEarthLoss() {
    for (lengthM, expected, bullington) in [(40_000.0, 41.564829, 17.113166), (20_000, 25.083490, 10.755667)] {
      let count = Int(lengthM / 100) + 1
      let profile = Profile(
        distancesM: (0..<count).map { Double($0) * 100 }, terrainM: [Double](repeating: 0, count: count))
      let spherical = Diffraction.sphericalEarthLossDB(
        distanceM: lengthM, txEffectiveHeightM: 30, rxEffectiveHeightM: 1.5, frequencyMHz: 900)
      #expect(abs(spherical - expected) < 1e-6)
      #expect(abs(profile.bullingtonLossDB(tx: 30, rx: 1.5, frequencyMHz: 900) - bullington) < 1e-6)
      #expect(abs(profile.lossDB(tx: 30, rx: 1.5, frequencyMHz: 900) - expected) < 1e-6)
    }
    let x = 21.88 * 0.999777 * pow(0.9 / (Self.effectiveRadiusKm * Self.effectiveRadiusKm), 1.0 / 3) * 40
    #expect(abs(x - 2.029210) < 1e-5)
  }

  /// Two 30 m masts 2 km apart over flat ground, 900 MHz: the ray clears the ground by
  /// 30 − 0.058861 m at mid-path, ν = −29.941139 × √(0.002·2/(λ·1·1)) = −3.281023 < −0.78, so J = 0 and
  /// eq. (22) adds nothing; h_se = 29.941 m > h_req = 7.124 m, so L_dsph = 0. Loss 0.
  @Test func clearLineOfSightCostsNothing() {
    let profile = Profile(distancesM: (0...20).map { Double($0) * 100 }, terrainM: [Double](repeating: 0, count: 21))
    #expect(profile.lossDB(tx: 30, rx: 30, frequencyMHz: 900) == 0)
    #expect(
      Diffraction.sphericalEarthLossDB(
        distanceM: 2000, txEffectiveHeightM: 30, rxEffectiveHeightM: 30, frequencyMHz: 900)
        == 0)
  }

  /// Every step is symmetric in the two ends (the horizons swap, the least-squares line and
  /// the obstruction shares swap, c → −c mirrors d_se1), so the reversed profile with the
  /// heights swapped gives the same loss — here on an asymmetric hill and ramp.
  @Test func swappingEndsKeepsTheLoss() {
    let distances = (0..<300).map { Double($0) * 30 }
    let heights = distances.map { x in
      20 + 0.004 * x + (abs(x - 2500) < 900 ? 45 * (1 + cos(Double.pi * (x - 2500) / 900)) : 0)
    }
    let forward = Profile(distancesM: distances, terrainM: heights)
    let lengthM = distances[distances.count - 1]
    let backward = Profile(distancesM: distances.reversed().map { lengthM - $0 }, terrainM: heights.reversed())
    for frequency in [700.0, 1800, 3500] {
      let there = forward.lossDB(tx: 25, rx: 1.5, frequencyMHz: frequency)
      let back = backward.lossDB(tx: 1.5, rx: 25, frequencyMHz: frequency)
      #expect(there > 10)
      #expect(abs(there - back) < 1e-9 * there)
    }
    let surface = forward.smoothSurface(tx: heights[0] + 25, rx: heights[heights.count - 1] + 1.5)
    let reversed = backward.smoothSurface(tx: heights[heights.count - 1] + 1.5, rx: heights[0] + 25)
    #expect(abs(surface.txM - reversed.rxM) < 1e-9 && abs(surface.rxM - reversed.txM) < 1e-9)
  }

  /// The least-squares line through a straight ramp is the ramp (closed form), and nothing
  /// obstructs the ray above it: h_std = 100 m, h_srd = 100 + 0.01 × 5,000 = 150 m.
  @Test func smoothSurfaceOfARampIsTheRamp() {
    let distances = (0...50).map { Double($0) * 100 }
    let profile = Profile(distancesM: distances, terrainM: distances.map { 100 + 0.01 * $0 })
    let surface = profile.smoothSurface(tx: 130, rx: 151.5)
    #expect(abs(surface.txM - 100) < 1e-9 && abs(surface.rxM - 150) < 1e-9)
  }

  /// A 20 m parabolic hump on 10 km (points every 100 m), under a ray 100 m up: the
  /// least-squares line is level at the hump's mean height, 2/3 × 20 = 13.3 m (trapezoid sums:
  /// 13.332 m), above the ground at both ends, so eq. (167) puts the surface on the ground there.
  @Test func smoothSurfaceNeverStandsAboveTheGroundAtTheEnds() {
    let distances = (0...100).map { Double($0) * 100 }
    let heights = distances.map { 20 * (1 - pow(($0 - 5000) / 5000, 2)) }
    let profile = Profile(distancesM: distances, terrainM: heights)
    // v1 = Σ Δd (h_i + h_{i−1}) = 2 × the trapezoid area; h_st + h_sr = v1/d, equal by symmetry.
    let v1 = (1...100).reduce(0.0) { $0 + 100 * (heights[$1] + heights[$1 - 1]) }
    #expect(abs(v1 / 20_000 - 13.332) < 1e-9)
    let surface = profile.smoothSurface(tx: 100, rx: 100)
    #expect(surface.txM == 0 && surface.rxM == 0)
  }

  /// P.1812-6's scope: 30 MHz–6 GHz, 0.25–3,000 km.
  @Test func validityRangeIsFlagged() {
    #expect(Diffraction.deltaBullingtonOutsideValidity(frequencyMHz: 1800, pathLengthM: 5000).isEmpty)
    #expect(Diffraction.deltaBullingtonOutsideValidity(frequencyMHz: 28_000, pathLengthM: 5000) == .frequency)
    #expect(Diffraction.deltaBullingtonOutsideValidity(frequencyMHz: 1800, pathLengthM: 100) == .distance)
    #expect(DiffractionMethod(rawValue: "delta-bullington") == .deltaBullington)
    #expect(DiffractionMethod.allCases.map(\.rawValue) == ["delta-bullington", "deygout"])
  }
}

/// A profile from the base station (index 0) to the UE, with the calls the tests make.
private struct Profile {
  let distancesM: [Double]
  let terrainM: [Double]

  func lossDB(tx: Double, rx: Double, frequencyMHz: Double) -> Double {
    Diffraction.deltaBullingtonLossDB(
      distancesM: distancesM, terrainM: terrainM, txHeightM: tx, rxHeightM: rx, frequencyMHz: frequencyMHz)
  }

  /// Bullington parts take antenna heights above mean sea level.
  func bullingtonEdgeLossDB(tx: Double, rx: Double, frequencyMHz: Double) -> Double {
    distancesM.withUnsafeBufferPointer { d in
      terrainM.withUnsafeBufferPointer { h in
        Diffraction.bullingtonEdgeLossDB(
          distancesM: d, terrainM: h, txAltitudeM: terrainM[0] + tx, rxAltitudeM: terrainM[terrainM.count - 1] + rx,
          frequencyMHz: frequencyMHz)
      }
    }
  }

  func bullingtonLossDB(tx: Double, rx: Double, frequencyMHz: Double) -> Double {
    distancesM.withUnsafeBufferPointer { d in
      terrainM.withUnsafeBufferPointer { h in
        Diffraction.bullingtonLossDB(
          distancesM: d, terrainM: h, txAltitudeM: terrainM[0] + tx, rxAltitudeM: terrainM[terrainM.count - 1] + rx,
          frequencyMHz: frequencyMHz)
      }
    }
  }

  /// Antenna heights above mean sea level.
  func smoothSurface(tx: Double, rx: Double) -> (txM: Double, rxM: Double) {
    distancesM.withUnsafeBufferPointer { d in
      terrainM.withUnsafeBufferPointer { h in
        Diffraction.smoothSurfaceHeightsM(distancesM: d, terrainM: h, txAltitudeM: tx, rxAltitudeM: rx)
      }
    }
  }
}
