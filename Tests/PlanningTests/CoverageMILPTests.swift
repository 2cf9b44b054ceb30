import TestSupport
import Testing

@testable import Planning

/// The exact MILP (CBC) against hand-worked optima for each kind of constraint and against an
/// independent brute force on random instances.
@Suite struct CoverageMILPTests {
  /// Budget 10. A (cost 6) covers 0–3 (weight 4), B (5) covers 0–1 and 4 (3), C (5) covers
  /// 2–3 and 5 (3). By hand: A alone 4; A + B or A + C exceed the budget (11); B + C = 10
  /// covers 0–5 = 6, the optimum. Greedy takes A first (4/6 = 0.67 beats 3/5 = 0.6), then
  /// nothing fits: 4.
  @Test func budgetOptimumBeatsGreedy() throws {
    let problem = CoverageProblem(
      weights: [1, 1, 1, 1, 1, 1],
      candidates: [
        .init(cost: 6, elements: [0, 1, 2, 3]), .init(cost: 5, elements: [0, 1, 4]),
        .init(cost: 5, elements: [2, 3, 5]),
      ], budget: 10)
    let outcome = try CoverageMILP.maximizeCoverage(problem, start: [0], timeLimitSeconds: 10)
    #expect(outcome.status == .optimal)
    #expect(Set(outcome.chosen) == [1, 2])
    #expect(abs(outcome.bound - 6) < 1e-6)
    let plan = PlanSolver.maximizeCoverage(problem, depth: 0, timeLimitSeconds: 10)
    #expect(plan.value == 6 && plan.status == "optimal" && plan.boundMethod == "cbc" && plan.gap == 0)
  }

  /// Station cap 1, no budget: the single best candidate. A covers 3 (weight 1 each), B
  /// covers 2 of weight 2 = 4: B.
  @Test func stationCapKeepsTheSingleBest() throws {
    let problem = CoverageProblem(
      weights: [1, 1, 1, 2, 2],
      candidates: [.init(cost: 1, elements: [0, 1, 2]), .init(cost: 1, elements: [3, 4])], maxCount: 1)
    let outcome = try CoverageMILP.maximizeCoverage(problem, start: [], timeLimitSeconds: 10)
    #expect(outcome.chosen == [1] && outcome.status == .optimal)
  }

  /// One free slot (group 0, capacity 1) wanted by two carriers' stations A (covers 0, 1) and
  /// B (covers 2, 3, 4); C (covers 0) needs no slot. By hand: B + C = 4 elements, the optimum;
  /// A + B would overfill the slot.
  @Test func aCapacityGroupIsNeverOverfilled() throws {
    let problem = CoverageProblem(
      weights: [1, 1, 1, 1, 1],
      candidates: [
        .init(cost: 1, elements: [0, 1], groups: [0]), .init(cost: 1, elements: [2, 3, 4], groups: [0]),
        .init(cost: 1, elements: [0]),
      ], groupCapacity: [1])
    let outcome = try CoverageMILP.maximizeCoverage(problem, start: [], timeLimitSeconds: 10)
    #expect(Set(outcome.chosen) == [1, 2])
  }

  /// Per-carrier targets (weights 1; part 0 = elements 0–2, part 1 = 3–5). A (cost 3) covers
  /// 0, 1, 3, 4; B (1) covers 1, 2; C (1) covers 4, 5. By hand: needs (2, 2) → B + C for 2,
  /// cheaper than A (3). Needs (3, 0) → all of 0, 1, 2: only A + B (0, 1 and 1, 2) for 4.
  /// Needs (4, 0) → part 0 has only 3 elements: infeasible.
  @Test func targetsPerCarrierAtLeastCost() throws {
    let problem = CoverageProblem(
      weights: [1, 1, 1, 1, 1, 1],
      candidates: [
        .init(cost: 3, elements: [0, 1, 3, 4]), .init(cost: 1, elements: [1, 2]), .init(cost: 1, elements: [4, 5]),
      ], elementPart: [0, 0, 0, 1, 1, 1])
    let two = try CoverageMILP.minimizeCost(problem, needs: [2, 2], start: nil, timeLimitSeconds: 10)
    #expect(Set(two.chosen) == [1, 2] && two.status == .optimal && abs(two.bound - 2) < 1e-6)
    let three = try CoverageMILP.minimizeCost(problem, needs: [3, 0], start: nil, timeLimitSeconds: 10)
    #expect(Set(three.chosen) == [0, 1] && three.status == .optimal)
    let four = try CoverageMILP.minimizeCost(problem, needs: [4, 0], start: nil, timeLimitSeconds: 10)
    #expect(four.status == .infeasible)
    let plan = PlanSolver.minimizeCost(problem, needs: [4, 0], timeLimitSeconds: 10)
    #expect(!plan.met && plan.status == "infeasible")
  }

