import Foundation
import TestSupport
import Testing

@testable import Radio

@Suite struct RadioPropertyTests {
  static let pairs: [(PathLossModel, PathLossModel)] = [(.rmaLOS, .rmaNLOS), (.umaLOS, .umaNLOS), (.umiLOS, .umiNLOS)]

  @Test func nlosNeverBelowLos() {
    var random = SplitMix(seed: 1)
    for _ in 0..<5_000 {
      let link = LinkGeometry(
        frequencyMHz: .random(in: 500...7000, using: &random), bsHeightM: .random(in: 10...60, using: &random),
        ueHeightM: .random(in: 1.5...10, using: &random), distance2DM: .random(in: 10...5000, using: &random))
      for (los, nlos) in Self.pairs {
        #expect(nlos.pathLoss(link).lossDB >= los.pathLoss(link).lossDB)
      }
    }
  }

  @Test func lossIncreasesWithDistance() {
    var random = SplitMix(seed: 2)
    for _ in 0..<2_000 {
      let frequency = Double.random(in: 700...3900, using: &random)
      let bs = Double.random(in: 30...60, using: &random)
      let ue = Double.random(in: 1...3, using: &random)
      let near = Double.random(in: 20...4000, using: &random)
      let far = near * Double.random(in: 1.01...3, using: &random)
      for model in PathLossModel.allCases {
        let a = model.pathLoss(LinkGeometry(frequencyMHz: frequency, bsHeightM: bs, ueHeightM: ue, distance2DM: near))
        let b = model.pathLoss(LinkGeometry(frequencyMHz: frequency, bsHeightM: bs, ueHeightM: ue, distance2DM: far))
        #expect(b.lossDB > a.lossDB, "\(model.rawValue) at \(near) → \(far) m")
      }
    }
  }

  /// PL1 and PL2 meet at the breakpoint: the jump across it is below 0.01 dB (the 2-D
  /// distances d_BP ± 1 mm).
  @Test func breakpointContinuity() {
    var random = SplitMix(seed: 3)
    for _ in 0..<1_000 {
      let frequency = Double.random(in: 700...3900, using: &random)
      let ue = Double.random(in: 1.5...3, using: &random)
      for (model, bs, breakpoint) in [
        (PathLossModel.rmaLOS, 35.0, 2 * Double.pi * 35 * ue * frequency * 1e6 / Units.speedOfLightMPerS),
        (.umaLOS, 25.0, 4 * 24 * (ue - 1) * frequency * 1e6 / Units.speedOfLightMPerS),
        (.umiLOS, 10.0, 4 * 9 * (ue - 1) * frequency * 1e6 / Units.speedOfLightMPerS),
      ] where breakpoint > 11 {
        let below = model.pathLoss(
          LinkGeometry(frequencyMHz: frequency, bsHeightM: bs, ueHeightM: ue, distance2DM: breakpoint - 0.001))
        let above = model.pathLoss(
          LinkGeometry(frequencyMHz: frequency, bsHeightM: bs, ueHeightM: ue, distance2DM: breakpoint + 0.001))
        #expect(abs(above.lossDB - below.lossDB) < 0.01, "\(model.rawValue) at d_BP \(breakpoint)")
      }
    }
  }

  @Test func antennaGainNeverAbovePeakAndSymmetricAboutBoresight() {
    var random = SplitMix(seed: 4)
    for _ in 0..<5_000 {
      let antenna = SectorAntenna(
        peakGainDBi: .random(in: 8...25, using: &random), electricalTiltDeg: .random(in: 0...10, using: &random))
      let orientation = AntennaOrientation(
        azimuthDeg: .random(in: 0..<360, using: &random), mechanicalTiltDeg: .random(in: 0...10, using: &random))
      let offset = Double.random(in: 0...180, using: &random)
      let elevation = Double.random(in: -60...30, using: &random)
      let left = orientation.angles(bearingDeg: orientation.azimuthDeg - offset, elevationDeg: elevation)
      let right = orientation.angles(bearingDeg: orientation.azimuthDeg + offset, elevationDeg: elevation)
      #expect(antenna.gainDBi(left) <= antenna.peakGainDBi)
      #expect(abs(antenna.gainDBi(left) - antenna.gainDBi(right)) < 1e-9)
      #expect(antenna.gainDBi(left) >= antenna.peakGainDBi - antenna.maxAttenuationDB)
    }
  }
}
