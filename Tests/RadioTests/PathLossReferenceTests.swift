import Testing

@testable import Radio

/// Every model against values computed independently from the published equations
/// (a short Python transcription of each equation, run separately; equations quoted
/// above each table), to 0.01 dB. Distances are ground (2-D) metres.
@Suite struct PathLossReferenceTests {
  struct Case: Sendable, CustomStringConvertible {
    let frequencyMHz, bsHeightM, ueHeightM, distanceM, expectedDB: Double
    var link: LinkGeometry {
      LinkGeometry(frequencyMHz: frequencyMHz, bsHeightM: bsHeightM, ueHeightM: ueHeightM, distance2DM: distanceM)
    }
    var description: String { "\(frequencyMHz) MHz, \(bsHeightM)/\(ueHeightM) m, \(distanceM) m" }
  }

  /// Cases from (f MHz, h_BS m, h_UT m, d m) tuples and the expected losses, in order.
  static func cases(_ geometry: [(Double, Double, Double, Double)], _ expected: [Double]) -> [Case] {
    zip(geometry, expected).map {
      Case(frequencyMHz: $0.0, bsHeightM: $0.1, ueHeightM: $0.2, distanceM: $0.3, expectedDB: $1)
    }
  }

  static func check(_ model: PathLossModel, _ environment: Environment = .urban, _ cases: [Case]) {
    for item in cases {
      let loss = model.pathLoss(item.link, environment: environment).lossDB
      #expect(abs(loss - item.expectedDB) < 0.01, "\(model.rawValue) \(environment.rawValue) \(item): \(loss)")
    }
  }

  /// ITU-R P.525 eq. (4): L = 20 log10(4π/c) + 20 log10 f_MHz + 20 log10 d_km, d = 3-D distance.
  @Test func freeSpace() {
    Self.check(
      .freeSpace, .urban,
      [
        Case(frequencyMHz: 1800, bsHeightM: 30, ueHeightM: 1.5, distanceM: 1000, expectedDB: 97.5568),
        Case(frequencyMHz: 3750, bsHeightM: 25, ueHeightM: 1.5, distanceM: 250, expectedDB: 91.9254),
        Case(frequencyMHz: 700, bsHeightM: 40, ueHeightM: 1.5, distanceM: 12000, expectedDB: 110.9334),
      ])
  }

  /// Hata 1980: L_u = 69.55 + 26.16 log f − 13.82 log h_b − a(h_m) + (44.9 − 6.55 log h_b) log d_km;
  /// a(h_m) = (1.1 log f − 0.7) h_m − (1.56 log f − 0.8), large city (f > 300) 3.2 (log 11.75 h_m)² − 4.97;
  /// suburban L_u − 2 (log f/28)² − 5.4; open L_u − 4.78 (log f)² + 18.33 log f − 40.94.
  @Test func okumuraHata() {
    let expected: [Environment: [Double]] = [
      .urbanLargeCity: [126.4201, 146.9596, 150.1786], .urban: [126.4033, 146.9428, 150.1260],
      .suburban: [116.4607, 137.0002, 141.8169], .ruralOpen: [97.8969, 118.4364, 124.1704],
    ]
    let geometry: [(Double, Double, Double, Double)] = [
      (900, 30, 1.5, 1000), (900, 50, 1.5, 5000), (450, 40, 2, 10000),
    ]
    for (environment, values) in expected {
      Self.check(
        .okumuraHata, environment,
        Self.cases(geometry, values))
    }
  }

  /// COST 231 §4.4.1: L = 46.3 + 33.9 log f − 13.82 log h_b − a(h_m) + (44.9 − 6.55 log h_b) log d_km + C_m,
  /// C_m = 3 dB metropolitan (urban-large-city, with the large-city a(h_m)), 0 dB otherwise;
  /// rural-open adds Hata's open-area correction.
  @Test func cost231Hata() {
    let expected: [Environment: [Double]] = [
      .urbanLargeCity: [139.2408, 153.9303, 170.9540], .urban: [136.1969, 150.8864, 167.4732],
      .suburban: [136.1969, 150.8864, 167.4732], .ruralOpen: [104.2734, 118.9628, 134.6719],
    ]
    let geometry: [(Double, Double, Double, Double)] = [
      (1800, 30, 1.5, 1000), (1800, 40, 1.5, 3000), (2100, 35, 2, 8000),
    ]
    for (environment, values) in expected {
      Self.check(
        .cost231Hata, environment,
        Self.cases(geometry, values))
    }
  }

