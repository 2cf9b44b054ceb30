import Foundation
import Radio
import Scenario
import Testing

@testable import Coverage

/// The seeded Monte-Carlo drop mode: deterministic for a seed on any thread count, indoor
/// share as configured, ordered percentiles, and, without fading, the coupling gain of a
/// brute-force sweep over the same area.
@Suite struct MonteCarloDropsTests {
  /// Three sectors over a 4 × 4 block of mixed parcels, LOS mixture and fading on, 80 % of
  /// users indoors on 1–8 floors (the TR 38.901 §7.8 calibration's draws).
  static func mixedWorld(seed: UInt64, users: Int = 10_000) -> OneSiteWorld {
    var world = OneSiteWorld()
    world.settings.propagation = Propagation(model: .umaNLOS, lineOfSight: .probabilistic)
    world.settings.drops.users = users
    world.settings.drops.seed = seed
    world.settings.drops.indoorShare = 0.8
    world.settings.drops.floors = 1...8
    for row in 0..<4 {
      for column in 0..<4 {
        world.squares.append(
          OneSiteWorld.Square(
            eastM: -800 + Double(column) * 400, northM: -800 + Double(row) * 400, sideM: 300,
            buildingClass: ["outdoor", "high-loss", "metal-clad"][(row + column) % 3]))
      }
    }
    world.sectors = [0.0, 120, 240].enumerated().map { OneSiteWorld.sector("s\($0.offset)", azimuthDeg: $0.element) }
    return world
  }

  /// Everything a layer's distributions hold, bit for bit.
  static func bits(_ layers: [LayerDistributions]) -> [UInt64] {
    layers.flatMap { layer -> [UInt64] in
      let values: [Double] = layer.couplingGainDB + layer.rsrpDBm + layer.sinrDB + layer.sirDB
      return [UInt64(layer.users), UInt64(layer.indoorUsers)] + values.map(\.bitPattern)
    }
  }

  @Test func sameSeedGivesTheSameResultOnAnyThreadCountAndAnotherSeedDoesNot() throws {
    let scenario = try Self.mixedWorld(seed: 1).scenario()
    let one = MonteCarloDrops.run(scenario, threads: 1)
    let eight = MonteCarloDrops.run(scenario, threads: 8)
    #expect(one.count == 1)
    #expect(Self.bits(one) == Self.bits(eight))
    let other = MonteCarloDrops.run(try Self.mixedWorld(seed: 2).scenario(), threads: 8)
    #expect(other.first?.couplingGainDB != one.first?.couplingGainDB)
  }

  /// Indoor users ~ Binomial(10 000, 0.8): mean 8000, sd √(10 000·0.8·0.2) = 40; the 5 sd band
  /// 7800…8200 fails with probability 5.5e-7 (scipy: binom.cdf(7799, n, p) + binom.sf(8200, n, p)).
  @Test func indoorShareIsTheConfiguredOne() throws {
    let layer = try #require(MonteCarloDrops.run(try Self.mixedWorld(seed: 1).scenario(), threads: 4).first)
    #expect(layer.users == 10_000)
    #expect((7800...8200).contains(layer.indoorUsers), "\(layer.indoorUsers) indoor users")
  }

  static func expectOrdered(_ layer: LayerDistributions) {
    for (name, values) in [
      ("coupling gain", layer.couplingGainDB), ("RSRP", layer.rsrpDBm), ("SINR", layer.sinrDB),
      ("SIR", layer.sirDB),
    ] {
      #expect(values.count == 99, "\(name)")
      #expect(!values.contains { $0.isNaN }, "\(name): \(values)")
      #expect(zip(values, values.dropFirst()).allSatisfy { $0 <= $1 }, "\(name): \(values)")
    }
  }

