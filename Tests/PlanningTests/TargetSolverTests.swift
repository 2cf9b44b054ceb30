import TestSupport
import Testing

@testable import Planning

/// The least-cost target mode on hand-made instances and on random ones checked against a
/// brute force written independently here.
@Suite struct TargetSolverTests {
  /// Two carriers (parts 0 and 1), weights 1 each; elements 0–3 belong to part 0, 4–7 to
  /// part 1. Needs: 3 of part 0, 2 of part 1.
  /// A (cost 5) covers 0,1,2,4,5 — both needs alone. B (cost 2) covers 0,1,2; C (cost 2)
  /// covers 4,5: B + C also meets both for 4 < 5. D (cost 1) covers 3 only.
  /// By hand: the least cost is 4 (B + C); A alone costs 5; D never helps once 3 of part 0
  /// are met.
  @Test func meetsEveryCarriersNeedAtLeastCost() {
    let problem = CoverageProblem(
      weights: Array(repeating: 1, count: 8),
      candidates: [
        .init(cost: 5, elements: [0, 1, 2, 4, 5]), .init(cost: 2, elements: [0, 1, 2]),
        .init(cost: 2, elements: [4, 5]),
        .init(cost: 1, elements: [3]),
      ], elementPart: [0, 0, 0, 0, 1, 1, 1, 1])
    let solution = TargetSolver.solve(problem, needs: [3, 2], exactUpTo: 0)
    #expect(solution.met)
    #expect(Set(solution.ranked.map(\.index)) == [1, 2])
    #expect(solution.cost == 4)
    #expect(solution.lowerBound <= 4 + 1e-9)
    let exact = TargetSolver.solve(problem, needs: [3, 2])
    #expect(exact.boundMethod == "exact" && exact.lowerBound == 4 && exact.gap == 0)
  }

  /// Greedy alone takes the cheap crumb D (1 for 1: best ratio) before A (4 for 4): 5 in
  /// all, although A alone (4) meets the need of 4. The pruning pass drops D.
  @Test func pruningDropsPicksNoLongerNeeded() {
    let problem = CoverageProblem(
      weights: [1, 1, 1, 1],
      candidates: [.init(cost: 4, elements: [0, 1, 2, 3]), .init(cost: 1, elements: [0])])
    let solution = TargetSolver.solve(problem, needs: [4], exactUpTo: 0)
    #expect(solution.ranked.map(\.index) == [0])
    #expect(solution.cost == 4)
  }

  /// A need beyond what every candidate together covers is reported as not met.
  @Test func unreachableNeedIsReported() {
    let problem = CoverageProblem(weights: [1, 1, 1], candidates: [.init(cost: 1, elements: [0, 1])])
    let solution = TargetSolver.solve(problem, needs: [3])
    #expect(!solution.met)
    #expect(solution.value == 2)
  }

  /// 300 seeded random instances with two parts and slot groups: whenever the brute force
  /// finds a feasible choice meeting both needs, the solver meets them too (plain greedy
  /// missed 9 of these through full groups; greedy from every single seed misses 1, which
  /// needs two seeds: the limit below is that measured quality, not a tolerance),
  /// its cost is never below the least cost, and the lower bound never above it.
  @Test func randomInstancesAgainstBruteForce() {
    var random = SplitMix(seed: 1123)
    var missed = 0
    for round in 0..<300 {
      let problem = Self.randomProblem(&random)
      let totals = problem.valueByPart(of: Array(problem.candidates.indices), partCount: 2)
      let needs = totals.map { $0 * Double(30 + random.next() % 50) / 100 }
      let least = Self.leastCost(problem, needs: needs)
      let solution = TargetSolver.solve(problem, needs: needs, exactUpTo: 0)
      guard let least else { continue }
      guard solution.met else {
        missed += 1
        continue
      }
      let chosen = solution.ranked.map(\.index)
      #expect(problem.isFeasible(chosen), "round \(round)")
      let got = problem.valueByPart(of: chosen, partCount: 2)
      #expect(got[0] >= needs[0] - 1e-9 && got[1] >= needs[1] - 1e-9, "round \(round)")
      #expect(solution.cost >= least - 1e-9, "round \(round)")
      #expect(solution.lowerBound <= least + 1e-9, "round \(round): bound \(solution.lowerBound) > \(least)")
      let exact = TargetSolver.solve(problem, needs: needs)
      #expect(abs(exact.cost - least) < 1e-9, "exact search, round \(round)")
    }
    #expect(missed <= 1, "missed a reachable target \(missed) times of 300")
  }