  /// Elements with the same covering candidates become one class: 6 elements, 3 classes.
  @Test func elementsWithTheSameCoversAreMerged() {
    let problem = CoverageProblem(
      weights: [1, 2, 3, 4, 5, 6],
      candidates: [.init(cost: 1, elements: [0, 1, 2, 3]), .init(cost: 1, elements: [2, 3, 4])])
    let classes = CoverageMILP.classes(problem, partCount: 1)
    // {0, 1} by A only (weight 3), {2, 3} by A and B (7), {4} by B only (5); 5 is uncovered.
    #expect(classes.covers == [[0], [0, 1], [1]])
    #expect(classes.weightByPart == [[3], [7], [5]])
  }

  /// The a-priori guarantee of partial enumeration is claimed only for a budget alone.
  @Test func theAPrioriGuaranteeOnlyForABudgetAlone() {
    let budgetOnly = CoverageProblem(
      weights: [1, 1], candidates: [.init(cost: 1, elements: [0]), .init(cost: 1, elements: [1])], budget: 1)
    #expect(PlanSolver.maximizeCoverage(budgetOnly, depth: 3, timeLimitSeconds: nil).apriorGuarantee != nil)
    let capped = CoverageProblem(
      weights: [1, 1], candidates: [.init(cost: 1, elements: [0]), .init(cost: 1, elements: [1])], budget: 1,
      maxCount: 1)
    #expect(PlanSolver.maximizeCoverage(capped, depth: 3, timeLimitSeconds: nil).apriorGuarantee == nil)
    let grouped = CoverageProblem(
      weights: [1, 1], candidates: [.init(cost: 1, elements: [0], groups: [0]), .init(cost: 1, elements: [1])],
      groupCapacity: [1], budget: 1)
    #expect(PlanSolver.maximizeCoverage(grouped, depth: 3, timeLimitSeconds: nil).apriorGuarantee == nil)
  }

  /// 250 seeded random budget instances (slot groups, some with a station cap) and 250 target
  /// instances (two carriers): CBC's optimum equals the brute force's to 1e-9, its bound is
  /// never on the wrong side, and the chosen set is feasible.
  @Test func randomInstancesEqualBruteForce() throws {
    var random = SplitMix(seed: 2024)
    for round in 0..<250 {
      var problem = CoverageSolverTests.randomProblem(&random, budgeted: true)
      if round % 3 == 0 {
        problem = CoverageProblem(
          weights: problem.weights, candidates: problem.candidates, groupCapacity: problem.groupCapacity,
          budget: problem.budget, maxCount: 2)
      }
      let optimum = CoverageSolverTests.bruteForce(problem)
      let outcome = try CoverageMILP.maximizeCoverage(problem, start: [], timeLimitSeconds: 10)
      #expect(outcome.status == .optimal, "budget round \(round)")
      #expect(problem.isFeasible(outcome.chosen), "budget round \(round)")
      #expect(abs(problem.value(of: outcome.chosen) - optimum) < 1e-9, "budget round \(round)")
      #expect(outcome.bound >= optimum - 1e-6, "budget round \(round)")
      #expect(outcome.relaxation >= optimum - 1e-6, "budget round \(round): LP bound below the optimum")
    }
    var reachable = 0
    for round in 0..<250 {
      let problem = TargetSolverTests.randomProblem(&random)
      let totals = problem.valueByPart(of: Array(problem.candidates.indices), partCount: 2)
      let needs = totals.map { $0 * Double(30 + random.next() % 70) / 100 }
      let least = TargetSolverTests.leastCost(problem, needs: needs)
      let outcome = try CoverageMILP.minimizeCost(problem, needs: needs, start: nil, timeLimitSeconds: 10)
      guard let least else {
        #expect(outcome.status == .infeasible, "target round \(round): brute force finds no choice")
        continue
      }
      reachable += 1
      #expect(outcome.status == .optimal, "target round \(round)")
      #expect(problem.isFeasible(outcome.chosen), "target round \(round)")
      #expect(abs(problem.cost(of: outcome.chosen) - least) < 1e-9, "target round \(round)")
      #expect(outcome.bound <= least + 1e-6, "target round \(round)")
      // The heuristic's own LP-dual bound, as computed (no clamp), never exceeds the least cost.
      let heuristic = TargetSolver.solve(problem, needs: needs, exactUpTo: 0)
      if heuristic.met { #expect(heuristic.lowerBound <= least + 1e-9, "target round \(round)") }
    }
    #expect(reachable >= 100, "the sweep must exercise reachable targets: \(reachable)")
  }
}
