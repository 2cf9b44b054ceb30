import Foundation
import TestSupport
import Testing

@testable import Radio

/// `GroupedLoadCoupling` against `LoadCouplingProblem` given the same system written out point
/// by point (P_jk = I_k · w_gj), and its own invariants.
@Suite struct CapacityGroupedLoadTests {
  /// A random grouped system and the same system as explicit demand points.
  struct Pair {
    let grouped: GroupedLoadCoupling
    let explicit: LoadCouplingProblem
  }

  /// 2–6 sectors of one bandwidth, 1–8 groups with random weights over the other sectors,
  /// 5–60 points with RSRP −125…−70 dBm, full-load interference −20…+5 dB around it, 0.1–8
  /// users each asking 1 Mbit/s.
  static func pair(_ random: inout SplitMix) throws -> Pair {
    let sectors = Int.random(in: 2...6, using: &random)
    let bandwidth = 15e6
    let noise = Units.milliwatts(fromDBm: -123.24)
    var groupSector: [Int32] = []
    var rowStart = [0]
    var weightSector: [Int32] = []
    var weight: [Double] = []
    var weightsOfGroup: [[(Int, Double)]] = []
    for _ in 0..<Int.random(in: 1...8, using: &random) {
      let own = Int.random(in: 0..<sectors, using: &random)
      let others = (0..<sectors).filter { $0 != own && Bool.random(using: &random) }
      let raw = others.map { _ in Double.random(in: 0.01...1, using: &random) }
      let sum = raw.reduce(0, +)
      groupSector.append(Int32(own))
      weightsOfGroup.append(zip(others, raw).map { ($0, $1 / sum) })
      for (sector, value) in zip(others, raw) {
        weightSector.append(Int32(sector))
        weight.append(value / sum)
      }
      rowStart.append(weightSector.count)
    }
    var pointGroup: [Int32] = []
    var signal: [Float] = []
    var interference: [Float] = []
    var users: [Double] = []
    var explicit: [LoadCouplingProblem.DemandPoint] = []
    for _ in 0..<Int.random(in: 5...60, using: &random) {
      let group = Int.random(in: 0..<groupSector.count, using: &random)
      let rsrp = Double.random(in: -125 ... -70, using: &random)
      let s = Float(Units.milliwatts(fromDBm: rsrp))
      let i = Float(Units.milliwatts(fromDBm: rsrp + Double.random(in: -20...5, using: &random)))
      let u = Double.random(in: 0.1...8, using: &random)
      pointGroup.append(Int32(group))
      signal.append(s)
      interference.append(i)
      users.append(u)
      // A group without weights takes the highest load: give it every other sector at full
      // interference only when it has none (here: skip such points in the explicit system).
      explicit.append(
        LoadCouplingProblem.DemandPoint(
          sector: Int(groupSector[group]), demandBitsPerSecond: u * 1e6, signalMilliwatts: Double(s),
          noiseMilliwatts: noise, activeUsers: u,
          interferers: weightsOfGroup[group].map {
            LoadCouplingProblem.Interferer(sector: $0.0, powerMilliwatts: Double(i) * $0.1)
          }))
    }
    let grouped = GroupedLoadCoupling(
      effectiveBandwidthsHz: [Double](repeating: bandwidth, count: sectors), groupSector: groupSector,
      groupRowStart: rowStart, weightSector: weightSector, weight: weight, pointGroup: pointGroup,
      pointSignal: signal, pointInterference: interference, pointUsers: users, noiseMilliwatts: noise,
      demandPerUserBitsPerSecond: 1e6)
    return Pair(
      grouped: grouped,
      explicit: try LoadCouplingProblem(
        effectiveBandwidthsHz: [Double](repeating: bandwidth, count: sectors), demandPoints: explicit))
  }

