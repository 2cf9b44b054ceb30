import Foundation
import TestSupport
import Testing

@testable import Radio

/// The load-coupled fixed point and the per-user rates at it.
@Suite struct CapacityLoadCouplingTests {
  /// Hand-worked fixture: two LTE 20 MHz sectors (2 CRS ports, CFI 2, 2 layers, FDD), six
  /// demand points, Viettel's 2016 share, 5 % active, 5 Mbit/s each. Expected values from this
  /// independent Python iteration (dense, from the formulas; `lte_dl_overhead` is the RE-grid
  /// count of CapacityOverheadTests, 0.21757142857142858):
  ///
  ///     mw = lambda dbm: 10 ** (dbm / 10); noise = -174 + 10 * math.log10(15e3) + 9
  ///     B = 18e6 * (1 - 0.21757142857142858) * 2; users = lambda n: n * 63.3 / 131.9 * 0.05
  ///     pts = [(0, 150, -85, {1: -95}, None), (0, 80, -100, {1: -104}, None),
  ///            (0, 30, -119.5, {1: -122}, None), (0, 40, -135, {1: -130}, None),
  ///            (1, 120, -90, {0: -98}, None), (1, 120, -95, {0: -97}, -110)]  # sector, people, RSRP, I, residual
  ///     se = lambda g: min(0.6 * math.log2(1 + max(g, 0.1)), 4.4)
  ///     sinr = lambda k, rho: mw(pts[k][2]) / (sum(rho[j] * mw(p) for j, p in pts[k][3].items())
  ///                                            + mw(noise) + (mw(pts[k][4]) if pts[k][4] else 0))
  ///     insvc = [sinr(k, [0, 0]) >= 0.1 for k in range(6)]       # point 3: -11.8 dB, out
  ///     f = lambda rho: [min(1, sum(users(p[1]) * 5e6 / (B * se(sinr(k, rho)))
  ///                      for k, p in enumerate(pts) if insvc[k] and p[0] == s)) for s in (0, 1)]
  ///     rho = [0, 0]; iterate rho = f(rho) until every |change| <= 1e-12 * value (38 steps)
  ///     DL rate_k = se(sinr(k, rho)) * B / 1e6 / users of k's sector in service
  ///     UL: CL = 46 - 10 log10(1200) - RSRP; share = 100 / users; n1 = -174 + 10 log10(180e3) + 5
  ///         M = max(1, min(share, 10 ** ((23 - CL - n1 - 3 + 10) / 10)))
  ///         g = 23 - CL - n1 - 10 log10(M) - 3 (the floor -10 when M is the power limit)
  ///         rate = min(0.4 log2(1 + g), 2) * min(share, M) * 180e3 * (1 - (1 - 0.04) * 12 / 14) / 1e6
  ///
  ///     load [0.7609306373924507, 0.8114109868177014]   users [6.238817285822592, 5.75890826383624]
  ///     DL Mbit/s 10.113790259355483 5.46725912092817 2.9689455346124856 0 9.422979557918683 4.57789833543456
  ///     UL Mbit/s 4.748152700380189 3.0549916740546084 0.12158486267111947 0 5.143832092078537
  ///               4.7906924639541995     (point 2 is power-limited: 14.92 of its 16.03 RB share)
  @Test func twoSectorFixtureMatchesHandIteration() throws {
    let lte = try #require(CarrierNumerology.lte(bandwidthMHz: 20))
    let noise = Units.milliwatts(fromDBm: LinkBudget.noisePerResourceElementDBm(numerology: lte))
    let epre = LinkBudget.energyPerResourceElementDBm(totalPowerDBm: 46, numerology: lte)
    let bandwidth = UserRate.effectiveBandwidthHz(
      numerology: lte, overhead: Overhead.lteDownlink(resourceBlocks: 100), layers: 2)
    let viettel = try #require(SubscriberShare.vietnam2016.first(where: { $0.carrier == "Viettel" })).share
    let traffic = TrafficModel()
    let points: [(sector: Int, people: Double, rsrp: Double, interferer: (Int, Double), residual: Double?)] = [
      (0, 150, -85, (1, -95), nil), (0, 80, -100, (1, -104), nil), (0, 30, -119.5, (1, -122), nil),
      (0, 40, -135, (1, -130), nil), (1, 120, -90, (0, -98), nil), (1, 120, -95, (0, -97), -110),
    ]
    let demand = points.map { point in
      let users = traffic.activeUsers(people: point.people, subscriberShare: viettel)
      return LoadCouplingProblem.DemandPoint(
        sector: point.sector, demandBitsPerSecond: traffic.downlinkDemandBitsPerSecond(activeUsers: users),
        signalMilliwatts: Units.milliwatts(fromDBm: point.rsrp), noiseMilliwatts: noise,
        residualInterferenceMilliwatts: point.residual.map { Units.milliwatts(fromDBm: $0) } ?? 0, activeUsers: users,
        interferers: [.init(sector: point.interferer.0, powerMilliwatts: Units.milliwatts(fromDBm: point.interferer.1))]
      )
    }
    let problem = try LoadCouplingProblem(effectiveBandwidthsHz: [bandwidth, bandwidth], demandPoints: demand)
    let solution = problem.solve()
    #expect(solution.converged)
    let close = { (value: Double, expected: Double) in expected == 0 ? value == 0 : abs(value / expected - 1) < 1e-3 }
    for (sector, expected) in zip(solution.sectors, [0.7609306373924507, 0.8114109868177014]) {
      #expect(close(sector.load, expected))
      #expect(close(sector.demandToCapacityRatio, expected))
      #expect(!sector.isOverloaded)
    }
    #expect(close(solution.sectors[0].activeUsers, 6.238817285822592))
    #expect(close(solution.sectors[1].activeUsers, 5.75890826383624))
    #expect(close(solution.sectors[0].outOfServiceUsers, 40 * viettel * 0.05))
    #expect(solution.demandPointIsServed == [true, true, true, false, true, true])
    let downlink = [10.113790259355483, 5.46725912092817, 2.9689455346124856, 0, 9.422979557918683, 4.57789833543456]
    for (rate, expected) in zip(solution.demandPointUserRateMbps, downlink) { #expect(close(rate, expected)) }
    let uplink = [
      4.748152700380189, 3.0549916740546084, 0.12158486267111947, 0, 5.143832092078537, 4.7906924639541995,
    ]
    for (index, point) in points.enumerated() {
      let rate = UserRate.uplinkMbps(
        couplingLossDB: epre - point.rsrp, rsrpDBm: point.rsrp, numerology: lte,
        overhead: Overhead.lteUplink(resourceBlocks: 100), activeUsers: solution.sectors[point.sector].activeUsers)
      #expect(close(rate, uplink[index]), "uplink point \(index)")
    }
  }

  /// One sector, no neighbours, LTE 10 MHz (9 MHz occupied), overhead 0, one layer: load =
  /// Σ d / (B · SE(S/N)) = 3e6 / (9e6 · 0.6·log2(1 + 10^1.5)) + 1e6 / (9e6 · 0.6·log2(1 + 10^0.5))
  /// = 0.20050707762718314 (python3).
  @Test func isolatedCellLoadIsDemandOverCapacity() throws {
    let lte = try #require(CarrierNumerology.lte(bandwidthMHz: 10))
    let bandwidth = UserRate.effectiveBandwidthHz(numerology: lte, overhead: 0)
    let problem = try LoadCouplingProblem(
      effectiveBandwidthsHz: [bandwidth],
      demandPoints: [
        .init(
          sector: 0, demandBitsPerSecond: 3e6, signalMilliwatts: pow(10, 1.5), noiseMilliwatts: 1, activeUsers: 1,
          interferers: []),
        .init(
          sector: 0, demandBitsPerSecond: 1e6, signalMilliwatts: pow(10, 0.5), noiseMilliwatts: 1, activeUsers: 1,
          interferers: []),
      ])
    let sector = problem.solve().sectors[0]
    #expect(abs(sector.load - 0.20050707762718314) < 1e-12)
    #expect(abs(sector.demandToCapacityRatio - 0.20050707762718314) < 1e-12)
  }

  /// Demand twice the capacity of a 9 MHz sector at 30 dB (SE capped at 4.4): ratio 2, load 1,
  /// half the demand carried; 4 users share 4.4 × 9 MHz: 9.9 Mbit/s each.
  @Test func overloadIsReported() throws {
    let problem = try LoadCouplingProblem(
      effectiveBandwidthsHz: [9e6],
      demandPoints: [
        .init(
          sector: 0, demandBitsPerSecond: 2 * 9e6 * 4.4, signalMilliwatts: 1000, noiseMilliwatts: 1, activeUsers: 4,
          interferers: [])
      ])
    let solution = problem.solve()
    #expect(solution.sectors[0].load == 1)
    #expect(abs(solution.sectors[0].demandToCapacityRatio - 2) < 1e-12)
    #expect(solution.sectors[0].isOverloaded)
    #expect(abs(solution.sectors[0].servedDemandShare - 0.5) < 1e-12)
    #expect(abs(solution.demandPointUserRateMbps[0] - 9.9) < 1e-9)
  }

  /// One user alone, no overhead, no load anywhere: exactly today's single-user rate
  /// (`Throughput.downlinkMbps`), and the load-coupled rate equals it to rounding.
  @Test func oneUserAloneIsTodaysSingleUserRate() throws {
    var random = SplitMix(seed: 2012)
    let carriers = [
      try #require(CarrierNumerology.lte(bandwidthMHz: 20)), try #require(CarrierNumerology.nr(bandwidthMHz: 100)),
      try #require(CarrierNumerology.nr(bandwidthMHz: 40)),
    ]
    for _ in 0..<1_000 {
      let carrier = carriers[Int.random(in: 0..<carriers.count, using: &random)]
      let sinr = Double.random(in: -15...35, using: &random)
      let share = Double.random(in: 0.2...1, using: &random)
      let layers = Int.random(in: 1...4, using: &random)
      let today = Throughput.downlinkMbps(sinrDB: sinr, numerology: carrier, tddDownlinkShare: share, layers: layers)
      let alone = UserRate.downlinkMbps(
        sinrDB: sinr, rsrpDBm: -90, numerology: carrier, overhead: 0, tddDownlinkShare: share, layers: layers)
      #expect(alone == today, "\(sinr) dB")
      let problem = try LoadCouplingProblem(
        effectiveBandwidthsHz: [
          UserRate.effectiveBandwidthHz(numerology: carrier, overhead: 0, tddShare: share, layers: layers)
        ],
        demandPoints: [
          .init(
            sector: 0, demandBitsPerSecond: 1e5, signalMilliwatts: pow(10, sinr / 10), noiseMilliwatts: 1,
            activeUsers: 1, interferers: [])
        ])
      let coupled = problem.solve().demandPointUserRateMbps[0]
      #expect(today == 0 ? coupled == 0 : abs(coupled / today - 1) < 1e-12, "\(sinr) dB")
    }
  }

  /// More demand and more users at any point never lower any load nor raise any rate.
  @Test func moreDemandNeverRaisesAnyonesRate() throws {
    var random = SplitMix(seed: 36942)
    for trial in 0..<300 {
      var points = Self.randomPoints(&random)
      let bandwidths = points.bandwidths
      let before = try LoadCouplingProblem(effectiveBandwidthsHz: bandwidths, demandPoints: points.demand).solve()
      let grown = Int.random(in: 0..<points.demand.count, using: &random)
      let extra = Double.random(in: 0.1...5, using: &random)
      points.demand[grown].activeUsers += extra
      points.demand[grown].demandBitsPerSecond += extra * 5e6
      let after = try LoadCouplingProblem(effectiveBandwidthsHz: bandwidths, demandPoints: points.demand).solve()
      #expect(before.converged && after.converged)
      for (old, new) in zip(before.sectors, after.sectors) {
        #expect(new.load >= old.load - 1e-9, "trial \(trial)")
      }
      for (old, new) in zip(before.demandPointUserRateMbps, after.demandPointUserRateMbps) {
        #expect(new <= old * (1 + 1e-9) + 1e-12, "trial \(trial)")
      }
    }
  }

  /// The solver's loads are a fixed point, and below the greatest fixed point, which this test
  /// reaches on its own by iterating the map (written out again here) down from all loads at 1.
  @Test func leastFixedPointIsBelowAnyOtherFixedPoint() throws {
    var random = SplitMix(seed: 2287)
    for trial in 0..<300 {
      let points = Self.randomPoints(&random)
      let solution = try LoadCouplingProblem(effectiveBandwidthsHz: points.bandwidths, demandPoints: points.demand)
        .solve()
      let least = solution.sectors.map(\.load)
      var greatest = [Double](repeating: 1, count: points.bandwidths.count)
      for _ in 0..<20_000 {
        let next = Self.loadMap(greatest, points.bandwidths, points.demand)
        if next == greatest { break }
        greatest = next
      }
      let image = Self.loadMap(least, points.bandwidths, points.demand)
      for i in least.indices {
        #expect(abs(image[i] - least[i]) <= 1e-9, "trial \(trial): not a fixed point")
        #expect(least[i] <= greatest[i] + 1e-9, "trial \(trial)")
      }
    }
  }

  @Test func rejectsInvalidProblems() {
    let good = LoadCouplingProblem.DemandPoint(
      sector: 0, demandBitsPerSecond: 1e6, signalMilliwatts: 1, noiseMilliwatts: 1e-3, activeUsers: 1,
      interferers: [.init(sector: 1, powerMilliwatts: 0.1)])
    var unknownSector = good
    unknownSector.sector = 2
    var selfInterference = good
    selfInterference.interferers = [.init(sector: 0, powerMilliwatts: 0.1)]
    var negativeDemand = good
    negativeDemand.demandBitsPerSecond = -1
    for point in [unknownSector, selfInterference, negativeDemand] {
      #expect(throws: LoadCouplingError.self) {
        _ = try LoadCouplingProblem(effectiveBandwidthsHz: [1e7, 1e7], demandPoints: [point])
      }
    }
    #expect(throws: LoadCouplingError.self) {
      _ = try LoadCouplingProblem(effectiveBandwidthsHz: [0], demandPoints: [])
    }
  }

  /// Two coupled sectors need more than one Jacobi step: capped at one, not converged.
  @Test func reportsNonConvergence() throws {
    let problem = try LoadCouplingProblem(
      effectiveBandwidthsHz: [1e7, 1e7],
      demandPoints: [
        .init(
          sector: 0, demandBitsPerSecond: 1e7, signalMilliwatts: 1, noiseMilliwatts: 0.01, activeUsers: 1,
          interferers: [.init(sector: 1, powerMilliwatts: 0.5)]),
        .init(
          sector: 1, demandBitsPerSecond: 1e7, signalMilliwatts: 1, noiseMilliwatts: 0.01, activeUsers: 1,
          interferers: [.init(sector: 0, powerMilliwatts: 0.5)]),
      ])
    let solution = problem.solve(options: .init(maximumIterations: 1))
    #expect(!solution.converged)
    #expect(solution.iterations == 1)
    #expect(problem.solve().converged)
  }

  // MARK: - Helpers

  struct RandomPoints {
    var bandwidths: [Double]
    var demand: [LoadCouplingProblem.DemandPoint]
  }

  /// 2–5 sectors, 3–20 demand points with random levels, neighbours and users.
  static func randomPoints(_ random: inout SplitMix) -> RandomPoints {
    let sectors = Int.random(in: 2...5, using: &random)
    let bandwidths = (0..<sectors).map { _ in Double.random(in: 5e6...5e7, using: &random) }
    let demand = (0..<Int.random(in: 3...20, using: &random)).map { _ in
      let sector = Int.random(in: 0..<sectors, using: &random)
      let signal = Double.random(in: -125 ... -70, using: &random)
      let interferers = (0..<sectors).filter { $0 != sector && Bool.random(using: &random) }.map {
        LoadCouplingProblem.Interferer(
          sector: $0, powerMilliwatts: Units.milliwatts(fromDBm: signal + Double.random(in: -20...5, using: &random)))
      }
      let users = Double.random(in: 0.5...10, using: &random)
      return LoadCouplingProblem.DemandPoint(
        sector: sector, demandBitsPerSecond: users * 5e6 * Double.random(in: 0.05...1, using: &random),
        signalMilliwatts: Units.milliwatts(fromDBm: signal), noiseMilliwatts: Units.milliwatts(fromDBm: -123.24),
        activeUsers: users, interferers: interferers)
    }
    return RandomPoints(bandwidths: bandwidths, demand: demand)
  }

  /// The load map of Siomina & Yuan with the floor convention, written out directly.
  static func loadMap(
    _ load: [Double], _ bandwidths: [Double], _ points: [LoadCouplingProblem.DemandPoint]
  ) -> [Double] {
    var next = [Double](repeating: 0, count: load.count)
    for point in points where point.signalMilliwatts / point.noiseMilliwatts >= 0.1 {
      var denominator = point.noiseMilliwatts + point.residualInterferenceMilliwatts
      for interferer in point.interferers { denominator += load[interferer.sector] * interferer.powerMilliwatts }
      let efficiency = min(0.6 * log2(1 + max(point.signalMilliwatts / denominator, 0.1)), 4.4)
      next[point.sector] += point.demandBitsPerSecond / (bandwidths[point.sector] * efficiency)
    }
    return next.map { min(1, $0) }
  }
}
