import Foundation
import Testing

@testable import Radio

/// TR 38.901's indoor-factory and indoor-office models against values computed from Table
/// 7.4.1-1 and Table 7.4.2-1 by this independent script (python3), UE and BS both at 1.5 m
/// so that d_3D = d_2D:
///
///     from math import log10, exp, log
///     los = lambda d, f: 31.84 + 21.50*log10(d) + 19.00*log10(f)
///     sl = lambda d, f: max(los(d, f), 33 + 25.5*log10(d) + 20*log10(f))
///     dl = lambda d, f: max(los(d, f), sl(d, f), 18.6 + 35.7*log10(d) + 20*log10(f))
///     sh = lambda d, f: max(los(d, f), 32.4 + 23.0*log10(d) + 20*log10(f))
///     dh = lambda d, f: max(los(d, f), 33.63 + 21.9*log10(d) + 20*log10(f))
///     inh_los = lambda d, f: 32.4 + 17.3*log10(d) + 20*log10(f)
///     inh_nlos = lambda d, f: max(inh_los(d, f), 38.3*log10(d) + 17.30 + 24.9*log10(f))
@Suite struct IndoorScenarioTests {
  /// (f GHz, d m, LOS, SL, DL, SH, DH), dB.
  static let factory: [(Double, Double, Double, Double, Double, Double, Double)] = [
    (3.5, 2, 48.6494, 51.5576, 51.5576, 50.2051, 51.1039),
    (3.5, 10, 63.6773, 69.3814, 69.3814, 66.2814, 66.4114),
    (3.5, 50, 78.7051, 87.2051, 90.1346, 82.3577, 81.7188),
    (3.5, 200, 91.6494, 102.5576, 111.6281, 96.2051, 94.9039),
    (28, 2, 65.8081, 69.6194, 69.6194, 68.2669, 69.1657),
    (28, 10, 80.8360, 87.4432, 87.4432, 84.3432, 84.4732),
    (28, 50, 95.8639, 105.2669, 108.1964, 100.4195, 99.7806),
    (28, 200, 108.8081, 120.6194, 129.6899, 114.2669, 112.9657),
  ]

  /// (f GHz, d m, LOS, NLOS), dB.
  static let office: [(Double, Double, Double, Double)] = [
    (3.5, 2, 48.4892, 48.4892), (3.5, 10, 60.5814, 69.1473), (3.5, 50, 72.6735, 95.9178),
    (3.5, 120, 79.2512, 110.4799), (28, 2, 66.5510, 66.5510), (28, 10, 78.6432, 91.6342),
    (28, 50, 90.7353, 118.4048), (28, 120, 97.3130, 132.9669),
  ]

  static func link(_ frequencyGHz: Double, _ distanceM: Double) -> LinkGeometry {
    LinkGeometry(frequencyMHz: frequencyGHz * 1000, bsHeightM: 1.5, ueHeightM: 1.5, distance2DM: distanceM)
  }

  @Test func factoryPathLossMatchesTable741() {
    for (f, d, los, sl, dl, sh, dh) in Self.factory {
      let link = Self.link(f, d)
      for scenario in [IndoorScenario.infSL, .infDL, .infSH, .infDH] {
        #expect(abs(scenario.pathLoss(link, lineOfSight: true).lossDB - los) < 0.01, "\(scenario) LOS \(f) \(d)")
      }
      for (scenario, expected) in [(IndoorScenario.infSL, sl), (.infDL, dl), (.infSH, sh), (.infDH, dh)] {
        let loss = scenario.pathLoss(link, lineOfSight: false)
        #expect(abs(loss.lossDB - expected) < 0.01, "\(scenario) NLOS \(f) GHz \(d) m")
        #expect(loss.outsideValidity.isEmpty)
      }
    }
  }

  @Test func officePathLossMatchesTable741() {
    for (f, d, los, nlos) in Self.office {
      for scenario in [IndoorScenario.inhMixed, .inhOpen] {
        #expect(abs(scenario.pathLoss(Self.link(f, d), lineOfSight: true).lossDB - los) < 0.01)
        #expect(abs(scenario.pathLoss(Self.link(f, d), lineOfSight: false).lossDB - nlos) < 0.01)
      }
    }
  }

  /// InH beyond 150 m and InF beyond 600 m are flagged; so is 0.4 GHz.
  @Test func flagsUseOutsideTheValidityRange() {
    #expect(IndoorScenario.inhOpen.pathLoss(Self.link(3.5, 200), lineOfSight: true).outsideValidity.contains(.distance))
    #expect(IndoorScenario.infDH.pathLoss(Self.link(3.5, 700), lineOfSight: false).outsideValidity.contains(.distance))
    #expect(IndoorScenario.infSL.pathLoss(Self.link(0.4, 10), lineOfSight: true).outsideValidity.contains(.frequency))
  }

  /// Table 7.4.2-1 at 0.5, 3, 20 and 100 m (python3, as above):
  ///     mixed: 1 if d <= 1.2 else exp(-(d-1.2)/4.7) if d <= 6.5 else exp(-(d-6.5)/32.6)*0.32
  ///     open: 1 if d <= 5 else exp(-(d-5)/70.8) if d <= 49 else exp(-(d-49)/211.7)*0.54
  ///     k = -10/log(1 - 0.2)  # d_clutter 10 m, r 0.2; h_c 2 m, h_BS 8 m, h_UT 1.5 m
  ///     InF-SL/DL: exp(-d/k); InF-SH/DH: exp(-d/(k*(8-1.5)/(2-1.5)))
  @Test func losProbabilitiesMatchTable742() {
    let expected: [(Double, Double, Double, Double, Double)] = [
      (0.5, 1, 1, 0.988905, 0.999142), (3, 0.681827, 1, 0.935248, 0.994864),
      (20, 0.211497, 0.809074, 0.640000, 0.966253), (100, 0.018178, 0.424394, 0.107374, 0.842275),
    ]
    let clutter = FactoryClutter(density: 0.2, sizeM: 10, heightM: 2)
    for (d, mixed, open, low, high) in expected {
      #expect(abs(IndoorScenario.inhMixed.losProbability(distance2DM: d) - mixed) < 1e-6)
      #expect(abs(IndoorScenario.inhOpen.losProbability(distance2DM: d) - open) < 1e-6)
      for scenario in [IndoorScenario.infSL, .infDL] {
        #expect(abs(scenario.losProbability(distance2DM: d, clutter: clutter) - low) < 1e-6)
      }
      for scenario in [IndoorScenario.infSH, .infDH] {
        let p = scenario.losProbability(distance2DM: d, clutter: clutter, bsHeightM: 8, ueHeightM: 1.5)
        #expect(abs(p - high) < 1e-6)
      }
    }
  }

  /// σ_SF of Table 7.4.1-1.
  @Test func shadowFadingSigmas() {
    #expect(IndoorScenario.allCases.map { $0.shadowSigmaDB(lineOfSight: true) } == [4.3, 4.3, 4.3, 4.3, 3, 3])
    #expect(IndoorScenario.allCases.map { $0.shadowSigmaDB(lineOfSight: false) } == [5.7, 7.2, 5.9, 4.0, 8.03, 8.03])
  }
}