  /// Of 200 random systems, those whose groups all have weights (about half): the same loads and users as the
  /// explicit solver, to 10⁻⁹ (both iterate to 10⁻¹² from 0; sums differ only in order).
  @Test func groupedSystemMatchesTheExplicitOne() throws {
    var random = SplitMix(seed: 38901)
    var compared = 0
    for _ in 0..<200 {
      let pair = try Self.pair(&random)
      guard
        (0..<pair.grouped.groupSector.count).allSatisfy({
          pair.grouped.groupRowStart[$0] < pair.grouped.groupRowStart[$0 + 1]
        })
      else { continue }
      let options = LoadCouplingProblem.Options(tolerance: 1e-12)
      let grouped = pair.grouped.solve(options: options)
      let explicit = pair.explicit.solve(options: options)
      #expect(grouped.converged && explicit.converged)
      for (a, b) in zip(grouped.sectors, explicit.sectors) {
        #expect(abs(a.load - b.load) <= 1e-9)
        #expect(abs(a.demandToCapacityRatio - b.demandToCapacityRatio) <= 1e-9 * max(1, b.demandToCapacityRatio))
        #expect(abs(a.activeUsers - b.activeUsers) <= 1e-9 * max(1, b.activeUsers))
        #expect(abs(a.outOfServiceUsers - b.outOfServiceUsers) <= 1e-9 * max(1, b.outOfServiceUsers))
      }
      compared += 1
    }
    #expect(compared >= 50)
  }

  /// Loads, ratios and group loads are bit-identical on 1 and 4 threads (sums run over fixed
  /// chunks, added in chunk order), with enough points for several chunks.
  @Test func resultDoesNotDependOnThreads() throws {
    var random = SplitMix(seed: 7)
    let points = 3 * GroupedLoadCoupling.chunkSize + 17
    let groups = 50
    let sectors = 10
    var weightSector: [Int32] = []
    var weight: [Double] = []
    var rowStart = [0]
    let groupSector = (0..<groups).map { Int32($0 % sectors) }
    for group in 0..<groups {
      for other in 0..<sectors where other != Int(groupSector[group]) {
        weightSector.append(Int32(other))
        weight.append(1 / Double(sectors - 1))
      }
      rowStart.append(weightSector.count)
    }
    let problem = GroupedLoadCoupling(
      effectiveBandwidthsHz: [Double](repeating: 1.5e7, count: sectors), groupSector: groupSector,
      groupRowStart: rowStart, weightSector: weightSector, weight: weight,
      pointGroup: (0..<points).map { _ in Int32.random(in: 0..<Int32(groups), using: &random) },
      pointSignal: (0..<points).map { _ in
        Float(Units.milliwatts(fromDBm: Double.random(in: -120 ... -70, using: &random)))
      },
      pointInterference: (0..<points).map { _ in
        Float(Units.milliwatts(fromDBm: Double.random(in: -120 ... -70, using: &random)))
      }, pointUsers: [Double](repeating: 0.0005, count: points), noiseMilliwatts: Units.milliwatts(fromDBm: -123.24),
      demandPerUserBitsPerSecond: 5e6)
    let one = problem.solve(threads: 1)
    let four = problem.solve(threads: 4)
    #expect(one.converged && one.iterations > 2)
    #expect(one.sectors.map(\.load.bitPattern) == four.sectors.map(\.load.bitPattern))
    #expect(one.groupLoad.map(\.bitPattern) == four.groupLoad.map(\.bitPattern))
    #expect(one.sectors.contains { $0.load > 0.1 }, "the cells carry load")
  }

  /// A fixed load gives each sector the share its demand needs at that interference, in one
  /// evaluation: one sector, one point at S/N = 20 dB with I = N, load 0.5:
  /// SINR = S / (0.5·N + N) = 100 / 1.5, SE = 0.6·log2(1 + 66.67) = 3.6503, share =
  /// 2 users × 5e6 / (1.5e7 × 3.6503) = 0.18263 (python3: 1e7/(1.5e7*0.6*math.log2(1+100/1.5))).
  @Test func fixedLoadGivesTheSharesAtThatLoad() {
    let noise = 1e-12
    let problem = GroupedLoadCoupling(
      effectiveBandwidthsHz: [1.5e7, 1.5e7], groupSector: [0], groupRowStart: [0, 1], weightSector: [1],
      weight: [1], pointGroup: [0], pointSignal: [Float(100 * noise)], pointInterference: [Float(noise)],
      pointUsers: [2], noiseMilliwatts: noise, demandPerUserBitsPerSecond: 5e6)
    let solution = problem.solve(fixedLoad: 0.5)
    let expected = 1e7 / (1.5e7 * 0.6 * log2(1 + 100 / 1.5))
    #expect(abs(solution.sectors[0].demandToCapacityRatio - expected) <= 1e-6 * expected)
    #expect(solution.groupLoad == [0.5])
    #expect(solution.iterations == 1 && solution.converged)
  }
}
