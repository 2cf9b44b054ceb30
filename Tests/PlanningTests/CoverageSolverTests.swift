import TestSupport
import Testing

@testable import Planning

/// The optimiser on hand-made instances whose optimum is known, and on random ones checked
/// against a brute force written independently here.
@Suite struct CoverageSolverTests {
  /// Budget 10. A covers 10 for 10; B covers 1 for 0.5. Gain per cost prefers B (2 > 1),
  /// after which A no longer fits: plain greedy ends at 1, the optimum is A alone: 10.
  @Test func bestSingleRescuesGreedyFromACheapCrumb() {
    let problem = CoverageProblem(
      weights: [10, 1], candidates: [.init(cost: 10, elements: [0]), .init(cost: 0.5, elements: [1])], budget: 10)
    #expect(LazyGreedy.complete(GreedyState(problem)).value == 1)
    let solution = CoverageSolver.solve(problem, depth: 0, exactUpTo: 0)
    #expect(solution.value == 10)
    #expect(solution.ranked.map(\.index) == [0])
    // Lagrangian bound at u = w is the fractional knapsack: A (ratio 1) … B first (ratio 2):
    // B whole (1, cost 0.5) + A for the 9.5 left (9.5) = 10.5 ≥ 10.
    #expect(solution.upperBound >= 10 && solution.upperBound <= 10.5 + 1e-9)
  }

  /// Budget 4, disjoint covers: C0 2.2 for 1, C1 4 for 2, C2 4 for 2. Greedy takes C0
  /// (2.2 per cost) then C1; C2 no longer fits: 6.2. Best single: 4. Seeds of one
  /// completed greedily also end at 6.2 (C0 always comes next). Only seeds of two find
  /// the optimum C1 + C2 = 8. The LP bound is C0 + C1 + half of C2 = 8.2.
  @Test func partialEnumerationFixesWhatGreedyAndBestSingleMiss() {
    let problem = CoverageProblem(
      weights: [2.2, 4, 4],
      candidates: [.init(cost: 1, elements: [0]), .init(cost: 2, elements: [1]), .init(cost: 2, elements: [2])],
      budget: 4)
    let greedy = CoverageSolver.solve(problem, depth: 0, exactUpTo: 0)
    let seedsOfOne = CoverageSolver.solve(problem, depth: 1, exactUpTo: 0)
    let seedsOfTwo = CoverageSolver.solve(problem, depth: 2, exactUpTo: 0)
    #expect(abs(greedy.value - 6.2) < 1e-12)
    #expect(abs(seedsOfOne.value - 6.2) < 1e-12)
    #expect(seedsOfTwo.value == 8)
    #expect(Set(seedsOfTwo.ranked.map(\.index)) == [1, 2])
    for solution in [greedy, seedsOfOne, seedsOfTwo] {
      #expect(solution.upperBound >= 8)
      #expect(abs(solution.upperBound - 8.2) < 1e-9)
    }
    #expect(abs(seedsOfTwo.gap - (1 - 8 / 8.2)) < 1e-9)
    // With the exact search the bound is the optimum itself.
    let exact = CoverageSolver.solve(problem, depth: 0)
    #expect(exact.value == 8 && exact.upperBound == 8 && exact.boundMethod == "exact")
  }

  /// One structure with one free slot; Viettel would cover 5 from it, VNPT 3. Joint mode
  /// gives the slot to one carrier only, the one covering more.
  @Test func jointModeNeverOverfillsAStructure() {
    let problem = CoverageProblem(
      weights: [5, 3],
      candidates: [.init(cost: 1, elements: [0], groups: [0]), .init(cost: 1, elements: [1], groups: [0])],
      groupCapacity: [1])
    let solution = CoverageSolver.solve(problem, depth: 2, exactUpTo: 0)
    #expect(solution.ranked.map(\.index) == [0])
    #expect(solution.value == 5)
  }

  @Test func equalCandidatesBreakTiesByIndex() {
    let problem = CoverageProblem(
      weights: [1, 1, 1],
      candidates: [
        .init(cost: 1, elements: [0, 1]), .init(cost: 1, elements: [1, 2]), .init(cost: 1, elements: [0, 2]),
      ],
      maxCount: 1)
    #expect(CoverageSolver.solve(problem, depth: 0, exactUpTo: 0).ranked.map(\.index) == [0])
  }

