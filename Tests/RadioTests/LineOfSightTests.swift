import Testing

@testable import Radio

@Suite struct LineOfSightTests {
  @Test func lineOfSightVariantsPairTheScenarios() {
    let pairs: [(PathLossModel, PathLossModel)] = [(.rmaLOS, .rmaNLOS), (.umaLOS, .umaNLOS), (.umiLOS, .umiNLOS)]
    for (los, nlos) in pairs {
      for model in [los, nlos] {
        #expect(model.lineOfSightVariant == los)
        #expect(model.nonLineOfSightVariant == nlos)
      }
    }
    for model in [PathLossModel.freeSpace, .okumuraHata, .cost231Hata, .ercegA, .ercegB, .ercegC] {
      #expect(model.lineOfSightVariant == nil && model.nonLineOfSightVariant == nil, "\(model.rawValue)")
      #expect(model.losProbability(distance2DM: 100, ueHeightM: 1.5) == nil)
    }
  }

  /// TR 38.901 Table 7.4.2-1 through the model, values as in `losProbabilities` (hand-evaluated:
  /// RMa exp(−490/1000) = 0.612626; UMi 18/50 + exp(−50/36)(1 − 18/50) = 0.519585; UMa at
  /// 100 m, 18 m UE: (18/100 + exp(−100/63)(1 − 18/100))(1 + 0.5^1.5 · 1.25 · 1 · exp(−100/150))
  /// = 0.426558).
  @Test func losProbabilityFollowsTheScenario() throws {
    let rma = try #require(PathLossModel.rmaNLOS.losProbability(distance2DM: 500, ueHeightM: 1.5))
    #expect(abs(rma - 0.612626) < 1e-6)
    let umi = try #require(PathLossModel.umiLOS.losProbability(distance2DM: 50, ueHeightM: 1.5))
    #expect(abs(umi - 0.519585) < 1e-6)
    let uma = try #require(PathLossModel.umaNLOS.losProbability(distance2DM: 100, ueHeightM: 18))
    #expect(abs(uma - 0.426558) < 1e-6)
  }
}