  /// TR 38.901 Table 7.4.1-1 RMa (h = 5 m, W = 20 m), f_c GHz, d m, d_BP = 2π h_BS h_UT f_c/c:
  /// PL1 = 20 log10(40π d_3D f_c/3) + min(0.03h^1.72, 10) log10 d_3D − min(0.044h^1.72, 14.77) + 0.002 log10(h) d_3D;
  /// PL2 = PL1(d_BP) + 40 log10(d_3D/d_BP); NLOS = max(LOS, 161.04 − 7.1 log10 W + 7.5 log10 h
  /// − (24.37 − 3.7(h/h_BS)²) log10 h_BS + (43.42 − 3.1 log10 h_BS)(log10 d_3D − 3) + 20 log10 f_c
  /// − (3.2 (log10 11.75 h_UT)² − 4.97)). Cases on both sides of d_BP (770 m at 700 MHz, 35/1.5 m).
  @Test func tr38901RMa() {
    let geometry: [(Double, Double, Double, Double)] = [
      (700, 35, 1.5, 50), (700, 35, 1.5, 500), (1800, 35, 1.5, 2000), (2600, 45, 1.5, 4000),
    ]
    let los = [65.1672, 84.6325, 107.2976, 119.6567]
    let nlos = [69.2830, 104.8433, 136.2711, 148.1890]
    Self.check(
      .rmaLOS, .urban,
      Self.cases(geometry, los))
    Self.check(
      .rmaNLOS, .urban,
      Self.cases(geometry, nlos))
  }

  /// TR 38.901 UMa: d'_BP = 4 (h_BS − 1)(h_UT − 1) f_c/c; PL1 = 28 + 22 log10 d_3D + 20 log10 f_c;
  /// PL2 = 28 + 40 log10 d_3D + 20 log10 f_c − 9 log10(d'_BP² + (h_BS − h_UT)²);
  /// NLOS = max(LOS, 13.54 + 39.08 log10 d_3D + 20 log10 f_c − 0.6 (h_UT − 1.5)).
  @Test func tr38901UMa() {
    let geometry: [(Double, Double, Double, Double)] = [
      (1800, 25, 1.5, 50), (1800, 25, 1.5, 200), (3750, 25, 1.5, 400), (3750, 25, 1.5, 1500),
    ]
    let los = [71.4363, 83.7936, 96.7424, 116.5083]
    let nlos = [86.7349, 108.6861, 126.7384, 149.1444]
    Self.check(
      .umaLOS, .urban,
      Self.cases(geometry, los))
    Self.check(
      .umaNLOS, .urban,
      Self.cases(geometry, nlos))
  }

  /// TR 38.901 UMi street canyon: PL1 = 32.4 + 21 log10 d_3D + 20 log10 f_c;
  /// PL2 = 32.4 + 40 log10 d_3D + 20 log10 f_c − 9.5 log10(d'_BP² + (h_BS − h_UT)²);
  /// NLOS = max(LOS, 35.3 log10 d_3D + 22.4 + 21.3 log10 f_c − 0.3 (h_UT − 1.5)).
  @Test func tr38901UMi() {
    let geometry: [(Double, Double, Double, Double)] = [
      (3750, 10, 1.5, 30), (3750, 10, 1.5, 150), (2600, 10, 1.5, 400), (2600, 10, 1.5, 900),
    ]
    let los = [75.2523, 89.5932, 103.0985, 117.1827]
    let nlos = [87.3611, 111.4675, 123.0951, 135.5244]
    Self.check(
      .umiLOS, .urban,
      Self.cases(geometry, los))
    Self.check(
      .umiNLOS, .urban,
      Self.cases(geometry, nlos))
  }

  @Test func flagsInputsOutsideValidity() {
    let link = LinkGeometry(frequencyMHz: 2600, bsHeightM: 25, ueHeightM: 1.5, distance2DM: 500)
    let flags = PathLossModel.cost231Hata.pathLoss(link).outsideValidity
    #expect(flags == [.frequency, .bsHeight, .distance])
    #expect(PathLossModel.umaNLOS.pathLoss(link).outsideValidity.isEmpty)
  }
}