  /// 300 seeded random instances (8–12 candidates, budget, count and slot groups): the
  /// result is feasible, never above the optimum, the bound never below it, and with a
  /// count limit alone greedy keeps 1 − 1/e of it (Nemhauser, Wolsey & Fisher 1978).
  @Test func randomInstancesAgainstBruteForce() {
    var random = SplitMix(seed: 2026)
    for round in 0..<300 {
      let problem = Self.randomProblem(&random, budgeted: round % 3 != 2)
      let optimum = Self.bruteForce(problem)
      let solution = CoverageSolver.solve(problem, depth: 1, exactUpTo: 0)
      let chosen = solution.ranked.map(\.index)
      #expect(problem.isFeasible(chosen), "round \(round)")
      #expect(abs(problem.value(of: chosen) - solution.value) < 1e-9)
      #expect(solution.value <= optimum + 1e-9, "round \(round)")
      #expect(solution.upperBound >= optimum - 1e-9, "round \(round): bound \(solution.upperBound) < \(optimum)")
      if problem.budget == nil && problem.groupCapacity.isEmpty {
        #expect(solution.value >= (1 - 1 / 2.718281828459045) * optimum - 1e-9)
      }
      #expect(abs(CoverageSolver.solve(problem, depth: 0).value - optimum) < 1e-9, "exact search, round \(round)")
    }
  }

  static func randomProblem(_ random: inout SplitMix, budgeted: Bool) -> CoverageProblem {
    let elements = 30
    let weights = (0..<elements).map { _ in Double(random.next() % 100) / 10 }
    let count = 8 + Int(random.next() % 5)
    let grouped = random.next() % 2 == 0
    let candidates = (0..<count).map { _ -> CoverageProblem.Candidate in
      let cover = Set((0..<(2 + Int(random.next() % 8))).map { _ in Int32(random.next() % UInt64(elements)) })
      return .init(
        cost: 1 + Double(random.next() % 50) / 10, elements: cover.sorted(),
        groups: grouped ? [Int(random.next() % 3)] : [])
    }
    return CoverageProblem(
      weights: weights, candidates: candidates, groupCapacity: grouped ? [1, 2, 1] : [],
      budget: budgeted ? 4 + Double(random.next() % 60) / 10 : nil, maxCount: budgeted ? nil : 3)
  }

  /// Every subset by bit mask, independent of the solver's own search.
  static func bruteForce(_ problem: CoverageProblem) -> Double {
    var best = 0.0
    for mask in 0..<(1 << problem.candidates.count) {
      let chosen = problem.candidates.indices.filter { mask & (1 << $0) != 0 }
      guard problem.isFeasible(chosen) else { continue }
      best = max(best, problem.value(of: chosen))
    }
    return best
  }
}

/// Co-location against a new build that covers the same cells.
@Suite struct CoLocationPreferenceTests {
  /// Candidate 0 is a new tower, candidate 1 a free slot nearby: both cover cells 0–2
  /// (weights 4, 4, 2). The slot costs 5.6 bn VND over the horizon, the tower 7.9 bn.
  /// Whatever the limits, the slot is taken and the tower is not.
  @Test func aCheaperSlotWithTheSameCoverageWins() {
    for (budget, count) in [(nil, nil), (8e9, nil), (nil, 1), (20e9, 2)] as [(Double?, Int?)] {
      let problem = CoverageProblem(
        weights: [4, 4, 2],
        candidates: [.init(cost: 7.9e9, elements: [0, 1, 2]), .init(cost: 5.6e9, elements: [0, 1, 2], groups: [0])],
        groupCapacity: [1], budget: budget, maxCount: count)
      for depth in 0...2 {
        let solution = CoverageSolver.solve(problem, depth: depth, exactUpTo: 0)
        #expect(solution.ranked.map(\.index) == [1], "budget \(String(describing: budget)), depth \(depth)")
        #expect(solution.value == 10 && solution.cost == 5.6e9)
      }
    }
  }
}
