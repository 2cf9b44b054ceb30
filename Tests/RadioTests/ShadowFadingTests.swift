import Testing

@testable import Radio

@Suite struct ShadowFadingTests {
  static func link(_ distance2DM: Double, frequencyMHz: Double = 700, bsHeightM: Double = 35) -> LinkGeometry {
    LinkGeometry(frequencyMHz: frequencyMHz, bsHeightM: bsHeightM, ueHeightM: 1.5, distance2DM: distance2DM)
  }

  /// TR 38.901 Table 7.4.1-1, σ_SF column. RMa LOS switches at d_BP = 2π h_BS h_UT f_c/c:
  /// 2π · 35 · 1.5 · 700e6 / 299792458 = 770.22 m (python3 -c "import math;
  /// print(2*math.pi*35*1.5*700e6/299792458)" → 770.2233…).
  @Test func tr38901SigmaPerTableRow() {
    let cases: [(PathLossModel, Double, Double)] = [
      (.rmaLOS, 500, 4), (.rmaLOS, 770, 4), (.rmaLOS, 771, 6), (.rmaLOS, 4000, 6), (.rmaNLOS, 500, 8),
      (.rmaNLOS, 4000, 8), (.umaLOS, 300, 4), (.umaNLOS, 300, 6), (.umiLOS, 100, 4), (.umiNLOS, 100, 7.82),
    ]
    for (model, distance, expected) in cases {
      #expect(ShadowFading.sigmaDB(model, Self.link(distance)) == expected, "\(model.rawValue) at \(distance) m")
    }
  }

  /// Erceg et al. 1999 Table I, μ_σ: 10.6, 9.6, 8.2 dB for terrain A, B, C.
  @Test func ercegMeanSigmaPerTerrain() {
    #expect(ShadowFading.sigmaDB(.ercegA, Self.link(1000)) == 10.6)
    #expect(ShadowFading.sigmaDB(.ercegB, Self.link(1000)) == 9.6)
    #expect(ShadowFading.sigmaDB(.ercegC, Self.link(1000)) == 8.2)
  }

  @Test func modelsWithoutPublishedSigmaGiveNil() {
    for model in [PathLossModel.freeSpace, .okumuraHata, .cost231Hata] {
      #expect(ShadowFading.sigmaDB(model, Self.link(1000)) == nil, "\(model.rawValue)")
    }
  }

  /// TR 38.901 Table 7.4.3-2, σ_P: low-loss 4.4 dB, high-loss 6.5 dB.
  @Test func o2iSigmaPerModel() {
    #expect(ShadowFading.o2iSigmaDB(.lowLoss) == 4.4)
    #expect(ShadowFading.o2iSigmaDB(.highLoss) == 6.5)
  }
}
