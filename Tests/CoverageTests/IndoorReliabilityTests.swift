import Foundation
import Radio
import Scenario
import Testing

@testable import Coverage

/// What indoors adds at reliability r: the mean O2I loss plus Φ⁻¹(r)(√(σ² + σ_P²) − σ), the
/// combined spread of independent shadow fading and O2I (TR 38.901 §7.4.3) less the outdoor
/// spread the field already carries.
@Suite struct IndoorReliabilityTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let buildingClass: BuildingClass
    let propagation: Propagation
    let reliability: Double
    let expectedDB: Double
    var testDescription: String { name }
  }

  /// Values from python3 (scipy 1.17), f = 1.815 GHz, TR 38.901 Tables 7.4.3-1/-2:
  ///   irr = 23 + 0.3 f; conc = 5 + 4 f; glass = 2 + 0.2 f
  ///   high = 5 − 10 log10(0.7·10^(−irr/10) + 0.3·10^(−conc/10)) + 0.5·25/3 → 25.96028703682655
  ///   low = 5 − 10 log10(0.3·10^(−glass/10) + 0.7·10^(−conc/10)) + 0.5·25/3 → 15.827974658483175
  ///   high + norm.ppf(0.9)·(√(6² + 6.5²) − 6) → 29.607458490165317 (UMa NLOS σ 6, σ_P 6.5)
  ///   low + norm.ppf(0.9)·(√(6² + 4.4²) − 6) → 17.673960101910126 (σ_P 4.4)
  ///   high + norm.ppf(0.9)·(√(9.6² + 6.5²) − 9.6) → 28.515101963721733 (Erceg B μ_σ 9.6,
  ///     Erceg et al. 1999 Table I)
  ///   high + 10 + norm.ppf(0.95)·(√(6² + 3²) − 6) → 37.125178843819434 (metal-clad, own σ 3)
  ///   high + norm.ppf(0.1)·(√(6² + 6.5²) − 6) → 22.313115583487782
  static let highLoss = BuildingClass(name: "high-loss", o2i: .highLoss, extraLossDB: 0)
  static let cases = [
    Case(
      name: "high-loss, UMa NLOS, 90 %", buildingClass: highLoss, propagation: Propagation(model: .umaNLOS),
      reliability: 0.9, expectedDB: 29.607458490165317),
    Case(
      name: "low-loss, UMa NLOS, 90 %", buildingClass: BuildingClass(name: "l", o2i: .lowLoss, extraLossDB: 0),
      propagation: Propagation(model: .umaNLOS), reliability: 0.9, expectedDB: 17.673960101910126),
    Case(
      name: "high-loss, probabilistic UMa takes NLOS's σ", buildingClass: highLoss,
      propagation: Propagation(model: .umaNLOS, lineOfSight: .probabilistic), reliability: 0.9,
      expectedDB: 29.607458490165317),
    Case(
      name: "high-loss, Erceg B, 90 %", buildingClass: highLoss, propagation: Propagation(model: .ercegB),
      reliability: 0.9, expectedDB: 28.515101963721733),
    Case(
      name: "metal-clad with its own σ 3 dB, 95 %",
      buildingClass: BuildingClass(name: "m", o2i: .highLoss, extraLossDB: 10, o2iSigmaDB: 3),
      propagation: Propagation(model: .umaNLOS), reliability: 0.95, expectedDB: 37.125178843819434),
    Case(
      name: "high-loss, 10 %", buildingClass: highLoss, propagation: Propagation(model: .umaNLOS),
      reliability: 0.1, expectedDB: 22.313115583487782),
    Case(
      name: "high-loss at the median is the mean", buildingClass: highLoss,
      propagation: Propagation(model: .umaNLOS), reliability: 0.5, expectedDB: 25.96028703682655),
    Case(
      name: "open land adds nothing", buildingClass: BuildingClass(name: "o", o2i: .none, extraLossDB: 0),
      propagation: Propagation(model: .umaNLOS), reliability: 0.9, expectedDB: 0),
  ]

  @Test(arguments: cases)
  func indoorLossIsTheMeanPlusTheExtraSpreadAtTheReliability(_ test: Case) {
    var settings = CoverageSettings()
    settings.target = CoverageTarget(rsrpDBm: -105, indoor: true, minimumShare: 0.95, reliability: test.reliability)
    let got = CoverageRun.indoorLossDB(
      test.buildingClass, frequencyMHz: 1815, propagation: test.propagation, settings: settings)
    #expect(abs(got - test.expectedDB) < 1e-9, "\(got) vs \(test.expectedDB)")
  }
}