  static func randomProblem(_ random: inout SplitMix) -> CoverageProblem {
    let elements = 24
    let weights = (0..<elements).map { _ in 1 + Double(random.next() % 90) / 10 }
    let count = 8 + Int(random.next() % 5)
    let candidates = (0..<count).map { _ -> CoverageProblem.Candidate in
      let cover = Set((0..<(2 + Int(random.next() % 7))).map { _ in Int32(random.next() % UInt64(elements)) })
      return .init(
        cost: 1 + Double(random.next() % 50) / 10, elements: cover.sorted(), groups: [Int(random.next() % 4)])
    }
    return CoverageProblem(
      weights: weights, candidates: candidates, groupCapacity: [1, 2, 2, 3],
      elementPart: (0..<elements).map { Int32($0 % 2) })
  }

  /// Every subset by bit mask: the least cost meeting both needs, nil when none does.
  static func leastCost(_ problem: CoverageProblem, needs: [Double]) -> Double? {
    var best: Double?
    for mask in 0..<(1 << problem.candidates.count) {
      let chosen = problem.candidates.indices.filter { mask & (1 << $0) != 0 }
      guard problem.isFeasible(chosen) else { continue }
      let got = problem.valueByPart(of: chosen, partCount: 2)
      guard got[0] >= needs[0] - 1e-9, got[1] >= needs[1] - 1e-9 else { continue }
      let cost = problem.cost(of: chosen)
      if best.map({ cost < $0 }) ?? true { best = cost }
    }
    return best
  }
}

/// The swap pass after the search.
@Suite struct CheaperSwapTests {
  /// Budget 16. A (new build, 10) covers 0–3; B (free slot, 9) covers 0–2; E (6) covers
  /// 3, 4. Greedy takes A first (0.4 per unit cost beats B's 0.33 and E's 0.33), then E
  /// (now 1/6 against B's 0): A + E covers all five for 16. A's own elements beside E are
  /// 0–2, which B covers for 9: B + E covers the same five for 15. Depth 0 (greedy and
  /// best single only) reaches 15 only through the swap.
  @Test func aChosenNewBuildGivesWayToACheaperSlot() {
    let problem = CoverageProblem(
      weights: [1, 1, 1, 1, 1],
      candidates: [
        .init(cost: 10, elements: [0, 1, 2, 3]), .init(cost: 9, elements: [0, 1, 2], groups: [0]),
        .init(cost: 6, elements: [3, 4]),
      ], groupCapacity: [1], budget: 16)
    let greedy = LazyGreedy.complete(GreedyState(problem))
    #expect(Set(greedy.chosen) == [0, 2] && greedy.cost == 16)
    let solution = CoverageSolver.solve(problem, depth: 0, exactUpTo: 0)
    #expect(Set(solution.ranked.map(\.index)) == [1, 2])
    #expect(solution.value == 5 && solution.cost == 15)
  }

  /// A group already full blocks the swap: with B's slot taken by F, A stays.
  @Test func aFullSlotBlocksTheSwap() {
    let problem = CoverageProblem(
      weights: [1, 1, 1, 1, 1, 1],
      candidates: [
        .init(cost: 10, elements: [0, 1, 2, 3]), .init(cost: 9, elements: [0, 1, 2], groups: [0]),
        .init(cost: 6, elements: [3, 4]), .init(cost: 1, elements: [5], groups: [0]),
      ], groupCapacity: [1], budget: 17)
    let state = CheaperSwap.improve(
      {
        var state = GreedyState(problem)
        for index in [0, 2, 3] { state.add(index) }
        return state
      }())
    #expect(Set(state.chosen) == [0, 2, 3])
  }
}