  @Test func percentilesAreOrdered() throws {
    Self.expectOrdered(try #require(MonteCarloDrops.run(try Self.mixedWorld(seed: 3).scenario(), threads: 4).first))
  }

  /// Half the area lies beyond `max_radius_m`: those users have no server (−∞). With 50 users
  /// the percentile positions 0.49 p straddle the last −∞ and the first finite value, where
  /// interpolating naively gives −∞ + ∞ = NaN.
  @Test func percentilesStayOrderedWhenSomeUsersHaveNoServer() throws {
    var world = Self.mixedWorld(seed: 5, users: 50)
    world.settings.maxRadiusM = 1000
    world.settings.drops.indoorShare = 0
    world.squares = [
      OneSiteWorld.Square(eastM: 100, northM: -200, sideM: 400),
      OneSiteWorld.Square(eastM: 1200, northM: -200, sideM: 400),
    ]
    let layer = try #require(MonteCarloDrops.run(try world.scenario(), threads: 2).first)
    Self.expectOrdered(layer)
    #expect(layer.couplingGainDB.first == -.infinity && layer.couplingGainDB.last?.isFinite == true)
  }

  /// One sector, no fading (σ 0, NLOS, outdoors): a user's coupling gain is a function of its
  /// position only, so its percentiles over uniform drops are those of the area, found by
  /// brute force on a 400 × 400 lattice of the same square (cell centres, 0.25 m apart).
  @Test func withoutFadingCouplingGainIsTheAreaDistributionOfTheSquare() throws {
    var world = OneSiteWorld()
    world.settings.propagation = Propagation(model: .umaNLOS, lineOfSight: .nlos, shadowSigmaDB: 0)
    world.settings.target = CoverageTarget(rsrpDBm: -105, indoor: false, minimumShare: 0.95)
    world.settings.drops.seed = 7
    let square = OneSiteWorld.Square(eastM: 1450, northM: -50, sideM: 100)
    world.squares = [square]
    let sector = OneSiteWorld.sector("s1", azimuthDeg: 90)
    world.sectors = [sector]
    let layer = try #require(MonteCarloDrops.run(try world.scenario(), threads: 4).first)
    #expect(layer.indoorUsers == 0)

    let steps = 400
    var sweep: [Double] = []
    sweep.reserveCapacity(steps * steps)
    let gain = OneSiteWorld.parametricGain(sector)
    for i in 0..<steps {
      for j in 0..<steps {
        let east = square.eastM + (Double(i) + 0.5) * square.sideM / Double(steps)
        let north = square.northM + (Double(j) + 0.5) * square.sideM / Double(steps)
        let link = OneSiteWorld.gainAndDistance(sector, eastM: east, northM: north, ueHeightM: 1.5, gain: gain)
        let loss = TR38901.uma(
          LinkGeometry(frequencyMHz: 1815, bsHeightM: 35, ueHeightM: 1.5, distance2DM: link.distanceM),
          lineOfSight: false
        ).lossDB
        sweep.append(link.gainDBi - loss)
      }
    }
    sweep.sort()
    // Hyndman & Fan definition 7 on the sweep.
    func percentile(_ p: Int) -> Double {
      let position = Double(sweep.count - 1) * Double(p) / 100
      let low = Int(position)
      return sweep[low] + (sweep[min(low + 1, sweep.count - 1)] - sweep[low]) * (position - Double(low))
    }
    // The sweep spans about 1.2 dB (39.08 log10(1550/1450) = 1.13 dB of distance, the rest
    // pattern), density ≥ 0.5/dB; the standard error of a sample percentile of 10 000 users,
    // √(p(1 − p)/n)/density, is below 0.005 dB, so 0.02 dB is over 4 of them.
    for p in [1, 5, 25, 50, 75, 95, 99] {
      let got = layer.couplingGainDB[p - 1]
      #expect(abs(got - percentile(p)) < 0.02, "p\(p): \(got) vs \(percentile(p))")
    }
    #expect(layer.couplingGainDB.allSatisfy { $0 >= sweep[0] - 0.01 && $0 <= sweep[sweep.count - 1] + 0.01 })
    // One server: RSRP is the coupling gain plus EPRE less the feeder, percentile by percentile.
    let offset = OneSiteWorld.energyPerResourceElementDBm - 0.5
    for (rsrp, coupling) in zip(layer.rsrpDBm, layer.couplingGainDB) { #expect(abs(rsrp - coupling - offset) < 1e-9) }
  }
}
