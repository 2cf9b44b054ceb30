import Solver

/// The plan's choice and how good it is proven to be.
public struct PlanSolution: Sendable {
  /// Chosen candidates in ranked order (`LazyGreedy.ranked`), each with the weight it adds.
  public let ranked: [(index: Int, gain: Double)]
  public let value: Double
  public let cost: Double
  /// Budget goal: an upper bound on the best value; target goal: a lower bound on the least cost.
  public let bound: Double
  /// Where the bound comes from: "cbc" (the MILP's proven bound), "exact" (every feasible set
  /// searched), "lagrangian" or "lp-dual" (the heuristics' own bounds, when CBC is not run).
  public let boundMethod: String
  /// "optimal" (proven), "proven gap" (CBC stopped at its time limit with the gap below), or
  /// "heuristic" (no exact solve: the gap is the heuristic bound's).
  public let status: String
  /// Budget goal: at most this share below the optimum; target goal: above the least cost.
  public let gap: Double
  /// The LP relaxation's optimum, when CBC ran (same sense as `bound`, never tighter).
  public let relaxationBound: Double?
  /// Seconds CBC took, when it ran.
  public let solverSeconds: Double?
  /// Branch-and-bound nodes CBC explored, when it ran.
  public var solverNodes: Int? = nil
  /// The limit that stopped CBC before a proof: `.nodes` is reproducible, `.time` is not
  /// (the plan then depends on the machine's speed and load).
  public var stoppedBy: Solution.Limit? = nil
  /// Enumeration depth of the heuristic.
  public let depth: Int
  /// A guarantee that holds before any bound is computed: only for a budget with no other
  /// constraint (Khuller, Moss & Naor 1999); nil otherwise (station caps and capacity groups
  /// void it).
  public let apriorGuarantee: Double?
  /// Target goal: whether every part's need is met.
  public let met: Bool
}

/// Heuristics first (they give the MIP start and the answer when CBC is not run), then CBC.
public enum PlanSolver {
  /// How long CBC may search, s; nil = heuristics only.
  public typealias TimeLimit = Double?
  /// How many branch-and-bound nodes CBC may explore; nil = no limit.
  public typealias NodeLimit = Int?

  public static func maximizeCoverage(
    _ problem: CoverageProblem, depth: Int, timeLimitSeconds: TimeLimit, nodeLimit: NodeLimit = nil
  )
    -> PlanSolution
  {
    let heuristic = CoverageSolver.solve(problem, depth: depth)
    let budgetOnly = problem.groupCapacity.isEmpty && problem.maxCount == nil && problem.budget != nil
    var state = GreedyState(problem)
    for (index, _) in heuristic.ranked { state.add(index) }
    var bound = heuristic.upperBound
    var method = heuristic.boundMethod
    var status = heuristic.boundMethod == "exact" ? "optimal" : "heuristic"
    var relaxation: Double?
    var seconds: Double?
    var nodes: Int?
    var stoppedBy: Solution.Limit?
    if let timeLimitSeconds,
      let outcome = try? CoverageMILP.maximizeCoverage(
        problem, start: state.chosen, timeLimitSeconds: timeLimitSeconds, nodeLimit: nodeLimit),
      outcome.status == .optimal || outcome.status == .feasible
    {
      var exact = GreedyState(problem)
      for index in outcome.chosen where exact.fits(index) { exact.add(index) }
      exact = CheaperSwap.improve(exact)
      if exact.value > state.value || (exact.value == state.value && exact.cost < state.cost) { state = exact }
      bound = min(bound, outcome.bound)
      method = "cbc"
      status = outcome.status == .optimal ? "optimal" : "proven gap"
      relaxation = outcome.relaxation
      seconds = outcome.seconds
      nodes = outcome.nodes
      stoppedBy = outcome.stoppedBy
    }
    let gap = bound <= 0 ? 0 : max(0, 1 - state.value / bound)
    var solution = PlanSolution(
      ranked: LazyGreedy.ranked(state.chosen, in: problem), value: state.value, cost: state.cost, bound: bound,
      boundMethod: method, status: gap <= 1e-9 ? "optimal" : status, gap: gap, relaxationBound: relaxation,
      solverSeconds: seconds, depth: heuristic.depth,
      apriorGuarantee: budgetOnly ? heuristic.apriorGuarantee : nil, met: true)
    solution.solverNodes = nodes
    solution.stoppedBy = stoppedBy
    return solution
  }

  public static func minimizeCost(
    _ problem: CoverageProblem, needs: [Double], timeLimitSeconds: TimeLimit, nodeLimit: NodeLimit = nil
  )
    -> PlanSolution
  {
    // With CBC to follow, one greedy pass is a good enough start: the restarts from every
    // seed (for small instances) cost up to ~20 s on a single-carrier Hai Phong target and
    // CBC proves the optimum in under a second anyway (BENCHMARKS.md).
    let heuristic = TargetSolver.solve(problem, needs: needs, seededUpTo: timeLimitSeconds == nil ? 256 : 0)
    var state = GreedyState(problem)
    for (index, _) in heuristic.ranked { state.add(index) }
    var met = heuristic.met
    var bound = heuristic.lowerBound
    var method = heuristic.boundMethod
    var status = heuristic.boundMethod == "exact" ? "optimal" : "heuristic"
    var relaxation: Double?
    var seconds: Double?
    var nodes: Int?
    var stoppedBy: Solution.Limit?
    if let timeLimitSeconds,
      let outcome = try? CoverageMILP.minimizeCost(
        problem, needs: needs, start: met ? state.chosen : nil, timeLimitSeconds: timeLimitSeconds,
        nodeLimit: nodeLimit)
    {
      relaxation = outcome.relaxation
      seconds = outcome.seconds
      nodes = outcome.nodes
      stoppedBy = outcome.stoppedBy
      switch outcome.status {
      case .optimal, .feasible:
        var exact = GreedyState(problem)
        for index in outcome.chosen where exact.fits(index) { exact.add(index) }
        let tolerance = 1e-9 * max(1, needs.reduce(0, +))
        if TargetSolver.meets(exact.chosen, problem, needs, tolerance), !met || exact.cost < state.cost {
          state = exact
          met = true
        }
        bound = max(met ? bound : 0, outcome.bound)
        method = "cbc"
        status = outcome.status == .optimal ? "optimal" : "proven gap"
      case .infeasible where !met:
        // Proven: no choice meets every need; the heuristic's best effort stays as the plan.
        method = "cbc"
        status = "infeasible"
      case .infeasible:
        // CBC contradicts a choice checked to meet every need: keep it, unproven.
        break
      case .noSolution:
        break
      }
    }
    let gap = !met || state.cost <= 0 ? 0 : max(0, 1 - bound / state.cost)
    var solution = PlanSolution(
      ranked: LazyGreedy.ranked(state.chosen, in: problem), value: state.value, cost: state.cost, bound: bound,
      boundMethod: method, status: met && gap <= 1e-9 ? "optimal" : status, gap: gap, relaxationBound: relaxation,
      solverSeconds: seconds, depth: 0, apriorGuarantee: nil, met: met)
    solution.solverNodes = nodes
    solution.stoppedBy = stoppedBy
    return solution
  }
}
